package org.ganbook.bench;

import ai.djl.ndarray.NDArray;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.ganbook.train.GanTrainer;

/**
 * Where a DCGAN iteration's time goes, in CPU time of the training thread (on one thread libtorch
 * computes on the caller's thread, so this is the step's own work, little disturbed by other jobs on
 * the machine): the discriminator step, the generator step, drawing and converting a real batch, and
 * G's forward pass alone. Prints one line {@code @@ {...}} of medians in milliseconds.
 */
final class StepProfile {

    private StepProfile() {}

    static void run(String config, int repeats) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        try (GanTrainer trainer = GanBench.trainer(config)) {
            trainer.fit(3);
            double[] d = new double[repeats];
            double[] g = new double[repeats];
            double[] data = new double[repeats];
            double[] forward = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long t = bean.getCurrentThreadCpuTime();
                trainer.discriminatorStep();
                long t1 = bean.getCurrentThreadCpuTime();
                trainer.generatorStep();
                long t2 = bean.getCurrentThreadCpuTime();
                NDArray real = trainer.realSamples(64);
                real.toFloatArray();
                long t3 = bean.getCurrentThreadCpuTime();
                NDArray fake = trainer.generate(64);
                fake.toFloatArray();
                long t4 = bean.getCurrentThreadCpuTime();
                real.close();
                fake.close();
                d[r] = (t1 - t) / 1e6;
                g[r] = (t2 - t1) / 1e6;
                data[r] = (t3 - t2) / 1e6;
                forward[r] = (t4 - t3) / 1e6;
            }
            System.out.println(String.format(Locale.ROOT,
                    "@@ {\"config\":\"%s\",\"d_step_ms\":%.2f,\"g_step_ms\":%.2f,\"real_batch_ms\":%.3f,"
                            + "\"g_forward_inference_ms\":%.2f}",
                    config, median(d), median(g), median(data), median(forward)));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

package org.ganbook.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.ganbook.loss.GanLoss;
import org.ganbook.train.GanTrainer;

/**
 * Where a DCGAN iteration's time goes, in CPU time of the training thread (on one thread libtorch
 * computes on the caller's thread, so this is the step's own work, little disturbed by other jobs on
 * the machine): the discriminator step, the generator step, drawing and converting a real batch, and
 * G's forward pass alone; then the D step's two main parts on their own, outside the trainer: G's forward
 * pass in training mode without autograd (how the D step makes its fakes) and D's two passes (real, fake)
 * with the loss and the backward pass, without the update. Prints one line {@code @@ {...}} of medians in
 * milliseconds.
 */
final class StepProfile {

    private StepProfile() {}

    static void run(String config, int repeats) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        try (GanTrainer trainer = GanBench.trainer(config); NDManager own = NDManager.newBaseManager()) {
            trainer.fit(3);
            double[] d = new double[repeats];
            double[] g = new double[repeats];
            double[] data = new double[repeats];
            double[] forward = new double[repeats];
            double[] forwardTrain = new double[repeats];
            double[] dPasses = new double[repeats];
            ParameterStore store = new ParameterStore(own, false);
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
                fake.close();
                try (NDManager scratch = own.newSubManager()) {
                    NDArray z = scratch.randomNormal(new Shape(64, 100));
                    long t5 = bean.getCurrentThreadCpuTime();
                    NDArray made = trainer.generator().forward(store, new NDList(z), true).singletonOrThrow();
                    long t6 = bean.getCurrentThreadCpuTime();
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray realLogits = trainer.discriminator().forward(store, new NDList(real), true).singletonOrThrow();
                        NDArray fakeLogits = trainer.discriminator().forward(store, new NDList(made), true).singletonOrThrow();
                        NDArray logits = realLogits.concat(fakeLogits, 0);
                        NDArray targets = scratch.ones(new Shape(64, 1)).concat(scratch.zeros(new Shape(64, 1)), 0);
                        NDArray loss = GanLoss.binaryCrossEntropyWithLogits(logits, targets);
                        collector.backward(loss);
                        logits.toFloatArray();
                    }
                    long t7 = bean.getCurrentThreadCpuTime();
                    forwardTrain[r] = (t6 - t5) / 1e6;
                    dPasses[r] = (t7 - t6) / 1e6;
                }
                real.close();
                d[r] = (t1 - t) / 1e6;
                g[r] = (t2 - t1) / 1e6;
                data[r] = (t3 - t2) / 1e6;
                forward[r] = (t4 - t3) / 1e6;
            }
            System.out.println(String.format(Locale.ROOT,
                    "@@ {\"config\":\"%s\",\"d_step_ms\":%.2f,\"g_step_ms\":%.2f,\"real_batch_ms\":%.3f,"
                            + "\"g_forward_inference_ms\":%.2f,\"g_forward_train_ms\":%.2f,"
                            + "\"d_passes_backward_ms\":%.2f}",
                    config, median(d), median(g), median(data), median(forward), median(forwardTrain),
                    median(dPasses)));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

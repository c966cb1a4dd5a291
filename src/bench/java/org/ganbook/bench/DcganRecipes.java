package org.ganbook.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ganbook.data.DatasetArrays;
import org.ganbook.data.Datasets;
import org.ganbook.data.ImageDataset;
import org.ganbook.loss.GanLoss;
import org.ganbook.metrics.ImageClassifier;
import org.ganbook.metrics.ImageQuality;
import org.ganbook.nn.Conditional;
import org.ganbook.nn.DcganDiscriminator;
import org.ganbook.nn.DcganGenerator;
import org.ganbook.nn.LabelEncoder;
import org.ganbook.nn.Upsampling;
import org.ganbook.notebook.Scoreboard;
import org.ganbook.metrics.Checkerboard;
import org.ganbook.train.BatchNormConvention;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.GanTrainerBuilder;
import org.ganbook.train.Optimizers;
import org.ganbook.train.ResumableOptimizer;
import org.ganbook.train.SwitchingOptimizer;

/**
 * The DCGAN recipe search of notebook 7: trains one DCGAN configuration on the shipped MNIST digits for a
 * fixed budget of training-thread CPU seconds (a cheaper configuration gets more iterations), then scores
 * it as the notebook's {@link Scoreboard} does: share of 2,000 samples the classifier recognises with
 * p ≥ 0.9, and the Fréchet distance in the classifier's feature space.
 *
 * <p>Each argument is one configuration, {@code key=value} pairs separated by commas, e.g.
 * {@code name=lr1e-3,lrG=1e-3,lrD=1e-3}. Keys (defaults = notebook 7 before this search): {@code seed}
 * (42), {@code lrG}, {@code lrD} (2e-4), {@code beta1} (0.5), {@code batch} (64), {@code gch} (G's base
 * channels C, 32: widest layer 4C), {@code dch} (D's base channels, 32), {@code up} ({@code tconv} or
 * {@code nearest}), {@code smooth} (one-sided label smoothing, 0), {@code dropAt} (fraction of the run
 * after which both rates drop, 1 = never), {@code dropBy} (factor of the drop, 0.1), {@code iters}
 * (a fixed iteration count instead of the CPU budget), {@code budget} (CPU seconds, 300), {@code keras}
 * (Keras's BatchNorm convention), {@code dbn} ({@code false}: D without BatchNorm), {@code loss}
 * ({@code ls}: least squares), {@code r1} (R1 penalty γ, 0), {@code dsteps} (D steps per G step, 1), {@code cond} (told the digit: one-hot labels
 * beside the noise and as 10 extra image channels of D's input; scored on random labels), and measurements at the end: {@code checker} (the checkerboard energy share),
 * {@code why} (the unrecognised samples: between two digits or
 * neither), {@code trunc} (samples from noise scaled by this factor), {@code ema} (an exponential moving average of G's
 * weights with this decay, swapped in at the end), {@code trainmode} (G with BatchNorm on batch statistics).
 * Run with one thread: {@code src/bench/dcgan-recipes.sh 'name=a,lrG=1e-3,lrD=1e-3' ...}.
 */
public final class DcganRecipes {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final NDManager SHADOW_MANAGER = NDManager.newBaseManager();
    private static final Map<String, NDArray> SHADOW = new LinkedHashMap<>();

    private DcganRecipes() {}

    public static void main(String[] args) throws Exception {
        ImageDataset digits = Datasets.mnist();
        var classifier = ImageClassifier.trainOrLoad("mnist", DatasetArrays.pixels(digits), DatasetArrays.labels(digits));
        float[] real = DatasetArrays.pixels(digits, 0, 2000);
        System.out.println("| config | seed | iterations | CPU s | ms/it | recognised % (half) | FD (half) | recognised % | FD |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String arg : args) {
            Map<String, String> c = parse(arg);
            run(c, digits, classifier, real);
        }
    }

    private static Map<String, String> parse(String arg) {
        Map<String, String> c = new LinkedHashMap<>();
        for (String kv : arg.split(",")) {
            int eq = kv.indexOf('=');
            c.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return c;
    }

    private static float f(Map<String, String> c, String key, float dflt) {
        return c.containsKey(key) ? Float.parseFloat(c.get(key)) : dflt;
    }

    private static int i(Map<String, String> c, String key, int dflt) {
        return c.containsKey(key) ? Integer.parseInt(c.get(key)) : dflt;
    }

    private static GanTrainer build(Map<String, String> c, ImageDataset digits, int iterations) {
        float lrG = f(c, "lrG", 2e-4f);
        float lrD = f(c, "lrD", 2e-4f);
        float beta1 = f(c, "beta1", 0.5f);
        float dropAt = f(c, "dropAt", 1f);
        float dropBy = f(c, "dropBy", 0.1f);
        boolean conditional = c.containsKey("cond");
        var g = DcganGenerator.builder()
                .setCodingSize(conditional ? 110 : 100)
                .optChannels(i(c, "gch", 32))
                .optUpsampling("nearest".equals(c.get("up")) ? Upsampling.NEAREST_CONV : Upsampling.TRANSPOSED_CONV)
                .build();
        var d = DcganDiscriminator.builder()
                .optChannels(i(c, "dch", 32))
                .optBatchNorm(!"false".equals(c.get("dbn")))
                .build();
        GanTrainerBuilder b = (conditional
                        ? GanTrainer.builder(Conditional.concat(LabelEncoder.oneHot(10), g),
                                Conditional.channels(LabelEncoder.oneHot(10), d)).optConditional(true)
                        : GanTrainer.builder(g, d))
                .setData(digits)
                .setCodingSize(100)
                .optBatchSize(i(c, "batch", 64))
                .optLabelSmoothing(f(c, "smooth", 0f))
                .optBatchNormConvention(c.containsKey("keras") ? BatchNormConvention.KERAS : BatchNormConvention.PYTORCH)
                .optMeasureAfterUpdate(false)
                .optLoss("ls".equals(c.get("loss")) ? GanLoss.leastSquares() : GanLoss.nonSaturating())
                .optR1Penalty(f(c, "r1", 0f))
                .optDiscriminatorSteps(i(c, "dsteps", 1))
                .optSeed(Long.parseLong(c.getOrDefault("seed", "42")))
                .optProgress(0);
        if (c.containsKey("ema")) {
            float beta = Float.parseFloat(c.get("ema"));
            b.optListener(1, (trainer, it) -> {
                for (var pair : trainer.generator().getParameters()) {
                    NDArray w = pair.getValue().getArray();
                    NDArray s = SHADOW.get(pair.getKey());
                    if (s == null) {
                        s = SHADOW_MANAGER.create(w.toFloatArray(), w.getShape());
                        SHADOW.put(pair.getKey(), s);
                    } else {
                        s.muli(beta).addi(w.mul(1 - beta));
                    }
                }
            });
        }
        int switchAt = (int) Math.round(dropAt * iterations);
        if (dropAt < 1) {
            b.optGeneratorOptimizer(rates(switchAt, lrG, dropBy, beta1))
                    .optDiscriminatorOptimizer(rates(switchAt, lrD, dropBy, beta1));
        } else {
            b.optGeneratorOptimizer(Optimizers.adam(lrG, beta1)).optDiscriminatorOptimizer(Optimizers.adam(lrD, beta1));
        }
        return b.build();
    }

    private static ResumableOptimizer rates(int switchAt, float rate, float dropBy, float beta1) {
        return SwitchingOptimizer.after(switchAt, Optimizers.adam(rate, beta1), Optimizers.adam(rate * dropBy, beta1));
    }

    /**
     * What the classifier says of the samples it does not recognise with p ≥ 0.9: two digits that share at least
     * 0.9 of the probability (a shape between two digits), or neither (no digit it knows, or several).
     */
    private static String unrecognised(ImageClassifier classifier, float[] images) {
        double[][] p = classifier.probabilityVectors(images);
        int recognised = 0;
        int between = 0;
        for (double[] row : p) {
            double[] sorted = row.clone();
            java.util.Arrays.sort(sorted);
            double first = sorted[sorted.length - 1];
            double second = sorted[sorted.length - 2];
            if (first >= 0.9) {
                recognised++;
            } else if (first + second >= 0.9) {
                between++;
            }
        }
        int n = p.length;
        return String.format(Locale.ROOT, "recognised %.1f %%, between two digits %.1f %%, other %.1f %%",
                100.0 * recognised / n, 100.0 * between / n, 100.0 * (n - recognised - between) / n);
    }

    private static void run(Map<String, String> c, ImageDataset digits, ImageClassifier classifier, float[] real) {
        int iterations;
        double budget = f(c, "budget", 300f);
        if (c.containsKey("iters")) {
            iterations = Integer.parseInt(c.get("iters"));
        } else {
            // calibrate: CPU per iteration of this configuration, after a short warm-up
            try (GanTrainer probe = build(c, digits, 1_000_000)) {
                probe.fit(10);
                long t0 = THREADS.getCurrentThreadCpuTime();
                probe.fit(20);
                double perIteration = (THREADS.getCurrentThreadCpuTime() - t0) / 1e9 / 20;
                iterations = (int) Math.round(budget / perIteration / 50) * 50;
            }
        }
        try (GanTrainer trainer = build(c, digits, iterations)) {
            var board = new Scoreboard(classifier, real, 0.9);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            int half = iterations / 2;
            trainer.fit(half);
            long cpuHalf = THREADS.getCurrentThreadCpuTime();
            var h = board.fit("half", trainer, 0);
            long cpuHalf2 = THREADS.getCurrentThreadCpuTime();
            trainer.fit(iterations - half);
            long cpu1 = THREADS.getCurrentThreadCpuTime();
            var e = board.fit("end", trainer, 0);
            double cpu = ((cpuHalf - cpu0) + (cpu1 - cpuHalf2)) / 1e9;
            String trainMode = "";
            if (c.containsKey("checker")) {
                trainMode += String.format(Locale.ROOT, " (Nyquist energy: samples %.2f %%, real %.2f %%)",
                        100 * Checkerboard.energyShare(trainer.generate(2000).toFloatArray(), 28, 28),
                        100 * Checkerboard.energyShare(real, 28, 28));
            }
            if (c.containsKey("why")) {
                trainMode += " (" + unrecognised(classifier, trainer.generate(2000).toFloatArray()) + "; real: "
                        + unrecognised(classifier, real) + ")";
            }
            if (c.containsKey("trunc")) {
                float t = Float.parseFloat(c.get("trunc"));
                try (NDManager m = NDManager.newBaseManager()) {
                    NDArray z = m.randomNormal(new Shape(real.length / 784, 100)).mul(t);
                    float[] fake = trainer.generate(z).toFloatArray();
                    trainMode += String.format(Locale.ROOT, " (noise x%.2f: %.1f %%, FD %.1f)", t,
                            100 * classifier.confidentShare(fake, 0.9),
                            ImageQuality.of(classifier, real, fake).frechetDistance());
                }
            }
            if (c.containsKey("ema")) {
                for (var pair : trainer.generator().getParameters()) {
                    NDArray w = pair.getValue().getArray();
                    NDArray s = SHADOW.get(pair.getKey());
                    if (!pair.getKey().contains("running")) {
                        s.copyTo(w);
                    }
                }
                SHADOW.values().forEach(NDArray::close);
                SHADOW.clear();
                float[] fake = trainer.generate(real.length / 784).toFloatArray();
                trainMode += String.format(Locale.ROOT, " (EMA: %.1f %%, FD %.1f)",
                        100 * classifier.confidentShare(fake, 0.9),
                        ImageQuality.of(classifier, real, fake).frechetDistance());
            }
            if (c.containsKey("trainmode")) {
                // the same generator with BatchNorm on batch statistics (2,000 samples in one batch)
                try (NDManager m = NDManager.newBaseManager()) {
                    NDArray z = m.randomNormal(new Shape(real.length / 784, 100));
                    NDArray out = trainer.generator().forward(new ParameterStore(m, false), new NDList(z), true)
                            .singletonOrThrow();
                    float[] fake = out.toFloatArray();
                    trainMode += String.format(Locale.ROOT, " (train-mode BN: %.1f %%, FD %.1f)",
                            100 * classifier.confidentShare(fake, 0.9),
                            ImageQuality.of(classifier, real, fake).frechetDistance());
                }
            }
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.0f | %.1f | %.1f | %.1f | %.1f |",
                    c.getOrDefault("name", c.toString()), c.getOrDefault("seed", "42"), iterations, cpu,
                    1000 * cpu / iterations, 100 * h.confident(), h.frechetDistance(), 100 * e.confident(),
                    e.frechetDistance()) + trainMode);
            System.out.flush();
        }
    }
}

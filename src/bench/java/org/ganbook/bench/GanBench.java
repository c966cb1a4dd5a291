package org.ganbook.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ganbook.data.Datasets;
import org.ganbook.data.ImageDataset;
import org.ganbook.data.Toys;
import org.ganbook.metrics.FrechetDistance;
import org.ganbook.metrics.ImageClassifier;
import org.ganbook.nn.Conditional;
import org.ganbook.nn.DcganDiscriminator;
import org.ganbook.nn.DcganGenerator;
import org.ganbook.nn.LabelEncoder;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.ganbook.nn.OutputActivation;
import org.ganbook.nn.Upsampling;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.GanTrainerBuilder;
import org.ganbook.train.Iteration;

/**
 * The ganbook side of the benchmark (not a test). Driven by {@code src/bench/bench.py}.
 *
 * <p>Modes:
 *
 * <ul>
 *   <li>{@code worker CONFIG}: builds the trainer for a standard configuration, then obeys commands
 *       on standard input, one per line: {@code run N} trains N iterations (one D step and one G step
 *       each) through the public API ({@link GanTrainer#fit(int)}) and answers with one line {@code
 *       @@ {"steps":N,"seconds":s,"rss_kb":r,"hwm_kb":h}}; {@code quit} ends. The PyTorch reference
 *       speaks the same protocol, so the driver can interleave the two.
 *   <li>{@code quality MAX_ITERATIONS EVERY THRESHOLD [torch-dir]}: trains the MNIST MLP GAN and
 *       prints, every EVERY iterations, the classifier-feature Fréchet distance of 2,000 generated
 *       digits to 2,000 real ones, until it falls below THRESHOLD; then, if given, scores the
 *       PyTorch reference's sample dumps in torch-dir with the same classifier and real set.
 * </ul>
 */
public final class GanBench {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private GanBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("worker")) {
            worker(args[1]);
        } else if (args.length >= 6 && args[0].equals("quality")) {
            quality(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Double.parseDouble(args[4]),
                    Long.parseLong(args[5]), args.length > 6 ? Path.of(args[6]) : null);
        } else if (args.length >= 3 && args[0].equals("profile")) {
            StepProfile.run(args[1], Integer.parseInt(args[2]));
        } else if (args.length >= 3 && args[0].equals("layer")) {
            GeneratorLayerBench.run(args[1], Integer.parseInt(args[2]));
        } else {
            System.err.println("usage: GanBench worker ring|mnist-mlp|dcgan|dcgan-tconv|cond-mlp"
                    + " | quality CONFIG MAX EVERY THRESHOLD SEED [torch-sample-dir]"
                    + " | layer upsample|tconv REPEATS | profile CONFIG REPEATS");
            System.exit(2);
        }
    }

    /** The standard configurations; the PyTorch reference builds the same networks. */
    static GanTrainerBuilder config(String name) {
        switch (name) {
            case "ring": {
                Block g = MlpGenerator.builder().setCodingSize(2).setOutputShape(new Shape(2))
                        .optHidden(128, 128).optOutput(OutputActivation.LINEAR).build();
                Block d = MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(128, 128).build();
                return GanTrainer.builder(g, d).setData(Toys.ring()).setCodingSize(2).optBatchSize(256);
            }
            case "mnist-mlp": {
                Block g = MlpGenerator.builder().setCodingSize(100).setOutputShape(new Shape(1, 28, 28))
                        .optHidden(256, 512).optOutput(OutputActivation.TANH).build();
                Block d = MlpDiscriminator.builder().setInputShape(new Shape(1, 28, 28)).optHidden(512, 256).build();
                return GanTrainer.builder(g, d).setData(Datasets.mnist()).setCodingSize(100).optBatchSize(64);
            }
            case "dcgan":
            case "dcgan-tconv": {
                Block g = DcganGenerator.builder().setCodingSize(100).optChannels(32)
                        .optUpsampling(name.equals("dcgan") ? Upsampling.NEAREST_CONV : Upsampling.TRANSPOSED_CONV)
                        .build();
                Block d = DcganDiscriminator.builder().optChannels(32).build();
                return GanTrainer.builder(g, d).setData(Datasets.mnist()).setCodingSize(100).optBatchSize(64);
            }
            case "cond-mlp": {
                Block g = Conditional.concat(LabelEncoder.oneHot(10), MlpGenerator.builder().setCodingSize(100 + 10)
                        .setOutputShape(new Shape(1, 28, 28)).optHidden(256, 512).build());
                Block d = Conditional.concat(LabelEncoder.oneHot(10), MlpDiscriminator.builder()
                        .setInputShape(new Shape(784 + 10)).optHidden(512, 256).build());
                return GanTrainer.builder(g, d).setData(Datasets.mnist()).setCodingSize(100).optBatchSize(64)
                        .optConditional(true);
            }
            default:
                throw new IllegalArgumentException("unknown configuration " + name
                        + " (ring, mnist-mlp, dcgan, dcgan-tconv, cond-mlp)");
        }
    }

    /**
     * A trainer as a benchmark uses it: Adam(2e-4, beta1 0.5) for both networks (the default), no
     * progress lines, and no second forward pass per step to measure D after its update (that extra
     * pass is for teaching; the training itself is the same with or without it).
     */
    static GanTrainer trainer(String name) {
        return trainer(name, 42);
    }

    static GanTrainer trainer(String name, long seed) {
        return config(name).optLearningRate(2e-4f).optMeasureAfterUpdate(false).optProgress(0).optSeed(seed).build();
    }

    private static void worker(String name) throws IOException {
        long t0 = System.nanoTime();
        try (GanTrainer trainer = trainer(name)) {
            reply(String.format(Locale.ROOT,
                    "{\"ready\":true,\"impl\":\"ganbook\",\"engine\":\"%s %s\",\"threads\":%d,"
                            + "\"interop_threads\":%d,\"setup_seconds\":%.3f,\"rss_kb\":%d,\"hwm_kb\":%d}",
                    Engine.getInstance().getEngineName(), Engine.getInstance().getVersion(),
                    JniUtils.getNumThreads(), JniUtils.getNumInteropThreads(), (System.nanoTime() - t0) / 1e9,
                    status("VmRSS"), status("VmHWM")));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] words = line.trim().split("\\s+");
                if (words[0].equals("quit")) {
                    break;
                }
                if (!words[0].equals("run")) {
                    reply("{\"error\":\"unknown command " + line + "\"}");
                    continue;
                }
                int steps = Integer.parseInt(words[1]);
                long start = System.nanoTime();
                long cpuStart = cpuNanos();
                Iteration last = trainer.fit(steps);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
                reply(String.format(Locale.ROOT,
                        "{\"steps\":%d,\"seconds\":%.6f,\"cpu_seconds\":%.6f,\"rss_kb\":%d,\"hwm_kb\":%d,\"d_loss\":%.5f,\"g_loss\":%.5f}",
                        steps, seconds, cpuSeconds, status("VmRSS"), status("VmHWM"),
                        last.discriminator().loss(), last.generator().loss()));
            }
        }
    }

    /** CPU time of the whole process (all its threads), in nanoseconds. */
    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
                : -1;
    }

    private static void reply(String json) {
        OUT.println("@@ " + json);
    }

    /** A field of /proc/self/status in kB, or -1 where there is no such file. */
    static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    // ---------------------------------------------------------------- time to quality

    private static final int EVAL_IMAGES = 2000;

    /** Share of images the classifier recognises with at least this probability (reported beside the FD). */
    private static final double CONFIDENT = 0.9;

    private static void quality(String config, int maxIterations, int every, double threshold, long seed,
            Path torchDir) throws IOException {
        ImageDataset digits = Datasets.mnist();
        int n = digits.size();
        float[] images = new float[n * ImageClassifier.PIXELS];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(digits.image(i), 0, images, i * ImageClassifier.PIXELS, ImageClassifier.PIXELS);
            labels[i] = digits.label(i);
        }
        long c0 = System.nanoTime();
        try (ImageClassifier classifier = ImageClassifier.trainOrLoad(digits.name(), images, labels)) {
            reply(String.format(Locale.ROOT, "{\"classifier\":\"%s\",\"origin\":\"%s\",\"held_out_accuracy\":%.4f,"
                            + "\"seconds\":%.1f}", digits.name(), classifier.origin(), classifier.heldOutAccuracy(),
                    (System.nanoTime() - c0) / 1e9));
            // two disjoint real sets: the reference, and a second one for the real-vs-real floor
            double[][] real = classifier.featureVectors(slice(images, 0, EVAL_IMAGES));
            double[][] otherReal = classifier.featureVectors(slice(images, EVAL_IMAGES, EVAL_IMAGES));
            reply(String.format(Locale.ROOT, "{\"real_vs_real_fd\":%.4f,\"real_confident\":%.4f}",
                    FrechetDistance.between(otherReal, real),
                    classifier.confidentShare(slice(images, EVAL_IMAGES, EVAL_IMAGES), CONFIDENT)));
            try (GanTrainer trainer = trainer(config, seed)) {
                double training = 0;
                double cpu = 0;
                for (int done = 0; done < maxIterations; done += every) {
                    long t = System.nanoTime();
                    long c = cpuNanos();
                    trainer.fit(every);
                    training += (System.nanoTime() - t) / 1e9;
                    cpu += (cpuNanos() - c) / 1e9;
                    double fd;
                    double confident;
                    try (NDManager scope = NDManager.newBaseManager()) {
                        NDArray fake = trainer.generate(EVAL_IMAGES);
                        float[] pixels = fake.toFloatArray();
                        fd = FrechetDistance.between(classifier.featureVectors(pixels), real);
                        confident = classifier.confidentShare(pixels, CONFIDENT);
                        fake.close();
                    }
                    reply(String.format(Locale.ROOT, "{\"impl\":\"ganbook\",\"config\":\"%s\",\"seed\":%d,"
                            + "\"iteration\":%d,\"train_seconds\":%.3f,\"train_cpu_seconds\":%.3f,\"fd\":%.4f,"
                            + "\"confident\":%.4f}", config, seed, done + every, training, cpu, fd, confident));
                    if (fd < threshold) {
                        break;
                    }
                }
            }
            if (torchDir != null) {
                scoreTorchDumps(classifier, real, torchDir);
            }
        }
    }

    /** Scores dumps written by reference.py: {@code samples-ITERATION-SECONDS.f32}, little-endian float32. */
    private static void scoreTorchDumps(ImageClassifier classifier, double[][] real, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var stream = Files.list(dir)) {
            stream.filter(p -> p.getFileName().toString().matches("samples-\\d+-[0-9.]+(-[0-9.]+)?\\.f32")).forEach(files::add);
        }
        files.sort((a, b) -> Integer.compare(iterationOf(a), iterationOf(b)));
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            float[] pixels = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(pixels);
            double fd = FrechetDistance.between(classifier.featureVectors(pixels), real);
            String[] parts = file.getFileName().toString().replace(".f32", "").split("-");
            reply(String.format(Locale.ROOT, "{\"impl\":\"pytorch\",\"iteration\":%s,\"train_seconds\":%s,"
                    + "\"train_cpu_seconds\":%s,\"fd\":%.4f,\"confident\":%.4f}", parts[1], parts[2],
                    parts.length > 3 ? parts[3] : "null", fd, classifier.confidentShare(pixels, CONFIDENT)));
        }
    }

    private static int iterationOf(Path file) {
        return Integer.parseInt(file.getFileName().toString().split("-")[1]);
    }

    private static float[] slice(float[] images, int from, int count) {
        float[] out = new float[count * ImageClassifier.PIXELS];
        System.arraycopy(images, from * ImageClassifier.PIXELS, out, 0, out.length);
        return out;
    }
}

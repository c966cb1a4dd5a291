package org.ganbook.metrics;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an {@link ImageClassifier} is trained (DJL's {@link Trainer}, softmax cross-entropy, Adam, shuffled
 * mini-batches, a seeded held-out split) and the key that names its cache file.
 */
final class ClassifierTraining {

    private static final Logger LOGGER = LoggerFactory.getLogger(ImageClassifier.class);
    private static final int SIDE = ImageClassifier.SIDE;
    private static final int PIXELS = ImageClassifier.PIXELS;

    private ClassifierTraining() {}

    static ImageClassifier train(
            ImageClassifier.Builder settings, String name, String key, float[] images, int[] labels, int classes) {
        int n = labels.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(settings.seed);
        shuffle(order, random);
        int heldOut = (int) Math.min(ImageClassifier.MAX_HELD_OUT, Math.max(1, Math.round(n * ImageClassifier.HELD_OUT_FRACTION)));
        heldOut = Math.min(heldOut, n - 1);
        int trainCount = n - heldOut;
        int[] heldOutIdx = Arrays.copyOfRange(order, 0, heldOut);
        int[] trainIdx = Arrays.copyOfRange(order, heldOut, heldOut + trainCount);

        LOGGER.info(
                "Training the {} classifier on {} images ({} epochs), {} held out",
                name,
                trainCount,
                settings.epochs,
                heldOut);
        long begin = System.nanoTime();
        Model model = Model.newInstance("ganbook-classifier-" + name);
        try {
            Block[] parts = ImageClassifier.network(classes);
            model.setBlock(parts[0]);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(
                                    Adam.builder()
                                            .optLearningRateTracker(
                                                    Tracker.fixed(settings.learningRate))
                                            .build())
                            .optInitializer(
                                    new SeededHeInitializer(random.split()),
                                    Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(settings.batchSize, 1, SIDE, SIDE));
                for (int epoch = 0; epoch < settings.epochs; epoch++) {
                    shuffle(trainIdx, random);
                    for (int start = 0; start < trainCount; start += settings.batchSize) {
                        int count = Math.min(settings.batchSize, trainCount - start);
                        float[] x = new float[count * PIXELS];
                        int[] y = new int[count];
                        for (int b = 0; b < count; b++) {
                            int idx = trainIdx[start + b];
                            System.arraycopy(images, idx * PIXELS, x, b * PIXELS, PIXELS);
                            y[b] = labels[idx];
                        }
                        try (NDManager step = trainer.getManager().newSubManager()) {
                            NDArray xs = step.create(x, new Shape(count, 1, SIDE, SIDE));
                            NDArray ys = step.create(y);
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(xs)).singletonOrThrow();
                                NDArray loss =
                                        trainer.getLoss()
                                                .evaluate(new NDList(ys), new NDList(logits));
                                collector.backward(loss);
                            }
                            trainer.step();
                        }
                    }
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
            ImageClassifier result = new ImageClassifier(model, parts,
                    new ImageClassifier.Header(name, key, classes, trainCount, heldOut, Double.NaN, elapsed.toMillis()),
                    ImageClassifier.Origin.TRAINED);
            if (heldOut > 0) {
                float[] hx = new float[heldOut * PIXELS];
                int[] hy = new int[heldOut];
                for (int i = 0; i < heldOut; i++) {
                    System.arraycopy(images, heldOutIdx[i] * PIXELS, hx, i * PIXELS, PIXELS);
                    hy[i] = labels[heldOutIdx[i]];
                }
                result.heldOutAccuracy = result.accuracy(hx, hy);
            }
            LOGGER.info("{}", result);
            return result;
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * He (Kaiming) uniform initialisation for ReLU networks, drawn in Java from a seeded generator
     * so that the same seed gives the same classifier without touching the engine's global seed.
     */
    private static final class SeededHeInitializer implements Initializer {
        private final SplittableRandom random;

        SeededHeInitializer(SplittableRandom random) {
            this.random = random;
        }

        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            long fanIn = Math.max(1, shape.size() / shape.get(0));
            double bound = Math.sqrt(6.0 / fanIn);
            float[] values = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
            }
            NDArray array = manager.create(values, shape);
            return dataType == DataType.FLOAT32 ? array : array.toType(dataType, false);
        }
    }

    static String cacheKey(ImageClassifier.Builder settings, float[] images, int[] labels) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        String config = String.format(Locale.ROOT, "%s;epochs=%d;batch=%d;lr=%s;seed=%d;n=%d", ImageClassifier.FILE_KIND,
                settings.epochs, settings.batchSize, Float.toString(settings.learningRate), settings.seed,
                labels.length);
        digest.update(config.getBytes(StandardCharsets.UTF_8));
        ByteBuffer buffer = ByteBuffer.allocate(Float.BYTES * images.length + Integer.BYTES * labels.length);
        buffer.asFloatBuffer().put(images);
        buffer.position(Float.BYTES * images.length);
        buffer.asIntBuffer().put(labels);
        digest.update(buffer.array());
        return HexFormat.of().formatHex(digest.digest());
    }

    static Path cacheFileFor(Path dir, String name, String key) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "dataset" + safe;
        }
        if (safe.length() > 60) {
            safe = safe.substring(0, 60);
        }
        return dir.resolve(safe + "-" + key.substring(0, 16) + ".classifier");
    }

}

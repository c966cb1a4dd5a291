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
 * How an {@link ImageClassifier} is trained and the key that names its cache file: DJL's {@link Trainer}, Adam
 * with a cosine-decaying learning rate, shuffled mini-batches of digits each moved by up to {@code maxShift}
 * pixels, a seeded held-out split, and <em>outlier exposure</em> (Hendrycks, Mazeika and Dietterich, 2019): a
 * quarter as many images that are no digit (noise, or a digit cut into 7 × 7 blocks and shuffled) are added to
 * every batch with the uniform distribution over the classes as their target, so that the classifier is not
 * confident on them.
 */
final class ClassifierTraining {

    private static final Logger LOGGER = LoggerFactory.getLogger(ImageClassifier.class);
    private static final int SIDE = ImageClassifier.SIDE;
    private static final int PIXELS = ImageClassifier.PIXELS;

    private ClassifierTraining() {}

    static ImageClassifier train(
            ImageClassifier.Builder settings, String name, String key, float[] images, int[] labels, int classes) {
        int n = labels.length;
        SplittableRandom random = new SplittableRandom(settings.seed);
        int[] order = shuffledOrder(n, random);
        int heldOut = heldOutCount(n);
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
                    // The step computes its own loss, loss(...); the configuration requires one.
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(
                                    Adam.builder()
                                            .optLearningRateTracker(
                                                    Tracker.cosine()
                                                            .setBaseValue(settings.learningRate)
                                                            .optFinalValue(0)
                                                            .setMaxUpdates(Math.max(1, settings.epochs
                                                                    * ((trainCount + settings.batchSize - 1)
                                                                            / settings.batchSize)))
                                                            .build())
                                            .build())
                            .optInitializer(
                                    new SeededHeInitializer(random.split()),
                                    Parameter.Type.WEIGHT);
            int outliers = settings.outlierExposure ? Math.max(1, settings.batchSize / 4) : 0;
            SplittableRandom augmentation = random.split();
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(settings.batchSize + outliers, 1, SIDE, SIDE));
                for (int epoch = 0; epoch < settings.epochs; epoch++) {
                    shuffle(trainIdx, random);
                    for (int start = 0; start < trainCount; start += settings.batchSize) {
                        int count = Math.min(settings.batchSize, trainCount - start);
                        float[] x = new float[(count + outliers) * PIXELS];
                        int[] y = new int[count];
                        for (int b = 0; b < count; b++) {
                            int idx = trainIdx[start + b];
                            shifted(images, idx * PIXELS, x, b * PIXELS,
                                    offset(augmentation, settings.maxShift), offset(augmentation, settings.maxShift));
                            y[b] = labels[idx];
                        }
                        for (int o = 0; o < outliers; o++) {
                            outlier(augmentation, images, trainIdx, x, (count + o) * PIXELS);
                        }
                        try (NDManager step = trainer.getManager().newSubManager()) {
                            NDArray xs = step.create(x, new Shape(count + outliers, 1, SIDE, SIDE));
                            NDArray ys = step.create(y);
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(xs)).singletonOrThrow();
                                collector.backward(loss(logits, ys, count, classes));
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

    private static int[] shuffledOrder(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    private static int heldOutCount(int n) {
        int heldOut = (int) Math.min(ImageClassifier.MAX_HELD_OUT, Math.max(1, Math.round(n * ImageClassifier.HELD_OUT_FRACTION)));
        return Math.min(heldOut, n - 1);
    }

    /**
     * Returns the indices of the images held out from training by a classifier trained on {@code n} images
     * with this seed (the images its held-out accuracy is measured on).
     */
    static int[] heldOutIndices(int n, long seed) {
        return Arrays.copyOf(shuffledOrder(n, new SplittableRandom(seed)), heldOutCount(n));
    }

    /** Weight of the outliers' loss against the digits'. */
    static final float OUTLIER_WEIGHT = 0.5f;

    /**
     * Softmax cross-entropy: for the first {@code count} rows against their labels; for the outliers after them
     * against the uniform distribution over the classes, weighted by {@link #OUTLIER_WEIGHT}.
     */
    private static NDArray loss(NDArray logits, NDArray labels, int count, int classes) {
        NDArray logProbabilities = logits.logSoftmax(1);
        NDArray digits = logProbabilities.get("0:" + count).mul(labels.oneHot(classes)).sum(new int[] {1}).neg().mean();
        if (logits.getShape().get(0) == count) {
            return digits;
        }
        NDArray outliers = logProbabilities.get(count + ":").mean(new int[] {1}).neg().mean();
        return digits.add(outliers.mul(OUTLIER_WEIGHT));
    }

    private static int offset(SplittableRandom random, int maxShift) {
        return maxShift == 0 ? 0 : random.nextInt(2 * maxShift + 1) - maxShift;
    }

    /** Copies one image moved by (dx, dy) pixels; the pixels moved in are background (−1). */
    static void shifted(float[] source, int from, float[] target, int to, int dx, int dy) {
        for (int row = 0; row < SIDE; row++) {
            int sourceRow = row - dy;
            for (int col = 0; col < SIDE; col++) {
                int sourceCol = col - dx;
                target[to + row * SIDE + col] = sourceRow >= 0 && sourceRow < SIDE && sourceCol >= 0 && sourceCol < SIDE
                        ? source[from + sourceRow * SIDE + sourceCol]
                        : -1f;
            }
        }
    }

    private static final int BLOCK = 7;

    /**
     * Writes one image that is no digit: either noise (a random share of the pixels, 5 % to all, uniform in
     * [−1, 1] on a background of −1) or a training image cut into 7 × 7 blocks put back in a random order.
     */
    static void outlier(SplittableRandom random, float[] images, int[] trainIdx, float[] target, int to) {
        if (random.nextBoolean()) {
            double density = 0.05 + 0.95 * random.nextDouble();
            for (int i = 0; i < PIXELS; i++) {
                target[to + i] = random.nextDouble() < density ? (float) (2 * random.nextDouble() - 1) : -1f;
            }
            return;
        }
        int from = trainIdx[random.nextInt(trainIdx.length)] * PIXELS;
        int perSide = SIDE / BLOCK;
        int[] blocks = new int[perSide * perSide];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = i;
        }
        shuffle(blocks, random);
        for (int b = 0; b < blocks.length; b++) {
            int source = blocks[b];
            for (int row = 0; row < BLOCK; row++) {
                for (int col = 0; col < BLOCK; col++) {
                    target[to + ((b / perSide) * BLOCK + row) * SIDE + (b % perSide) * BLOCK + col] =
                            images[from + ((source / perSide) * BLOCK + row) * SIDE + (source % perSide) * BLOCK + col];
                }
            }
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
        String config = String.format(Locale.ROOT, "%s;epochs=%d;batch=%d;lr=%s;seed=%d;shift=%d;outliers=%b;n=%d",
                ImageClassifier.FILE_KIND, settings.epochs, settings.batchSize, Float.toString(settings.learningRate),
                settings.seed, settings.maxShift, settings.outlierExposure, labels.length);
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

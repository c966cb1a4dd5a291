package org.ganbook.metrics;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.ganbook.io.ChecksummedFile;
import org.ganbook.io.CorruptedFileException;
import org.ganbook.io.ProjectFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small convolutional classifier for 28×28 grey images, trained once per data set and cached, that
 * turns images into the numbers GAN metrics need: penultimate-layer features (for {@link
 * FrechetDistance}) and class probabilities (for {@link InceptionStyleScore} and for counting which
 * classes a generator produces).
 *
 * <p><b>These are not Inception-v3 numbers.</b> FID and the Inception Score in papers use
 * Inception-v3 trained on ImageNet. This classifier is a network of about 47,000 weights trained
 * in well under a minute on the data set at hand (MNIST, Fashion-MNIST, ...). Distances and scores computed
 * with it compare generators with each other, on one data set and one classifier; they are not
 * comparable with published FID or IS values, nor across data sets or classifier settings.
 *
 * <p><b>Network.</b> {@code conv 5×5, 16 → ReLU → max-pool 2 → conv 5×5, 32 → ReLU → max-pool 2 →
 * flatten → linear 64} (the features, {@value #FEATURE_DIMENSION} numbers per image) {@code → ReLU
 * → linear C} (the class logits), the convolutions without padding (28 → 24 → 12 → 8 → 4). The
 * features are taken before the ReLU: the classifier maps most images that are no digit to negative
 * values there, which the ReLU would all turn into zeros, one point for every kind of noise. It is
 * trained with DJL's {@link Trainer}, softmax cross-entropy and Adam (learning rate decaying along a
 * cosine to 0), on shuffled mini-batches whose images are moved by up to one pixel in each direction;
 * 10% of the images (at most 10,000) are held out and the accuracy on them is reported.
 *
 * <p><b>Not confident on what is no digit.</b> A classifier trained on digits alone puts every image
 * in some class, often with high confidence: this class's earlier network, trained on MNIST digits
 * alone, recognised 69.5 % of images of Gaussian noise as digits with a probability of 0.9 or more. So every training batch also holds a quarter as many
 * images that are no digit (noise of random density, and training images cut into 7 × 7 blocks put
 * back in random order), whose target is the uniform distribution over the classes ("outlier
 * exposure", Hendrycks, Mazeika and Dietterich, 2019). On MNIST with the default settings Gaussian
 * noise, smooth random blobs and the samples of an untrained generator, none of them seen in
 * training, are then almost never recognised with p ≥ 0.9, while held-out digits are
 * ({@code ImageClassifierMnistTest}).
 *
 * <p><b>Images</b> are 28×28 pixels scaled to [−1, 1], as the GAN generators in this project
 * produce them: a {@code float[]} of {@code N·784} values, or an {@link NDArray} of shape {@code (N,
 * 1, 28, 28)}, {@code (N, 28, 28)} or {@code (N, 784)}.
 *
 * <p><b>Cache.</b> {@link #trainOrLoad} keeps the trained parameters in a {@linkplain ChecksummedFile
 * checksummed file} named after the data set and a SHA-256 hash of the images, labels and settings,
 * so any change of data or settings trains a new classifier. The default folder is {@code
 * .data/classifiers/} in the {@linkplain ProjectFolder project folder}, else {@code
 * ~/.cache/ganbook/classifiers/}. A damaged file is reported (a warning naming it) and replaced by
 * training again.
 *
 * <pre>{@code
 * try (ImageClassifier clf = ImageClassifier.trainOrLoad("mnist", images, labels)) {
 *     System.out.println(clf);   // ... held-out accuracy 99.1% ...
 *     System.out.println(ImageQuality.of(clf, realImages, fakeImages));
 * }
 * }</pre>
 *
 * <p>An instance owns native memory: close it when done. It is not safe for concurrent use by
 * several threads.
 */
public final class ImageClassifier implements AutoCloseable {

    /** The side of the square images, in pixels. */
    public static final int SIDE = 28;

    /** The number of pixels of one image. */
    public static final int PIXELS = SIDE * SIDE;

    /** The number of features per image, the width of the penultimate layer. */
    public static final int FEATURE_DIMENSION = 64;

    private static final Logger LOGGER = LoggerFactory.getLogger(ImageClassifier.class);

    /** Bumped whenever the network, the training procedure or the file changes, to invalidate caches. */
    static final String FILE_KIND = "ganbook-image-classifier 3";
    static final double HELD_OUT_FRACTION = 0.1;
    static final int MAX_HELD_OUT = 10_000;
    private static final int INFERENCE_CHUNK = 500;

    /** How a classifier came to be. */
    public enum Origin {
        /** Trained now; there was no cached file. */
        TRAINED,
        /** Read from a cached file, without training. */
        LOADED,
        /** Trained now because the cached file was damaged or unreadable (it was replaced). */
        RETRAINED_AFTER_CORRUPTED_CACHE
    }

    private final Model model;
    private final Block body;
    private final Block head;
    private final ParameterStore parameterStore;
    private final String datasetName;
    private final String key;
    private final int numClasses;
    private final int trainCount;
    private final int heldOutCount;
    double heldOutAccuracy;
    private final Duration trainingTime;
    private Origin origin;
    private Path cacheFile;

    ImageClassifier(Model model, Block[] parts, Header header, Origin origin) {
        this.model = model;
        this.body = parts[1];
        this.head = parts[2];
        this.parameterStore = new ParameterStore(model.getNDManager(), false);
        this.datasetName = header.name;
        this.key = header.key;
        this.numClasses = header.classes;
        this.trainCount = header.trainCount;
        this.heldOutCount = header.heldOutCount;
        this.heldOutAccuracy = header.accuracy;
        this.trainingTime = Duration.ofMillis(header.millis);
        this.origin = origin;
    }

    /** What the cache file stores besides the parameters. */
    record Header(
            String name, String key, int classes, int trainCount, int heldOutCount, double accuracy, long millis) {}

    // ------------------------------------------------------------------ entry points

    /** Returns a builder for non-default training settings or cache folder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the classifier for these images from the default cache folder ({@link
     * #defaultCacheDir()}), or trains it with the default settings and caches it.
     *
     * @param datasetName a short name of the data set, used in the file name (e.g. "mnist")
     * @param images {@code N·784} pixels in [−1, 1], image after image, row-major
     * @param labels {@code N} class labels, {@code 0 ≤ label < C}
     * @return the classifier
     * @throws IllegalArgumentException if the arrays do not fit together
     */
    public static ImageClassifier trainOrLoad(String datasetName, float[] images, int[] labels) {
        return builder().trainOrLoad(datasetName, images, labels);
    }

    /**
     * Returns the default folder for cached classifiers: {@code .data/classifiers} in the project
     * folder, or {@code ~/.cache/ganbook/classifiers} outside the project.
     *
     * @return the folder (it may not exist yet)
     */
    public static Path defaultCacheDir() {
        return ProjectFolder.find()
                .map(p -> p.resolve(".data").resolve("classifiers"))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "ganbook", "classifiers"));
    }

    /**
     * Reads a cached classifier file written by {@link #trainOrLoad}, without training.
     *
     * @param file the cached file
     * @return the classifier, with origin {@link Origin#LOADED}
     * @throws CorruptedFileException if the file is truncated, fails its checksum or was written by
     *     an incompatible version
     * @throws IOException if the file cannot be read
     */
    public static ImageClassifier load(Path file) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(ChecksummedFile.read(file, FILE_KIND)));
        Header header;
        try {
            header = new Header(in.readUTF(), in.readUTF(), in.readInt(), in.readInt(), in.readInt(), in.readDouble(),
                    in.readLong());
        } catch (EOFException e) {
            throw new CorruptedFileException(file, "its header is incomplete", e);
        }
        if (header.classes < 2 || header.trainCount < 0 || header.heldOutCount < 0 || header.millis < 0) {
            throw new CorruptedFileException(file, "its header holds impossible values");
        }
        Model model = Model.newInstance("ganbook-classifier-" + header.name);
        try {
            Block[] parts = network(header.classes);
            model.setBlock(parts[0]);
            parts[0].initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, SIDE, SIDE));
            try {
                parts[0].loadParameters(model.getNDManager(), in);
            } catch (MalformedModelException | IOException | RuntimeException e) {
                throw new CorruptedFileException(file, "its parameters do not fit the network: " + e.getMessage(), e);
            }
            ImageClassifier c = new ImageClassifier(model, parts, header, Origin.LOADED);
            c.cacheFile = file;
            return c;
        } catch (IOException | RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    private void save(Path file) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeUTF(datasetName);
            out.writeUTF(key);
            out.writeInt(numClasses);
            out.writeInt(trainCount);
            out.writeInt(heldOutCount);
            out.writeDouble(heldOutAccuracy);
            out.writeLong(trainingTime.toMillis());
            model.getBlock().saveParameters(out);
        }
        ChecksummedFile.write(file, FILE_KIND, buffer.toByteArray());
        cacheFile = file;
    }

    // ------------------------------------------------------------------ inference

    /**
     * Returns the penultimate layer's values of each image (before its ReLU), the features in which
     * {@link FrechetDistance} is measured.
     *
     * @param images the images, shape {@code (N, 1, 28, 28)}, {@code (N, 28, 28)} or {@code (N,
     *     784)}, values in [−1, 1]
     * @return an array of shape {@code (N, }{@value #FEATURE_DIMENSION}{@code )}, attached to the
     *     manager of {@code images}
     */
    public NDArray features(NDArray images) {
        float[] out = compute(pixelsOf(images), false)[0];
        int n = out.length / FEATURE_DIMENSION;
        return images.getManager().create(out, new Shape(n, FEATURE_DIMENSION));
    }

    /**
     * Returns the features of each image as Java arrays, ready for {@link
     * FrechetDistance#between(double[][], double[][])}.
     *
     * @param images the images, shape {@code (N, 1, 28, 28)}, {@code (N, 28, 28)} or {@code (N,
     *     784)}, values in [−1, 1]
     * @return {@code N} rows of {@value #FEATURE_DIMENSION} features
     */
    public double[][] featureVectors(NDArray images) {
        return featureVectors(pixelsOf(images));
    }

    /**
     * Returns the features of each image as Java arrays.
     *
     * @param images {@code N·784} pixels in [−1, 1], image after image
     * @return {@code N} rows of {@value #FEATURE_DIMENSION} features
     */
    public double[][] featureVectors(float[] images) {
        return rows(compute(images, false)[0], FEATURE_DIMENSION);
    }

    /**
     * Returns the predicted class probabilities {@code p(y|x)} of each image.
     *
     * @param images the images, shape {@code (N, 1, 28, 28)}, {@code (N, 28, 28)} or {@code (N,
     *     784)}, values in [−1, 1]
     * @return an array of shape {@code (N, C)} whose rows sum to 1, attached to the manager of
     *     {@code images}
     */
    public NDArray predictProbabilities(NDArray images) {
        float[] out = compute(pixelsOf(images), true)[1];
        int n = out.length / numClasses;
        return images.getManager().create(out, new Shape(n, numClasses));
    }

    /**
     * Returns the predicted class probabilities of each image as Java arrays, ready for {@link
     * InceptionStyleScore#fromProbabilities(double[][])}.
     *
     * @param images {@code N·784} pixels in [−1, 1], image after image
     * @return {@code N} rows of {@code C} probabilities
     */
    public double[][] probabilityVectors(float[] images) {
        return rows(compute(images, true)[1], numClasses);
    }

    /**
     * Returns the most probable class of each image.
     *
     * @param images the images, shape {@code (N, 1, 28, 28)}, {@code (N, 28, 28)} or {@code (N,
     *     784)}, values in [−1, 1]
     * @return {@code N} class labels
     */
    public int[] predict(NDArray images) {
        return predict(pixelsOf(images));
    }

    /**
     * Returns the most probable class of each image.
     *
     * @param images {@code N·784} pixels in [−1, 1], image after image
     * @return {@code N} class labels
     */
    public int[] predict(float[] images) {
        return argmax(compute(images, true)[1], numClasses);
    }

    /**
     * Returns the share of images the classifier recognises with high confidence: those whose most
     * probable class has a probability of at least {@code minProbability}. On generated digits it
     * reads as "how many of these would a reader take for a clear digit".
     *
     * @param images {@code N·784} pixels in [−1, 1], image after image
     * @param minProbability the confidence required, in (0, 1], e.g. 0.9
     * @return the share in [0, 1]
     */
    public double confidentShare(float[] images, double minProbability) {
        if (!(minProbability > 0 && minProbability <= 1)) {
            throw new IllegalArgumentException("minProbability must be in (0, 1], got " + minProbability);
        }
        float[] probabilities = compute(images, true)[1];
        int n = probabilities.length / numClasses;
        int confident = 0;
        for (int i = 0; i < n; i++) {
            float best = 0;
            for (int c = 0; c < numClasses; c++) {
                best = Math.max(best, probabilities[i * numClasses + c]);
            }
            if (best >= minProbability) {
                confident++;
            }
        }
        return n == 0 ? 0 : (double) confident / n;
    }

    /**
     * Returns the share of images whose predicted class equals the label.
     *
     * @param images {@code N·784} pixels in [−1, 1], image after image
     * @param labels {@code N} labels
     * @return the accuracy in [0, 1]
     */
    public double accuracy(float[] images, int[] labels) {
        int[] predicted = predict(images);
        if (predicted.length != labels.length) {
            throw new IllegalArgumentException(
                    predicted.length + " images but " + labels.length + " labels");
        }
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                right++;
            }
        }
        return labels.length == 0 ? 0 : (double) right / labels.length;
    }

    /**
     * Runs the network once over the images.
     *
     * @param pixels {@code N·784} pixels
     * @param withProbabilities whether to compute the class probabilities as well
     * @return {features (N·F), probabilities (N·C) or null}
     */
    float[][] compute(float[] pixels, boolean withProbabilities) {
        checkPixels(pixels);
        int n = pixels.length / PIXELS;
        float[] features = new float[n * FEATURE_DIMENSION];
        float[] probs = withProbabilities ? new float[n * numClasses] : null;
        forEachChunk(pixels, features, probs);
        return new float[][] {features, probs};
    }

    private void forEachChunk(float[] pixels, float[] features, float[] probs) {
        int n = pixels.length / PIXELS;
        for (int start = 0; start < n; start += INFERENCE_CHUNK) {
            int count = Math.min(INFERENCE_CHUNK, n - start);
            try (NDManager chunk = model.getNDManager().newSubManager()) {
                NDArray x =
                        chunk.create(
                                Arrays.copyOfRange(
                                        pixels, start * PIXELS, (start + count) * PIXELS),
                                new Shape(count, 1, SIDE, SIDE));
                NDArray f = body.forward(parameterStore, new NDList(x), false).singletonOrThrow();
                System.arraycopy(
                        f.toFloatArray(),
                        0,
                        features,
                        start * FEATURE_DIMENSION,
                        count * FEATURE_DIMENSION);
                if (probs != null) {
                    NDArray logits =
                            head.forward(parameterStore, new NDList(f), false).singletonOrThrow();
                    System.arraycopy(
                            logits.softmax(1).toFloatArray(),
                            0,
                            probs,
                            start * numClasses,
                            count * numClasses);
                }
            }
        }
    }

    // ------------------------------------------------------------------ properties

    /** Returns the name of the data set the classifier was trained on. */
    public String datasetName() {
        return datasetName;
    }

    /** Returns the number of classes {@code C} (the largest training label plus one). */
    public int numClasses() {
        return numClasses;
    }

    /** Returns the number of features per image. */
    public int featureDimension() {
        return FEATURE_DIMENSION;
    }

    /**
     * Returns the accuracy on the held-out images, measured right after training (stored in the
     * cache with the parameters).
     *
     * @return the accuracy in [0, 1], or NaN if no image was held out
     */
    public double heldOutAccuracy() {
        return heldOutAccuracy;
    }

    /** Returns the number of held-out images the accuracy was measured on. */
    public int heldOutCount() {
        return heldOutCount;
    }

    /** Returns the number of images the classifier was trained on. */
    public int trainCount() {
        return trainCount;
    }

    /**
     * Returns how long training took when the classifier was trained (for a loaded classifier, the
     * time of the original training).
     *
     * @return the training time
     */
    public Duration trainingTime() {
        return trainingTime;
    }

    /** Tells whether this classifier was trained now or read from the cache. */
    public Origin origin() {
        return origin;
    }

    /** Returns the cached file holding this classifier, if it was read from or written to one. */
    public Optional<Path> cacheFile() {
        return Optional.ofNullable(cacheFile);
    }

    /**
     * Describes the classifier in one line: data set, classes, held-out accuracy, training time and
     * origin.
     *
     * @return the description
     */
    @Override
    public String toString() {
        String accuracy =
                heldOutCount == 0
                        ? "no held-out images"
                        : String.format(
                                Locale.ROOT,
                                "held-out accuracy %.1f%% on %d images",
                                100 * heldOutAccuracy,
                                heldOutCount);
        return String.format(
                Locale.ROOT,
                "ImageClassifier[%s, %d classes, %d features, %s, trained on %d images in %.1f s,"
                        + " %s]",
                datasetName,
                numClasses,
                FEATURE_DIMENSION,
                accuracy,
                trainCount,
                trainingTime.toMillis() / 1000.0,
                switch (origin) {
                    case TRAINED -> "trained now";
                    case LOADED -> "loaded from cache";
                    case RETRAINED_AFTER_CORRUPTED_CACHE -> "retrained: cached file was damaged";
                });
    }

    /** Releases the native memory of the network. */
    @Override
    public void close() {
        model.close();
    }

    // ------------------------------------------------------------------ the network

    /** Returns {net, body, head}: the full network and its two halves, sharing parameters. */
    static Block[] network(int numClasses) {
        SequentialBlock body =
                new SequentialBlock()
                        .add(conv(16))
                        .add(Activation.reluBlock())
                        .add(Pool.maxPool2dBlock(new Shape(2, 2)))     // 24 × 24 → 12 × 12
                        .add(conv(32))
                        .add(Activation.reluBlock())
                        .add(Pool.maxPool2dBlock(new Shape(2, 2)))     // 8 × 8 → 4 × 4
                        .add(Blocks.batchFlattenBlock())
                        .add(Linear.builder().setUnits(FEATURE_DIMENSION).build());
        Block head = new SequentialBlock().add(Activation.reluBlock()).add(Linear.builder().setUnits(numClasses).build());
        SequentialBlock net = new SequentialBlock().add(body).add(head);
        return new Block[] {net, body, head};
    }

    private static Block conv(int filters) {
        return Conv2d.builder()
                .setKernelShape(new Shape(5, 5))
                .setFilters(filters)
                .build();
    }

    // ------------------------------------------------------------------ array helpers

    static float[] pixelsOf(NDArray images) {
        Shape shape = images.getShape();
        if (shape.dimension() < 2 || shape.get(0) == 0 || shape.size() / shape.get(0) != PIXELS) {
            throw new IllegalArgumentException(
                    "expected images of shape (N, 1, 28, 28), (N, 28, 28) or (N, 784), got "
                            + shape);
        }
        if (images.getDataType() == DataType.FLOAT32) {
            return images.toFloatArray();
        }
        try (NDArray converted = images.toType(DataType.FLOAT32, true)) {
            return converted.toFloatArray();
        }
    }

    static float[] checkPixels(float[] images) {
        if (images == null || images.length == 0 || images.length % PIXELS != 0) {
            throw new IllegalArgumentException(
                    "expected N·784 pixels (N images of 28×28), got "
                            + (images == null ? "null" : images.length + " values"));
        }
        return images;
    }

    static double[][] rows(float[] flat, int width) {
        int n = flat.length / width;
        double[][] rows = new double[n][width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                rows[i][j] = flat[i * width + j];
            }
        }
        return rows;
    }

    static int[] argmax(float[] flat, int width) {
        int n = flat.length / width;
        int[] best = new int[n];
        for (int i = 0; i < n; i++) {
            int b = 0;
            for (int j = 1; j < width; j++) {
                if (flat[i * width + j] > flat[i * width + b]) {
                    b = j;
                }
            }
            best[i] = b;
        }
        return best;
    }

    // ------------------------------------------------------------------ builder

    /**
     * Settings for training a classifier and where to cache it, in DJL's builder style.
     *
     * <p>Defaults: 12 epochs, batches of 64 digits (and 16 outliers), Adam with learning rate 0.002
     * decaying along a cosine to 0, shifts of up to 1 pixel, outlier exposure on, seed 42, the default
     * cache folder.
     */
    public static final class Builder {

        int epochs = 12;
        int batchSize = 64;
        float learningRate = 2e-3f;
        long seed = 42;
        int maxShift = 1;
        boolean outlierExposure = true;
        private Path cacheDir;
        private boolean useCache = true;

        private Builder() {}

        /** Sets the number of passes over the training images; at least 1, default 12. */
        public Builder optEpochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1");
            }
            this.epochs = epochs;
            return this;
        }

        /** Sets the number of digits per mini-batch (outliers come on top: a quarter as many); at least 1, default 64. */
        public Builder optBatchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Sets Adam's initial learning rate, which decays along a cosine to 0; positive, default 0.002. */
        public Builder optLearningRate(float learningRate) {
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learningRate must be positive");
            }
            this.learningRate = learningRate;
            return this;
        }

        /**
         * Sets how far each training image may be moved, in pixels along each axis (chosen at random
         * for every image in every epoch); 0 to 3, default 1.
         */
        public Builder optMaxShift(int maxShift) {
            if (maxShift < 0 || maxShift > 3) {
                throw new IllegalArgumentException("maxShift must be 0 to 3, got " + maxShift);
            }
            this.maxShift = maxShift;
            return this;
        }

        /**
         * Turns outlier exposure on or off (default on): images that are no digit in every batch, with
         * the uniform distribution as target, so that the classifier is not confident on them.
         */
        public Builder optOutlierExposure(boolean outlierExposure) {
            this.outlierExposure = outlierExposure;
            return this;
        }

        /** Sets the seed of the initial weights, the held-out split, the batch order and the augmentation; default 42. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the folder of cached classifiers (created if missing); null for {@link #defaultCacheDir()}. */
        public Builder optCacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
            return this;
        }

        /** Turns the cache on or off (default on); without it every call trains. */
        public Builder optUseCache(boolean useCache) {
            this.useCache = useCache;
            return this;
        }

        /**
         * Loads the classifier for these images and settings from the cache, or trains and caches
         * it. A damaged cached file is reported as a warning and replaced; a cache folder that
         * cannot be written is reported and training goes on without caching.
         *
         * @param datasetName a short name of the data set, used in the file name (e.g. "mnist")
         * @param images {@code N·784} pixels in [−1, 1], image after image, row-major
         * @param labels {@code N} class labels, {@code 0 ≤ label < C}, at least two classes
         * @return the classifier
         * @throws IllegalArgumentException if the arrays do not fit together
         */
        public ImageClassifier trainOrLoad(String datasetName, float[] images, int[] labels) {
            int classes = checkTrainingData(datasetName, images, labels);
            String key = ClassifierTraining.cacheKey(this, images, labels);
            if (!useCache) {
                return ClassifierTraining.train(this, datasetName, key, images, labels, classes);
            }
            Path file = ClassifierTraining.cacheFileFor(cacheDir != null ? cacheDir : defaultCacheDir(), datasetName, key);
            boolean damaged = false;
            if (Files.exists(file)) {
                try {
                    ImageClassifier cached = load(file);
                    if (cached.key.equals(key)) {
                        return cached;
                    }
                    cached.close();
                    LOGGER.warn("Cached classifier file {} belongs to other data; training again", file);
                } catch (NoSuchFileException e) {
                    // removed between the check and the read: train
                } catch (IOException e) {
                    LOGGER.warn("{}; training the classifier again", e.getMessage());
                    damaged = true;
                }
            }
            ImageClassifier trained = ClassifierTraining.train(this, datasetName, key, images, labels, classes);
            if (damaged) {
                trained.origin = Origin.RETRAINED_AFTER_CORRUPTED_CACHE;
            }
            try {
                trained.save(file);
            } catch (IOException | RuntimeException e) {
                LOGGER.warn("Could not cache the classifier in {}: {}", file, e.toString());
            }
            return trained;
        }

        private static int checkTrainingData(String name, float[] images, int[] labels) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("give the data set a name, e.g. \"mnist\"");
            }
            checkPixels(images);
            if (labels == null || labels.length * PIXELS != images.length) {
                throw new IllegalArgumentException((images.length / PIXELS) + " images but "
                        + (labels == null ? 0 : labels.length) + " labels");
            }
            if (labels.length < 10) {
                throw new IllegalArgumentException("need at least 10 labelled images, got " + labels.length);
            }
            int max = 0;
            for (int label : labels) {
                if (label < 0) {
                    throw new IllegalArgumentException("labels must be >= 0, got " + label);
                }
                max = Math.max(max, label);
            }
            if (max < 1) {
                throw new IllegalArgumentException("need at least two classes");
            }
            return max + 1;
        }
    }
}

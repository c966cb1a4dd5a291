package org.ganbook.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Grey-scale images held in memory, such as MNIST or Fashion-MNIST, as a {@link DataSource}. A
 * sample has shape {@code (1, rows, cols)} with values in [−1, 1] ({@code pixel / 127.5 − 1}, see
 * {@link Scaling}); labels, when present, are int32 class indices.
 *
 * <p>The pixels are kept as bytes and converted batch by batch, so 60,000 MNIST images take 47 MB.
 * {@link #limit}, {@link #subset} and {@link #onlyLabels} return views that share the pixels.
 *
 * <p>Its sampler visits every image once per epoch in an order shuffled by the seed, then reshuffles
 * for the next epoch; {@link BatchStream#epochs()} reports the fractional number of passes.
 */
public final class ImageDataset implements DataSource {

    private static final String IN_MEMORY = "in memory";

    private final String name;
    private final ImageBytes images;
    private final int[] labels;
    private final int numClasses;
    private final int[] indices;
    private final String origin;

    private ImageDataset(String name, ImageBytes images, int[] labels, int numClasses, int[] indices,
            String origin) {
        this.name = name;
        this.origin = origin;
        this.images = images;
        this.labels = labels;
        this.numClasses = numClasses;
        this.indices = indices;
    }

    /**
     * Creates a data set of unlabelled images.
     *
     * @param name a short human-readable name
     * @param images the images; at least one
     * @return the data set
     */
    public static ImageDataset of(String name, ImageBytes images) {
        requireNonEmpty(images.count(), name);
        return new ImageDataset(name, images, null, 0, IntStream.range(0, images.count()).toArray(), IN_MEMORY);
    }

    /**
     * Creates a data set of labelled images.
     *
     * @param name a short human-readable name
     * @param data the images and their labels; at least one image
     * @param numClasses the number of classes; every label must be in {@code 0 .. numClasses − 1}
     * @return the data set
     * @throws IllegalArgumentException if a label is out of range
     */
    public static ImageDataset of(String name, LabelledImages data, int numClasses) {
        requireNonEmpty(data.images().count(), name);
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be positive, got " + numClasses);
        }
        int[] labels = data.labels();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "label %d of image %d is outside 0..%d", labels[i], i, numClasses - 1));
            }
        }
        return new ImageDataset(name, data.images(), labels, numClasses,
                IntStream.range(0, labels.length).toArray(), IN_MEMORY);
    }

    private static void requireNonEmpty(int count, String name) {
        if (count < 1) {
            throw new IllegalArgumentException(name + " has no images");
        }
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return name;
    }

    /** Returns {@code (1, rows, cols)}: one grey channel. */
    @Override
    public Shape sampleShape() {
        return new Shape(1, images.rows(), images.cols());
    }

    /** Returns the number of classes, or 0 when the images have no labels. */
    @Override
    public int numClasses() {
        return numClasses;
    }

    /**
     * Returns where the images were loaded from (the files or directory), or {@code "in memory"} for a
     * data set made with {@code of}.
     */
    public String origin() {
        return origin;
    }

    /** Returns a copy of this data set that reports {@code origin} as where it was loaded from. */
    ImageDataset withOrigin(String origin) {
        return new ImageDataset(name, images, labels, numClasses, indices, origin);
    }

    /** Returns whether the images have labels. */
    public boolean hasLabels() {
        return labels != null;
    }

    /** Returns the number of images. */
    public int size() {
        return indices.length;
    }

    /** Returns the height of each image in pixels. */
    public int rows() {
        return images.rows();
    }

    /** Returns the width of each image in pixels. */
    public int cols() {
        return images.cols();
    }

    /**
     * Returns the label of one image.
     *
     * @param index the image, 0 .. size − 1
     * @return its class
     * @throws IllegalStateException if the images have no labels
     */
    public int label(int index) {
        requireLabels();
        return labels[indices[checkIndex(index)]];
    }

    /** Returns how many images each class has: element k counts label k. */
    public int[] labelCounts() {
        requireLabels();
        int[] counts = new int[numClasses];
        for (int index : indices) {
            counts[labels[index]]++;
        }
        return counts;
    }

    /**
     * Returns one image's pixels in [−1, 1], row after row.
     *
     * @param index the image, 0 .. size − 1
     * @return a new array of {@code rows × cols} values
     */
    public float[] image(int index) {
        int imageSize = images.imageSize();
        float[] values = new float[imageSize];
        int offset = indices[checkIndex(index)] * imageSize;
        byte[] pixels = images.pixels();
        for (int p = 0; p < imageSize; p++) {
            values[p] = Scaling.toSymmetric(pixels[offset + p]);
        }
        return values;
    }

    /**
     * Returns the first {@code n} images (all of them if there are fewer).
     *
     * @param n the number of images to keep, positive
     * @return a view sharing the pixels
     */
    public ImageDataset limit(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + n);
        }
        if (n >= indices.length) {
            return this;
        }
        return new ImageDataset(name + " [first " + n + "]", images, labels, numClasses,
                Arrays.copyOf(indices, n), origin);
    }

    /**
     * Returns {@code count} consecutive images starting at {@code from}: two slices that do not
     * overlap share no image (unpaired domains, a held-out part).
     *
     * @param from the first image of this view, 0-based
     * @param count the number of images, positive
     * @return a view sharing the pixels
     * @throws IllegalArgumentException if the range is not inside this data set
     */
    public ImageDataset slice(int from, int count) {
        if (from < 0 || count < 1 || (long) from + count > indices.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "slice of %d images from %d is outside the %d images of %s", count, from, indices.length, name));
        }
        return new ImageDataset(String.format(Locale.ROOT, "%s [%d..%d]", name, from, from + count - 1), images,
                labels, numClasses, Arrays.copyOfRange(indices, from, from + count), origin);
    }

    /**
     * Counts this set's images whose pixels equal, byte for byte, an image of {@code other}: 0 means the two
     * sets share no picture (what a split into separate domains or a held-out set must hold).
     *
     * @param other another image set of the same size of image
     * @return how many of this set's images also occur in {@code other}
     */
    public int sharedImages(ImageDataset other) {
        java.util.Set<java.nio.ByteBuffer> seen = new java.util.HashSet<>();
        for (int index : other.indices) {
            seen.add(other.imageBytes(index));
        }
        int shared = 0;
        for (int index : indices) {
            if (seen.contains(imageBytes(index))) {
                shared++;
            }
        }
        return shared;
    }

    private java.nio.ByteBuffer imageBytes(int index) {
        int size = images.imageSize();
        return java.nio.ByteBuffer.wrap(Arrays.copyOfRange(images.pixels(), index * size, (index + 1) * size));
    }

    /**
     * Returns {@code n} images drawn at random without replacement (all of them if there are fewer),
     * in their original order.
     *
     * @param n the number of images to keep, positive
     * @param seed the seed that picks them
     * @return a view sharing the pixels
     */
    public ImageDataset subset(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("subset size must be positive, got " + n);
        }
        if (n >= indices.length) {
            return this;
        }
        int[] shuffled = indices.clone();
        shuffle(shuffled, new SplittableRandom(seed));
        int[] chosen = Arrays.copyOf(shuffled, n);
        Arrays.sort(chosen);
        return new ImageDataset(name + " [" + n + " at random]", images, labels, numClasses, chosen, origin);
    }

    /**
     * Returns only the images of the given classes, for example only the 7s.
     *
     * @param wanted the labels to keep
     * @return a view sharing the pixels; it keeps {@link #numClasses()}, so label 7 stays 7
     * @throws IllegalArgumentException if no image has one of these labels
     * @throws IllegalStateException if the images have no labels
     */
    public ImageDataset onlyLabels(int... wanted) {
        requireLabels();
        boolean[] keep = new boolean[numClasses];
        for (int label : wanted) {
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "label %d is outside 0..%d", label, numClasses - 1));
            }
            keep[label] = true;
        }
        int[] kept = Arrays.stream(indices).filter(i -> keep[labels[i]]).toArray();
        String list = Arrays.stream(wanted).distinct().sorted().mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        if (kept.length == 0) {
            throw new IllegalArgumentException(name + " has no image with label " + list);
        }
        return new ImageDataset(name + " [label " + list + "]", images, labels, numClasses, kept, origin);
    }

    /**
     * Returns only the images of one class; the same as {@code onlyLabels(label)}.
     *
     * @param label the label to keep
     * @return a view sharing the pixels
     */
    public ImageDataset filterLabel(int label) {
        return onlyLabels(label);
    }

    /**
     * Returns consecutive images as an array of shape {@code (count, 1, rows, cols)} in [−1, 1].
     *
     * @param manager the manager that owns the array
     * @param from the first image
     * @param count the number of images
     * @return the images
     */
    public NDArray images(NDManager manager, int from, int count) {
        return batch(manager, from, count).samples();
    }

    /**
     * Returns consecutive images with their labels (if any) as a batch.
     *
     * @param manager the manager that owns the arrays
     * @param from the first image
     * @param count the number of images
     * @return the batch
     */
    public SampleBatch batch(NDManager manager, int from, int count) {
        if (from < 0 || count < 0 || from > indices.length - count) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "images %d .. %d outside 0 .. %d", from, from + count - 1, indices.length - 1));
        }
        return batchOf(manager, Arrays.copyOfRange(indices, from, from + count));
    }

    /** Returns a sampler that shuffles the images with {@code seed}, reshuffling each epoch. */
    @Override
    public BatchStream sampler(long seed) {
        return new EpochSampler(seed);
    }

    /** Returns the name, size and origin. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d images of %d×%d%s, from %s", name, indices.length,
                images.rows(), images.cols(), hasLabels() ? ", " + numClasses + " classes" : "", origin);
    }

    /** Builds a batch from positions in the underlying storage. */
    private SampleBatch batchOf(NDManager manager, int[] storageIndices) {
        int imageSize = images.imageSize();
        byte[] pixels = images.pixels();
        float[] values = new float[storageIndices.length * imageSize];
        for (int i = 0; i < storageIndices.length; i++) {
            int offset = storageIndices[i] * imageSize;
            for (int p = 0; p < imageSize; p++) {
                values[i * imageSize + p] = Scaling.toSymmetric(pixels[offset + p]);
            }
        }
        NDArray samples =
                NativeArrays.copyOf(manager, values, new Shape(storageIndices.length, 1, images.rows(), images.cols()));
        NDArray batchLabels = null;
        if (labels != null) {
            int[] chosen = new int[storageIndices.length];
            for (int i = 0; i < storageIndices.length; i++) {
                chosen[i] = labels[storageIndices[i]];
            }
            batchLabels = NativeArrays.copyOf(manager, chosen);
        }
        return new SampleBatch(samples, batchLabels);
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= indices.length) {
            throw new IndexOutOfBoundsException("image " + index + " outside 0 .. " + (indices.length - 1));
        }
        return index;
    }

    private void requireLabels() {
        if (labels == null) {
            throw new IllegalStateException(name + " has no labels");
        }
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** Draws without replacement within an epoch, in an order reshuffled at the start of each epoch. */
    private final class EpochSampler implements BatchStream {

        private final SplittableRandom random;
        private final int[] order = indices.clone();
        private int position = order.length;
        private long drawn;

        EpochSampler(long seed) {
            this.random = new SplittableRandom(seed);
        }

        @Override
        public SampleBatch next(NDManager manager, int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
            }
            int[] chosen = new int[batchSize];
            for (int i = 0; i < batchSize; i++) {
                if (position == order.length) {
                    shuffle(order, random);
                    position = 0;
                }
                chosen[i] = order[position++];
            }
            drawn += batchSize;
            return batchOf(manager, chosen);
        }

        @Override
        public double epochs() {
            return (double) drawn / order.length;
        }
    }
}

package org.ganbook.data;

/**
 * An image data set's pixels and labels as plain Java arrays, for code that works on arrays rather
 * than on batches: the image classifier behind the quality metrics, and image grids of real
 * digits.
 *
 * <pre>{@code
 * ImageDataset digits = Datasets.mnist();
 * var classifier = ImageClassifier.trainOrLoad("mnist", DatasetArrays.pixels(digits), DatasetArrays.labels(digits));
 * Plots.imageGrid(DatasetArrays.pixels(digits, 0, 32), 32, 28, 28, 8)
 * }</pre>
 */
public final class DatasetArrays {

    private DatasetArrays() {}

    /**
     * Returns the pixels of every image, in [−1, 1].
     *
     * @param data the data set
     * @return {@code size · rows · cols} values, image after image, each row-major
     */
    public static float[] pixels(ImageDataset data) {
        return pixels(data, 0, data.size());
    }

    /**
     * Returns the pixels of consecutive images, in [−1, 1].
     *
     * @param data the data set
     * @param from the first image
     * @param count how many images
     * @return {@code count · rows · cols} values, image after image, each row-major
     * @throws IndexOutOfBoundsException if the range is outside the data set
     */
    public static float[] pixels(ImageDataset data, int from, int count) {
        checkRange(data, from, count);
        int imageSize = data.rows() * data.cols();
        float[] values = new float[count * imageSize];
        for (int i = 0; i < count; i++) {
            System.arraycopy(data.image(from + i), 0, values, i * imageSize, imageSize);
        }
        return values;
    }

    /**
     * Returns the label of every image.
     *
     * @param data a labelled data set
     * @return one class index per image
     * @throws IllegalStateException if the images have no labels
     */
    public static int[] labels(ImageDataset data) {
        return labels(data, 0, data.size());
    }

    /**
     * Returns the labels of consecutive images.
     *
     * @param data a labelled data set
     * @param from the first image
     * @param count how many images
     * @return one class index per image
     * @throws IllegalStateException if the images have no labels
     * @throws IndexOutOfBoundsException if the range is outside the data set
     */
    public static int[] labels(ImageDataset data, int from, int count) {
        if (!data.hasLabels()) {
            throw new IllegalStateException(data.name() + " has no labels");
        }
        checkRange(data, from, count);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = data.label(from + i);
        }
        return labels;
    }

    private static void checkRange(ImageDataset data, int from, int count) {
        if (from < 0 || count < 0 || from > data.size() - count) {
            throw new IndexOutOfBoundsException(
                    "images " + from + " .. " + (from + count - 1) + " outside 0 .. " + (data.size() - 1));
        }
    }
}

package org.ganbook.data;

/** Which part of a data set distributed as IDX files to read: the training or the test images. */
public enum Split {

    /** The training images, files named {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte}. */
    TRAIN("train"),

    /** The test images, files named {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}. */
    TEST("t10k");

    private final String filePrefix;

    Split(String filePrefix) {
        this.filePrefix = filePrefix;
    }

    /** Returns the prefix of this split's IDX file names: {@code train} or {@code t10k}. */
    public String filePrefix() {
        return filePrefix;
    }

    /** Returns {@code train} or {@code test}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

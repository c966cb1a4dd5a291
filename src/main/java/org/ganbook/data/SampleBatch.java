package org.ganbook.data;

import ai.djl.ndarray.NDArray;

/**
 * One batch of real samples, with their class labels when the data set has classes.
 *
 * @param samples the samples, shape {@code (batch, sampleShape...)}, values scaled as the models expect
 * @param labels the class index of each sample as an int32 array of shape {@code (batch)}, or {@code null}
 */
public record SampleBatch(NDArray samples, NDArray labels) {

    /** Returns the number of samples in the batch. */
    public int size() {
        return (int) samples.getShape().get(0);
    }

    /** Returns whether the batch carries class labels. */
    public boolean hasLabels() {
        return labels != null;
    }
}

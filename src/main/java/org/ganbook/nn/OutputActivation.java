package org.ganbook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The function a generator applies to its last layer, which decides the range of its samples. */
public enum OutputActivation {
    /** Values in (-1, 1): images scaled to [-1, 1], the usual choice for GAN images. */
    TANH,
    /** Values in (0, 1): images scaled to [0, 1]. */
    SIGMOID,
    /** Any real value: points of a toy distribution such as a 2-D mixture of Gaussians. */
    LINEAR;

    /**
     * Applies this activation.
     *
     * @param array the last layer's output
     * @return the activated output (the same array for {@link #LINEAR})
     */
    public NDArray apply(NDArray array) {
        switch (this) {
            case TANH:
                return Activation.tanh(array);
            case SIGMOID:
                return Activation.sigmoid(array);
            default:
                return array;
        }
    }

    /** Returns the name used in block summaries, e.g. {@code "tanh"}. */
    public String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

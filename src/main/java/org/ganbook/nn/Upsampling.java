package org.ganbook.nn;

/** How a convolutional generator doubles the height and width of its feature maps. */
public enum Upsampling {
    /**
     * Nearest-neighbour up-sampling ({@link Upsample2d}) followed by a 3×3 convolution. Avoids the
     * checkerboard artefacts of transposed convolutions.
     */
    NEAREST_CONV,
    /**
     * A transposed ("fractionally strided") convolution, kernel 4, stride 2, padding 1, as in the
     * DCGAN paper ({@link TransposedConv2d}).
     */
    TRANSPOSED_CONV
}

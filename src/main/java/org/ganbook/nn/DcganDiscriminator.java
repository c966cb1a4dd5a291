package org.ganbook.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.Arrays;

/**
 * The DCGAN discriminator for small images (28×28 by default), with {@code C} base channels:
 *
 * <pre>
 * x (N, channels, 28, 28)
 *   conv 4×4 stride 2  → (N, C, 14, 14)  → LeakyReLU 0.2
 *   conv 4×4 stride 2  → (N, 2C, 7, 7)   → BatchNorm → LeakyReLU 0.2
 *   flatten → Linear   → (N, 1) logit
 * </pre>
 *
 * <p>Convolutions use padding 1, so each halves the height and width; any image size divisible by
 * 4 works, and the channel count is taken from the input. The output is a <b>logit</b>, with no
 * sigmoid: {@code D(x) = sigmoid(logit)}, and the losses work on logits. Weights start as in the
 * DCGAN paper (see {@link Networks#useDcganInitialization}).
 */
public final class DcganDiscriminator extends SequentialBlock {

    private final int channels;
    private final boolean batchNorm;

    private DcganDiscriminator(Builder builder) {
        channels = builder.channels;
        batchNorm = builder.batchNorm;

        // 28x28 -> 14x14, no normalisation on the first layer (as in the paper)
        add(downsample(channels, true));
        add(Layers.leakyRelu(builder.leakyReluAlpha));

        // 14x14 -> 7x7
        add(downsample(2 * channels, !batchNorm));
        if (batchNorm) {
            add(BatchNorm.builder().build());
        }
        add(Layers.leakyRelu(builder.leakyReluAlpha));

        // one logit per image
        add(Blocks.batchFlattenBlock());
        add(Linear.builder().setUnits(1).build());

        Networks.useDcganInitialization(this);
    }

    private static Conv2d downsample(int filters, boolean bias) {
        return Conv2d.builder()
                .setKernelShape(new Shape(4, 4))
                .optStride(new Shape(2, 2))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .optBias(bias)
                .build();
    }

    /** Returns a builder; every setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the base number of channels {@code C} (the second convolution has 2C). */
    public int getChannels() {
        return channels;
    }

    /** Returns whether the second convolution is batch-normalised. */
    public boolean hasBatchNorm() {
        return batchNorm;
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        if (inputShapes.length != 1
                || inputShapes[0].dimension() != 4
                || inputShapes[0].get(2) % 4 != 0
                || inputShapes[0].get(3) % 4 != 0) {
            throw new IllegalArgumentException(
                    "DcganDiscriminator expects one input of shape (N, channels, H, W) with H and W"
                            + " multiples of 4, got "
                            + Arrays.toString(inputShapes));
        }
        super.beforeInitialize(inputShapes);
    }

    /** Builds a {@link DcganDiscriminator}. */
    public static final class Builder {

        private int channels = 32;
        private boolean batchNorm = true;
        private float leakyReluAlpha = 0.2f;

        private Builder() {}

        /** Sets the base number of channels {@code C}: the convolutions have C and 2C; default 32. */
        public Builder optChannels(int channels) {
            this.channels = channels;
            return this;
        }

        /** Sets whether the second convolution is batch-normalised; default true. */
        public Builder optBatchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        /** Sets the negative slope of the LeakyReLUs; default 0.2. */
        public Builder optLeakyReluAlpha(float alpha) {
            this.leakyReluAlpha = alpha;
            return this;
        }

        /**
         * Builds the discriminator.
         *
         * @return the discriminator
         * @throws IllegalArgumentException if a setting is invalid
         */
        public DcganDiscriminator build() {
            Layers.requirePositive("optChannels", channels);
            return new DcganDiscriminator(this);
        }
    }
}

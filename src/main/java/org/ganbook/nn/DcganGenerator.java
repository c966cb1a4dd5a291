package org.ganbook.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/**
 * The DCGAN generator for small images (28×28 by default), after Radford, Metz and Chintala (2015),
 * with {@code C} base channels:
 *
 * <pre>
 * z (N, codingSize)
 *   Linear                → (N, 4C·7·7) → reshape (N, 4C, 7, 7) → BatchNorm → ReLU
 *   up-sample ×2 + conv   → (N, 2C, 14, 14)                     → BatchNorm → ReLU
 *   up-sample ×2 + conv   → (N, channels, 28, 28)               → tanh
 * </pre>
 *
 * <p>Each "up-sample ×2 + conv" is, by default, nearest-neighbour {@link Upsample2d} followed by a
 * 3×3 convolution (padding 1); with {@link Upsampling#TRANSPOSED_CONV} it is a {@link
 * TransposedConv2d} with kernel 4, stride 2, padding 1, as in the paper. Layers followed by
 * BatchNorm have no bias (BatchNorm's beta plays its part).
 *
 * <p>From the reshape on, the feature maps are laid out channels-last in memory ({@code Layers.channelsLast};
 * the same shapes and values): libtorch's oneDNN convolutions then work without converting each activation
 * between layouts, which made a whole training iteration (batch 64, C = 32, both networks, one thread) about 1.1
 * times as fast with transposed convolutions and about 1.4 times with up-sampling ({@code src/bench/README.md}).
 * The discriminator keeps the plain layout: the same change measured no gain there.
 *
 * <p>Weights start as in the paper: every convolution and linear weight from N(0, 0.02), BatchNorm's
 * gamma from N(1, 0.02), biases and beta at 0 (see {@link Networks#useDcganInitialization}).
 *
 * <p>Input: {@code NDList(z)}; output: {@code NDList(images)} of shape {@code (N, channels, size,
 * size)}, values in (−1, 1).
 */
public final class DcganGenerator extends SequentialBlock {

    private final int codingSize;
    private final int channels;
    private final int imageChannels;
    private final int imageSize;
    private final boolean batchNorm;
    private final Upsampling upsampling;

    private DcganGenerator(Builder builder) {
        codingSize = builder.codingSize;
        channels = builder.channels;
        imageChannels = builder.imageChannels;
        imageSize = builder.imageSize;
        batchNorm = builder.batchNorm;
        upsampling = builder.upsampling;
        int start = imageSize / 4;

        // project and reshape: (N, codingSize) -> (N, 4C, 7, 7)
        add(Linear.builder().setUnits(4L * channels * start * start).optBias(!batchNorm).build());
        addSingleton(z -> Layers.channelsLast(z.reshape(-1, 4L * channels, start, start)), "reshape");
        addNormalization();
        add(Layers.relu());

        // 7x7 -> 14x14
        addUpsampling(2 * channels, !batchNorm);
        addNormalization();
        add(Layers.relu());

        // 14x14 -> 28x28 image
        addUpsampling(imageChannels, true);
        if (builder.output != OutputActivation.LINEAR) {
            add(Layers.output(builder.output));
        }

        Networks.useDcganInitialization(this);
    }

    /** Returns a builder; the coding size is required. */
    public static Builder builder() {
        return new Builder();
    }

    private void addUpsampling(int filters, boolean bias) {
        if (upsampling == Upsampling.TRANSPOSED_CONV) {
            add(
                    TransposedConv2d.builder()
                            .setKernelShape(new Shape(4, 4))
                            .setFilters(filters)
                            .optStride(new Shape(2, 2))
                            .optPadding(new Shape(1, 1))
                            .optBias(bias)
                            .build());
        } else {
            add(new Upsample2d(2));
            add(
                    Conv2d.builder()
                            .setKernelShape(new Shape(3, 3))
                            .optPadding(new Shape(1, 1))
                            .setFilters(filters)
                            .optBias(bias)
                            .build());
        }
    }

    private void addNormalization() {
        if (batchNorm) {
            add(BatchNorm.builder().build());
        }
    }

    /** Returns the length of the noise vectors the generator expects. */
    public int getCodingSize() {
        return codingSize;
    }

    /** Returns the base number of channels {@code C} (the widest layer has 4C). */
    public int getChannels() {
        return channels;
    }

    /** Returns the shape of one generated image, {@code (channels, size, size)}. */
    public Shape getOutputShape() {
        return new Shape(imageChannels, imageSize, imageSize);
    }

    /** Returns whether the hidden layers are batch-normalised. */
    public boolean hasBatchNorm() {
        return batchNorm;
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        Layers.requireCodingShape(this, codingSize, inputShapes);
        super.beforeInitialize(inputShapes);
    }

    /** Builds a {@link DcganGenerator}. */
    public static final class Builder {

        private int codingSize;
        private int channels = 32;
        private int imageChannels = 1;
        private int imageSize = 28;
        private boolean batchNorm = true;
        private Upsampling upsampling = Upsampling.NEAREST_CONV;
        private OutputActivation output = OutputActivation.TANH;

        private Builder() {}

        /** Sets the length of the noise vectors. Required. */
        public Builder setCodingSize(int codingSize) {
            this.codingSize = codingSize;
            return this;
        }

        /**
         * Sets the base number of channels {@code C}: the hidden layers have 4C and 2C channels;
         * default 32, which keeps a training step (batch 64, both networks) to a few hundred
         * milliseconds on two CPU cores. Larger values make a stronger, slower generator.
         */
        public Builder optChannels(int channels) {
            this.channels = channels;
            return this;
        }

        /** Sets the number of image channels: 1 for grey images (default), 3 for colour. */
        public Builder optImageChannels(int imageChannels) {
            this.imageChannels = imageChannels;
            return this;
        }

        /** Sets the image height and width, a multiple of 4; default 28. */
        public Builder optImageSize(int imageSize) {
            this.imageSize = imageSize;
            return this;
        }

        /** Sets whether the hidden layers are batch-normalised; default true. */
        public Builder optBatchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        /**
         * Sets how feature maps are up-sampled; default {@link Upsampling#NEAREST_CONV}. {@link
         * Upsampling#TRANSPOSED_CONV}, the paper's, costs about three quarters as much per training
         * iteration at C = 32 (0.67 and 0.79 in two runs; libtorch's kernel; {@code src/bench/README.md}).
         * Which of the two reaches the lower classifier Fréchet distance after a few hundred iterations has
         * varied: up-sampling on seeds 1, 2 and 42 in earlier measurements, the transposed form on seed 42 in
         * notebook 7 once a change in the last bits of the arithmetic (the channels-last layout) had sent the
         * runs elsewhere.
         */
        public Builder optUpsampling(Upsampling upsampling) {
            this.upsampling = upsampling;
            return this;
        }

        /** Sets the output activation; default {@link OutputActivation#TANH}. */
        public Builder optOutput(OutputActivation output) {
            this.output = output;
            return this;
        }

        /**
         * Builds the generator.
         *
         * @return the generator
         * @throws IllegalArgumentException if the coding size is missing or a setting is invalid
         */
        public DcganGenerator build() {
            Layers.requirePositive("setCodingSize", codingSize);
            Layers.requirePositive("optChannels", channels);
            Layers.requirePositive("optImageChannels", imageChannels);
            if (imageSize <= 0 || imageSize % 4 != 0) {
                throw new IllegalArgumentException(
                        "image size must be a positive multiple of 4, got " + imageSize);
            }
            if (upsampling == null || output == null) {
                throw new IllegalArgumentException("up-sampling and output must not be null");
            }
            return new DcganGenerator(this);
        }
    }
}

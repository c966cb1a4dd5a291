package org.ganbook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A conditional DCGAN discriminator: the label's code (one-hot, or a learned embedding) becomes
 * extra image channels, each constant over the image, stacked onto the input, and the result goes
 * through a {@link DcganDiscriminator}.
 *
 * <p>Input: {@code NDList(x, labels)} with {@code x} of shape {@code (N, channels, H, W)} and {@code
 * labels} class indices of shape {@code (N)} (int32). Output: {@code NDList(logits)} of shape {@code
 * (N, 1)}, no sigmoid.
 */
public final class ConditionalDcganDiscriminator extends AbstractBlock {

    private static final byte VERSION = 1;

    private final LabelEncoder labelEncoder;
    private final DcganDiscriminator discriminator;

    private ConditionalDcganDiscriminator(Builder builder) {
        super(VERSION);
        labelEncoder =
                addChildBlock(
                        "labelEncoder",
                        builder.embeddingSize > 0
                                ? LabelEncoder.embedding(builder.numClasses, builder.embeddingSize)
                                : LabelEncoder.oneHot(builder.numClasses));
        discriminator = addChildBlock("discriminator", builder.discriminator.build());
    }

    /** Returns a builder; the number of classes is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns how many classes the discriminator knows. */
    public int getNumClasses() {
        return labelEncoder.getNumClasses();
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException(
                    "ConditionalDcganDiscriminator expects NDList(x, labels), got "
                            + inputs.size()
                            + " arrays");
        }
        NDArray x = inputs.get(0);
        Shape shape = x.getShape();
        NDArray code =
                labelEncoder.forward(parameterStore, new NDList(inputs.get(1)), training).head();
        NDArray labelPlanes =
                code.reshape(shape.get(0), labelEncoder.getWidth(), 1, 1)
                        .broadcast(
                                new Shape(
                                        shape.get(0),
                                        labelEncoder.getWidth(),
                                        shape.get(2),
                                        shape.get(3)));
        return discriminator.forward(parameterStore, new NDList(x.concat(labelPlanes, 1)), training);
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        Layers.requireDataAndLabels(this, inputShapes);
        if (inputShapes[0].dimension() != 4) {
            throw new IllegalArgumentException(
                    "ConditionalDcganDiscriminator expects images (N, channels, H, W), got "
                            + inputShapes[0]);
        }
        super.beforeInitialize(inputShapes);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        labelEncoder.initialize(manager, dataType, inputShapes[1]);
        discriminator.initialize(manager, dataType, discriminatorInput(inputShapes));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return discriminator.getOutputShapes(new Shape[] {discriminatorInput(inputShapes)});
    }

    private Shape discriminatorInput(Shape[] inputShapes) {
        Shape images = inputShapes[0];
        return new Shape(
                images.get(0),
                images.get(1) + labelEncoder.getWidth(),
                images.get(2),
                images.get(3));
    }

    /** Builds a {@link ConditionalDcganDiscriminator}; the DCGAN settings are those of {@link DcganDiscriminator}. */
    public static final class Builder {

        private final DcganDiscriminator.Builder discriminator = DcganDiscriminator.builder();
        private int numClasses;
        private int embeddingSize;

        private Builder() {}

        /** Sets the number of classes, e.g. 10 for digits. Required. */
        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Encodes labels with a learned embedding of this size instead of one-hot codes (the
         * default); the size is the number of extra channels.
         */
        public Builder optLabelEmbedding(int size) {
            this.embeddingSize = size;
            return this;
        }

        /** Sets the base number of channels {@code C}; default 32 (see {@link DcganDiscriminator}). */
        public Builder optChannels(int channels) {
            discriminator.optChannels(channels);
            return this;
        }

        /** Sets whether the second convolution is batch-normalised; default true. */
        public Builder optBatchNorm(boolean batchNorm) {
            discriminator.optBatchNorm(batchNorm);
            return this;
        }

        /** Sets the negative slope of the LeakyReLUs; default 0.2. */
        public Builder optLeakyReluAlpha(float alpha) {
            discriminator.optLeakyReluAlpha(alpha);
            return this;
        }

        /**
         * Builds the discriminator.
         *
         * @return the discriminator
         * @throws IllegalArgumentException if the number of classes is missing or a setting is invalid
         */
        public ConditionalDcganDiscriminator build() {
            Layers.requirePositive("setNumClasses", numClasses);
            if (embeddingSize < 0) {
                throw new IllegalArgumentException("embedding size must not be negative");
            }
            return new ConditionalDcganDiscriminator(this);
        }
    }
}

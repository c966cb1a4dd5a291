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
 * A conditional DCGAN generator: the label's code (one-hot, or a learned embedding) is concatenated
 * to the noise, and the result goes through a {@link DcganGenerator}.
 *
 * <p>Input: {@code NDList(z, labels)} with {@code z} of shape {@code (N, codingSize)} and {@code
 * labels} class indices of shape {@code (N)} (int32). Output: {@code NDList(images)} of shape {@code
 * (N, channels, size, size)}.
 */
public final class ConditionalDcganGenerator extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int codingSize;
    private final LabelEncoder labelEncoder;
    private final DcganGenerator generator;

    private ConditionalDcganGenerator(Builder builder) {
        super(VERSION);
        codingSize = builder.codingSize;
        labelEncoder =
                addChildBlock(
                        "labelEncoder",
                        builder.embeddingSize > 0
                                ? LabelEncoder.embedding(builder.numClasses, builder.embeddingSize)
                                : LabelEncoder.oneHot(builder.numClasses));
        generator =
                addChildBlock(
                        "generator",
                        builder.generator.setCodingSize(codingSize + labelEncoder.getWidth()).build());
    }

    /** Returns a builder; the coding size and the number of classes are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the length of the noise vectors the generator expects. */
    public int getCodingSize() {
        return codingSize;
    }

    /** Returns how many classes the generator can be asked for. */
    public int getNumClasses() {
        return labelEncoder.getNumClasses();
    }

    /** Returns the shape of one generated image, {@code (channels, size, size)}. */
    public Shape getOutputShape() {
        return generator.getOutputShape();
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
                    "ConditionalDcganGenerator expects NDList(z, labels), got "
                            + inputs.size()
                            + " arrays");
        }
        NDArray z = inputs.get(0);
        NDArray code =
                labelEncoder.forward(parameterStore, new NDList(inputs.get(1)), training).head();
        return generator.forward(parameterStore, new NDList(z.concat(code, 1)), training);
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        Layers.requireDataAndLabels(this, inputShapes);
        Layers.requireCodingShape(this, codingSize, inputShapes[0]);
        super.beforeInitialize(inputShapes);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        labelEncoder.initialize(manager, dataType, inputShapes[1]);
        generator.initialize(manager, dataType, generatorInput(inputShapes));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return generator.getOutputShapes(new Shape[] {generatorInput(inputShapes)});
    }

    private Shape generatorInput(Shape[] inputShapes) {
        return new Shape(inputShapes[0].get(0), codingSize + labelEncoder.getWidth());
    }

    /** Builds a {@link ConditionalDcganGenerator}; the DCGAN settings are those of {@link DcganGenerator}. */
    public static final class Builder {

        private final DcganGenerator.Builder generator = DcganGenerator.builder();
        private int codingSize;
        private int numClasses;
        private int embeddingSize;

        private Builder() {}

        /** Sets the length of the noise vectors. Required. */
        public Builder setCodingSize(int codingSize) {
            this.codingSize = codingSize;
            return this;
        }

        /** Sets the number of classes, e.g. 10 for digits. Required. */
        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Encodes labels with a learned embedding of this size instead of one-hot codes (the
         * default).
         */
        public Builder optLabelEmbedding(int size) {
            this.embeddingSize = size;
            return this;
        }

        /** Sets the base number of channels {@code C}; default 32 (see {@link DcganGenerator}). */
        public Builder optChannels(int channels) {
            generator.optChannels(channels);
            return this;
        }

        /** Sets the number of image channels; default 1. */
        public Builder optImageChannels(int imageChannels) {
            generator.optImageChannels(imageChannels);
            return this;
        }

        /** Sets the image height and width, a multiple of 4; default 28. */
        public Builder optImageSize(int imageSize) {
            generator.optImageSize(imageSize);
            return this;
        }

        /** Sets whether the hidden layers are batch-normalised; default true. */
        public Builder optBatchNorm(boolean batchNorm) {
            generator.optBatchNorm(batchNorm);
            return this;
        }

        /** Sets how feature maps are up-sampled; default {@link Upsampling#NEAREST_CONV}. */
        public Builder optUpsampling(Upsampling upsampling) {
            generator.optUpsampling(upsampling);
            return this;
        }

        /** Sets the output activation; default {@link OutputActivation#TANH}. */
        public Builder optOutput(OutputActivation output) {
            generator.optOutput(output);
            return this;
        }

        /**
         * Builds the generator.
         *
         * @return the generator
         * @throws IllegalArgumentException if a required setting is missing or a setting is invalid
         */
        public ConditionalDcganGenerator build() {
            Layers.requirePositive("setCodingSize", codingSize);
            Layers.requirePositive("setNumClasses", numClasses);
            if (embeddingSize < 0) {
                throw new IllegalArgumentException("embedding size must not be negative");
            }
            return new ConditionalDcganGenerator(this);
        }
    }
}

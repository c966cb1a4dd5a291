package org.ganbook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * A conditional fully connected discriminator: it judges whether a sample is a real sample <i>of the
 * given class</i>. The input is flattened, the label's code (one-hot, or a learned embedding) is
 * concatenated to it, and the result goes through an {@link MlpDiscriminator}.
 *
 * <p>Input: {@code NDList(x, labels)} with {@code x} of shape {@code (N, inputShape...)} and {@code
 * labels} class indices of shape {@code (N)} (int32). Output: {@code NDList(logits)} of shape {@code
 * (N, 1)}, no sigmoid.
 */
public final class ConditionalMlpDiscriminator extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Shape inputShape;
    private final LabelEncoder labelEncoder;
    private final MlpDiscriminator discriminator;

    private ConditionalMlpDiscriminator(Builder builder) {
        super(VERSION);
        inputShape = builder.inputShape;
        labelEncoder =
                addChildBlock(
                        "labelEncoder",
                        builder.embeddingSize > 0
                                ? LabelEncoder.embedding(builder.numClasses, builder.embeddingSize)
                                : LabelEncoder.oneHot(builder.numClasses));
        discriminator =
                addChildBlock(
                        "discriminator",
                        MlpDiscriminator.builder()
                                .setInputShape(new Shape(inputShape.size() + labelEncoder.getWidth()))
                                .optHidden(builder.hidden)
                                .optLeakyReluAlpha(builder.leakyReluAlpha)
                                .optDropout(builder.dropout)
                                .build());
    }

    /** Returns a builder; the input shape and the number of classes are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the shape of one input sample, without the batch axis. */
    public Shape getInputShape() {
        return inputShape;
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
                    "ConditionalMlpDiscriminator expects NDList(x, labels), got "
                            + inputs.size()
                            + " arrays");
        }
        NDArray x = inputs.get(0);
        NDArray flat = x.reshape(x.getShape().get(0), inputShape.size());
        NDArray code =
                labelEncoder.forward(parameterStore, new NDList(inputs.get(1)), training).head();
        return discriminator.forward(parameterStore, new NDList(flat.concat(code, 1)), training);
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        Layers.requireDataAndLabels(this, inputShapes);
        if (inputShapes[0].slice(1).size() != inputShape.size()) {
            throw new IllegalArgumentException(
                    "ConditionalMlpDiscriminator expects samples of shape "
                            + inputShape
                            + ", got "
                            + Arrays.toString(inputShapes));
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
        return new Shape(inputShapes[0].get(0), inputShape.size() + labelEncoder.getWidth());
    }

    /** Builds a {@link ConditionalMlpDiscriminator}. */
    public static final class Builder {

        private Shape inputShape;
        private int numClasses;
        private int embeddingSize;
        private int[] hidden = {512, 256};
        private float leakyReluAlpha = 0.2f;
        private float dropout;

        private Builder() {}

        /** Sets the shape of one input sample, e.g. {@code (1, 28, 28)}. Required. */
        public Builder setInputShape(Shape inputShape) {
            this.inputShape = inputShape;
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

        /** Sets the widths of the hidden layers, first to last; default {@code 512, 256}. */
        public Builder optHidden(int... units) {
            this.hidden = units.clone();
            return this;
        }

        /** Sets the negative slope of the hidden layers' LeakyReLU; default 0.2 (0 gives ReLU). */
        public Builder optLeakyReluAlpha(float alpha) {
            this.leakyReluAlpha = alpha;
            return this;
        }

        /** Sets the dropout rate after each hidden layer (training mode only); default 0. */
        public Builder optDropout(float rate) {
            this.dropout = rate;
            return this;
        }

        /**
         * Builds the discriminator.
         *
         * @return the discriminator
         * @throws IllegalArgumentException if a required setting is missing or a setting is invalid
         */
        public ConditionalMlpDiscriminator build() {
            Layers.requireShape("setInputShape", inputShape);
            Layers.requirePositive("setNumClasses", numClasses);
            if (embeddingSize < 0) {
                throw new IllegalArgumentException("embedding size must not be negative");
            }
            return new ConditionalMlpDiscriminator(this);
        }
    }
}

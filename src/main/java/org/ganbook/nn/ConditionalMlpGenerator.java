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
 * A conditional fully connected generator: it draws a sample of a chosen class. The label is encoded
 * (one-hot, or a learned embedding) and concatenated to the noise, and the result goes through an
 * {@link MlpGenerator}.
 *
 * <p>Input: {@code NDList(z, labels)} with {@code z} of shape {@code (N, codingSize)} and {@code
 * labels} class indices of shape {@code (N)} (int32). Output: {@code NDList(samples)} of shape
 * {@code (N, outputShape...)}.
 *
 * <pre>{@code
 * Block g = ConditionalMlpGenerator.builder()
 *         .setCodingSize(100)
 *         .setOutputShape(new Shape(1, 28, 28))
 *         .setNumClasses(10)
 *         .build();
 * }</pre>
 */
public final class ConditionalMlpGenerator extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int codingSize;
    private final LabelEncoder labelEncoder;
    private final MlpGenerator generator;

    private ConditionalMlpGenerator(Builder builder) {
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
                        MlpGenerator.builder()
                                .setCodingSize(codingSize + labelEncoder.getWidth())
                                .setOutputShape(builder.outputShape)
                                .optHidden(builder.hidden)
                                .optLeakyReluAlpha(builder.leakyReluAlpha)
                                .optOutput(builder.output)
                                .build());
    }

    /** Returns a builder; coding size, output shape and number of classes are required. */
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

    /** Returns the shape of one sample, without the batch axis. */
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
                    "ConditionalMlpGenerator expects NDList(z, labels), got " + inputs.size() + " arrays");
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

    /** Builds a {@link ConditionalMlpGenerator}. */
    public static final class Builder {

        private int codingSize;
        private Shape outputShape;
        private int numClasses;
        private int embeddingSize;
        private int[] hidden = {256, 512};
        private float leakyReluAlpha = 0.2f;
        private OutputActivation output = OutputActivation.TANH;

        private Builder() {}

        /** Sets the length of the noise vectors. Required. */
        public Builder setCodingSize(int codingSize) {
            this.codingSize = codingSize;
            return this;
        }

        /** Sets the shape of one sample, e.g. {@code (1, 28, 28)}. Required. */
        public Builder setOutputShape(Shape outputShape) {
            this.outputShape = outputShape;
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

        /** Sets the widths of the hidden layers, first to last; default {@code 256, 512}. */
        public Builder optHidden(int... units) {
            this.hidden = units.clone();
            return this;
        }

        /** Sets the negative slope of the hidden layers' LeakyReLU; default 0.2 (0 gives ReLU). */
        public Builder optLeakyReluAlpha(float alpha) {
            this.leakyReluAlpha = alpha;
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
         * @throws IllegalArgumentException if a required setting is missing or a setting is invalid
         */
        public ConditionalMlpGenerator build() {
            Layers.requirePositive("setCodingSize", codingSize);
            Layers.requirePositive("setNumClasses", numClasses);
            if (embeddingSize < 0) {
                throw new IllegalArgumentException("embedding size must not be negative");
            }
            return new ConditionalMlpGenerator(this);
        }
    }
}

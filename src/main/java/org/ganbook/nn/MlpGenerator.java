package org.ganbook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * A fully connected generator: noise {@code z} of shape {@code (N, codingSize)} goes through hidden
 * layers with LeakyReLU, then a linear layer with one unit per output value, then the output
 * activation, and is finally reshaped to {@code (N, outputShape...)}.
 *
 * <pre>{@code
 * Block g = MlpGenerator.builder()
 *         .setCodingSize(100)
 *         .setOutputShape(new Shape(1, 28, 28))
 *         .optHidden(256, 512)
 *         .optOutput(OutputActivation.TANH)
 *         .build();
 * }</pre>
 *
 * <p>For a 2-D toy distribution use {@code setOutputShape(new Shape(2))} and {@link
 * OutputActivation#LINEAR}. Input: {@code NDList(z)}; output: {@code NDList(samples)}.
 */
public final class MlpGenerator extends SequentialBlock {

    private final int codingSize;
    private final Shape outputShape;

    private MlpGenerator(Builder builder) {
        codingSize = builder.codingSize;
        outputShape = builder.outputShape;
        for (int units : builder.hidden) {
            add(Linear.builder().setUnits(units).build());
            add(Layers.leakyRelu(builder.leakyReluAlpha));
        }
        add(Linear.builder().setUnits(outputShape.size()).build());
        if (builder.output != OutputActivation.LINEAR) {
            add(Layers.output(builder.output));
        }
        if (outputShape.dimension() > 1) {
            addSingleton(this::unflatten, "reshape");
        }
    }

    /** Returns a builder; the coding size and the output shape are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the length of the noise vectors the generator expects. */
    public int getCodingSize() {
        return codingSize;
    }

    /** Returns the shape of one sample, without the batch axis. */
    public Shape getOutputShape() {
        return outputShape;
    }

    private NDArray unflatten(NDArray flat) {
        return flat.reshape(new Shape(flat.getShape().get(0)).addAll(outputShape));
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        Layers.requireCodingShape(this, codingSize, inputShapes);
        super.beforeInitialize(inputShapes);
    }

    /** Builds an {@link MlpGenerator}. */
    public static final class Builder {

        private int codingSize;
        private Shape outputShape;
        private int[] hidden = {256, 512};
        private float leakyReluAlpha = 0.2f;
        private OutputActivation output = OutputActivation.TANH;

        private Builder() {}

        /** Sets the length of the noise vectors. Required. */
        public Builder setCodingSize(int codingSize) {
            this.codingSize = codingSize;
            return this;
        }

        /** Sets the shape of one sample, e.g. {@code (1, 28, 28)} or {@code (2)}. Required. */
        public Builder setOutputShape(Shape outputShape) {
            this.outputShape = outputShape;
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
         * @throws IllegalArgumentException if a required setting is missing or a size is not positive
         */
        public MlpGenerator build() {
            Layers.requirePositive("setCodingSize", codingSize);
            Layers.requireShape("setOutputShape", outputShape);
            Layers.requireWidths(hidden);
            if (output == null) {
                throw new IllegalArgumentException("optOutput(activation) must not be null");
            }
            return new MlpGenerator(this);
        }
    }
}

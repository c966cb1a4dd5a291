package org.ganbook.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.Arrays;

/**
 * A fully connected discriminator: the input, of shape {@code (N, inputShape...)}, is flattened, goes
 * through hidden layers with LeakyReLU, and ends in one linear unit: the output is a <b>logit</b> of
 * shape {@code (N, 1)}, any real number, with {@code D(x) = sigmoid(logit)}. There is no sigmoid
 * layer: the losses work on logits, which is numerically stable.
 *
 * <pre>{@code
 * Block d = MlpDiscriminator.builder()
 *         .setInputShape(new Shape(1, 28, 28))
 *         .optHidden(512, 256)
 *         .build();
 * }</pre>
 */
public final class MlpDiscriminator extends SequentialBlock {

    private final Shape inputShape;

    private MlpDiscriminator(Builder builder) {
        inputShape = builder.inputShape;
        add(Blocks.batchFlattenBlock());
        for (int units : builder.hidden) {
            add(Linear.builder().setUnits(units).build());
            add(Layers.leakyRelu(builder.leakyReluAlpha));
            if (builder.dropout > 0) {
                add(Dropout.builder().optRate(builder.dropout).build());
            }
        }
        add(Linear.builder().setUnits(1).build());
    }

    /** Returns a builder; the input shape is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the shape of one input sample, without the batch axis. */
    public Shape getInputShape() {
        return inputShape;
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        if (inputShapes.length != 1
                || inputShapes[0].dimension() < 2
                || inputShapes[0].slice(1).size() != inputShape.size()) {
            throw new IllegalArgumentException(
                    "MlpDiscriminator expects one input of shape (N, "
                            + inputShape.toString().replaceAll("[()]", "")
                            + "), got "
                            + Arrays.toString(inputShapes));
        }
        super.beforeInitialize(inputShapes);
    }

    /** Builds an {@link MlpDiscriminator}. */
    public static final class Builder {

        private Shape inputShape;
        private int[] hidden = {512, 256};
        private float leakyReluAlpha = 0.2f;
        private float dropout;

        private Builder() {}

        /** Sets the shape of one input sample, e.g. {@code (1, 28, 28)} or {@code (2)}. Required. */
        public Builder setInputShape(Shape inputShape) {
            this.inputShape = inputShape;
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

        /**
         * Sets the dropout rate after each hidden layer, active in training mode only; default 0
         * (no dropout layers).
         */
        public Builder optDropout(float rate) {
            this.dropout = rate;
            return this;
        }

        /**
         * Builds the discriminator.
         *
         * @return the discriminator
         * @throws IllegalArgumentException if the input shape is missing or a setting is invalid
         */
        public MlpDiscriminator build() {
            Layers.requireShape("setInputShape", inputShape);
            Layers.requireWidths(hidden);
            if (dropout < 0 || dropout >= 1) {
                throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + dropout);
            }
            return new MlpDiscriminator(this);
        }
    }
}

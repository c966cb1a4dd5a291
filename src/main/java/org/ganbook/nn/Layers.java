package org.ganbook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.util.Arrays;

/** Small pieces the generators and discriminators share: named activations and argument checks. */
final class Layers {

    private Layers() {}

    /**
     * The same (N, C, H, W) array with its values laid out channels-last in memory (N, H, W, C order; same
     * shape, same values, strides permuted). Convolutions and BatchNorm keep that layout for their
     * outputs, and libtorch's oneDNN kernels then skip converting every activation between its own layout
     * and the plain one at each layer.
     */
    static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
        return x.transpose(0, 2, 3, 1).reshape(n * h * w, c).reshape(n, h, w, c).transpose(0, 3, 1, 2);
    }

    /** A LeakyReLU block named after its slope; a slope of 0 gives a plain ReLU. */
    static Block leakyRelu(float alpha) {
        if (alpha == 0f) {
            return relu();
        }
        return LambdaBlock.singleton(x -> Activation.leakyRelu(x, alpha), "leakyRelu(" + alpha + ")");
    }

    /** A ReLU block. */
    static Block relu() {
        return LambdaBlock.singleton(Activation::relu, "relu");
    }

    /** A block applying {@code activation}, named after it. */
    static Block output(OutputActivation activation) {
        return LambdaBlock.singleton(activation::apply, activation.displayName());
    }

    /** Checks that the only input has shape {@code (N, codingSize)}. */
    static void requireCodingShape(Block block, int codingSize, Shape... inputShapes) {
        if (inputShapes.length != 1
                || inputShapes[0].dimension() != 2
                || inputShapes[0].get(1) != codingSize) {
            throw new IllegalArgumentException(
                    block.getClass().getSimpleName()
                            + " expects one input of shape (N, "
                            + codingSize
                            + "), got "
                            + Arrays.toString(inputShapes));
        }
    }

    /** Checks a (data, labels) pair of input shapes: data {@code (N, ...)}, labels {@code (N)}. */
    static void requireDataAndLabels(Block block, Shape... inputShapes) {
        if (inputShapes.length != 2
                || inputShapes[0].dimension() < 2
                || inputShapes[1].dimension() != 1
                || inputShapes[0].get(0) != inputShapes[1].get(0)) {
            throw new IllegalArgumentException(
                    block.getClass().getSimpleName()
                            + " expects two inputs, data (N, ...) and class labels (N), got "
                            + Arrays.toString(inputShapes));
        }
    }

    /** Checks that a required shape is set and has only positive sizes. */
    static void requireShape(String setter, Shape shape) {
        if (shape == null
                || shape.dimension() == 0
                || Arrays.stream(shape.getShape()).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException(
                    setter + "(shape) with positive sizes is required, got " + shape);
        }
    }

    /** Checks that a required count is positive. */
    static void requirePositive(String setter, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(setter + "(n) with n > 0 is required, got " + value);
        }
    }

    /** Checks that every hidden width is positive. */
    static void requireWidths(int[] hidden) {
        for (int units : hidden) {
            if (units <= 0) {
                throw new IllegalArgumentException(
                        "hidden widths must be positive, got " + Arrays.toString(hidden));
            }
        }
    }
}

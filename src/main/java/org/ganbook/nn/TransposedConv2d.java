package org.ganbook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 2-D transposed convolution with the semantics of PyTorch's {@code ConvTranspose2d}, built from
 * operations DJL's PyTorch engine supports (its own {@code Conv2dTranspose} is not implemented
 * there).
 *
 * <p>A transposed convolution lets every input pixel stamp a copy of the kernel, scaled by the
 * pixel's value, onto the output, {@code stride} pixels apart, and adds the overlapping stamps. The
 * same result comes from an ordinary convolution:
 *
 * <ol>
 *   <li>insert {@code stride − 1} zeros between neighbouring input pixels,
 *   <li>pad the border with {@code dilation·(kernel − 1) − padding} zeros (a negative amount crops),
 *       plus {@code outPadding} more at the bottom and right,
 *   <li>convolve, stride 1, with the kernel flipped in both spatial axes and its input and output
 *       channel axes swapped.
 * </ol>
 *
 * <p>Input {@code (N, C_in, H, W)}; weight {@code (C_in, filters, kH, kW)} as in PyTorch; output
 * {@code (N, filters, H', W')} with {@code H' = (H − 1)·stride − 2·padding + dilation·(kH − 1) +
 * outPadding + 1}. Kernel 4, stride 2, padding 1 exactly doubles height and width.
 */
public final class TransposedConv2d extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Shape kernelShape;
    private final Shape stride;
    private final Shape padding;
    private final Shape outPadding;
    private final Shape dilation;
    private final int filters;
    private final Parameter weight;
    private final Parameter bias;

    private TransposedConv2d(Builder builder) {
        super(VERSION);
        kernelShape = builder.kernelShape;
        stride = builder.stride;
        padding = builder.padding;
        outPadding = builder.outPadding;
        dilation = builder.dilation;
        filters = builder.filters;
        weight =
                addParameter(
                        Parameter.builder()
                                .setName("weight")
                                .setType(Parameter.Type.WEIGHT)
                                .build());
        bias =
                builder.includeBias
                        ? addParameter(
                                Parameter.builder()
                                        .setName("bias")
                                        .setType(Parameter.Type.BIAS)
                                        .build())
                        : null;
    }

    /** Returns a builder for a transposed convolution. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes a transposed convolution, exactly as PyTorch's {@code conv_transpose2d} with one group.
     *
     * @param input images {@code (N, C_in, H, W)}
     * @param weight kernels {@code (C_in, C_out, kH, kW)}
     * @param bias {@code (C_out)}, or {@code null} for none
     * @param stride (sH, sW)
     * @param padding (pH, pW), removed from each side of the full output
     * @param outPadding (oH, oW), added at the bottom and right of the output; smaller than the stride
     *     or the dilation
     * @param dilation (dH, dW), spacing between kernel taps
     * @return the output {@code (N, C_out, H', W')}
     */
    public static NDArray transposedConv2d(
            NDArray input,
            NDArray weight,
            NDArray bias,
            Shape stride,
            Shape padding,
            Shape outPadding,
            Shape dilation) {
        Shape in = input.getShape();
        Shape w = weight.getShape();
        if (in.dimension() != 4 || w.dimension() != 4 || in.get(1) != w.get(0)) {
            throw new IllegalArgumentException(
                    "expected input (N, C_in, H, W) and weight (C_in, C_out, kH, kW), got "
                            + in
                            + " and "
                            + w);
        }
        long n = in.get(0);
        long channels = in.get(1);
        long height = in.get(2);
        long width = in.get(3);
        long sH = stride.get(0);
        long sW = stride.get(1);

        // 1. zero insertion: (N, C, H, W) -> (N, C, (H-1)·sH + 1, (W-1)·sW + 1)
        NDArray spread = input;
        if (sH > 1 || sW > 1) {
            spread =
                    input.reshape(n, channels, height, 1, width, 1)
                            .pad(new Shape(0, sW - 1, 0, 0, 0, sH - 1), 0)
                            .reshape(n, channels, height * sH, width * sW)
                            .get(
                                    new NDIndex(
                                            ":, :, :{}, :{}",
                                            (height - 1) * sH + 1,
                                            (width - 1) * sW + 1));
        }

        // 2. border: dilation·(k-1) - padding on each side, plus outPadding at the end
        long beforeH = dilation.get(0) * (w.get(2) - 1) - padding.get(0);
        long beforeW = dilation.get(1) * (w.get(3) - 1) - padding.get(1);
        NDArray bordered =
                padOrCrop(
                        spread,
                        beforeH,
                        beforeH + outPadding.get(0),
                        beforeW,
                        beforeW + outPadding.get(1));

        // 3. ordinary convolution with the flipped kernel, channels swapped
        NDArray flipped = weight.flip(2, 3).transpose(1, 0, 2, 3);
        return Conv2d.conv2d(
                        bordered, flipped, bias, new Shape(1, 1), new Shape(0, 0), dilation)
                .singletonOrThrow();
    }

    /** Adds zeros where an amount is positive and removes rows/columns where it is negative. */
    private static NDArray padOrCrop(
            NDArray x, long top, long bottom, long left, long right) {
        NDArray padded = x;
        if (top > 0 || bottom > 0 || left > 0 || right > 0) {
            padded =
                    x.pad(
                            new Shape(
                                    Math.max(left, 0),
                                    Math.max(right, 0),
                                    Math.max(top, 0),
                                    Math.max(bottom, 0)),
                            0);
        }
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            long h = padded.getShape().get(2);
            long w = padded.getShape().get(3);
            padded =
                    padded.get(
                            new NDIndex(
                                    ":, :, {}:{}, {}:{}",
                                    Math.max(-top, 0),
                                    h - Math.max(-bottom, 0),
                                    Math.max(-left, 0),
                                    w - Math.max(-right, 0)));
        }
        return padded;
    }

    /** Returns the kernel's (height, width). */
    public Shape getKernelShape() {
        return kernelShape;
    }

    /** Returns the stride, (sH, sW). */
    public Shape getStride() {
        return stride;
    }

    /** Returns the padding removed from each side of the output, (pH, pW). */
    public Shape getPadding() {
        return padding;
    }

    /** Returns the extra rows and columns added at the bottom and right, (oH, oW). */
    public Shape getOutPadding() {
        return outPadding;
    }

    /** Returns the spacing between kernel taps, (dH, dW). */
    public Shape getDilation() {
        return dilation;
    }

    /** Returns the number of output channels. */
    public int getFilters() {
        return filters;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        NDArray weightArray = parameterStore.getValue(weight, input.getDevice(), training);
        NDArray biasArray =
                bias == null ? null : parameterStore.getValue(bias, input.getDevice(), training);
        return new NDList(
                transposedConv2d(
                        input, weightArray, biasArray, stride, padding, outPadding, dilation));
    }

    /** {@inheritDoc} */
    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(inputShapes[0].get(1), filters).addAll(kernelShape));
        if (bias != null) {
            bias.setShape(new Shape(filters));
        }
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long[] out = {in.get(0), filters, 0, 0};
        for (int i = 0; i < 2; i++) {
            out[2 + i] =
                    (in.get(2 + i) - 1) * stride.get(i)
                            - 2 * padding.get(i)
                            + dilation.get(i) * (kernelShape.get(i) - 1)
                            + outPadding.get(i)
                            + 1;
        }
        return new Shape[] {new Shape(out)};
    }

    /** Builds a {@link TransposedConv2d}; the kernel shape and the number of filters are required. */
    public static final class Builder {

        private Shape kernelShape;
        private Shape stride = new Shape(1, 1);
        private Shape padding = new Shape(0, 0);
        private Shape outPadding = new Shape(0, 0);
        private Shape dilation = new Shape(1, 1);
        private int filters;
        private boolean includeBias = true;

        private Builder() {}

        /** Sets the kernel's (height, width). Required. */
        public Builder setKernelShape(Shape kernelShape) {
            this.kernelShape = kernelShape;
            return this;
        }

        /** Sets the number of output channels. Required. */
        public Builder setFilters(int filters) {
            this.filters = filters;
            return this;
        }

        /** Sets the stride (sH, sW); default (1, 1). */
        public Builder optStride(Shape stride) {
            this.stride = stride;
            return this;
        }

        /** Sets the padding (pH, pW) removed from each side of the output; default (0, 0). */
        public Builder optPadding(Shape padding) {
            this.padding = padding;
            return this;
        }

        /**
         * Sets the rows and columns (oH, oW) added at the bottom and right of the output; default
         * (0, 0). Each must be smaller than the stride or the dilation along its axis.
         */
        public Builder optOutPadding(Shape outPadding) {
            this.outPadding = outPadding;
            return this;
        }

        /** Sets the spacing (dH, dW) between kernel taps; default (1, 1). */
        public Builder optDilation(Shape dilation) {
            this.dilation = dilation;
            return this;
        }

        /** Sets whether the block adds a learned bias per output channel; default true. */
        public Builder optBias(boolean includeBias) {
            this.includeBias = includeBias;
            return this;
        }

        /**
         * Builds the block.
         *
         * @return the transposed convolution
         * @throws IllegalArgumentException if a required setting is missing or a setting is invalid
         */
        public TransposedConv2d build() {
            if (kernelShape == null || kernelShape.dimension() != 2) {
                throw new IllegalArgumentException("setKernelShape((kH, kW)) is required");
            }
            if (filters <= 0) {
                throw new IllegalArgumentException("setFilters(n) with n > 0 is required");
            }
            for (Shape s : new Shape[] {stride, padding, outPadding, dilation}) {
                if (s.dimension() != 2) {
                    throw new IllegalArgumentException("expected a (height, width) pair, got " + s);
                }
            }
            for (int i = 0; i < 2; i++) {
                if (kernelShape.get(i) < 1 || stride.get(i) < 1 || dilation.get(i) < 1) {
                    throw new IllegalArgumentException(
                            "kernel, stride and dilation must be positive");
                }
                if (padding.get(i) < 0 || outPadding.get(i) < 0) {
                    throw new IllegalArgumentException("padding must not be negative");
                }
                if (outPadding.get(i) >= Math.max(stride.get(i), dilation.get(i))) {
                    throw new IllegalArgumentException(
                            "out padding must be smaller than the stride or the dilation, got "
                                    + outPadding);
                }
            }
            return new TransposedConv2d(this);
        }
    }
}

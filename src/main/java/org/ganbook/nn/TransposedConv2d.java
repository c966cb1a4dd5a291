package org.ganbook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 2-D transposed convolution with the semantics of PyTorch's {@code ConvTranspose2d} (DJL's own
 * {@code Conv2dTranspose} throws "Not implemented" on the PyTorch engine).
 *
 * <p>A transposed convolution lets every input pixel stamp a copy of the kernel, scaled by the
 * pixel's value, onto the output, {@code stride} pixels apart, and adds the overlapping stamps. On the
 * PyTorch engine (float32) it is libtorch's own kernel, {@code torch.conv_transpose2d}, called through a
 * small TorchScript module in the jar ({@link LibtorchConvTranspose}); its gradients are libtorch's.
 * Elsewhere, and as {@link #subPixel}, it is computed at the input's resolution, as one ordinary
 * convolution followed by a pixel shuffle (the sub-pixel form):
 *
 * <ol>
 *   <li>the output pixels fall into {@code sH·sW} phases by their position modulo the stride; the
 *       pixels of one phase are touched by the same {@code ⌈kH/sH⌉ × ⌈kW/sW⌉} taps of the kernel;
 *   <li>one convolution, stride 1, over the input padded by {@code taps − 1}, with {@code sH·sW·C_out}
 *       filters (each phase's taps, flipped), computes every phase at once;
 *   <li>interleaving the phases (a pixel shuffle) gives the full output, from which {@code padding}
 *       rows and columns are cut on each side ({@code outPadding} more are kept at the bottom and
 *       right); the bias is added last.
 * </ol>
 *
 * <p>The work is that of the transposed convolution itself (for kernel 4, stride 2 at 7×7: the
 * input grows to 8×8 for the 2×2 taps), where the textbook form over a zero-inserted input costs
 * about four times as much. A dilated kernel is spread out with zeros first.
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
        if (LibtorchConvTranspose.supports(input, weight, bias)) {
            return LibtorchConvTranspose.compute(input, weight, bias, stride, padding, outPadding, dilation);
        }
        return subPixel(input, weight, bias, stride, padding, outPadding, dilation);
    }

    /**
     * The same transposed convolution as {@link #transposedConv2d}, always in the sub-pixel form (one
     * convolution over the stride phases, then a pixel shuffle), whatever the engine: the fallback off
     * the PyTorch engine, kept callable so that the two forms can be compared.
     */
    static NDArray subPixel(
            NDArray input,
            NDArray weight,
            NDArray bias,
            Shape stride,
            Shape padding,
            Shape outPadding,
            Shape dilation) {
        // Every array made from the weight would belong to the weight's manager, which lives as long as the
        // network: without the scope each forward pass would leave its kernel arrays behind (about 10 MB an
        // iteration on the DCGAN generator). The scope closes them all; autograd keeps what backward needs.
        try (NDScope scope = new NDScope()) {
            NDArray result = compute(input, weight, bias, stride, padding, outPadding, dilation);
            NDScope.unregister(result);
            return result;
        }
    }

    private static NDArray compute(
            NDArray input,
            NDArray weight,
            NDArray bias,
            Shape stride,
            Shape padding,
            Shape outPadding,
            Shape dilation) {
        Shape in = input.getShape();
        Shape w = weight.getShape();
        long n = in.get(0);
        long inChannels = in.get(1);
        long outChannels = w.get(1);
        long height = in.get(2);
        long width = in.get(3);
        long sH = stride.get(0);
        long sW = stride.get(1);
        NDArray kernel = dilate(weight, dilation.get(0), dilation.get(1));
        long kH = kernel.getShape().get(2);
        long kW = kernel.getShape().get(3);
        long outH = (height - 1) * sH - 2 * padding.get(0) + kH + outPadding.get(0);
        long outW = (width - 1) * sW - 2 * padding.get(1) + kW + outPadding.get(1);

        // 1. each phase's taps: pad the kernel to whole multiples of the stride, split every axis into
        //    (tap, phase), flip the taps, and stack the phases as filters: (sH·sW·C_out, C_in, tH, tW)
        long tH = (kH + sH - 1) / sH;
        long tW = (kW + sW - 1) / sW;
        if (tH * sH > kH || tW * sW > kW) {
            kernel = kernel.pad(new Shape(0, tW * sW - kW, 0, tH * sH - kH), 0);
        }
        NDArray phases =
                kernel.reshape(inChannels, outChannels, tH, sH, tW, sW)
                        .flip(2, 4)
                        .transpose(3, 5, 1, 0, 2, 4)
                        .reshape(sH * sW * outChannels, inChannels, tH, tW);

        // 2. one convolution at the input's resolution computes every phase
        NDArray all =
                Conv2d.conv2d(input, phases, null, new Shape(1, 1), new Shape(tH - 1, tW - 1), new Shape(1, 1))
                        .singletonOrThrow();

        // 3. pixel shuffle: (N, sH, sW, C_out, qH, qW) -> (N, C_out, qH·sH, qW·sW), then cut the padding
        long qH = height + tH - 1;
        long qW = width + tW - 1;
        NDArray full =
                all.reshape(n, sH, sW, outChannels, qH, qW)
                        .transpose(0, 3, 4, 1, 5, 2)
                        .reshape(n, outChannels, qH * sH, qW * sW);
        NDArray out =
                padOrCrop(
                        full,
                        -padding.get(0),
                        outH + padding.get(0) - qH * sH,
                        -padding.get(1),
                        outW + padding.get(1) - qW * sW);
        return bias == null ? out : out.add(bias.reshape(1, outChannels, 1, 1));
    }

    /** Spreads the kernel's taps {@code dilation} apart with zeros between them. */
    private static NDArray dilate(NDArray weight, long dH, long dW) {
        if (dH == 1 && dW == 1) {
            return weight;
        }
        Shape w = weight.getShape();
        return weight.reshape(w.get(0), w.get(1), w.get(2), 1, w.get(3), 1)
                .pad(new Shape(0, dW - 1, 0, 0, 0, dH - 1), 0)
                .reshape(w.get(0), w.get(1), w.get(2) * dH, w.get(3) * dW)
                .get(new NDIndex(":, :, :{}, :{}", (w.get(2) - 1) * dH + 1, (w.get(3) - 1) * dW + 1));
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

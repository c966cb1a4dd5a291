package org.ganbook.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import org.ganbook.io.BundledModule;

/**
 * libtorch's own transposed convolution ({@code torch.conv_transpose2d}, what {@code
 * nn.ConvTranspose2d} runs), reached through a tiny TorchScript module shipped in the jar ({@code
 * conv-transpose2d.pt}, made and checked against {@code nn.ConvTranspose2d} by {@code
 * src/scripts/make_conv_transpose.py}): DJL's Java API has no way to call the kernel itself.
 *
 * <p>The module runs with autograd recording (as any other operation does inside a gradient
 * collector), so the input, weight and bias gradients are libtorch's. Used by {@link
 * TransposedConv2d} whenever the arrays are the PyTorch engine's float32 arrays; elsewhere it computes
 * the same values as a convolution and a pixel shuffle.
 */
final class LibtorchConvTranspose {

    private static final String RESOURCE = "conv-transpose2d.pt";
    private static final BundledModule MODULE = new BundledModule(LibtorchConvTranspose.class, RESOURCE, "the sub-pixel form");

    private LibtorchConvTranspose() {}

    /** Whether the kernel can compute this: PyTorch float32 arrays on one device. */
    static boolean supports(NDArray input, NDArray weight, NDArray bias) {
        if (!(input instanceof PtNDArray) || !(weight instanceof PtNDArray)
                || (bias != null && !(bias instanceof PtNDArray))) {
            return false;
        }
        if (input.getDataType() != DataType.FLOAT32 || weight.getDataType() != DataType.FLOAT32
                || (bias != null && bias.getDataType() != DataType.FLOAT32)) {
            return false;
        }
        Device device = input.getDevice();
        if (!weight.getDevice().equals(device) || (bias != null && !bias.getDevice().equals(device))) {
            return false;
        }
        return module() != null;
    }

    /**
     * {@code torch.conv_transpose2d(input, weight, bias, stride, padding, outPadding, 1, dilation)}; the
     * result belongs to the input's manager.
     */
    static NDArray compute(
            NDArray input,
            NDArray weight,
            NDArray bias,
            Shape stride,
            Shape padding,
            Shape outPadding,
            Shape dilation) {
        try (NDManager scratch = input.getManager().newSubManager()) {
            NDArray settings =
                    scratch.create(
                            new long[] {
                                stride.get(0), stride.get(1),
                                padding.get(0), padding.get(1),
                                outPadding.get(0), outPadding.get(1),
                                dilation.get(0), dilation.get(1)
                            });
            NDArray biasOrEmpty = bias != null ? bias : scratch.create(new float[0]);
            // forward(.., true): run with autograd recording whenever a gradient collector is open
            return IValueUtils.forward(module(), new NDList(input, weight, biasOrEmpty, settings), true)
                    .singletonOrThrow();
        }
    }

    /** The module; {@code null} if the engine is not PyTorch or it cannot load. */
    private static PtSymbolBlock module() {
        return MODULE.get();
    }

    /** Whether the module loaded (for tests). */
    static boolean available() {
        return module() != null;
    }
}

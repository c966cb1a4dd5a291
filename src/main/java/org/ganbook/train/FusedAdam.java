package org.ganbook.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import java.util.ArrayList;
import java.util.List;
import org.ganbook.io.BundledModule;

/**
 * libtorch's multi-tensor Adam kernel ({@code torch._fused_adam_}, what {@code
 * torch.optim.Adam(fused=True)} runs), reached through a tiny TorchScript module shipped in the jar
 * ({@code fused-adam.pt}, made by {@code src/scripts/make_fused_adam.py}).
 *
 * <p>It updates every weight and both moments in one pass over memory and zeroes the gradients,
 * where DJL's {@code adamUpdate} makes about 28 passes and five temporary arrays per weight. Used by
 * {@link ResumableAdam} whenever the engine is PyTorch; elsewhere Adam falls back to DJL's update.
 */
final class FusedAdam {

    private static final String RESOURCE = "fused-adam.pt";
    private static final BundledModule MODULE = new BundledModule(FusedAdam.class, RESOURCE, "DJL's slower Adam update");

    private FusedAdam() {}

    /** Whether the kernel can update these weights: PyTorch arrays, float32, one device. */
    static boolean supports(List<NDArray> weights) {
        if (weights.isEmpty() || module() == null) {
            return false;
        }
        Device device = weights.get(0).getDevice();
        for (NDArray weight : weights) {
            if (!(weight instanceof PtNDArray)
                    || weight.getDataType() != DataType.FLOAT32
                    || !weight.getDevice().equals(device)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One Adam update of every weight, in place, then zeroes the gradients.
     *
     * @param steps each weight's update count including this one (1 on its first update)
     */
    static void update(
            List<NDArray> weights,
            List<NDArray> gradients,
            List<NDArray> means,
            List<NDArray> variances,
            int[] steps,
            float learningRate,
            float beta1,
            float beta2,
            float epsilon) {
        try (NDManager scratch = weights.get(0).getManager().newSubManager()) {
            List<NDArray> stepArrays = new ArrayList<>(steps.length);
            for (int step : steps) {
                stepArrays.add(scratch.create((float) step));
            }
            IValue[] arguments = {
                list(weights),
                list(gradients),
                list(means),
                list(variances),
                list(stepArrays),
                IValue.from((double) learningRate),
                IValue.from((double) beta1),
                IValue.from((double) beta2),
                IValue.from((double) epsilon)
            };
            try {
                IValueUtils.runMethod(module(), "adam", arguments).close();
            } finally {
                for (IValue argument : arguments) {
                    argument.close();
                }
            }
        }
    }

    private static IValue list(List<NDArray> arrays) {
        PtNDArray[] tensors = new PtNDArray[arrays.size()];
        for (int i = 0; i < tensors.length; i++) {
            tensors[i] = (PtNDArray) arrays.get(i);
        }
        return IValue.listFrom(tensors);
    }

    /** The module; {@code null} if the engine is not PyTorch or it cannot load. */
    private static PtSymbolBlock module() {
        return MODULE.get();
    }
}

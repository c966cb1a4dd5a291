package org.ganbook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Nearest-neighbour up-sampling of images: every pixel becomes a {@code factor × factor} square of
 * copies. Input {@code (N, C, H, W)}, output {@code (N, C, H·factor, W·factor)}. No parameters.
 *
 * <p>For factor 2, {@code [[1, 2], [3, 4]]} becomes {@code [[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4],
 * [3, 3, 4, 4]]}. Followed by a convolution it replaces a transposed convolution in a generator.
 */
public final class Upsample2d extends AbstractBlock {

    private static final byte VERSION = 1;

    /** {@code torch.nn.functional.interpolate}'s mode "nearest" in the engine's numbering. */
    private static final int NEAREST = 0;

    private final int factor;

    /**
     * Creates a block that up-samples height and width by {@code factor}.
     *
     * @param factor how many copies of each pixel along each axis, at least 1
     */
    public Upsample2d(int factor) {
        super(VERSION);
        if (factor < 1) {
            throw new IllegalArgumentException("up-sampling factor must be at least 1, got " + factor);
        }
        this.factor = factor;
    }

    /** Returns how many copies of each pixel the block makes along each axis. */
    public int getFactor() {
        return factor;
    }

    /**
     * Up-samples {@code (N, C, H, W)} images to {@code (N, C, H·factor, W·factor)} by repeating
     * every pixel.
     *
     * @param images the images, at least 2 axes; the last two are height and width
     * @param factor how many copies of each pixel along each axis
     * @return the up-sampled images
     */
    public static NDArray upsample(NDArray images, int factor) {
        int dims = images.getShape().dimension();
        if (dims < 2) {
            throw new IllegalArgumentException(
                    "up-sampling needs height and width axes, got shape " + images.getShape());
        }
        if (factor == 1) {
            return images;
        }
        if (dims == 4 && images instanceof PtNDArray) {
            // PyTorch's own nearest-neighbour kernel (what nn.Upsample runs): the same values as the
            // two repeats below, with a dedicated backward instead of a generic sum over the repeats'
            // expanded axes (that sum was about an eighth of a DCGAN step)
            Shape shape = images.getShape();
            long[] size = {shape.get(2) * factor, shape.get(3) * factor};
            return JniUtils.interpolate((PtNDArray) images, size, NEAREST, false);
        }
        return images.repeat(dims - 2, factor).repeat(dims - 1, factor);
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(upsample(inputs.singletonOrThrow(), factor));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        int dims = in.dimension();
        Shape out =
                in.slice(0, dims - 2).add(in.get(dims - 2) * factor, in.get(dims - 1) * factor);
        return new Shape[] {out};
    }
}

package org.ganbook.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.ganbook.nn.Networks;

/** Looks at the gradients a block has collected; {@link #clear} sets them to zero. */
public final class Gradients {

    private Gradients() {}

    /**
     * The L2 norm of the gradient a block's trainable parameters have collected since their last
     * update. A frozen discriminator collects none during the generator step: its norm stays 0.
     *
     * @param block the block
     * @return the norm, 0 when no parameter holds a gradient
     */
    public static double norm(Block block) {
        double sumOfSquares = 0;
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (!Networks.isTrainable(parameter) || !parameter.isInitialized()) {
                continue;
            }
            NDArray array = parameter.getArray();
            if (!array.hasGradient()) {
                continue;
            }
            try (NDArray gradient = array.getGradient()) {
                sumOfSquares += gradient.square().sum().getFloat();
            }
        }
        return Math.sqrt(sumOfSquares);
    }

    /**
     * Sets every gradient the block's trainable parameters hold to zero (what PyTorch's
     * {@code zero_grad()} does), so that the next backward pass starts from nothing.
     *
     * @param block the block
     */
    public static void clear(Block block) {
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (!parameter.isInitialized()) {
                continue;
            }
            NDArray array = parameter.getArray();
            if (array.hasGradient()) {
                try (NDArray gradient = array.getGradient()) {
                    gradient.muli(0f);
                }
            }
        }
    }
}

package org.ganbook.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Freezes and unfreezes a block's trainable parameters (weights, biases, BatchNorm's gamma and beta).
 *
 * <p>DJL's own {@code Block.freezeParameters(false)} also marks BatchNorm's running mean and variance
 * as trainable, after which the next forward pass fails ("native_batch_norm is not differentiable
 * with respect to running_mean"). These methods never touch the running statistics.
 */
public final class Freezing {

    private Freezing() {}

    /**
     * Makes every trainable parameter of {@code block} frozen (no gradient) or trainable again.
     *
     * @param block the block, usually the discriminator
     * @param trainable {@code false} to freeze, {@code true} to unfreeze
     */
    public static void setTrainable(Block block, boolean trainable) {
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (isTrainableType(parameter) && parameter.requiresGradient() != trainable) {
                parameter.freeze(!trainable);
            }
        }
    }

    /** Returns whether every trainable parameter of {@code block} is frozen. */
    public static boolean isFrozen(Block block) {
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (isTrainableType(parameter) && parameter.requiresGradient()) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether the parameter is learned by gradient descent (not a running statistic). */
    public static boolean isTrainableType(Parameter parameter) {
        Parameter.Type type = parameter.getType();
        return type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR;
    }
}

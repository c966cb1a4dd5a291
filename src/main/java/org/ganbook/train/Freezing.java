package org.ganbook.train;

import ai.djl.nn.Block;
import org.ganbook.nn.Networks;

/**
 * Freezes and unfreezes a block's trainable parameters (weights, biases, BatchNorm's gamma and beta),
 * never BatchNorm's running mean and variance: {@code Block.freezeParameters(false)} on all parameters
 * would mark the running statistics as trainable, after which the next forward pass fails
 * ("native_batch_norm is not differentiable with respect to running_mean"). DJL's
 * {@code freezeParameters(boolean, Predicate)} with {@link Networks#isTrainable} does it right; this
 * class names the two calls the notebooks need.
 */
public final class Freezing {

    private Freezing() {}

    /**
     * Makes every trainable parameter of {@code block} frozen (no gradient) or trainable again; a
     * parameter already in that state is left alone, so its gradient is not reset.
     *
     * @param block the block, usually the discriminator
     * @param trainable {@code false} to freeze, {@code true} to unfreeze
     */
    public static void setTrainable(Block block, boolean trainable) {
        block.freezeParameters(!trainable, p -> Networks.isTrainable(p) && p.requiresGradient() != trainable);
    }

    /** Returns whether every trainable parameter of {@code block} is frozen. */
    public static boolean isFrozen(Block block) {
        return block.getParameters().values().stream()
                .filter(Networks::isTrainable)
                .noneMatch(p -> p.requiresGradient());
    }
}

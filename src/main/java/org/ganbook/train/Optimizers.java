package org.ganbook.train;

import ai.djl.nn.Block;

/**
 * The optimizers a {@link GanTrainer} can use, each a {@link ResumableOptimizer}:
 * {@code .optGeneratorOptimizer(Optimizers.adam(2e-4f, 0.5f))}.
 */
public final class Optimizers {

    private Optimizers() {}

    /**
     * Adam (Kingma and Ba 2015).
     *
     * @param learningRate the step size, e.g. 2e-4
     * @param beta1 the first-moment decay, 0.5 in DCGAN practice, 0.9 by default elsewhere
     * @return the optimizer
     */
    public static ResumableOptimizer adam(float learningRate, float beta1) {
        return new ResumableAdam(learningRate, beta1, 0.999f, 1e-8f);
    }

    /**
     * Plain stochastic gradient descent.
     *
     * @param learningRate the step size
     * @return the optimizer
     */
    public static ResumableOptimizer sgd(float learningRate) {
        return new PlainSgd(learningRate);
    }

    /**
     * Applies one update of {@code optimizer} to every trainable parameter of {@code block} that takes part
     * in training (frozen ones are skipped), from the gradients the last backward pass left, and clears
     * them: the update the trainers make after each loss, for a step written out by hand.
     *
     * @param optimizer the network's optimizer
     * @param block the network
     */
    public static void apply(ResumableOptimizer optimizer, Block block) {
        GanTrainer.applyUpdate(GanTrainer.trainable(block), optimizer);
    }
}

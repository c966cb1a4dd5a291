package org.ganbook.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * A GAN objective: how the discriminator and the generator score the discriminator's outputs.
 *
 * <p>Both methods take the discriminator's raw outputs (logits, before the sigmoid) and return a
 * scalar to minimise. Working on logits keeps the losses numerically stable. The interface is small
 * enough for objectives beyond the two of the original paper (least squares, Wasserstein) to fit.
 */
public interface GanLoss {

    /**
     * The discriminator's loss on a batch of logits and their targets (1 for real, 0 for fake,
     * possibly smoothed).
     *
     * @param logits the discriminator's outputs, shape {@code (n, 1)}
     * @param targets the targets, same shape
     * @return the mean loss, a scalar
     */
    NDArray discriminatorLoss(NDArray logits, NDArray targets);

    /**
     * The generator's loss on the discriminator's logits for a batch of fakes.
     *
     * @param fakeLogits the discriminator's outputs on generated samples, shape {@code (n, 1)}
     * @return the mean loss, a scalar
     */
    NDArray generatorLoss(NDArray fakeLogits);

    /** Returns a short name, for plots and logs. */
    String name();

    /**
     * The original minimax game of Goodfellow et al.: D minimises binary cross-entropy, G minimises
     * E[log(1 − D(G(z)))], which saturates when D confidently rejects the fakes.
     */
    static GanLoss minimax() {
        return StandardGanLoss.minimax();
    }

    /**
     * The non-saturating loss used in practice: D as in the minimax game, G minimises
     * −E[log D(G(z))], which has strong gradients exactly when D rejects the fakes.
     */
    static GanLoss nonSaturating() {
        return StandardGanLoss.nonSaturating();
    }

    /** Least-squares GAN (Mao et al. 2017): squared distance of the raw outputs to the targets. */
    static GanLoss leastSquares() {
        return StandardGanLoss.leastSquares();
    }

    /**
     * Binary cross-entropy on logits, computed stably as {@code softplus(l) − l·y}.
     *
     * @param logits raw outputs
     * @param targets targets in [0, 1]
     * @return the mean over all elements
     */
    static NDArray binaryCrossEntropyWithLogits(NDArray logits, NDArray targets) {
        return softplus(logits).sub(logits.mul(targets)).mean();
    }

    /** Returns log(sigmoid(l)) computed stably as {@code −softplus(−l)}. */
    static NDArray logSigmoid(NDArray logits) {
        return softplus(logits.neg()).neg();
    }

    /** Returns log(1 + e^l), computed by the engine's numerically stable softplus. */
    static NDArray softplus(NDArray logits) {
        return Activation.softPlus(logits);
    }
}

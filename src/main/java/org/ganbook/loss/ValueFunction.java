package org.ganbook.loss;

import ai.djl.ndarray.NDArray;

/**
 * The value function of the minimax game, V(D, G) = E[log D(x)] + E[log(1 − D(G(z)))].
 *
 * <p>D maximises it, G minimises it. At the global optimum p_g = p_data, D = 1/2 everywhere and
 * V = −log 4 ≈ −1.386.
 */
public final class ValueFunction {

    /** The value of the game at its global optimum, −log 4. */
    public static final double AT_OPTIMUM = -Math.log(4);

    private ValueFunction() {}

    /**
     * Estimates V(D, G) on a batch from the discriminator's logits.
     *
     * @param realLogits D's outputs on real samples
     * @param fakeLogits D's outputs on generated samples
     * @return the estimate
     */
    public static double estimate(NDArray realLogits, NDArray fakeLogits) {
        NDArray logDReal = GanLoss.logSigmoid(realLogits).mean();
        NDArray logOneMinusDFake = GanLoss.softplus(fakeLogits).neg().mean();
        return logDReal.getFloat() + (double) logOneMinusDFake.getFloat();
    }

    /**
     * Evaluates V for given discriminator probabilities (not logits), in plain Java.
     *
     * @param dReal D(x) for each real sample
     * @param dFake D(G(z)) for each generated sample
     * @return the mean of log D(x) plus the mean of log(1 − D(G(z)))
     */
    public static double fromProbabilities(double[] dReal, double[] dFake) {
        double a = 0;
        for (double d : dReal) {
            a += Math.log(d);
        }
        double b = 0;
        for (double d : dFake) {
            b += Math.log1p(-d);
        }
        return a / dReal.length + b / dFake.length;
    }
}

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
     * Estimates V(D, G) on a batch from D's logits, in plain Java: the real half first, then the fake
     * half. log D(x) = −softplus(−logit) and log(1 − D(G(z))) = −softplus(logit), computed stably.
     *
     * @param logits D's outputs, {@code n} real then {@code n} fake
     * @param n the size of each half
     * @return the mean of log D(x) plus the mean of log(1 − D(G(z)))
     */
    public static double fromLogits(float[] logits, int n) {
        double real = 0;
        double fake = 0;
        for (int i = 0; i < n; i++) {
            real -= softplus(-logits[i]);
            fake -= softplus(logits[n + i]);
        }
        return real / n + fake / n;
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
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

package org.ganbook.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A mixture of one-dimensional Gaussians, with its exact density. A single Gaussian is a mixture of
 * one component ({@link Toys#gaussian1d}).
 */
public final class Mixture1d extends ToyDistribution implements Density1d {

    private final double[] means;
    private final double[] stds;
    private final double[] weights;
    private final double[] cumulativeWeights;

    Mixture1d(String name, double[] means, double[] stds, double[] weights) {
        super(name, 1);
        if (means.length == 0 || means.length != stds.length || means.length != weights.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "means, stds and weights must have the same, non-zero length; got %d, %d and %d",
                    means.length, stds.length, weights.length));
        }
        double total = 0;
        for (int k = 0; k < means.length; k++) {
            if (!Double.isFinite(means[k])) {
                throw new IllegalArgumentException("mean " + k + " is not finite: " + means[k]);
            }
            if (!(stds[k] > 0) || !Double.isFinite(stds[k])) {
                throw new IllegalArgumentException("std " + k + " must be positive and finite, got " + stds[k]);
            }
            if (!(weights[k] >= 0) || !Double.isFinite(weights[k])) {
                throw new IllegalArgumentException("weight " + k + " must be non-negative, got " + weights[k]);
            }
            total += weights[k];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the weights must not all be zero");
        }
        this.means = means.clone();
        this.stds = stds.clone();
        this.weights = new double[weights.length];
        this.cumulativeWeights = new double[weights.length];
        double running = 0;
        for (int k = 0; k < weights.length; k++) {
            this.weights[k] = weights[k] / total;
            running += this.weights[k];
            cumulativeWeights[k] = running;
        }
        cumulativeWeights[weights.length - 1] = 1.0;
    }

    /** Returns a copy of the component means. */
    public double[] means() {
        return means.clone();
    }

    /** Returns a copy of the component standard deviations. */
    public double[] stds() {
        return stds.clone();
    }

    /** Returns a copy of the component weights, normalised to sum to 1. */
    public double[] weights() {
        return weights.clone();
    }

    /** Returns the mean of the whole mixture. */
    public double mean() {
        double m = 0;
        for (int k = 0; k < means.length; k++) {
            m += weights[k] * means[k];
        }
        return m;
    }

    /** Returns the standard deviation of the whole mixture. */
    public double std() {
        double m = mean();
        double variance = 0;
        for (int k = 0; k < means.length; k++) {
            double offset = means[k] - m;
            variance += weights[k] * (stds[k] * stds[k] + offset * offset);
        }
        return Math.sqrt(variance);
    }

    /** {@inheritDoc} */
    @Override
    public double density(double x) {
        double p = 0;
        for (int k = 0; k < means.length; k++) {
            p += weights[k] * Gaussians.density(x, means[k], stds[k]);
        }
        return p;
    }

    /**
     * Draws {@code n} values, for a histogram; the same values as {@code draw(n, seed)}.
     *
     * @param n the number of values
     * @param seed the seed
     * @return the values
     */
    public double[] drawValues(int n, long seed) {
        return Arrays.stream(draw(n, seed)).mapToDouble(point -> point[0]).toArray();
    }

    @Override
    protected void drawOne(SplittableRandom random, double[] point) {
        int k = pickComponent(random.nextDouble());
        point[0] = means[k] + stds[k] * Gaussians.next(random);
    }

    private int pickComponent(double u) {
        for (int k = 0; k < cumulativeWeights.length - 1; k++) {
            if (u < cumulativeWeights[k]) {
                return k;
            }
        }
        return cumulativeWeights.length - 1;
    }
}

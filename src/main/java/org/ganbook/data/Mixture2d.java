package org.ganbook.data;

import java.util.SplittableRandom;

/**
 * An equal-weight mixture of round two-dimensional Gaussians that all have the same standard
 * deviation: the ring and the grid of the mode-collapse experiments. Its mode centres and std are
 * public so that a metric can count how many modes a generator covers.
 */
public final class Mixture2d extends ToyDistribution implements Density2d {

    private final double[][] modes;
    private final double std;

    Mixture2d(String name, double[][] modes, double std) {
        super(name, 2);
        if (modes.length == 0) {
            throw new IllegalArgumentException("a mixture needs at least one mode");
        }
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("std must be positive and finite, got " + std);
        }
        this.modes = new double[modes.length][];
        for (int k = 0; k < modes.length; k++) {
            if (modes[k].length != 2) {
                throw new IllegalArgumentException("mode " + k + " must have 2 coordinates, has " + modes[k].length);
            }
            this.modes[k] = modes[k].clone();
        }
        this.std = std;
    }

    /** Returns the number of modes (Gaussian components). */
    public int numModes() {
        return modes.length;
    }

    /** Returns a copy of the mode centres: {@code modes()[k]} is {@code {x, y}} of mode k. */
    public double[][] modes() {
        double[][] copy = new double[modes.length][];
        for (int k = 0; k < modes.length; k++) {
            copy[k] = modes[k].clone();
        }
        return copy;
    }

    /** Returns the standard deviation of every mode, the same along both axes. */
    public double std() {
        return std;
    }

    /**
     * Returns the index of the mode centre nearest to {@code (x, y)}.
     *
     * @param x the first coordinate
     * @param y the second coordinate
     * @return the index into {@link #modes()}
     */
    public int nearestMode(double x, double y) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < modes.length; k++) {
            double dx = x - modes[k][0];
            double dy = y - modes[k][1];
            double distance = dx * dx + dy * dy;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = k;
            }
        }
        return best;
    }

    /** {@inheritDoc} */
    @Override
    public double density(double x, double y) {
        double p = 0;
        for (double[] mode : modes) {
            p += Gaussians.density(x, mode[0], std) * Gaussians.density(y, mode[1], std);
        }
        return p / modes.length;
    }

    @Override
    protected void drawOne(SplittableRandom random, double[] point) {
        double[] mode = modes[random.nextInt(modes.length)];
        point[0] = mode[0] + std * Gaussians.next(random);
        point[1] = mode[1] + std * Gaussians.next(random);
    }
}

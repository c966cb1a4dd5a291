package org.ganbook.data;

import java.util.SplittableRandom;

/**
 * Standard normal numbers from a {@link SplittableRandom} by Marsaglia's polar method, written out
 * here so that a seed gives the same numbers on every Java version (the JDK's own {@code
 * nextGaussian} algorithm is not fixed by its specification).
 */
final class Gaussians {

    private Gaussians() {}

    /** Returns one draw from N(0, 1); each call consumes an even number of uniform draws. */
    static double next(SplittableRandom random) {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    /** Returns the density of N(mean, std²) at x. */
    static double density(double x, double mean, double std) {
        double z = (x - mean) / std;
        return Math.exp(-0.5 * z * z) / (std * Math.sqrt(2 * Math.PI));
    }
}

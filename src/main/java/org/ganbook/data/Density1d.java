package org.ganbook.data;

/**
 * A one-dimensional distribution whose probability density is known exactly, so that a notebook can
 * plot p_data next to a histogram of the generator's samples, and the optimal discriminator {@code
 * D*(x) = p_data(x) / (p_data(x) + p_g(x))}.
 */
public interface Density1d {

    /**
     * Returns the probability density at {@code x}.
     *
     * @param x the point
     * @return p(x), never negative
     */
    double density(double x);

    /**
     * Returns the density at each of {@code xs}, for plotting a curve.
     *
     * @param xs the points
     * @return a new array with {@code density(xs[i])} at index i
     */
    default double[] densities(double[] xs) {
        double[] ps = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ps[i] = density(xs[i]);
        }
        return ps;
    }
}

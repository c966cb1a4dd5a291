package org.ganbook.data;

/** A two-dimensional distribution whose probability density is known exactly, for contour plots. */
public interface Density2d {

    /**
     * Returns the probability density at the point {@code (x, y)}.
     *
     * @param x the first coordinate
     * @param y the second coordinate
     * @return p(x, y), never negative
     */
    double density(double x, double y);
}

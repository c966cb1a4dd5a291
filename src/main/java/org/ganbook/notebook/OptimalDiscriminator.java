package org.ganbook.notebook;

import java.awt.image.BufferedImage;
import java.util.Locale;
import org.ganbook.plot.Plots;
import org.ganbook.plot.Titles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The best discriminator for a fixed generator, D* = p_data / (p_data + p_g), on a grid of 1-D
 * points, and how far a trained D is from it where there are samples to learn from.
 *
 * <pre>{@code
 * var optimum = OptimalDiscriminator.of(xs, pData, pGen);
 * System.out.println(optimum.gapTo(d, 0.05));     // mean |D − D*| where p_data + p_g > 0.05
 * optimum.plotAgainst(d, 0.01)
 * }</pre>
 *
 * @param xs the points, increasing
 * @param pData p_data at each point
 * @param pG p_g at each point
 * @param dStar D* at each point (NaN where both densities are 0)
 */
public record OptimalDiscriminator(double[] xs, double[] pData, double[] pG, double[] dStar) {

    /**
     * Computes D* from the two densities.
     *
     * @param xs the points
     * @param pData p_data at each point
     * @param pG p_g at each point
     * @return D* on the points
     * @throws IllegalArgumentException if the arrays are empty or of different lengths
     */
    public static OptimalDiscriminator of(double[] xs, double[] pData, double[] pG) {
        if (xs == null || pData == null || pG == null || xs.length == 0 || pData.length != xs.length
                || pG.length != xs.length) {
            throw new IllegalArgumentException("xs, pData and pG must be non-empty and of equal length");
        }
        double[] dStar = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            dStar[i] = pData[i] / (pData[i] + pG[i]);
        }
        return new OptimalDiscriminator(xs.clone(), pData.clone(), pG.clone(), dStar);
    }

    /** How far a trained D is from D*, over the points where p_data + p_g exceeds a threshold. */
    public record Gap(double mean, double largest, int counted, int points, double minMass) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "mean |D − D*| = %.4f (largest %.4f) over %d of %d points, "
                    + "where p_data + p_g > %.2f", mean, largest, counted, points, minMass);
        }
    }

    /**
     * Measures |D − D*| where p_data + p_g > {@code minMass}: where samples of either kind are
     * plentiful enough to train D.
     *
     * @param d the trained D at each point
     * @param minMass the density threshold
     * @return the mean and largest gap and how many points counted
     */
    public Gap gapTo(double[] d, double minMass) {
        requireSameLength(d);
        double sum = 0;
        double largest = 0;
        int counted = 0;
        for (int i = 0; i < xs.length; i++) {
            if (pData[i] + pG[i] > minMass) {
                double gap = Math.abs(d[i] - dStar[i]);
                sum += gap;
                largest = Math.max(largest, gap);
                counted++;
            }
        }
        if (counted == 0) {
            throw new IllegalArgumentException("no point has p_data + p_g > " + minMass);
        }
        return new Gap(sum / counted, largest, counted, xs.length, minMass);
    }

    /**
     * The first point, from the left, where a curve reaches a level from below: e.g. where
     * p_data first catches up with p_g ({@code firstRise(pData − pG, 0)}) or where D reaches 1/2.
     *
     * @param curve values at the points
     * @param level the level
     * @return the first x with curve ≥ level after a point below it; NaN if it never happens
     */
    public double firstRise(double[] curve, double level) {
        requireSameLength(curve);
        for (int i = 1; i < xs.length; i++) {
            if (curve[i - 1] < level && curve[i] >= level) {
                return xs[i];
            }
        }
        return Double.NaN;
    }

    /** p_data − p_g at each point: positive where real data outnumbers fakes. */
    public double[] dataMinusGenerator() {
        double[] diff = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            diff[i] = pData[i] - pG[i];
        }
        return diff;
    }

    /** The value of a curve at the grid point nearest to x. */
    public double at(double[] curve, double x) {
        requireSameLength(curve);
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) {
                best = i;
            }
        }
        return curve[best];
    }

    /**
     * The trained D and D* against x, where p_data + p_g > {@code minMass}.
     *
     * @param d the trained D at each point
     * @param minMass the density threshold below which nothing is drawn
     * @return the chart
     */
    public BufferedImage plotAgainst(double[] d, double minMass) {
        requireSameLength(d);
        Table curves = Table.create("D and D*", DoubleColumn.create("x", xs), DoubleColumn.create("trained D", d),
                DoubleColumn.create("D* = p_data / (p_data + p_g)", dStar),
                DoubleColumn.create("mass", mass()));
        Table shown = curves.where(curves.doubleColumn("mass").isGreaterThan(minMass));
        return Plots.lines(shown, Titles.of("The trained D beside the best D*").xAxis("x").yAxis("D(x)"),
                "x", "trained D", "D* = p_data / (p_data + p_g)");
    }

    private double[] mass() {
        double[] mass = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            mass[i] = pData[i] + pG[i];
        }
        return mass;
    }

    private void requireSameLength(double[] curve) {
        if (curve == null || curve.length != xs.length) {
            throw new IllegalArgumentException("expected " + xs.length + " values, one per point, got "
                    + (curve == null ? "null" : curve.length));
        }
    }
}

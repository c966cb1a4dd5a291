package org.ganbook.plot;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A histogram of samples drawn as a density, with the density they should follow drawn over it: for
 * example the generator's noise against the standard normal curve.
 *
 * <pre>{@code
 * float[] z = Latent.gaussian(100, 42).values(100);          // 10,000 numbers
 * Histograms.withDensity("noise values", z, 60,
 *         x -> Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI), "N(0, 1) density")
 * }</pre>
 */
public final class Histograms {

    private Histograms() {}

    /**
     * The histogram of {@code values} scaled to unit area (so that it is comparable with a density),
     * filled in green, and the curve of {@code density} over the same range, in black.
     *
     * @param title the title
     * @param values the samples (NaN and infinities are skipped)
     * @param bins number of equal-width bins over the range of the values
     * @param density the density to compare with, evaluated on a fine grid over that range
     * @param densityName the legend entry of the density curve
     * @return the chart, {@value Plots#WIDTH}×{@value Plots#HEIGHT}
     * @throws IllegalArgumentException if there are no finite values, {@code bins} is not positive
     *     or the density is null
     */
    public static BufferedImage withDensity(String title, double[] values, int bins,
            DoubleUnaryOperator density, String densityName) {
        Checks.nonEmpty(values, "values");
        Checks.positive(bins, "bins");
        if (density == null) {
            throw new IllegalArgumentException("density is null");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException("no finite values to put in a histogram");
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] heights = densityHeights(values, bins, lo, hi);
        double width = (hi - lo) / bins;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = lo;
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = lo + b * width;
            y[2 * b + 1] = heights[b];
            x[2 * b + 2] = lo + (b + 1) * width;
            y[2 * b + 2] = heights[b];
        }
        x[2 * bins + 1] = hi;

        int points = 400;
        double[] cx = new double[points];
        double[] cy = new double[points];
        for (int i = 0; i < points; i++) {
            cx[i] = lo + (hi - lo) * i / (points - 1);
            cy[i] = density.applyAsDouble(cx[i]);
        }

        XYChart chart = ChartStyle.xyChart(Plots.WIDTH, Plots.HEIGHT, title, "value", "density");
        chart.getStyler().setYAxisMin(0.0);
        XYSeries bars = ChartStyle.line(chart, "histogram of the samples", x, y, Palette.FAKE,
                new BasicStroke(1.5f));
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        bars.setFillColor(Palette.withAlpha(Palette.FAKE, 70));
        ChartStyle.line(chart, densityName == null ? "density" : densityName, cx, cy, Palette.REAL,
                ChartStyle.SOLID);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** {@link #withDensity(String, double[], int, DoubleUnaryOperator, String)} for float samples. */
    public static BufferedImage withDensity(String title, float[] values, int bins,
            DoubleUnaryOperator density, String densityName) {
        if (values == null) {
            throw new IllegalArgumentException("values is null");
        }
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i];
        }
        return withDensity(title, v, bins, density, densityName);
    }

    /**
     * The heights of a unit-area histogram: count per bin divided by (finite samples × bin width).
     * Values outside [lo, hi] are left out of the counts but not of the total.
     */
    static double[] densityHeights(double[] values, int bins, double lo, double hi) {
        double width = (hi - lo) / bins;
        double[] heights = new double[bins];
        int total = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            total++;
            if (v < lo || v > hi) {
                continue;
            }
            int b = (int) Math.min(bins - 1, Math.floor((v - lo) / width));
            heights[b]++;
        }
        for (int b = 0; b < bins; b++) {
            heights[b] /= total * width;
        }
        return heights;
    }
}

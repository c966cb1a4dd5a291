package org.ganbook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Paths in a plane, for the parameters of a two-player game moving under gradient steps (for
 * example the generator's θ against the discriminator's ψ of the Dirac GAN). Each path is a line
 * with a dot where it starts; the equilibrium at the origin is a black cross. Both axes share one
 * scale and are centred on the origin, so a circle looks like a circle.
 *
 * <pre>{@code
 * PhasePlane.paths("Simultaneous vs alternating", "θ (generator)", "ψ (discriminator)",
 *         new String[] {"simultaneous", "alternating"},
 *         new double[][] {s.theta(), a.theta()}, new double[][] {s.psi(), a.psi()})
 * }</pre>
 */
public final class PhasePlane {

    private static final int SIZE = 520;

    private PhasePlane() {}

    /**
     * Draws the paths.
     *
     * @param title the title
     * @param xTitle the horizontal axis's name
     * @param yTitle the vertical axis's name
     * @param names one name per path, for the legend
     * @param xs one array of x values per path
     * @param ys one array of y values per path, the same lengths as xs
     * @return the chart, about 520×570
     * @throws IllegalArgumentException if the arrays are missing, empty or of different lengths
     */
    public static BufferedImage paths(String title, String xTitle, String yTitle, String[] names, double[][] xs,
            double[][] ys) {
        if (names == null || xs == null || ys == null || names.length == 0) {
            throw new IllegalArgumentException("give at least one path: names, xs and ys");
        }
        if (names.length != xs.length || names.length != ys.length) {
            throw new IllegalArgumentException("mismatched lengths: " + names.length + " names, " + xs.length
                    + " x arrays, " + ys.length + " y arrays");
        }
        double reach = 0;
        for (int k = 0; k < names.length; k++) {
            Checks.nonEmpty(xs[k], "xs[" + k + "]");
            Checks.sameLength(xs[k], "xs[" + k + "]", ys[k], "ys[" + k + "]");
            for (int i = 0; i < xs[k].length; i++) {
                if (Double.isFinite(xs[k][i]) && Double.isFinite(ys[k][i])) {
                    reach = Math.max(reach, Math.max(Math.abs(xs[k][i]), Math.abs(ys[k][i])));
                }
            }
        }
        reach = reach > 0 ? reach * 1.08 : 1;
        XYChart chart = ChartStyle.xyChart(SIZE, SIZE + 50, title, xTitle, yTitle);
        chart.getStyler().setXAxisMin(-reach).setXAxisMax(reach).setYAxisMin(-reach).setYAxisMax(reach);
        for (int k = 0; k < names.length; k++) {
            Color colour = Palette.cycle(k);
            XYSeries path = chart.addSeries(names[k], xs[k], ys[k]);
            path.setMarker(SeriesMarkers.NONE);
            path.setLineColor(colour);
            path.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            XYSeries start = chart.addSeries(names[k] + " start", new double[] {xs[k][0]}, new double[] {ys[k][0]});
            start.setMarker(SeriesMarkers.CIRCLE);
            start.setMarkerColor(colour);
            start.setShowInLegend(false);
        }
        XYSeries equilibrium = chart.addSeries("equilibrium", new double[] {0}, new double[] {0});
        equilibrium.setMarker(SeriesMarkers.CROSS);
        equilibrium.setMarkerColor(Palette.REAL);
        chart.getStyler().setMarkerSize(11);
        return BitmapEncoder.getBufferedImage(chart);
    }
}

package org.ganbook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.ganbook.data.SpiralArm;

/**
 * Which x went where: points of domain X and their images G(x), both coloured by x's place along X (a spiral
 * arm, inner end dark, outer end light), over Y's arm coloured the same way where the true transformation T
 * puts each place. A mapping that pairs correctly puts every G(x) on the band of its own colour.
 */
public final class PairingPlot {

    private static final int SIZE = 420;
    private static final int LEFT = 58;
    private static final int TOP = 44;
    private static final int RIGHT = 24;
    private static final int BOTTOM = 124;

    private PairingPlot() {}

    /**
     * Draws the picture.
     *
     * @param x points of X, {@code x0, y0, x1, y1, ...}
     * @param mapped their images, in the same order: G(x), or T(x) to show the truth
     * @param mappedName what {@code mapped} is, for the legend: "G(x)" or "T(x)"
     * @param domainX X, a spiral arm (colours each x by its place along the arm)
     * @param domainY Y = T(X) (its centre line is drawn, coloured by the place of X that T puts there)
     * @param title the title
     * @return the picture, about 500×590
     */
    public static BufferedImage render(float[] x, float[] mapped, String mappedName, SpiralArm domainX,
            SpiralArm domainY, String title) {
        if (domainX == null || domainY == null) {
            throw new IllegalArgumentException("both domains are needed; render(x, mapped, name, title) draws without");
        }
        return draw(x, mapped, mappedName, domainX, domainY, title);
    }

    /**
     * The same picture for any 2-D domains: each x coloured by its angle around the mean of the x shown, no
     * band.
     *
     * @param x points of X, {@code x0, y0, x1, y1, ...}
     * @param mapped their images, in the same order
     * @param mappedName what {@code mapped} is, for the legend
     * @param title the title
     * @return the picture, about 500×590
     */
    public static BufferedImage render(float[] x, float[] mapped, String mappedName, String title) {
        return draw(x, mapped, mappedName, null, null, title);
    }

    private static BufferedImage draw(float[] x, float[] mapped, String mappedName, SpiralArm domainX,
            SpiralArm domainY, String title) {
        if (x.length != mapped.length || x.length % 2 != 0) {
            throw new IllegalArgumentException("x and its images need the same even number of values, got "
                    + x.length + " and " + mapped.length);
        }
        int lineSteps = domainY == null ? -1 : 200;
        double[][] line = new double[lineSteps + 1][];
        for (int k = 0; k <= lineSteps; k++) {
            line[k] = domainY.pointAt(k / (double) lineSteps);
        }
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (float[] a : List.of(x, mapped)) {
            for (int i = 0; i + 1 < a.length; i += 2) {
                if (Float.isFinite(a[i]) && Float.isFinite(a[i + 1])) {
                    xMin = Math.min(xMin, a[i]);
                    xMax = Math.max(xMax, a[i]);
                    yMin = Math.min(yMin, a[i + 1]);
                    yMax = Math.max(yMax, a[i + 1]);
                }
            }
        }
        for (double[] p : line) {
            xMin = Math.min(xMin, p[0]);
            xMax = Math.max(xMax, p[0]);
            yMin = Math.min(yMin, p[1]);
            yMax = Math.max(yMax, p[1]);
        }
        double cx = (xMin + xMax) / 2;
        double cy = (yMin + yMax) / 2;
        double half = Math.max(xMax - xMin, yMax - yMin) / 2 * 1.08;
        double lo = cx - half;
        double bottom = cy - half;
        double scale = SIZE / (2 * half);

        BufferedImage img = Draw.canvas(LEFT + SIZE + RIGHT, TOP + SIZE + BOTTOM);
        Graphics2D g = Draw.graphics(img);
        g.setFont(ChartStyle.TICK_FONT);
        List<Double> ticksX = Draw.ticks(lo, lo + 2 * half, 6);
        List<Double> ticksY = Draw.ticks(bottom, bottom + 2 * half, 6);
        double step = ticksX.size() > 1 ? ticksX.get(1) - ticksX.get(0) : 1;
        for (double v : ticksX) {
            double px = LEFT + (v - lo) * scale;
            g.setColor(Palette.GRID);
            g.draw(new Line2D.Double(px, TOP, px, TOP + SIZE));
            g.setColor(Palette.TEXT);
            Draw.centered(g, Draw.tickLabel(v, step), px, TOP + SIZE + 20);
        }
        for (double v : ticksY) {
            double py = TOP + SIZE - (v - bottom) * scale;
            g.setColor(Palette.GRID);
            g.draw(new Line2D.Double(LEFT, py, LEFT + SIZE, py));
            g.setColor(Palette.TEXT);
            Draw.rightAligned(g, Draw.tickLabel(v, step), LEFT - 9, py);
        }
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int k = 0; k < lineSteps; k++) {
            g.setColor(Palette.withAlpha(Palette.along(k / (double) lineSteps), 110));
            g.draw(new Line2D.Double(LEFT + (line[k][0] - lo) * scale, TOP + SIZE - (line[k][1] - bottom) * scale,
                    LEFT + (line[k + 1][0] - lo) * scale, TOP + SIZE - (line[k + 1][1] - bottom) * scale));
        }
        int n = x.length / 2;
        double radius = n > 800 ? 2.2 : 3.0;
        Color[] colours = new Color[n];
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[2 * i] / (double) n;
            meanY += x[2 * i + 1] / (double) n;
        }
        for (int i = 0; i < n; i++) {
            colours[i] = Palette.along(domainX != null ? domainX.position(x[2 * i], x[2 * i + 1])
                    : (Math.atan2(x[2 * i + 1] - meanY, x[2 * i] - meanX) + Math.PI) / (2 * Math.PI));
            Draw.point(g, LEFT + (x[2 * i] - lo) * scale, TOP + SIZE - (x[2 * i + 1] - bottom) * scale, radius,
                    Palette.withAlpha(colours[i], 60), null);
        }
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(mapped[2 * i]) && Float.isFinite(mapped[2 * i + 1])) {
                Draw.point(g, LEFT + (mapped[2 * i] - lo) * scale, TOP + SIZE - (mapped[2 * i + 1] - bottom) * scale,
                        radius, Palette.withAlpha(colours[i], 230), new Color(255, 255, 255, 160));
            }
        }
        g.setColor(Palette.TEXT);
        g.setFont(ChartStyle.TITLE_FONT);
        Draw.centered(g, title == null ? "" : title, (LEFT + SIZE + RIGHT) / 2.0, 28);
        g.setFont(ChartStyle.AXIS_TITLE_FONT);
        Draw.centered(g, "first coordinate", LEFT + SIZE / 2.0, TOP + SIZE + 42);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.translate(LEFT - 42, TOP + SIZE / 2.0);
        rotated.rotate(-Math.PI / 2);
        Draw.centered(rotated, "second coordinate", 0, 0);
        rotated.dispose();
        g.setFont(ChartStyle.TICK_FONT);
        Draw.legend(g, List.of(Draw.Entry.point(domainX != null ? "x (faint), coloured by its place along X"
                : "x (faint), coloured by its angle around the middle of X",
                Palette.withAlpha(Palette.along(0.2), 90))), LEFT + SIZE / 2.0, TOP + SIZE + 66);
        Draw.legend(g, List.of(Draw.Entry.point(mappedName + " (bright), in the colour of its x", Palette.along(0.2))),
                LEFT + SIZE / 2.0, TOP + SIZE + 87);
        if (domainY != null) {
            Draw.legend(g, List.of(Draw.Entry.line("band: Y, coloured by the place of X that T puts there",
                    Palette.along(0.8), new BasicStroke(5f))), LEFT + SIZE / 2.0, TOP + SIZE + 108);
        }
        g.dispose();
        return img;
    }
}

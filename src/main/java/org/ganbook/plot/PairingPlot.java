package org.ganbook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.ganbook.data.Mixture2d;

/**
 * Which x went where: points of domain X and their images G(x), both coloured by x's mode, with rings
 * where the true transformation T puts each mode. A mapping that pairs correctly puts every colour's
 * G(x) inside the ring of the same colour.
 */
public final class PairingPlot {

    private static final int SIZE = 420;
    private static final int LEFT = 58;
    private static final int TOP = 44;
    private static final int RIGHT = 24;
    private static final int BOTTOM = 96;

    private PairingPlot() {}

    /**
     * Draws the picture.
     *
     * @param x points of X, {@code x0, y0, x1, y1, ...}
     * @param mapped G(x), in the same order
     * @param domainX X's mixture (colours the points by their nearest mode)
     * @param domainY Y = T(X), mode k being T's image of X's mode k (the rings)
     * @param title the title
     * @return the picture, about 500×560
     */
    public static BufferedImage render(float[] x, float[] mapped, Mixture2d domainX, Mixture2d domainY,
            String title) {
        if (x.length != mapped.length || x.length % 2 != 0) {
            throw new IllegalArgumentException("x and G(x) need the same even number of values, got "
                    + x.length + " and " + mapped.length);
        }
        double[][] rings = domainY.modes();
        double ringRadius = 3 * domainY.std();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        List<float[]> all = List.of(x, mapped);
        for (float[] a : all) {
            for (int i = 0; i + 1 < a.length; i += 2) {
                if (Float.isFinite(a[i]) && Float.isFinite(a[i + 1])) {
                    xMin = Math.min(xMin, a[i]);
                    xMax = Math.max(xMax, a[i]);
                    yMin = Math.min(yMin, a[i + 1]);
                    yMax = Math.max(yMax, a[i + 1]);
                }
            }
        }
        for (double[] r : rings) {
            xMin = Math.min(xMin, r[0] - ringRadius);
            xMax = Math.max(xMax, r[0] + ringRadius);
            yMin = Math.min(yMin, r[1] - ringRadius);
            yMax = Math.max(yMax, r[1] + ringRadius);
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
        int n = x.length / 2;
        double radius = n > 800 ? 2.4 : 3.2;
        for (int i = 0; i < n; i++) {
            Color c = Palette.cycle(domainX.nearestMode(x[2 * i], x[2 * i + 1]));
            Draw.point(g, LEFT + (x[2 * i] - lo) * scale, TOP + SIZE - (x[2 * i + 1] - bottom) * scale, radius,
                    Palette.withAlpha(c, 70), null);
        }
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(mapped[2 * i]) || !Float.isFinite(mapped[2 * i + 1])) {
                continue;
            }
            Color c = Palette.cycle(domainX.nearestMode(x[2 * i], x[2 * i + 1]));
            Draw.point(g, LEFT + (mapped[2 * i] - lo) * scale, TOP + SIZE - (mapped[2 * i + 1] - bottom) * scale,
                    radius, Palette.withAlpha(c, 220), new Color(255, 255, 255, 180));
        }
        g.setStroke(new BasicStroke(2.2f));
        for (int k = 0; k < rings.length; k++) {
            double r = ringRadius * scale;
            double px = LEFT + (rings[k][0] - lo) * scale;
            double py = TOP + SIZE - (rings[k][1] - bottom) * scale;
            g.setColor(Palette.cycle(k));
            g.draw(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
        }
        g.setColor(Palette.TEXT);
        g.setFont(ChartStyle.TITLE_FONT);
        Draw.centered(g, title == null ? "" : title, (LEFT + SIZE + RIGHT) / 2.0, 28);
        List<Draw.Entry> first = new ArrayList<>();
        first.add(Draw.Entry.point("x (faint), coloured by its mode", Palette.withAlpha(Palette.cycle(0), 90)));
        first.add(Draw.Entry.point("G(x), same colour", Palette.cycle(0)));
        Draw.legend(g, first, LEFT + SIZE / 2.0, TOP + SIZE + 48);
        List<Draw.Entry> second = new ArrayList<>();
        second.add(Draw.Entry.line("ring: where T puts that mode (3 std)", Palette.cycle(0), new BasicStroke(2.2f)));
        Draw.legend(g, second, LEFT + SIZE / 2.0, TOP + SIZE + 74);
        g.dispose();
        return img;
    }
}

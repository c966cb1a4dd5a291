package org.ganbook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws 2-D samples, optionally over the discriminator's heat map and with an arrow per fake point,
 * in the manner of GAN Lab.
 */
final class Map2d {

    /** The longer side of the plot area, in pixels. */
    static final int PLOT_SIZE = 420;

    private static final int LEFT = 58;
    private static final int TOP = 44;
    private static final int BOTTOM = 92;
    private static final int RIGHT_PLAIN = 24;
    private static final int RIGHT_WITH_BAR = 104;
    private static final int BAR_WIDTH = 14;

    private Map2d() {}

    static BufferedImage render(String title, Field2d field, float[] real, float[] fake,
            float[] fakeArrows) {
        return render(title, field, real, fake, fakeArrows, null);
    }

    /** As {@link #render(String, Field2d, float[], float[], float[])}, on the square [−extent, extent]² if extent is given. */
    static BufferedImage render(String title, Field2d field, float[] real, float[] fake,
            float[] fakeArrows, Double extent) {
        double xMin;
        double xMax;
        double yMin;
        double yMax;
        if (field != null) {
            xMin = field.xMin();
            xMax = field.xMax();
            yMin = field.yMin();
            yMax = field.yMax();
        } else if (extent != null) {
            xMin = -extent;
            xMax = extent;
            yMin = -extent;
            yMax = extent;
        } else {
            double[] b = bounds(real, fake);
            xMin = b[0];
            xMax = b[1];
            yMin = b[2];
            yMax = b[3];
        }
        // keep the data's aspect ratio, within limits, so that a ring looks like a ring
        double aspect = (yMax - yMin) / (xMax - xMin);
        aspect = Math.max(0.4, Math.min(2.5, aspect));
        int pw = aspect <= 1 ? PLOT_SIZE : (int) Math.round(PLOT_SIZE / aspect);
        int ph = aspect <= 1 ? (int) Math.round(PLOT_SIZE * aspect) : PLOT_SIZE;
        int right = field != null ? RIGHT_WITH_BAR : RIGHT_PLAIN;
        int width = LEFT + pw + right;
        int height = TOP + ph + BOTTOM;
        BufferedImage img = Draw.canvas(width, height);

        Frame f = new Frame(LEFT, TOP, pw, ph, xMin, xMax, yMin, yMax);
        if (field != null) {
            for (int py = 0; py < ph; py++) {
                double y = f.dataY(TOP + py + 0.5);
                for (int px = 0; px < pw; px++) {
                    img.setRGB(LEFT + px, TOP + py, Palette.heatRgb(field.at(f.dataX(LEFT + px + 0.5), y)));
                }
            }
        }
        Graphics2D g = Draw.graphics(img);
        drawAxes(g, f, field == null);
        drawAxisTitles(g, f);

        g.setClip(new Rectangle2D.Double(LEFT - 6, TOP - 6, pw + 12, ph + 12));
        int n = (real == null ? 0 : real.length / 2) + (fake == null ? 0 : fake.length / 2);
        double radius = n > 3000 ? 2.3 : n > 800 ? 3.0 : 3.6;
        Color outline = new Color(255, 255, 255, 200);
        drawPoints(g, f, real, Palette.withAlpha(Palette.REAL, 210), outline, radius);
        drawPoints(g, f, fake, Palette.withAlpha(Palette.FAKE, 220), outline, radius);
        if (fakeArrows != null) {
            drawArrows(g, f, fake, fakeArrows, Math.min(pw, ph) * 0.1);
        }
        g.setClip(null);

        if (field != null) {
            drawColourBar(g, LEFT + pw + 22, TOP, BAR_WIDTH, ph);
        }

        g.setColor(Palette.TEXT);
        g.setFont(ChartStyle.TITLE_FONT);
        Draw.centered(g, title, width / 2.0, 28);

        List<Draw.Entry> entries = new ArrayList<>();
        entries.add(Draw.Entry.point("real data", Palette.REAL));
        entries.add(Draw.Entry.point("fake G(z)", Palette.FAKE));
        if (fakeArrows != null) {
            entries.add(Draw.Entry.arrow("where G's loss pushes each fake", ARROW_COLOUR));
        }
        Draw.legend(g, entries, LEFT + pw / 2.0, TOP + ph + 72);
        g.dispose();
        return img;
    }

    private static final Color ARROW_COLOUR = new Color(0x0B, 0x5A, 0x22, 230);

    /** Pixel ↔ data mapping of the plot area. */
    private record Frame(int left, int top, int w, int h, double xMin, double xMax, double yMin,
            double yMax) {
        double px(double x) {
            return left + (x - xMin) / (xMax - xMin) * w;
        }

        double py(double y) {
            return top + h - (y - yMin) / (yMax - yMin) * h;
        }

        double dataX(double px) {
            return xMin + (px - left) / w * (xMax - xMin);
        }

        double dataY(double py) {
            return yMin + (top + h - py) / h * (yMax - yMin);
        }
    }

    /** "x" under the horizontal axis and "y" beside the vertical one: a sample's two coordinates. */
    private static void drawAxisTitles(Graphics2D g, Frame f) {
        g.setColor(Palette.TEXT);
        g.setFont(ChartStyle.AXIS_TITLE_FONT);
        Draw.centered(g, "x", f.left() + f.w() / 2.0, f.top() + f.h() + 40);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.translate(f.left() - 40, f.top() + f.h() / 2.0);
        rotated.rotate(-Math.PI / 2);
        Draw.centered(rotated, "y", 0, 0);
        rotated.dispose();
    }

    private static void drawAxes(Graphics2D g, Frame f, boolean gridLines) {
        g.setFont(ChartStyle.TICK_FONT);
        List<Double> xt = Draw.ticks(f.xMin(), f.xMax(), 6);
        List<Double> yt = Draw.ticks(f.yMin(), f.yMax(), 6);
        double xStep = xt.size() > 1 ? xt.get(1) - xt.get(0) : 1;
        double yStep = yt.size() > 1 ? yt.get(1) - yt.get(0) : 1;
        g.setStroke(new BasicStroke(1f));
        for (double v : xt) {
            double x = f.px(v);
            if (gridLines) {
                g.setColor(Palette.GRID);
                g.draw(new Line2D.Double(x, f.top(), x, f.top() + f.h()));
            }
            g.setColor(new Color(0xB0, 0xB0, 0xB0));
            g.draw(new Line2D.Double(x, f.top() + f.h() + 2, x, f.top() + f.h() + 6));
            g.setColor(Palette.TEXT);
            Draw.centered(g, Draw.tickLabel(v, xStep), x, f.top() + f.h() + 20);
        }
        for (double v : yt) {
            double y = f.py(v);
            if (gridLines) {
                g.setColor(Palette.GRID);
                g.draw(new Line2D.Double(f.left(), y, f.left() + f.w(), y));
            }
            g.setColor(new Color(0xB0, 0xB0, 0xB0));
            g.draw(new Line2D.Double(f.left() - 6, y, f.left() - 2, y));
            g.setColor(Palette.TEXT);
            Draw.rightAligned(g, Draw.tickLabel(v, yStep), f.left() - 9, y);
        }
    }

    private static void drawPoints(Graphics2D g, Frame f, float[] xy, Color fill, Color outline,
            double radius) {
        if (xy == null) {
            return;
        }
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (Float.isFinite(xy[i]) && Float.isFinite(xy[i + 1])) {
                Draw.point(g, f.px(xy[i]), f.py(xy[i + 1]), radius, fill, outline);
            }
        }
    }

    /** Arrows proportional to the given vectors; the longest one is {@code maxLength} pixels. */
    private static void drawArrows(Graphics2D g, Frame f, float[] fake, float[] vec,
            double maxLength) {
        double sx = f.w() / (f.xMax() - f.xMin());
        double sy = f.h() / (f.yMax() - f.yMin());
        double longest = 0;
        for (int i = 0; i + 1 < vec.length; i += 2) {
            double l = Math.hypot(vec[i] * sx, vec[i + 1] * sy);
            if (Double.isFinite(l)) {
                longest = Math.max(longest, l);
            }
        }
        if (longest == 0) {
            return;
        }
        double scale = maxLength / longest;
        for (int i = 0; i + 1 < vec.length; i += 2) {
            double x0 = f.px(fake[i]);
            double y0 = f.py(fake[i + 1]);
            double dx = vec[i] * sx * scale;
            double dy = -vec[i + 1] * sy * scale;
            if (Double.isFinite(x0 + y0 + dx + dy)) {
                Draw.arrow(g, x0, y0, x0 + dx, y0 + dy, ARROW_COLOUR, 1.3f);
            }
        }
    }

    private static void drawColourBar(Graphics2D g, int x, int top, int w, int h) {
        for (int i = 0; i < h; i++) {
            double p = 1 - (i + 0.5) / h;
            g.setColor(Palette.heat(p));
            g.fillRect(x, top + i, w, 1);
        }
        g.setColor(new Color(0xC8, 0xC8, 0xC8));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, top, w, h);
        g.setFont(ChartStyle.TICK_FONT);
        String[] labels = {"0 fake", "0.25", "0.5", "0.75", "1 real"};
        for (int k = 0; k < labels.length; k++) {
            double y = top + h - k / 4.0 * h;
            g.setColor(new Color(0x90, 0x90, 0x90));
            g.draw(new Line2D.Double(x + w, y, x + w + 4, y));
            g.setColor(Palette.TEXT);
            Draw.leftAligned(g, labels[k], x + w + 7, y);
        }
        g.setFont(Draw.font(Font.PLAIN, 12));
        Draw.centered(g, "D(x)", x + w / 2.0, top - 8);
    }

    /** Bounds of all points with 8% padding, widened to equal ranges around the centre. */
    private static double[] bounds(float[] a, float[] b) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (float[] arr : new float[][] {a, b}) {
            if (arr == null) {
                continue;
            }
            for (int i = 0; i + 1 < arr.length; i += 2) {
                if (Float.isFinite(arr[i]) && Float.isFinite(arr[i + 1])) {
                    xMin = Math.min(xMin, arr[i]);
                    xMax = Math.max(xMax, arr[i]);
                    yMin = Math.min(yMin, arr[i + 1]);
                    yMax = Math.max(yMax, arr[i + 1]);
                }
            }
        }
        if (xMin > xMax) {
            return new double[] {-1, 1, -1, 1};
        }
        double cx = (xMin + xMax) / 2;
        double cy = (yMin + yMax) / 2;
        double half = Math.max(xMax - xMin, yMax - yMin) / 2 * 1.08;
        if (half == 0) {
            half = Math.max(1, Math.abs(cx) * 0.1);
        }
        return new double[] {cx - half, cx + half, cy - half, cy + half};
    }
}

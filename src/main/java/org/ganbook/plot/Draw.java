package org.ganbook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Java2D helpers shared by the figures XChart cannot draw. */
final class Draw {

    private Draw() {}

    /** A white RGB canvas. */
    static BufferedImage canvas(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }

    /** A graphics context with anti-aliasing for shapes and text. */
    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /**
     * Draws text with its baseline starting at (x, y). Like XChart, it fills the glyph outlines, so
     * that text drawn here has the same weight as the text of the XChart figures.
     */
    static void text(Graphics2D g, String text, double x, double y) {
        if (text == null || text.isEmpty()) {
            return;
        }
        TextLayout layout = new TextLayout(text, g.getFont(), g.getFontRenderContext());
        g.fill(layout.getOutline(AffineTransform.getTranslateInstance(x, y)));
    }

    /** Draws text centred horizontally on {@code cx} with its baseline at {@code baseline}. */
    static void centered(Graphics2D g, String text, double cx, double baseline) {
        FontMetrics fm = g.getFontMetrics();
        text(g, text, cx - fm.stringWidth(text) / 2.0, baseline);
    }

    /** Draws text right-aligned at {@code right}, vertically centred on {@code cy}. */
    static void rightAligned(Graphics2D g, String text, double right, double cy) {
        FontMetrics fm = g.getFontMetrics();
        text(g, text, right - fm.stringWidth(text), cy + (fm.getAscent() - fm.getDescent()) / 2.0);
    }

    /** Draws text left-aligned at {@code left}, vertically centred on {@code cy}. */
    static void leftAligned(Graphics2D g, String text, double left, double cy) {
        FontMetrics fm = g.getFontMetrics();
        text(g, text, left, cy + (fm.getAscent() - fm.getDescent()) / 2.0);
    }

    /** Draws a point marker: a filled disc with a thin outline. */
    static void point(Graphics2D g, double x, double y, double radius, Color fill, Color outline) {
        Ellipse2D e = new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
        g.setColor(fill);
        g.fill(e);
        if (outline != null) {
            g.setColor(outline);
            g.setStroke(new BasicStroke(0.8f));
            g.draw(e);
        }
    }

    /** Draws an arrow from (x0, y0) to (x1, y1) with a head proportional to its length. */
    static void arrow(Graphics2D g, double x0, double y0, double x1, double y1, Color color,
            float width) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        if (len < 0.5) {
            return;
        }
        g.setColor(color);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double head = Math.min(7, Math.max(3, len * 0.35));
        double ux = dx / len;
        double uy = dy / len;
        // the shaft stops where the head begins so the tip stays sharp
        g.draw(new Line2D.Double(x0, y0, x1 - ux * head * 0.6, y1 - uy * head * 0.6));
        if (len >= 2) {
            Path2D tip = new Path2D.Double();
            tip.moveTo(x1, y1);
            tip.lineTo(x1 - ux * head - uy * head * 0.45, y1 - uy * head + ux * head * 0.45);
            tip.lineTo(x1 - ux * head + uy * head * 0.45, y1 - uy * head - ux * head * 0.45);
            tip.closePath();
            g.fill(tip);
        }
    }

    /** The kinds of legend key. */
    enum Key { LINE, POINT, ARROW }

    /** One legend entry. */
    record Entry(String label, Key key, Color color, BasicStroke stroke) {
        static Entry line(String label, Color color, BasicStroke stroke) {
            return new Entry(label, Key.LINE, color, stroke);
        }

        static Entry point(String label, Color color) {
            return new Entry(label, Key.POINT, color, null);
        }

        static Entry arrow(String label, Color color) {
            return new Entry(label, Key.ARROW, color, null);
        }
    }

    /** Width that {@link #legend} needs for these entries in one row. */
    static int legendWidth(Graphics2D g, List<Entry> entries) {
        g.setFont(ChartStyle.LEGEND_FONT);
        FontMetrics fm = g.getFontMetrics();
        int w = 0;
        for (Entry e : entries) {
            w += KEY_WIDTH + 6 + fm.stringWidth(e.label()) + ENTRY_GAP;
        }
        return Math.max(0, w - ENTRY_GAP);
    }

    private static final int KEY_WIDTH = 28;
    private static final int ENTRY_GAP = 22;

    /** Draws the entries in one row, centred on {@code cx}, vertically centred on {@code cy}. */
    static void legend(Graphics2D g, List<Entry> entries, double cx, double cy) {
        g.setFont(ChartStyle.LEGEND_FONT);
        FontMetrics fm = g.getFontMetrics();
        double x = cx - legendWidth(g, entries) / 2.0;
        for (Entry e : entries) {
            switch (e.key()) {
                case LINE -> {
                    g.setColor(e.color());
                    g.setStroke(e.stroke() == null ? ChartStyle.SOLID : e.stroke());
                    g.draw(new Line2D.Double(x + 1, cy, x + KEY_WIDTH - 1, cy));
                }
                case POINT -> point(g, x + KEY_WIDTH / 2.0, cy, 4.5, e.color(), Color.WHITE);
                case ARROW -> arrow(g, x + 3, cy, x + KEY_WIDTH - 2, cy, e.color(), 1.4f);
            }
            g.setColor(Palette.TEXT);
            leftAligned(g, e.label(), x + KEY_WIDTH + 6, cy);
            x += KEY_WIDTH + 6 + fm.stringWidth(e.label()) + ENTRY_GAP;
        }
    }

    /** A strip of the given width holding a centred one-row legend. */
    static BufferedImage legendStrip(int width, List<Entry> entries) {
        BufferedImage probe = canvas(1, 1);
        Graphics2D pg = graphics(probe);
        int need = legendWidth(pg, entries) + 24;
        pg.dispose();
        BufferedImage img = canvas(Math.max(width, need), Plots.LEGEND_HEIGHT);
        Graphics2D g = graphics(img);
        legend(g, entries, img.getWidth() / 2.0, Plots.LEGEND_HEIGHT / 2.0);
        g.dispose();
        return img;
    }

    /**
     * About {@code target} "nice" tick values (multiples of 1, 2 or 5 times a power of ten) inside
     * [lo, hi].
     */
    static List<Double> ticks(double lo, double hi, int target) {
        List<Double> out = new ArrayList<>();
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            out.add(lo);
            return out;
        }
        double raw = span / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step;
        double r = raw / mag;
        if (r < 1.5) {
            step = mag;
        } else if (r < 3.5) {
            step = 2 * mag;
        } else if (r < 7.5) {
            step = 5 * mag;
        } else {
            step = 10 * mag;
        }
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (double v = first; v <= hi + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return out;
    }

    /** Formats a tick value without needless digits. */
    static String tickLabel(double v, double step) {
        if (step >= 1 && Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.valueOf((long) Math.rint(v));
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        String s = String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
        return s.equals("-0") || s.matches("-0\\.0+") ? s.substring(1) : s;
    }

    /** The default font for text drawn directly, at the given size and style. */
    static Font font(int style, int size) {
        return new Font(ChartStyle.FONT_FAMILY, style, size);
    }
}

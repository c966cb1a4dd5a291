package org.ganbook.plot;

import java.awt.Color;

/**
 * The colours every plot of this package uses, so that the same thing has the same colour in every
 * figure of the notebooks.
 *
 * <p>The scheme follows Figure 1 of Goodfellow et al. (2014): the data distribution is black, the
 * generator (and so every fake sample) is green, the discriminator is blue. Real samples, D(x) and
 * p_data are therefore always {@link #REAL}; fake samples, D(G(z)), p_g and the generator's loss are
 * always {@link #FAKE}; the discriminator's loss and the curve of D over x are
 * {@link #DISCRIMINATOR}. The heat map of D over the plane runs from orange (D says fake) through white
 * to blue (D says real), so that green fake and black real points stay readable on it.
 */
public final class Palette {

    /** Real data: real samples, p_data, D(x). Near-black. */
    public static final Color REAL = new Color(0x26, 0x26, 0x26);

    /** Generated data: fake samples, p_g, D(G(z)), the generator's loss. Green. */
    public static final Color FAKE = new Color(0x1A, 0x9E, 0x3F);

    /** The discriminator: its loss, and the curve of D in the 1-D density pictures. Blue. */
    public static final Color DISCRIMINATOR = new Color(0x1F, 0x66, 0xC1);

    /** The generator; the same colour as {@link #FAKE}. */
    public static final Color GENERATOR = FAKE;

    /** Reference lines (equilibrium values such as 1/2 or −log 4). Mid grey. */
    public static final Color REFERENCE = new Color(0x80, 0x80, 0x80);

    /** The low end of the discriminator heat map (D says "fake"): orange. */
    public static final Color MAP_LOW = new Color(0xF1, 0xA3, 0x40);

    /** The middle of the discriminator heat map (D = 1/2, undecided): near-white. */
    public static final Color MAP_MID = new Color(0xF7, 0xF7, 0xF7);

    /** The high end of the discriminator heat map (D says "real"): blue. */
    public static final Color MAP_HIGH = new Color(0x67, 0xA9, 0xCF);

    /** Grid lines and thin separators. */
    public static final Color GRID = new Color(0xE4, 0xE4, 0xE4);

    /** Text and axis labels. */
    public static final Color TEXT = new Color(0x33, 0x33, 0x33);

    /**
     * Colours for series without a fixed meaning, in order (orange, purple, teal, red, brown, pink,
     * olive); none of them is a real/fake/discriminator colour.
     */
    private static final Color[] CYCLE = {
        new Color(0xE6, 0x61, 0x01),
        new Color(0x75, 0x70, 0xB3),
        new Color(0x1B, 0x9E, 0x9E),
        new Color(0xD6, 0x27, 0x28),
        new Color(0x8C, 0x56, 0x4B),
        new Color(0xE3, 0x77, 0xC2),
        new Color(0x99, 0x99, 0x33),
    };

    private Palette() {}

    /**
     * Returns the i-th colour of the cycle used for series without a fixed meaning.
     *
     * @param i any non-negative index; the cycle repeats
     * @return a colour that is not one of the real, fake or discriminator colours
     */
    public static Color cycle(int i) {
        return CYCLE[Math.floorMod(i, CYCLE.length)];
    }

    /**
     * Maps a discriminator probability to the diverging heat-map colour: orange at 0 (D says fake),
     * near-white at 1/2, blue at 1 (D says real). Values outside [0, 1] are clamped; NaN is grey.
     *
     * @param p a probability
     * @return its colour
     */
    public static Color heat(double p) {
        return new Color(heatRgb(p));
    }

    /** The packed RGB of {@link #heat(double)}, for filling images quickly. */
    static int heatRgb(double p) {
        if (Double.isNaN(p)) {
            return 0xB0B0B0;
        }
        double t = Math.max(0, Math.min(1, p));
        if (t < 0.5) {
            return mix(MAP_LOW, MAP_MID, t / 0.5);
        }
        return mix(MAP_MID, MAP_HIGH, (t - 0.5) / 0.5);
    }

    /**
     * Maps a place along a shape, 0 to 1, to a sequential colour: dark purple, through teal, to yellow (close
     * to matplotlib's viridis). Values outside [0, 1] are clamped.
     *
     * @param u the place
     * @return its colour
     */
    public static Color along(double u) {
        double t = Math.max(0, Math.min(1, u));
        return t < 0.5 ? new Color(mix(ALONG_START, ALONG_MIDDLE, t / 0.5))
                : new Color(mix(ALONG_MIDDLE, ALONG_END, (t - 0.5) / 0.5));
    }

    private static final Color ALONG_START = new Color(0x44, 0x01, 0x54);
    private static final Color ALONG_MIDDLE = new Color(0x21, 0x91, 0x8C);
    private static final Color ALONG_END = new Color(0xE3, 0xC8, 0x16);

    /** Linear blend of two colours, returned as packed RGB; f = 0 gives a, f = 1 gives b. */
    static int mix(Color a, Color b, double f) {
        int r = (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f);
        int g = (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f);
        int bl = (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f);
        return (r << 16) | (g << 8) | bl;
    }

    /** The same colour with the given alpha (0..255). */
    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}

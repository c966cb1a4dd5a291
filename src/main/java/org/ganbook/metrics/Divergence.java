package org.ganbook.metrics;

/**
 * Kullback-Leibler and Jensen-Shannon divergences between two sets of samples, estimated from
 * histograms on a common grid: 1-D samples on {@code bins} equal intervals, 2-D samples on a grid
 * of {@code bins × bins} equal cells.
 *
 * <p>Typical use compares real samples {@code p} with a generator's samples {@code q}:
 *
 * <pre>{@code
 * Divergence.Bounds box = Divergence.Bounds.enclosing(0.1, real, fake);
 * double js = Divergence.js(real, fake, box, 50);   // 0 = same histogram, log 2 = disjoint
 * }</pre>
 *
 * <p><b>Conventions.</b> All values are in nats (natural logarithms). Samples outside the bounds
 * are counted in the nearest edge bin, so no sample is lost; NaN samples are ignored. 2-D samples
 * are interleaved pairs {@code x0, y0, x1, y1, ...}.
 *
 * <ul>
 *   <li>{@code kl} smooths both histograms before taking logarithms: each bin's frequency {@code
 *       f} becomes {@code (f + ε) / (1 + B·ε)} with {@code ε = }{@value #EPSILON} and {@code B}
 *       the number of bins. Without it KL is infinite as soon as {@code p} has a sample in a bin
 *       where {@code q} has none, which with finite samples is the usual case. The smoothing caps
 *       KL of two disjoint sets at about {@code log(1/ε) ≈ 13.8} nats, and it makes KL depend on
 *       the number of bins; compare KL values only at equal bins and bounds.
 *   <li>{@code js} needs no smoothing, because the mixture {@code m = (p + q)/2} is positive
 *       wherever {@code p} or {@code q} is. It is exact for the two histograms, symmetric, 0 for
 *       identical histograms and exactly {@code log 2 ≈ 0.693} for disjoint ones.
 * </ul>
 *
 * <p>These are estimates: with {@code n} samples and {@code B} bins the histograms themselves are
 * noisy, so two independent sample sets of one distribution give a small positive value that
 * shrinks as {@code n / B} grows.
 */
public final class Divergence {

    /** The additive smoothing applied to each bin's frequency before KL is computed. */
    public static final double EPSILON = 1e-6;

    private Divergence() {}

    /**
     * KL(p || q) between the 2-D histograms of two sample sets, in nats, with the smoothing
     * described in the class documentation.
     *
     * @param p the first sample set, interleaved {@code x, y} pairs (e.g. real samples)
     * @param q the second sample set, interleaved {@code x, y} pairs (e.g. generated samples)
     * @param bounds the region covered by the grid
     * @param bins the number of bins along each axis (the grid has {@code bins²} cells)
     * @return the divergence, {@code >= 0}
     */
    public static double kl(float[] p, float[] q, Bounds bounds, int bins) {
        return klOfFrequencies(histogram2d(p, bounds, bins), histogram2d(q, bounds, bins));
    }

    /**
     * JS(p, q) between the 2-D histograms of two sample sets, in nats, in {@code [0, log 2]}.
     *
     * @param p the first sample set, interleaved {@code x, y} pairs
     * @param q the second sample set, interleaved {@code x, y} pairs
     * @param bounds the region covered by the grid
     * @param bins the number of bins along each axis (the grid has {@code bins²} cells)
     * @return the divergence, between 0 and {@code log 2}
     */
    public static double js(float[] p, float[] q, Bounds bounds, int bins) {
        return jsOfFrequencies(histogram2d(p, bounds, bins), histogram2d(q, bounds, bins));
    }

    /**
     * KL(p || q) between the 1-D histograms of two sample sets, in nats, with the smoothing
     * described in the class documentation.
     *
     * @param p the first sample set
     * @param q the second sample set
     * @param min the lower edge of the first bin
     * @param max the upper edge of the last bin
     * @param bins the number of bins
     * @return the divergence, {@code >= 0}
     */
    public static double kl(float[] p, float[] q, double min, double max, int bins) {
        return klOfFrequencies(histogram1d(p, min, max, bins), histogram1d(q, min, max, bins));
    }

    /**
     * JS(p, q) between the 1-D histograms of two sample sets, in nats, in {@code [0, log 2]}.
     *
     * @param p the first sample set
     * @param q the second sample set
     * @param min the lower edge of the first bin
     * @param max the upper edge of the last bin
     * @param bins the number of bins
     * @return the divergence, between 0 and {@code log 2}
     */
    public static double js(float[] p, float[] q, double min, double max, int bins) {
        return jsOfFrequencies(histogram1d(p, min, max, bins), histogram1d(q, min, max, bins));
    }

    /**
     * Returns the normalised 2-D histogram of a sample set, row-major with {@code y} as row: the
     * frequency of cell {@code (ix, iy)} is at index {@code iy * bins + ix}. Out-of-bounds samples
     * go to the nearest edge cell; NaN samples are ignored.
     *
     * @param samples interleaved {@code x, y} pairs
     * @param bounds the region covered by the grid
     * @param bins the number of bins along each axis
     * @return {@code bins²} frequencies that sum to 1
     * @throws IllegalArgumentException if there is no usable sample or the arguments are invalid
     */
    public static double[] histogram2d(float[] samples, Bounds bounds, int bins) {
        if (samples == null || samples.length % 2 != 0) {
            throw new IllegalArgumentException("samples must be interleaved x, y pairs");
        }
        checkBins(bins);
        double[] h = new double[bins * bins];
        int used = 0;
        for (int i = 0; i + 1 < samples.length; i += 2) {
            float x = samples[i];
            float y = samples[i + 1];
            if (Float.isNaN(x) || Float.isNaN(y)) {
                continue;
            }
            int ix = bin(x, bounds.xMin(), bounds.xMax(), bins);
            int iy = bin(y, bounds.yMin(), bounds.yMax(), bins);
            h[iy * bins + ix]++;
            used++;
        }
        return normalise(h, used);
    }

    /**
     * Returns the normalised 1-D histogram of a sample set. Out-of-range samples go to the nearest
     * edge bin; NaN samples are ignored.
     *
     * @param samples the samples
     * @param min the lower edge of the first bin
     * @param max the upper edge of the last bin
     * @param bins the number of bins
     * @return {@code bins} frequencies that sum to 1
     * @throws IllegalArgumentException if there is no usable sample or the arguments are invalid
     */
    public static double[] histogram1d(float[] samples, double min, double max, int bins) {
        if (samples == null) {
            throw new IllegalArgumentException("samples must not be null");
        }
        checkBins(bins);
        checkRange(min, max, "min", "max");
        double[] h = new double[bins];
        int used = 0;
        for (float v : samples) {
            if (!Float.isNaN(v)) {
                h[bin(v, min, max, bins)]++;
                used++;
            }
        }
        return normalise(h, used);
    }

    private static double klOfFrequencies(double[] p, double[] q) {
        double scale = 1.0 / (1.0 + p.length * EPSILON);
        double kl = 0;
        for (int i = 0; i < p.length; i++) {
            double ps = (p[i] + EPSILON) * scale;
            double qs = (q[i] + EPSILON) * scale;
            kl += ps * Math.log(ps / qs);
        }
        return Math.max(0.0, kl);
    }

    private static double jsOfFrequencies(double[] p, double[] q) {
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double m = 0.5 * (p[i] + q[i]);
            if (p[i] > 0) {
                js += 0.5 * p[i] * Math.log(p[i] / m);
            }
            if (q[i] > 0) {
                js += 0.5 * q[i] * Math.log(q[i] / m);
            }
        }
        return Math.min(Math.log(2), Math.max(0.0, js));
    }

    private static int bin(double v, double min, double max, int bins) {
        int b = (int) Math.floor((v - min) / (max - min) * bins);
        return Math.min(bins - 1, Math.max(0, b));
    }

    private static double[] normalise(double[] h, int used) {
        if (used == 0) {
            throw new IllegalArgumentException("no (non-NaN) samples to build a histogram from");
        }
        for (int i = 0; i < h.length; i++) {
            h[i] /= used;
        }
        return h;
    }

    private static void checkBins(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
    }

    private static void checkRange(double min, double max, String minName, String maxName) {
        if (!(max > min) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException(
                    "need finite " + minName + " < " + maxName + ", got " + min + ", " + max);
        }
    }

    /**
     * The rectangle covered by a 2-D histogram grid.
     *
     * @param xMin the left edge
     * @param xMax the right edge
     * @param yMin the bottom edge
     * @param yMax the top edge
     */
    public record Bounds(double xMin, double xMax, double yMin, double yMax) {

        /**
         * Checks that both ranges are finite and non-empty.
         *
         * @param xMin the left edge
         * @param xMax the right edge
         * @param yMin the bottom edge
         * @param yMax the top edge
         */
        public Bounds {
            checkRange(xMin, xMax, "xMin", "xMax");
            checkRange(yMin, yMax, "yMin", "yMax");
        }

        /**
         * Returns the bounds {@code [xMin, xMax] × [yMin, yMax]}.
         *
         * @param xMin the left edge
         * @param xMax the right edge
         * @param yMin the bottom edge
         * @param yMax the top edge
         * @return the bounds
         */
        public static Bounds of(double xMin, double xMax, double yMin, double yMax) {
            return new Bounds(xMin, xMax, yMin, yMax);
        }

        /**
         * Returns the square {@code [-halfWidth, halfWidth]²}, e.g. {@code square(3)} for a ring of
         * radius 2.
         *
         * @param halfWidth half the side of the square
         * @return the bounds
         */
        public static Bounds square(double halfWidth) {
            return new Bounds(-halfWidth, halfWidth, -halfWidth, halfWidth);
        }

        /**
         * Returns the smallest box holding every finite sample of the given sets, widened on each
         * side by {@code margin} times its width (and by at least a small absolute amount, so that
         * a set of identical points still gives a valid box).
         *
         * @param margin the relative margin added on each side, e.g. 0.05
         * @param sampleSets sample sets of interleaved {@code x, y} pairs
         * @return the bounds
         * @throws IllegalArgumentException if no set holds a finite sample
         */
        public static Bounds enclosing(double margin, float[]... sampleSets) {
            double x0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            for (float[] s : sampleSets) {
                for (int i = 0; i + 1 < s.length; i += 2) {
                    float x = s[i];
                    float y = s[i + 1];
                    if (Float.isFinite(x) && Float.isFinite(y)) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                    }
                }
            }
            if (x0 > x1) {
                throw new IllegalArgumentException("no finite sample to enclose");
            }
            double mx = Math.max(margin * (x1 - x0), 1e-6);
            double my = Math.max(margin * (y1 - y0), 1e-6);
            return new Bounds(x0 - mx, x1 + mx, y0 - my, y1 + my);
        }
    }
}

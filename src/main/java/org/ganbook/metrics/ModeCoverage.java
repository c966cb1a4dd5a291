package org.ganbook.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * How many modes of a 2-D Gaussian mixture a generator reaches, and how many of its samples land
 * close to a mode.
 *
 * <p>The protocol is the one used to evaluate GANs on the 2-D mixtures (8 Gaussians on a ring, 25 on a
 * grid) in the unrolled GAN paper (Metz et al., 2017), the VEEGAN paper (Srivastava et al., 2017) and
 * PacGAN (Lin et al., 2018):
 *
 * <ul>
 *   <li>a sample is <b>high quality</b> when it lies within three standard deviations of its
 *       nearest mode (Euclidean distance, the mixture components being isotropic with standard
 *       deviation {@code std});
 *   <li>by <b>the papers' rule</b> a mode is reached when at least one high-quality sample has it as
 *       nearest mode: {@link Result#modesReached()};
 * </ul>
 *
 * <p>The papers' rule credits a collapsed generator with every mode a stray sample happens to land
 * on. This class also reports a <b>stricter count</b>, {@link Result#modesCovered()}: a mode is
 * covered when it holds at least {@link #defaultMinSamplesPerMode(int, int) a tenth} of the samples an
 * even spread over the modes would give it (for 2,500 samples and 8 modes: 32 of the 312.5). Pass an
 * explicit minimum to {@link #evaluate(float[], double[][], double, int)} for another threshold.
 *
 * <p>Example, 2 500 samples of a ring of 8 modes with standard deviation 0.02:
 *
 * <pre>{@code
 * ModeCoverage.Result r = ModeCoverage.evaluate(samples, modes, 0.02);
 * r.modesReached();        // the papers' rule
 * r.modesCovered();        // the stricter count
 * r.highQualityShare();    // in [0, 1]
 * }</pre>
 */
public final class ModeCoverage {

    /** A sample is high quality when it lies within this many standard deviations of its mode. */
    public static final double HIGH_QUALITY_STDS = 3.0;

    /** The stricter count's minimum, as a fraction of the samples a mode would get if spread evenly. */
    public static final double MIN_SHARE_OF_EVEN_SPREAD = 0.1;

    private ModeCoverage() {}

    /**
     * Evaluates samples against mode centres with the default minimum number of samples per mode,
     * {@link #defaultMinSamplesPerMode(int, int)}.
     *
     * @param samples the samples as interleaved pairs {@code x0, y0, x1, y1, ...}
     * @param modes the mode centres, one {@code {x, y}} pair per mode
     * @param std the standard deviation of each mixture component
     * @return the coverage and quality numbers
     * @throws IllegalArgumentException if the arrays are empty or malformed or {@code std <= 0}
     */
    public static Result evaluate(float[] samples, double[][] modes, double std) {
        checkSamples(samples);
        checkModes(modes);
        return evaluate(
                samples, modes, std, defaultMinSamplesPerMode(samples.length / 2, modes.length));
    }

    /**
     * Evaluates samples against mode centres with an explicit minimum number of high-quality
     * samples per covered mode.
     *
     * @param samples the samples as interleaved pairs {@code x0, y0, x1, y1, ...}
     * @param modes the mode centres, one {@code {x, y}} pair per mode
     * @param std the standard deviation of each mixture component
     * @param minSamplesPerMode how many high-quality samples a mode needs to count as covered (at
     *     least 1)
     * @return the coverage and quality numbers
     * @throws IllegalArgumentException if the arrays are empty or malformed, {@code std <= 0} or
     *     {@code minSamplesPerMode < 1}
     */
    public static Result evaluate(
            float[] samples, double[][] modes, double std, int minSamplesPerMode) {
        checkSamples(samples);
        checkModes(modes);
        if (!(std > 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("std must be positive and finite, got " + std);
        }
        if (minSamplesPerMode < 1) {
            throw new IllegalArgumentException(
                    "minSamplesPerMode must be at least 1, got " + minSamplesPerMode);
        }
        int n = samples.length / 2;
        int k = modes.length;
        double radius = HIGH_QUALITY_STDS * std;
        double radius2 = radius * radius;
        int[] counts = new int[k];
        int highQuality = 0;
        for (int i = 0; i < n; i++) {
            double x = samples[2 * i];
            double y = samples[2 * i + 1];
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int m = 0; m < k; m++) {
                double dx = x - modes[m][0];
                double dy = y - modes[m][1];
                double d2 = dx * dx + dy * dy;
                if (d2 < best) {
                    best = d2;
                    nearest = m;
                }
            }
            // NaN samples (a diverged generator) have no nearest mode and are never high quality.
            if (nearest >= 0 && best <= radius2) {
                counts[nearest]++;
                highQuality++;
            }
        }
        int covered = 0;
        int reached = 0;
        for (int c : counts) {
            if (c >= minSamplesPerMode) {
                covered++;
            }
            if (c >= 1) {
                reached++;
            }
        }
        return new Result(covered, k, (double) highQuality / n, counts, minSamplesPerMode, n, std, reached);
    }

    /**
     * Returns the stricter count's minimum number of high-quality samples for a mode to count as
     * covered: a tenth of an even share, {@code max(1, ceil(0.1 * sampleCount / modeCount))}.
     *
     * @param sampleCount the number of samples evaluated
     * @param modeCount the number of modes
     * @return the minimum, at least 1
     */
    public static int defaultMinSamplesPerMode(int sampleCount, int modeCount) {
        if (modeCount <= 0) {
            throw new IllegalArgumentException("modeCount must be positive, got " + modeCount);
        }
        int share = (int) Math.ceil(MIN_SHARE_OF_EVEN_SPREAD * sampleCount / modeCount);
        return Math.max(1, share);
    }

    private static void checkSamples(float[] samples) {
        if (samples == null || samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (samples.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "samples must be interleaved x, y pairs; got an odd length " + samples.length);
        }
    }

    private static void checkModes(double[][] modes) {
        if (modes == null || modes.length == 0) {
            throw new IllegalArgumentException("no modes");
        }
        for (int m = 0; m < modes.length; m++) {
            if (modes[m] == null || modes[m].length != 2) {
                throw new IllegalArgumentException("mode " + m + " is not an {x, y} pair");
            }
        }
    }

    /**
     * The result of a {@link ModeCoverage} evaluation.
     *
     * @param modesCovered the stricter count: how many modes received at least {@code minSamplesPerMode}
     *     high-quality samples
     * @param modeCount the number of modes of the mixture
     * @param highQualityShare the share of samples (in [0, 1]) within three standard deviations of
     *     their nearest mode
     * @param countsPerMode for each mode, how many high-quality samples have it as nearest mode
     * @param minSamplesPerMode the minimum number of high-quality samples a covered mode needs
     * @param sampleCount the number of samples evaluated
     * @param std the standard deviation of each mixture component
     * @param modesReached the papers' rule: how many modes received at least one high-quality sample
     */
    public record Result(
            int modesCovered,
            int modeCount,
            double highQualityShare,
            int[] countsPerMode,
            int minSamplesPerMode,
            int sampleCount,
            double std,
            int modesReached) {

        /**
         * Copies the per-mode counts so that the result stays immutable.
         *
         * @param modesCovered how many modes are covered
         * @param modeCount the number of modes
         * @param highQualityShare the share of high-quality samples
         * @param countsPerMode the high-quality samples per mode
         * @param minSamplesPerMode the minimum for a covered mode
         * @param sampleCount the number of samples
         * @param std the standard deviation of each component
         * @param modesReached the modes with at least one high-quality sample
         */
        public Result {
            countsPerMode = countsPerMode.clone();
        }

        /**
         * Returns a copy of the per-mode counts of high-quality samples.
         *
         * @return one count per mode, in the order of the modes given
         */
        @Override
        public int[] countsPerMode() {
            return countsPerMode.clone();
        }

        /**
         * Tells whether one mode is covered.
         *
         * @param mode the index of the mode, in the order of the modes given
         * @return true if the mode received at least {@code minSamplesPerMode} high-quality samples
         */
        public boolean isCovered(int mode) {
            return countsPerMode[mode] >= minSamplesPerMode;
        }

        /**
         * Tells whether every mode is covered.
         *
         * @return true if {@code modesCovered == modeCount}
         */
        public boolean allCovered() {
            return modesCovered == modeCount;
        }

        /**
         * Compares by value, including the per-mode counts.
         *
         * @param o the other object
         * @return true if {@code o} is a result with the same numbers
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Result r
                    && modesCovered == r.modesCovered
                    && modeCount == r.modeCount
                    && Double.compare(highQualityShare, r.highQualityShare) == 0
                    && Arrays.equals(countsPerMode, r.countsPerMode)
                    && minSamplesPerMode == r.minSamplesPerMode
                    && sampleCount == r.sampleCount
                    && Double.compare(std, r.std) == 0
                    && modesReached == r.modesReached;
        }

        /**
         * Returns a hash code consistent with {@link #equals(Object)}.
         *
         * @return the hash code
         */
        @Override
        public int hashCode() {
            int h = Integer.hashCode(modesCovered);
            h = 31 * h + modeCount;
            h = 31 * h + Double.hashCode(highQualityShare);
            h = 31 * h + Arrays.hashCode(countsPerMode);
            h = 31 * h + minSamplesPerMode;
            h = 31 * h + sampleCount;
            h = 31 * h + modesReached;
            return 31 * h + Double.hashCode(std);
        }

        /**
         * Describes the result in one line that names its rules, e.g. {@code "modes: 8/8 by the papers'
         * rule (>= 1 high-quality sample), 8/8 holding >= 32 of 2500 samples; 93.1% of samples high
         * quality (within 3 std = 0.06 of a mode); per mode: [310, 295, ...]"}.
         *
         * @return the description
         */
        @Override
        public String toString() {
            return summary() + "; per mode: " + Arrays.toString(countsPerMode);
        }

        /**
         * {@link #toString()} without the per-mode counts: the line the command line prints at the end of
         * a run on 2-D data.
         *
         * @return the description
         */
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "modes: %d/%d by the papers' rule (>= 1 high-quality sample), %d/%d holding >= %d of %d"
                            + " samples; %.1f%% of samples high quality (within %.0f std = %s of a mode)",
                    modesReached,
                    modeCount,
                    modesCovered,
                    modeCount,
                    minSamplesPerMode,
                    sampleCount,
                    100 * highQualityShare,
                    HIGH_QUALITY_STDS,
                    (float) (HIGH_QUALITY_STDS * std));
        }
    }
}

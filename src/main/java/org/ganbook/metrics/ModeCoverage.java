package org.ganbook.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * How many modes of a 2-D Gaussian mixture a generator reaches, and how many of its samples land
 * close to a mode.
 *
 * <p>The two numbers follow the convention used to evaluate GANs on the 2-D mixtures (8 Gaussians on
 * a ring, 25 on a grid) in the unrolled GAN paper (Metz et al., 2017, "Unrolled Generative
 * Adversarial Networks") and the VEEGAN paper (Srivastava et al., 2017, "VEEGAN: Reducing Mode
 * Collapse in GANs using Implicit Variational Learning"):
 *
 * <ul>
 *   <li>a sample is <b>high quality</b> when it lies within three standard deviations of its
 *       nearest mode (Euclidean distance, the mixture components being isotropic with standard
 *       deviation {@code std});
 *   <li>a mode is <b>covered</b> when it is the nearest mode of enough high-quality samples.
 * </ul>
 *
 * <p><b>What "enough" means here.</b> Those papers count a mode as soon as high-quality samples
 * reach it; with that rule a collapsed generator whose few stray samples happen to fall near other
 * modes would be credited with them. This class therefore asks for a minimum number of samples,
 * by default {@link #defaultMinSamplesPerMode(int, int) max(5, ⌈1% · n / k⌉)} for {@code n}
 * samples and {@code k} modes: at least five samples, and at least one hundredth of what a mode
 * would receive if the samples were spread evenly. For the sample sizes used in practice
 * (a few thousand) this is five samples, close to the papers' rule but robust to a handful of
 * strays. Pass an explicit minimum to {@link #evaluate(float[], double[][], double, int)} to use
 * another rule ({@code 1} reproduces "any high-quality sample").
 *
 * <p>Example, 2 500 samples of a ring of 8 modes with standard deviation 0.02:
 *
 * <pre>{@code
 * ModeCoverage.Result r = ModeCoverage.evaluate(samples, modes, 0.02);
 * System.out.println(r);   // 8/8 modes covered, 97.1% high-quality samples ...
 * }</pre>
 */
public final class ModeCoverage {

    /** A sample is high quality when it lies within this many standard deviations of its mode. */
    public static final double HIGH_QUALITY_STDS = 3.0;

    /** The smallest default number of high-quality samples a mode needs to count as covered. */
    public static final int MIN_SAMPLES_FLOOR = 5;

    /** The default minimum, as a fraction of the samples a mode would get if spread evenly. */
    public static final double MIN_SHARE_OF_EVEN_SPREAD = 0.01;

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
        for (int c : counts) {
            if (c >= minSamplesPerMode) {
                covered++;
            }
        }
        return new Result(covered, k, (double) highQuality / n, counts, minSamplesPerMode, n, std);
    }

    /**
     * Returns the default minimum number of high-quality samples for a mode to count as covered:
     * {@code max(5, ceil(0.01 * sampleCount / modeCount))}.
     *
     * @param sampleCount the number of samples evaluated
     * @param modeCount the number of modes
     * @return the minimum, at least {@value #MIN_SAMPLES_FLOOR}
     */
    public static int defaultMinSamplesPerMode(int sampleCount, int modeCount) {
        if (modeCount <= 0) {
            throw new IllegalArgumentException("modeCount must be positive, got " + modeCount);
        }
        int share = (int) Math.ceil(MIN_SHARE_OF_EVEN_SPREAD * sampleCount / modeCount);
        return Math.max(MIN_SAMPLES_FLOOR, share);
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
     * @param modesCovered how many modes received at least {@code minSamplesPerMode} high-quality
     *     samples
     * @param modeCount the number of modes of the mixture
     * @param highQualityShare the share of samples (in [0, 1]) within three standard deviations of
     *     their nearest mode
     * @param countsPerMode for each mode, how many high-quality samples have it as nearest mode
     * @param minSamplesPerMode the minimum number of high-quality samples a covered mode needs
     * @param sampleCount the number of samples evaluated
     * @param std the standard deviation of each mixture component
     */
    public record Result(
            int modesCovered,
            int modeCount,
            double highQualityShare,
            int[] countsPerMode,
            int minSamplesPerMode,
            int sampleCount,
            double std) {

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
                    && Double.compare(std, r.std) == 0;
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
            return 31 * h + Double.hashCode(std);
        }

        /**
         * Describes the result in one readable line, e.g. {@code "7/8 modes covered, 91.4%
         * high-quality samples (within 3 std of a mode; covered = at least 5 of 2500 samples)
         * per mode: [310, 295, 0, ...]"}.
         *
         * @return the description
         */
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d/%d modes covered, %.1f%% high-quality samples (within %.0f std of a mode;"
                            + " covered = at least %d of %d samples) per mode: %s",
                    modesCovered,
                    modeCount,
                    100 * highQualityShare,
                    HIGH_QUALITY_STDS,
                    minSamplesPerMode,
                    sampleCount,
                    Arrays.toString(countsPerMode));
        }
    }
}

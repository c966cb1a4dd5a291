package org.ganbook.metrics;

import org.ganbook.data.Mixture2d;

/**
 * How well a learned mapping G: X → Y pairs its inputs with their true images, when the truth T is known:
 * the distance of G(x) from T(x), and for mixtures whether x's mode goes to T's image of that mode.
 * CycleGAN's notebook checks an unpaired translation with it.
 */
public final class Pairing {

    private Pairing() {}

    /**
     * The mean Euclidean distance between corresponding rows of two sample arrays.
     *
     * @param a samples, {@code dimension} values each, row after row
     * @param b as many samples of the same dimension
     * @param dimension the number of values per sample (2 for points, 784 for digits)
     * @return the mean over the rows of ‖a_i − b_i‖
     */
    public static double meanDistance(float[] a, float[] b, int dimension) {
        requireRows(a, b, dimension);
        int rows = a.length / dimension;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double squares = 0;
            for (int d = 0; d < dimension; d++) {
                double diff = (double) a[r * dimension + d] - b[r * dimension + d];
                squares += diff * diff;
            }
            sum += Math.sqrt(squares);
        }
        return sum / rows;
    }

    /**
     * The mean absolute difference over all values: for images in [−1, 1], the mean per-pixel error.
     *
     * @param a values
     * @param b as many values
     * @return mean |a_i − b_i|
     */
    public static double meanAbsoluteDifference(float[] a, float[] b) {
        requireRows(a, b, 1);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((double) a[i] - b[i]);
        }
        return sum / a.length;
    }

    /**
     * The share of points x whose image G(x) lies nearest to the image of x's own mode: with Y = T(X) and
     * the modes of Y in the order of X's, mode k of X should go to mode k of Y.
     *
     * @param x points of X, {@code x0, y0, x1, y1, ...}
     * @param mapped G(x), in the same order
     * @param domainX X's mixture
     * @param domainY Y's mixture, mode k being T's image of X's mode k
     * @return the share in [0, 1]
     */
    public static double modeAgreement(float[] x, float[] mapped, Mixture2d domainX, Mixture2d domainY) {
        requireRows(x, mapped, 2);
        if (domainX.numModes() != domainY.numModes()) {
            throw new IllegalArgumentException("X has " + domainX.numModes() + " modes and Y " + domainY.numModes());
        }
        int agree = 0;
        for (int i = 0; i < x.length; i += 2) {
            if (domainX.nearestMode(x[i], x[i + 1]) == domainY.nearestMode(mapped[i], mapped[i + 1])) {
                agree++;
            }
        }
        return agree / (x.length / 2.0);
    }

    /**
     * Everything the notebook measures about a mapping G: X → Y of 2-D mixtures against the truth T.
     *
     * @param distanceToTruth mean ‖G(x) − T(x)‖
     * @param modeAgreement the share of x whose G(x) lies nearest to T's image of x's mode
     * @param modesReached how many of Y's modes G reaches (at least 1% of an even share of the samples
     *     within 3 std; see {@link ModeCoverage})
     * @param modes Y's number of modes
     * @param inY the share of G(x) within 3 std of one of Y's modes
     * @param cycleError mean ‖F(G(x)) − x‖
     */
    public record Report(double distanceToTruth, double modeAgreement, int modesReached, int modes, double inY,
            double cycleError) {

        /** Returns whether G sends (nearly) every x to the mode T sends it to: mode agreement above 0.9. */
        public boolean pairsTruly() {
            return modeAgreement > 0.9;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "mean ‖G(x) − T(x)‖ %.3f | x sent to T's mode: %.1f%% | modes of Y reached %d of %d"
                            + " | G(x) in Y: %.1f%% | mean ‖F(G(x)) − x‖ %.3f",
                    distanceToTruth, 100 * modeAgreement, modesReached, modes, 100 * inY, cycleError);
        }
    }

    /**
     * Measures G (and F) against the truth T.
     *
     * @param x points of X
     * @param mapped G(x)
     * @param back F(G(x))
     * @param truth T
     * @param domainX X's mixture
     * @param domainY Y = T(X)
     * @return the report
     */
    public static Report evaluate(float[] x, float[] mapped, float[] back, org.ganbook.data.Similarity2d truth,
            Mixture2d domainX, Mixture2d domainY) {
        requireRows(x, back, 2);
        ModeCoverage.Result coverage = ModeCoverage.evaluate(mapped, domainY.modes(), domainY.std());
        return new Report(meanDistance(mapped, truth.apply(x), 2), modeAgreement(x, mapped, domainX, domainY),
                coverage.modesCovered(), domainY.numModes(), coverage.highQualityShare(), meanDistance(back, x, 2));
    }

    private static void requireRows(float[] a, float[] b, int dimension) {
        if (a.length != b.length || a.length == 0 || a.length % dimension != 0) {
            throw new IllegalArgumentException("need two non-empty arrays of the same length, a multiple of "
                    + dimension + "; got " + a.length + " and " + b.length);
        }
    }
}

package org.ganbook.metrics;

import org.ganbook.data.Similarity2d;
import org.ganbook.data.SpiralArm;

/**
 * How well a learned mapping G: X → Y pairs its inputs with their true images, when the truth T is known:
 * the distance of G(x) from T(x), and for a spiral arm whether each x lands at its own place along Y's arm.
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
     * Everything the notebook measures about a mapping G: X → Y between two spiral arms, against the truth T.
     *
     * @param distanceToTruth mean ‖G(x) − T(x)‖
     * @param span Y's size: the largest distance between two points of its centre line
     * @param positionError mean |position of G(x) along Y − position of x along X|, positions in [0, 1] from the
     *     inner end: 0 when every x lands at its own place along the arm, about 0.5 when the arm is reversed
     * @param inY the share of G(x) within 3 noise std of Y's centre line
     * @param sectionsReached how many of Y's ten equal sections (by position) hold at least 1% of the G(x)
     *     that are in Y
     * @param cycleError mean ‖F(G(x)) − x‖
     */
    public record Report(double distanceToTruth, double span, double positionError, double inY, int sectionsReached,
            double cycleError) {

        /** Returns mean ‖G(x) − T(x)‖ as a share of Y's span. */
        public double relativeDistance() {
            return distanceToTruth / span;
        }

        /**
         * Returns whether G is T within {@code tolerance}: mean ‖G(x) − T(x)‖ below that share of Y's span.
         *
         * @param tolerance a share of the span, e.g. 0.2
         * @return whether G recovered T
         */
        public boolean recovers(double tolerance) {
            return relativeDistance() < tolerance;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "mean ‖G(x) − T(x)‖ %.3f (%.1f%% of Y's span %.2f) | place along the arm off by %.3f"
                            + " | G(x) in Y: %.1f%%, %d of 10 sections | mean ‖F(G(x)) − x‖ %.3f",
                    distanceToTruth, 100 * relativeDistance(), span, positionError, 100 * inY, sectionsReached,
                    cycleError);
        }
    }

    /**
     * Measures G (and F) against the truth T.
     *
     * @param x points of X
     * @param mapped G(x)
     * @param back F(G(x))
     * @param truth T
     * @param domainX X, a spiral arm; Y is {@code truth.apply(domainX)}
     * @return the report
     */
    public static Report evaluate(float[] x, float[] mapped, float[] back, Similarity2d truth, SpiralArm domainX) {
        requireRows(x, mapped, 2);
        requireRows(x, back, 2);
        SpiralArm domainY = truth.apply(domainX);
        int n = x.length / 2;
        int inY = 0;
        int[] sections = new int[10];
        double positionError = 0;
        for (int i = 0; i < x.length; i += 2) {
            double place = domainY.position(mapped[i], mapped[i + 1]);
            positionError += Math.abs(place - domainX.position(x[i], x[i + 1]));
            if (domainY.distance(mapped[i], mapped[i + 1]) < 3 * domainY.noise()) {
                inY++;
                sections[Math.min(9, (int) (place * 10))]++;
            }
        }
        int reached = 0;
        for (int count : sections) {
            if (count >= 0.01 * inY && count > 0) {
                reached++;
            }
        }
        return new Report(meanDistance(mapped, truth.apply(x), 2), domainY.span(), positionError / n,
                inY / (double) n, reached, meanDistance(back, x, 2));
    }

    private static void requireRows(float[] a, float[] b, int dimension) {
        if (a.length != b.length || a.length == 0 || a.length % dimension != 0) {
            throw new IllegalArgumentException("need two non-empty arrays of the same length, a multiple of "
                    + dimension + "; got " + a.length + " and " + b.length);
        }
    }
}

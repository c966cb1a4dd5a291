package org.ganbook.metrics;

/**
 * Numbers for the shape of a cloud of 2-D points around the origin, so that what a scatter plot of
 * G's samples shows can be checked: do the points lie along spokes from the centre, or on a curve
 * round it? Points are interleaved pairs {@code x0, y0, x1, y1, ...}.
 *
 * <ul>
 *   <li>{@link #radiusSpread}: how much the points' distances from the origin vary (standard
 *       deviation over mean): small for points on a circle, large for spokes or a blob;
 *   <li>{@link #radialShare}: the share of points whose neighbourhood runs towards the origin (its
 *       longest direction within 30° of the line to the origin): high for spokes, low for a curve
 *       round the origin, about 1/3 for a shapeless blob;
 *   <li>{@link #sectorCounts}, {@link #countsNear}, {@link #fartherThan}, {@link #countNearCircle}:
 *       counts by angle, near given centres, and near a circle.
 * </ul>
 *
 * <pre>{@code
 * float[] fakes = trainer.generate(500).toFloatArray();
 * double spread = Points2d.radiusSpread(fakes);          // 0.1: a ring; 0.6: spokes or a blob
 * double radial = Points2d.radialShare(fakes, 10);       // 0.7: spokes; 0.1: a curve round the centre
 * }</pre>
 */
public final class Points2d {

    /** How close to the line to the origin a neighbourhood's direction must be to count as radial. */
    public static final double RADIAL_DEGREES = 30;

    private Points2d() {}

    /**
     * Returns how much the points' distances from the origin vary: their standard deviation divided
     * by their mean.
     *
     * @param xy the points
     * @return the spread, 0 when every point is at the same distance
     * @throws IllegalArgumentException if there are no points or a coordinate is missing
     */
    public static double radiusSpread(float[] xy) {
        int n = count(xy);
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            double r = Math.hypot(xy[2 * i], xy[2 * i + 1]);
            sum += r;
            sum2 += r * r;
        }
        double mean = sum / n;
        double variance = Math.max(0, sum2 / n - mean * mean);
        return mean == 0 ? 0 : Math.sqrt(variance) / mean;
    }

    /**
     * Returns the share of points whose neighbourhood runs towards the origin. For each point the
     * longest direction (first principal axis) of the point and its nearest neighbours is compared
     * with the line from the origin through the point; the point counts when the two are within
     * {@value #RADIAL_DEGREES}° of each other. Points along spokes from the centre count, points on a
     * curve round it do not, and for points without a shape about a third count (30° of 90°).
     *
     * @param xy the points
     * @param neighbours how many nearest neighbours make a point's neighbourhood (at least 2, fewer
     *     than the points)
     * @return the share, in [0, 1]
     * @throws IllegalArgumentException if there are too few points for the neighbourhood
     */
    public static double radialShare(float[] xy, int neighbours) {
        int n = count(xy);
        if (neighbours < 2 || neighbours >= n) {
            throw new IllegalArgumentException("neighbours must be at least 2 and fewer than the " + n + " points, got " + neighbours);
        }
        double limit = Math.toRadians(RADIAL_DEGREES);
        int radial = 0;
        double[] d2 = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            for (int j = 0; j < n; j++) {
                double dx = xy[2 * j] - x;
                double dy = xy[2 * j + 1] - y;
                d2[j] = dx * dx + dy * dy;
                order[j] = j;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(d2[a], d2[b]));
            // the point itself is order[0] (distance 0) or ties with it; take it and its neighbours
            double mx = 0;
            double my = 0;
            for (int k = 0; k <= neighbours; k++) {
                mx += xy[2 * order[k]];
                my += xy[2 * order[k] + 1];
            }
            mx /= neighbours + 1;
            my /= neighbours + 1;
            double sxx = 0;
            double syy = 0;
            double sxy = 0;
            for (int k = 0; k <= neighbours; k++) {
                double dx = xy[2 * order[k]] - mx;
                double dy = xy[2 * order[k] + 1] - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
            double axis = 0.5 * Math.atan2(2 * sxy, sxx - syy);
            double towardsOrigin = Math.atan2(y, x);
            double gap = Math.abs(axis - towardsOrigin) % Math.PI;   // directions, not arrows: mod 180°
            gap = Math.min(gap, Math.PI - gap);
            if (gap <= limit) {
                radial++;
            }
        }
        return (double) radial / n;
    }

    /**
     * Counts the points in each of {@code sectors} equal angular sectors round the origin, the first
     * starting at angle 0 and going anticlockwise.
     *
     * @param xy the points
     * @param sectors how many sectors (at least 1)
     * @return the count in each sector
     */
    public static int[] sectorCounts(float[] xy, int sectors) {
        int n = count(xy);
        if (sectors < 1) {
            throw new IllegalArgumentException("sectors must be at least 1, got " + sectors);
        }
        int[] counts = new int[sectors];
        for (int i = 0; i < n; i++) {
            double angle = Math.atan2(xy[2 * i + 1], xy[2 * i]);
            if (angle < 0) {
                angle += 2 * Math.PI;
            }
            counts[Math.min(sectors - 1, (int) (angle / (2 * Math.PI) * sectors))]++;
        }
        return counts;
    }

    /**
     * Counts, for each centre, the points whose nearest centre it is and that lie within {@code
     * distance} of it.
     *
     * @param xy the points
     * @param centres the centres, one {@code {x, y}} pair each
     * @param distance the largest distance that counts
     * @return one count per centre
     */
    public static int[] countsNear(float[] xy, double[][] centres, double distance) {
        int n = count(xy);
        int[] counts = new int[checkCentres(centres)];
        for (int i = 0; i < n; i++) {
            int nearest = nearest(xy[2 * i], xy[2 * i + 1], centres);
            if (distanceTo(xy[2 * i], xy[2 * i + 1], centres[nearest]) <= distance) {
                counts[nearest]++;
            }
        }
        return counts;
    }

    /**
     * Returns the points that are farther than {@code distance} from every centre, in their order.
     *
     * @param xy the points
     * @param centres the centres, one {@code {x, y}} pair each
     * @param distance the distance
     * @return those points, as pairs (possibly none)
     */
    public static float[] fartherThan(float[] xy, double[][] centres, double distance) {
        int n = count(xy);
        checkCentres(centres);
        float[] kept = new float[xy.length];
        int size = 0;
        for (int i = 0; i < n; i++) {
            int nearest = nearest(xy[2 * i], xy[2 * i + 1], centres);
            if (distanceTo(xy[2 * i], xy[2 * i + 1], centres[nearest]) > distance) {
                kept[size++] = xy[2 * i];
                kept[size++] = xy[2 * i + 1];
            }
        }
        return java.util.Arrays.copyOf(kept, size);
    }

    /**
     * Counts the points whose distance from the origin is within {@code tolerance} of {@code radius}.
     *
     * @param xy the points (possibly none)
     * @param radius the circle's radius
     * @param tolerance how far inside or outside the circle still counts
     * @return the count
     */
    public static int countNearCircle(float[] xy, double radius, double tolerance) {
        if (xy == null || xy.length % 2 != 0) {
            throw new IllegalArgumentException("points must be x, y pairs");
        }
        int near = 0;
        for (int i = 0; i < xy.length / 2; i++) {
            if (Math.abs(Math.hypot(xy[2 * i], xy[2 * i + 1]) - radius) <= tolerance) {
                near++;
            }
        }
        return near;
    }

    private static int nearest(double x, double y, double[][] centres) {
        int best = 0;
        for (int m = 1; m < centres.length; m++) {
            if (distanceTo(x, y, centres[m]) < distanceTo(x, y, centres[best])) {
                best = m;
            }
        }
        return best;
    }

    private static double distanceTo(double x, double y, double[] centre) {
        return Math.hypot(x - centre[0], y - centre[1]);
    }

    private static int checkCentres(double[][] centres) {
        if (centres == null || centres.length == 0) {
            throw new IllegalArgumentException("no centres");
        }
        for (double[] c : centres) {
            if (c == null || c.length != 2) {
                throw new IllegalArgumentException("each centre must be an {x, y} pair");
            }
        }
        return centres.length;
    }

    private static int count(float[] xy) {
        if (xy == null || xy.length == 0 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("points must be a non-empty array of x, y pairs");
        }
        return xy.length / 2;
    }
}

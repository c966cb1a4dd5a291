package org.ganbook.data;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One arm of an Archimedean spiral, blurred by round Gaussian noise, with more points towards its outer
 * end, then placed in the plane by a {@link Similarity2d}. The shape has no rotational and no mirror symmetry
 * and its density rises along it, so the only similarity that takes it onto a turned, scaled and shifted copy
 * of itself is the one that made the copy: CycleGAN's notebook uses it as a domain X whose true translation T
 * to Y = T(X) can be told apart from every other way of matching the two shapes.
 *
 * <p>A point of the arm before placement, at position u ∈ [0, 1] along it, is at angle u·sweep (counter-clockwise
 * from the positive x axis) and radius inner + u·(outer − inner); u is drawn with density (1 + 2u) / 2, so the
 * outer end holds three times as many points per unit of u as the inner end.
 */
public final class SpiralArm extends ToyDistribution {

    private static final int CURVE_POINTS = 2001;

    private final double inner;
    private final double outer;
    private final double sweepDegrees;
    private final double noise;
    private final Similarity2d placement;
    private final double[] curveX = new double[CURVE_POINTS];
    private final double[] curveY = new double[CURVE_POINTS];

    SpiralArm(String name, double inner, double outer, double sweepDegrees, double noise, Similarity2d placement) {
        super(name, 2);
        if (!(inner >= 0) || !(outer > inner) || !Double.isFinite(outer) || !(sweepDegrees > 0)
                || !(sweepDegrees < 360) || !(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a spiral arm needs 0 <= inner < outer,"
                    + " a sweep in (0°, 360°) and noise >= 0; got %s, %s, %s°, %s", inner, outer, sweepDegrees, noise));
        }
        this.inner = inner;
        this.outer = outer;
        this.sweepDegrees = sweepDegrees;
        this.noise = noise;
        this.placement = placement;
        for (int i = 0; i < CURVE_POINTS; i++) {
            double[] p = unplaced(i / (CURVE_POINTS - 1.0));
            curveX[i] = p[0];
            curveY[i] = p[1];
        }
    }

    private double[] unplaced(double u) {
        double angle = Math.toRadians(sweepDegrees) * u;
        double r = inner + (outer - inner) * u;
        return new double[] {r * Math.cos(angle), r * Math.sin(angle)};
    }

    /** Returns the same arm moved by {@code t} after its present placement: the domain T(X). */
    SpiralArm moved(Similarity2d t) {
        return new SpiralArm(name() + ", " + t, inner, outer, sweepDegrees, noise, t.after(placement));
    }

    @Override
    protected void drawOne(SplittableRandom random, double[] point) {
        double u = (Math.sqrt(1 + 8 * random.nextDouble()) - 1) / 2;   // inverse of the CDF (u + u²) / 2
        double[] p = unplaced(u);
        double x = p[0] + noise * Gaussians.next(random);
        double y = p[1] + noise * Gaussians.next(random);
        placement.apply(x, y, point);
    }

    /**
     * The point of the arm's centre line at position {@code u}.
     *
     * @param u the position along the arm, 0 at the inner end, 1 at the outer end
     * @return {@code {x, y}}
     */
    public double[] pointAt(double u) {
        double[] p = unplaced(u);
        double[] out = new double[2];
        placement.apply(p[0], p[1], out);
        return out;
    }

    /**
     * The position along the arm of the centre-line point nearest to {@code (x, y)}.
     *
     * @param x the first coordinate
     * @param y the second coordinate
     * @return u in [0, 1], 0 at the inner end
     */
    public double position(double x, double y) {
        return nearest(placement.invert(x, y)) / (CURVE_POINTS - 1.0);
    }

    /**
     * The distance from {@code (x, y)} to the arm's centre line.
     *
     * @param x the first coordinate
     * @param y the second coordinate
     * @return the distance, in the plane's units
     */
    public double distance(double x, double y) {
        double[] local = placement.invert(x, y);
        int i = nearest(local);
        return Math.hypot(local[0] - curveX[i], local[1] - curveY[i]) * placement.scale();
    }

    private int nearest(double[] local) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < CURVE_POINTS; i++) {
            double dx = local[0] - curveX[i];
            double dy = local[1] - curveY[i];
            double d = dx * dx + dy * dy;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** Returns the largest distance between two points of the centre line: the shape's size. */
    public double span() {
        double best = 0;
        for (int i = 0; i < CURVE_POINTS; i += 10) {
            for (int j = i + 10; j < CURVE_POINTS; j += 10) {
                best = Math.max(best, Math.hypot(curveX[i] - curveX[j], curveY[i] - curveY[j]));
            }
        }
        return best * placement.scale();
    }

    /** Returns the standard deviation of the noise along each axis, in the plane's units. */
    public double noise() {
        return noise * placement.scale();
    }
}

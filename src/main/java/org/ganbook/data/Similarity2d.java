package org.ganbook.data;

import java.util.Locale;

/**
 * A similarity transformation of the plane: rotate by an angle about the origin, scale by a factor, then
 * shift. It takes a mixture of round Gaussians to another one (its modes move, its std scales), so a
 * domain Y = T(X) still has countable modes; CycleGAN's notebook uses it as the hidden truth that an
 * unpaired mapping X → Y should find.
 *
 * @param degrees the rotation, counter-clockwise, in degrees
 * @param scale the scale factor, positive
 * @param shiftX the shift along x, applied last
 * @param shiftY the shift along y, applied last
 */
public record Similarity2d(double degrees, double scale, double shiftX, double shiftY) {

    /** Checks that the numbers are finite and the scale positive. */
    public Similarity2d {
        if (!Double.isFinite(degrees) || !Double.isFinite(shiftX) || !Double.isFinite(shiftY)
                || !(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("a similarity needs finite numbers and a positive scale, got "
                    + degrees + "°, ×" + scale + ", (" + shiftX + ", " + shiftY + ")");
        }
    }

    /**
     * Applies the transformation to points stored as {@code x0, y0, x1, y1, ...}.
     *
     * @param points the points, an even number of values
     * @return the transformed points, a new array
     */
    public float[] apply(float[] points) {
        if (points.length % 2 != 0) {
            throw new IllegalArgumentException("2-D points need an even number of values, got " + points.length);
        }
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        float[] out = new float[points.length];
        for (int i = 0; i < points.length; i += 2) {
            double x = points[i];
            double y = points[i + 1];
            out[i] = (float) (scale * (cos * x - sin * y) + shiftX);
            out[i + 1] = (float) (scale * (sin * x + cos * y) + shiftY);
        }
        return out;
    }

    /** Returns the transformation that changes nothing. */
    public static Similarity2d identity() {
        return new Similarity2d(0, 1, 0, 0);
    }

    /**
     * Applies the transformation to one point.
     *
     * @param x the first coordinate
     * @param y the second coordinate
     * @param out receives the transformed point, length 2
     */
    public void apply(double x, double y, double[] out) {
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        out[0] = scale * (cos * x - sin * y) + shiftX;
        out[1] = scale * (sin * x + cos * y) + shiftY;
    }

    /**
     * Undoes the transformation for one point: the point this transformation takes to {@code (x, y)}.
     *
     * @param x the first coordinate
     * @param y the second coordinate
     * @return {@code {x, y}} before the transformation
     */
    public double[] invert(double x, double y) {
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        double u = (x - shiftX) / scale;
        double v = (y - shiftY) / scale;
        return new double[] {cos * u + sin * v, -sin * u + cos * v};
    }

    /**
     * This transformation applied after {@code first}: one similarity doing both.
     *
     * @param first the transformation applied first
     * @return the composition, this ∘ first
     */
    public Similarity2d after(Similarity2d first) {
        double[] shift = new double[2];
        apply(first.shiftX, first.shiftY, shift);
        return new Similarity2d(degrees + first.degrees, scale * first.scale, shift[0], shift[1]);
    }

    /**
     * The image of a spiral arm: the same arm, moved by this transformation.
     *
     * @param arm the domain X
     * @return the domain T(X)
     */
    public SpiralArm apply(SpiralArm arm) {
        return arm.moved(this);
    }

    /**
     * The image of a mixture: the same number of modes, each centre transformed, std times the scale.
     *
     * @param mixture the mixture X
     * @return the mixture T(X)
     */
    public Mixture2d apply(Mixture2d mixture) {
        double[][] modes = mixture.modes();
        double[][] moved = new double[modes.length][];
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        for (int k = 0; k < modes.length; k++) {
            double x = modes[k][0];
            double y = modes[k][1];
            moved[k] = new double[] {scale * (cos * x - sin * y) + shiftX, scale * (sin * x + cos * y) + shiftY};
        }
        return new Mixture2d(mixture.name() + " " + this, moved, mixture.std() * scale);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "rotated %s°, scaled ×%s, shifted by (%s, %s)", degrees, scale, shiftX, shiftY);
    }
}

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

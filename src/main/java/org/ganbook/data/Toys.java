package org.ganbook.data;

import java.util.Locale;

/**
 * The toy distributions of the first notebooks, generated in code: a 1-D Gaussian (the picture of
 * Goodfellow et al.'s Figure 1), 1-D mixtures, and the 2-D ring, grid, spiral, spiral arm and two moons.
 *
 * <pre>{@code
 * Mixture2d ring = Toys.ring();                 // 8 Gaussians on a circle of radius 2
 * SampleBatch batch = ring.sampler(42).next(manager, 256);
 * }</pre>
 */
public final class Toys {

    private Toys() {}

    /**
     * Returns a single Gaussian N(mean, std²).
     *
     * @param mean the mean
     * @param std the standard deviation, positive
     * @return the distribution, with its exact density
     */
    public static Mixture1d gaussian1d(double mean, double std) {
        return new Mixture1d(String.format(Locale.ROOT, "Gaussian (mean %s, std %s)", mean, std),
                new double[] {mean}, new double[] {std}, new double[] {1});
    }

    /**
     * Returns a mixture of 1-D Gaussians.
     *
     * @param means the component means
     * @param stds the component standard deviations, positive
     * @param weights the component weights, non-negative; they are normalised to sum to 1
     * @return the distribution, with its exact density
     */
    public static Mixture1d mixture1d(double[] means, double[] stds, double[] weights) {
        return new Mixture1d("mixture of " + means.length + " Gaussians", means, stds, weights);
    }

    /**
     * Returns the classic ring: 8 Gaussians of std 0.02 evenly spaced on a circle of radius 2.
     *
     * @return the mixture
     */
    public static Mixture2d ring() {
        return ring(8, 2, 0.02);
    }

    /**
     * Returns {@code modes} Gaussians evenly spaced on a circle, the first on the positive x axis.
     *
     * @param modes the number of Gaussians, positive
     * @param radius the radius of the circle
     * @param std the standard deviation of each Gaussian
     * @return the mixture
     */
    public static Mixture2d ring(int modes, double radius, double std) {
        if (modes < 1) {
            throw new IllegalArgumentException("a ring needs at least one mode, got " + modes);
        }
        double[][] centres = new double[modes][];
        for (int k = 0; k < modes; k++) {
            double angle = 2 * Math.PI * k / modes;
            centres[k] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
        }
        return new Mixture2d(String.format(Locale.ROOT, "ring of %d Gaussians (radius %s, std %s)",
                modes, radius, std), centres, std);
    }

    /**
     * Returns an equal-weight mixture of round Gaussians at the given centres.
     *
     * @param name a short name, for plots and logs
     * @param centres the centres, each {@code {x, y}}; at least one
     * @param std the standard deviation of each Gaussian
     * @return the mixture
     */
    public static Mixture2d mixture2d(String name, double[][] centres, double std) {
        return new Mixture2d(name, centres, std);
    }

    /**
     * Returns the classic grid: 25 Gaussians of std 0.05 on a 5 × 5 grid with centres at −4, −2, 0,
     * 2, 4 along each axis.
     *
     * @return the mixture
     */
    public static Mixture2d grid() {
        return grid(5, 2, 0.05);
    }

    /**
     * Returns {@code side × side} Gaussians on a square grid centred on the origin.
     *
     * @param side the number of Gaussians along each axis, positive
     * @param spacing the distance between neighbouring centres
     * @param std the standard deviation of each Gaussian
     * @return the mixture
     */
    public static Mixture2d grid(int side, double spacing, double std) {
        if (side < 1) {
            throw new IllegalArgumentException("a grid needs at least one mode per side, got " + side);
        }
        double[][] centres = new double[side * side][];
        double offset = (side - 1) / 2.0;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                centres[i * side + j] = new double[] {(i - offset) * spacing, (j - offset) * spacing};
            }
        }
        return new Mixture2d(String.format(Locale.ROOT, "%d×%d grid of Gaussians (spacing %s, std %s)",
                side, side, spacing, std), centres, std);
    }

    /**
     * Returns a spiral of two turns reaching radius 4, blurred by noise of std 0.1.
     *
     * @return the distribution
     */
    public static ToyDistribution spiral() {
        return spiral(2, 4, 0.1);
    }

    /**
     * Returns points along an Archimedean spiral that starts at the origin, blurred by Gaussian noise.
     *
     * @param turns the number of turns, positive
     * @param radius the radius at the outer end
     * @param noise the standard deviation of the noise added to each coordinate
     * @return the distribution
     */
    public static ToyDistribution spiral(double turns, double radius, double noise) {
        return new Spiral(turns, radius, noise);
    }

    /**
     * Returns two interleaved half circles, centred on the origin and spanning about [−3, 3] × [−1.5,
     * 1.5], blurred by noise of std 0.1.
     *
     * @return the distribution
     */
    public static ToyDistribution twoMoons() {
        return twoMoons(0.1);
    }

    /**
     * Returns two interleaved half circles blurred by Gaussian noise.
     *
     * @param noise the standard deviation of the noise added to each coordinate
     * @return the distribution
     */
    public static ToyDistribution twoMoons(double noise) {
        return new TwoMoons(noise);
    }

    /**
     * Returns one arm of a spiral: three quarters of a turn whose radius grows from 0.6 to 2, blurred by
     * noise of std 0.08, with three times as many points per degree at the outer end as at the inner one. No turn or mirror takes it onto itself.
     *
     * @return the distribution
     */
    public static SpiralArm spiralArm() {
        return spiralArm(0.6, 2, 270, 0.08);
    }

    /**
     * Returns one arm of an Archimedean spiral (see {@link SpiralArm}), unmoved.
     *
     * @param inner the radius at the inner end
     * @param outer the radius at the outer end, larger
     * @param sweepDegrees the angle the arm turns through, in (0°, 360°)
     * @param noise the standard deviation of the noise added to each coordinate
     * @return the distribution
     */
    public static SpiralArm spiralArm(double inner, double outer, double sweepDegrees, double noise) {
        return new SpiralArm(String.format(Locale.ROOT, "spiral arm (radius %s to %s, %s°, noise %s)", inner, outer,
                sweepDegrees, noise), inner, outer, sweepDegrees, noise, Similarity2d.identity());
    }
}

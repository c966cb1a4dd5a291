package org.ganbook.data;

import java.util.Locale;
import java.util.SplittableRandom;

/** Points along an Archimedean spiral r = radius · θ / θ_max, blurred by Gaussian noise. */
final class Spiral extends ToyDistribution {

    private final double maxAngle;
    private final double radius;
    private final double noise;

    Spiral(double turns, double radius, double noise) {
        super(String.format(Locale.ROOT, "spiral (%s turns, radius %s, noise %s)", turns, radius, noise), 2);
        if (!(turns > 0) || !(radius > 0) || !(noise >= 0)
                || !Double.isFinite(turns) || !Double.isFinite(radius) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "turns and radius must be positive and noise non-negative; got %s, %s, %s",
                    turns, radius, noise));
        }
        this.maxAngle = turns * 2 * Math.PI;
        this.radius = radius;
        this.noise = noise;
    }

    @Override
    protected void drawOne(SplittableRandom random, double[] point) {
        // The arc length of an Archimedean spiral grows as θ², so θ ∝ √u spreads points evenly along it.
        double angle = maxAngle * Math.sqrt(random.nextDouble());
        double r = radius * angle / maxAngle;
        point[0] = r * Math.cos(angle) + noise * Gaussians.next(random);
        point[1] = r * Math.sin(angle) + noise * Gaussians.next(random);
    }
}

package org.ganbook.data;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Two interleaved half circles, as in scikit-learn's {@code make_moons}, centred on the origin and
 * scaled by 2 so that they span about [−3, 3] × [−1.5, 1.5].
 */
final class TwoMoons extends ToyDistribution {

    private static final double SCALE = 2;

    private final double noise;

    TwoMoons(double noise) {
        super(String.format(Locale.ROOT, "two moons (noise %s)", noise), 2);
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be non-negative and finite, got " + noise);
        }
        this.noise = noise;
    }

    @Override
    protected void drawOne(SplittableRandom random, double[] point) {
        double t = Math.PI * random.nextDouble();
        boolean upper = random.nextBoolean();
        double x = upper ? Math.cos(t) : 1 - Math.cos(t);
        double y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
        point[0] = SCALE * (x - 0.5) + noise * Gaussians.next(random);
        point[1] = SCALE * (y - 0.25) + noise * Gaussians.next(random);
    }
}

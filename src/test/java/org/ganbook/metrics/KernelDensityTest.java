package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelDensityTest {

    private static float[] gaussian(int n, double mean, double std, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            x[i] = (float) (mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        return x;
    }

    private static double normal(double x, double mean, double std) {
        double u = (x - mean) / std;
        return Math.exp(-0.5 * u * u) / (std * Math.sqrt(2 * Math.PI));
    }

    @Test
    void recoversAGaussianDensity() {
        KernelDensity kde = KernelDensity.of(gaussian(20_000, 1, 0.5, 7));
        for (double x = -0.5; x <= 2.5; x += 0.25) {
            assertEquals(normal(x, 1, 0.5), kde.density(x), 0.03, "at x = " + x);
        }
    }

    @Test
    void integratesToOne() {
        KernelDensity kde = KernelDensity.of(gaussian(2_000, -3, 2, 3));
        double sum = 0;
        double dx = 0.01;
        for (double x = -20; x <= 14; x += dx) {
            sum += kde.density(x) * dx;
        }
        assertEquals(1, sum, 1e-3);
    }

    @Test
    void oneSampleWithAGivenBandwidthIsOneGaussianBump() {
        KernelDensity kde = KernelDensity.of(new float[] {2f}, 0.5);
        assertEquals(normal(2.3, 2, 0.5), kde.density(2.3), 1e-12);
        assertEquals(0, kde.density(100), 0);
        assertEquals(1, kde.sampleCount());
    }

    @Test
    void silvermanBandwidthShrinksWithMoreSamples() {
        double small = KernelDensity.of(gaussian(100, 0, 1, 1)).bandwidth();
        double large = KernelDensity.of(gaussian(100_000, 0, 1, 1)).bandwidth();
        assertTrue(large < small);
        assertEquals(0.9 * Math.pow(100_000, -0.2), large, 0.01);
    }

    @Test
    void ignoresNaNAndRejectsUnusableInput() {
        KernelDensity kde = KernelDensity.of(new float[] {Float.NaN, 1f, 2f, 3f});
        assertEquals(3, kde.sampleCount());
        assertThrows(IllegalArgumentException.class, () -> KernelDensity.of(new float[0]));
        assertThrows(IllegalArgumentException.class, () -> KernelDensity.of(new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> KernelDensity.of(new float[] {1f, 1f, 1f}));
        assertThrows(IllegalArgumentException.class, () -> KernelDensity.of(new float[] {1f}, 0));
        assertThrows(IllegalArgumentException.class, () -> KernelDensity.of(null));
    }
}

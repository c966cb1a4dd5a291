package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ToysTest {

    private static NDManager manager;

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    private static List<ToyDistribution> all() {
        return List.of(Toys.gaussian1d(1, 0.5), Toys.mixture1d(new double[] {-2, 2}, new double[] {0.3, 0.6},
                new double[] {1, 3}), Toys.ring(), Toys.grid(), Toys.spiral(), Toys.twoMoons());
    }

    @Test
    void sameSeedGivesIdenticalBatchesAndDifferentSeedsDiffer() {
        for (ToyDistribution toy : all()) {
            BatchStream first = toy.sampler(7);
            BatchStream second = toy.sampler(7);
            for (int step = 0; step < 3; step++) {
                float[] a = first.next(manager, 64).samples().toFloatArray();
                float[] b = second.next(manager, 64).samples().toFloatArray();
                assertArrayEquals(a, b, toy.name() + " step " + step);
            }
            float[] other = toy.sampler(8).next(manager, 64).samples().toFloatArray();
            float[] again = toy.sampler(7).next(manager, 64).samples().toFloatArray();
            assertFalse(Arrays.equals(other, again), toy.name() + ": seeds 7 and 8 must differ");
            assertTrue(Arrays.deepEquals(toy.draw(50, 3), toy.draw(50, 3)), toy.name());
        }
    }

    @Test
    void batchesHaveTheSampleShapeAndNoLabels() {
        for (ToyDistribution toy : all()) {
            SampleBatch batch = toy.sample(manager, 32, 1);
            assertEquals(new Shape(32).addAll(toy.sampleShape()), batch.samples().getShape(), toy.name());
            assertEquals(DataType.FLOAT32, batch.samples().getDataType());
            assertNull(batch.labels());
            assertEquals(0, toy.numClasses());
            assertEquals(32, batch.size());
        }
        assertEquals(new Shape(1), Toys.gaussian1d(0, 1).sampleShape());
        assertEquals(new Shape(2), Toys.ring().sampleShape());
    }

    @Test
    void drawMatchesTheFirstBatchOfTheSampler() {
        ToyDistribution ring = Toys.ring();
        float[] batch = ring.sampler(11).next(manager, 20).samples().toFloatArray();
        double[][] points = ring.draw(20, 11);
        for (int i = 0; i < 20; i++) {
            assertEquals((float) points[i][0], batch[2 * i]);
            assertEquals((float) points[i][1], batch[2 * i + 1]);
        }
    }

    @Test
    void ringPointsLieNearRadiusTwoAndEveryModeIsHitEvenly() {
        Mixture2d ring = Toys.ring();
        assertEquals(8, ring.numModes());
        assertEquals(0.02, ring.std());
        double[][] modes = ring.modes();
        for (double[] mode : modes) {
            assertEquals(2, Math.hypot(mode[0], mode[1]), 1e-12);
        }
        assertArrayEquals(new double[] {2, 0}, modes[0], 1e-12);
        assertArrayEquals(new double[] {0, 2}, modes[2], 1e-12);

        int n = 8000;
        int[] hits = new int[8];
        for (double[] point : ring.draw(n, 5)) {
            assertEquals(2, Math.hypot(point[0], point[1]), 0.12, "radius of " + Arrays.toString(point));
            int mode = ring.nearestMode(point[0], point[1]);
            double[] centre = modes[mode];
            assertTrue(Math.hypot(point[0] - centre[0], point[1] - centre[1]) < 0.12);
            hits[mode]++;
        }
        for (int count : hits) {
            assertEquals(n / 8.0, count, n / 8.0 * 0.15, "hits per mode " + Arrays.toString(hits));
        }
    }

    @Test
    void gridHasTwentyFiveModesFromMinusFourToFourAndEachIsHit() {
        Mixture2d grid = Toys.grid();
        assertEquals(25, grid.numModes());
        assertEquals(0.05, grid.std());
        double[] xs = Arrays.stream(grid.modes()).mapToDouble(m -> m[0]).distinct().sorted().toArray();
        assertArrayEquals(new double[] {-4, -2, 0, 2, 4}, xs, 1e-12);
        int[] hits = new int[25];
        for (double[] point : grid.draw(5000, 9)) {
            int mode = grid.nearestMode(point[0], point[1]);
            double[] centre = grid.modes()[mode];
            assertTrue(Math.hypot(point[0] - centre[0], point[1] - centre[1]) < 0.3);
            hits[mode]++;
        }
        assertTrue(Arrays.stream(hits).allMatch(h -> h > 100), Arrays.toString(hits));
    }

    @Test
    void mixtureDensityIntegratesToOne() {
        Mixture2d ring = Toys.ring(4, 1, 0.3);
        double step = 0.02;
        double total = 0;
        for (double x = -3; x <= 3; x += step) {
            for (double y = -3; y <= 3; y += step) {
                total += ring.density(x, y) * step * step;
            }
        }
        assertEquals(1, total, 0.01);
    }

    @Test
    void gaussianHasTheRightMomentsAndDensity() {
        Mixture1d gaussian = Toys.gaussian1d(3, 0.5);
        double[] values = gaussian.drawValues(20_000, 1);
        double mean = Arrays.stream(values).average().orElseThrow();
        double std = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length);
        assertEquals(3, mean, 0.02);
        assertEquals(0.5, std, 0.015);
        assertEquals(1 / (0.5 * Math.sqrt(2 * Math.PI)), gaussian.density(3), 1e-12);
        assertEquals(gaussian.density(2.5), gaussian.density(3.5), 1e-12);
        assertEquals(1, integrate(gaussian, -2, 8), 1e-6);
        double within = Arrays.stream(values).filter(v -> Math.abs(v - 3) < 0.5).count() / (double) values.length;
        assertEquals(0.6827, within, 0.01);
    }

    @Test
    void mixture1dFollowsItsWeights() {
        Mixture1d mixture = Toys.mixture1d(new double[] {-2, 2}, new double[] {0.3, 0.6}, new double[] {1, 3});
        assertArrayEquals(new double[] {0.25, 0.75}, mixture.weights(), 1e-12);
        assertEquals(1, integrate(mixture, -6, 8), 1e-6);
        assertEquals(0.25 * -2 + 0.75 * 2, mixture.mean(), 1e-12);
        double[] values = mixture.drawValues(20_000, 2);
        double left = Arrays.stream(values).filter(v -> v < 0).count() / (double) values.length;
        assertEquals(0.25, left, 0.01);
        double[] xs = {-2, 0, 2};
        double[] ps = mixture.densities(xs);
        assertEquals(mixture.density(0), ps[1]);
        assertTrue(ps[0] > ps[1] && ps[2] > ps[1]);
    }

    @Test
    void spiralAndMoonsStayInTheirBounds() {
        for (double[] p : Toys.spiral().draw(3000, 4)) {
            assertTrue(Math.hypot(p[0], p[1]) < 4 + 0.6, Arrays.toString(p));
        }
        double[][] moons = Toys.twoMoons().draw(3000, 4);
        for (double[] p : moons) {
            assertTrue(Math.abs(p[0]) < 3.6 && Math.abs(p[1]) < 2.1, Arrays.toString(p));
        }
        double meanX = Arrays.stream(moons).mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = Arrays.stream(moons).mapToDouble(p -> p[1]).average().orElseThrow();
        assertEquals(0, meanX, 0.1);
        assertEquals(0, meanY, 0.15);
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Toys.ring(0, 2, 0.02));
        assertThrows(IllegalArgumentException.class, () -> Toys.grid(5, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> Toys.gaussian1d(0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Toys.mixture1d(new double[] {0, 1}, new double[] {1}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> Toys.mixture1d(new double[] {0}, new double[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Toys.spiral(0, 4, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Toys.twoMoons(Double.NaN));
    }

    private static double integrate(Density1d density, double from, double to) {
        int steps = 20_000;
        double h = (to - from) / steps;
        double sum = 0.5 * (density.density(from) + density.density(to));
        for (int i = 1; i < steps; i++) {
            sum += density.density(from + i * h);
        }
        return sum * h;
    }
}

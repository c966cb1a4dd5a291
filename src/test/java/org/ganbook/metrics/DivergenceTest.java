package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DivergenceTest {

    static final double LOG2 = Math.log(2);

    static float[] gaussian2d(int n, double mx, double my, double std, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] s = new float[2 * n];
        for (int i = 0; i < n; i++) {
            s[2 * i] = (float) (mx + std * ModeCoverageTest.gaussian(r));
            s[2 * i + 1] = (float) (my + std * ModeCoverageTest.gaussian(r));
        }
        return s;
    }

    @Test
    void identicalSetsHaveZeroDivergence() {
        float[] p = gaussian2d(5000, 0, 0, 1, 1);
        Divergence.Bounds box = Divergence.Bounds.square(4);
        assertEquals(0, Divergence.kl(p, p.clone(), box, 40), 1e-12);
        assertEquals(0, Divergence.js(p, p.clone(), box, 40), 1e-12);
    }

    @Test
    void twoDrawsOfOneDistributionAreClose() {
        float[] p = gaussian2d(20_000, 0, 0, 1, 1);
        float[] q = gaussian2d(20_000, 0, 0, 1, 2);
        Divergence.Bounds box = Divergence.Bounds.square(4);
        double js = Divergence.js(p, q, box, 20);
        assertTrue(js > 0 && js < 0.01, "js = " + js);
        double kl = Divergence.kl(p, q, box, 20);
        assertTrue(kl > 0 && kl < 0.03, "kl = " + kl);
    }

    @Test
    void disjointSetsHaveMaximalJsAndLargeKl() {
        float[] p = gaussian2d(3000, -2, -2, 0.1, 1);
        float[] q = gaussian2d(3000, 2, 2, 0.1, 2);
        Divergence.Bounds box = Divergence.Bounds.enclosing(0.05, p, q);
        assertEquals(LOG2, Divergence.js(p, q, box, 30), 1e-12);
        assertEquals(LOG2, Divergence.js(q, p, box, 30), 1e-12);
        double kl = Divergence.kl(p, q, box, 30);
        // With smoothing epsilon 1e-6 the cap is about log(1/eps) = 13.8 nats.
        assertTrue(kl > 5 && kl < 14, "kl = " + kl);
    }

    @Test
    void jsIsSymmetricAndBoundedForPartialOverlap() {
        float[] p = gaussian2d(4000, 0, 0, 1, 3);
        float[] q = gaussian2d(4000, 1, 0, 1, 4);
        Divergence.Bounds box = Divergence.Bounds.square(5);
        double pq = Divergence.js(p, q, box, 25);
        double qp = Divergence.js(q, p, box, 25);
        assertEquals(pq, qp, 1e-12);
        assertTrue(pq > 0.03 && pq < LOG2, "js = " + pq);
        // JS <= KL/2 ... both ways: JS is bounded by the smaller of the (halved) KLs, up to bins
        double klpq = Divergence.kl(p, q, box, 25);
        assertTrue(klpq > pq, "kl " + klpq + " vs js " + pq);
    }

    @Test
    void oneDimensionalHistogramsWork() {
        SplittableRandom r = new SplittableRandom(7);
        float[] p = new float[10_000];
        float[] q = new float[10_000];
        float[] far = new float[10_000];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) ModeCoverageTest.gaussian(r);
            q[i] = (float) ModeCoverageTest.gaussian(r);
            far[i] = (float) (10 + ModeCoverageTest.gaussian(r));
        }
        assertEquals(0, Divergence.js(p, p, -5, 5, 50), 1e-12);
        assertTrue(Divergence.js(p, q, -5, 5, 50) < 0.01);
        // Out-of-range samples land in the edge bin: "far" is all in the last bin.
        assertEquals(LOG2, Divergence.js(p, far, -5, 5, 50), 0.02);
        double[] h = Divergence.histogram1d(far, -5, 5, 50);
        assertEquals(1.0, h[49], 1e-12);
    }

    @Test
    void histogramsAreNormalisedAndIgnoreNan() {
        float[] s = {0.1f, 0.1f, 0.9f, 0.9f, Float.NaN, 0f, 5f, -5f};
        double[] h = Divergence.histogram2d(s, Divergence.Bounds.of(0, 1, 0, 1), 2);
        // cells: (0,0) has 0.1,0.1; (1,1) has 0.9,0.9; (5,-5) clamps to ix=1, iy=0
        assertEquals(1.0 / 3, h[0], 1e-12);
        assertEquals(1.0 / 3, h[3], 1e-12);
        assertEquals(1.0 / 3, h[1], 1e-12);
        assertEquals(0, h[2], 1e-12);
        assertThrows(
                IllegalArgumentException.class,
                () -> Divergence.histogram2d(new float[] {Float.NaN, 1}, Divergence.Bounds.square(1), 3));
        assertThrows(IllegalArgumentException.class, () -> Divergence.Bounds.of(1, 0, 0, 1));
    }
}

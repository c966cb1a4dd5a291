package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModeCoverageTest {

    static final double STD = 0.02;

    static double[][] ring(int k, double radius) {
        double[][] modes = new double[k][];
        for (int i = 0; i < k; i++) {
            double a = 2 * Math.PI * i / k;
            modes[i] = new double[] {radius * Math.cos(a), radius * Math.sin(a)};
        }
        return modes;
    }

    /** n samples from the mixture restricted to the given modes, drawn in turn. */
    static float[] mixture(double[][] modes, int[] use, int n, double std, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] s = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double[] m = modes[use[i % use.length]];
            s[2 * i] = (float) (m[0] + std * gaussian(r));
            s[2 * i + 1] = (float) (m[1] + std * gaussian(r));
        }
        return s;
    }

    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void samplesExactlyAtTheModesCoverAllOfThem() {
        double[][] modes = ring(8, 2);
        float[] samples = mixture(modes, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 800, 0, 1);
        ModeCoverage.Result r = ModeCoverage.evaluate(samples, modes, STD);
        assertEquals(8, r.modesCovered());
        assertEquals(8, r.modeCount());
        assertTrue(r.allCovered());
        assertEquals(1.0, r.highQualityShare(), 1e-12);
        assertArrayEquals(new int[] {100, 100, 100, 100, 100, 100, 100, 100}, r.countsPerMode());
        assertEquals(8, r.modesReached());
        assertTrue(r.toString().startsWith("modes: 8/8 by the papers' rule (>= 1 high-quality sample), 8/8 holding"
                + " >= 10 of 800 samples; 100.0% of samples high quality (within 3 std = 0.06 of a mode)"),
                r.toString());
    }

    @Test
    void samplesFromTheFullMixtureAreMostlyHighQuality() {
        double[][] modes = ring(8, 2);
        float[] samples = mixture(modes, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 2500, STD, 2);
        ModeCoverage.Result r = ModeCoverage.evaluate(samples, modes, STD);
        assertEquals(8, r.modesCovered());
        // In 2-D, P(|z| <= 3) = 1 - exp(-9/2) = 0.9889.
        assertEquals(1 - Math.exp(-4.5), r.highQualityShare(), 0.01);
    }

    @Test
    void aCollapsedSetCoversOneMode() {
        double[][] modes = ring(8, 2);
        float[] samples = mixture(modes, new int[] {3}, 1000, STD, 3);
        ModeCoverage.Result r = ModeCoverage.evaluate(samples, modes, STD);
        assertEquals(1, r.modesCovered());
        assertTrue(r.isCovered(3));
        assertFalse(r.isCovered(0));
        assertTrue(r.highQualityShare() > 0.97, r.toString());
        assertEquals(0, r.countsPerMode()[0]);
    }

    @Test
    void aFewStraySamplesDoNotCoverAMode() {
        double[][] modes = ring(8, 2);
        float[] collapsed = mixture(modes, new int[] {3}, 1000, STD, 4);
        float[] withStrays = java.util.Arrays.copyOf(collapsed, collapsed.length + 4);
        for (int i = 0; i < 2; i++) { // two samples right at mode 0
            withStrays[collapsed.length + 2 * i] = 2f;
            withStrays[collapsed.length + 2 * i + 1] = 0f;
        }
        assertEquals(1, ModeCoverage.evaluate(withStrays, modes, STD).modesCovered());
        // The papers' rule ("any high-quality sample") counts the strays.
        assertEquals(2, ModeCoverage.evaluate(withStrays, modes, STD).modesReached());
        assertEquals(2, ModeCoverage.evaluate(withStrays, modes, STD, 1).modesCovered());
    }

    /**
     * The protocol on hand-placed points, 2,500 in all, every count known: a tenth of an even share is
     * ceil(2500 / 8 / 10) = 32 samples.
     */
    @Test
    void bothRulesAndTheHighQualityShareOnHandPlacedPoints() {
        double[][] modes = ring(8, 2);
        float[] s = new float[2 * 2500];
        int i = 0;
        // mode 0: 1,000 samples at 2.9 std (0.058 from the centre): high quality
        for (int j = 0; j < 1000; j++, i++) {
            s[2 * i] = (float) (2 + 2.9 * STD);
            s[2 * i + 1] = 0f;
        }
        // mode 2 (0, 2): 32 samples right on it: covered by both rules (exactly the minimum)
        for (int j = 0; j < 32; j++, i++) {
            s[2 * i] = 0f;
            s[2 * i + 1] = 2f;
        }
        // mode 4 (-2, 0): 31 samples: reached by the papers' rule, one short for the stricter count
        for (int j = 0; j < 31; j++, i++) {
            s[2 * i] = -2f;
            s[2 * i + 1] = 0f;
        }
        // mode 6 (0, -2): one sample: reached by the papers' rule only
        s[2 * i] = 0f;
        s[2 * i + 1] = -2f;
        i++;
        // the rest at 3.1 std from mode 1 (not high quality), and at the centre (far from every mode)
        double a = Math.PI / 4;
        for (int j = 0; j < 400; j++, i++) {
            s[2 * i] = (float) ((2 + 3.1 * STD) * Math.cos(a));
            s[2 * i + 1] = (float) ((2 + 3.1 * STD) * Math.sin(a));
        }
        for (; i < 2500; i++) {
            s[2 * i] = 0f;
            s[2 * i + 1] = 0f;
        }
        ModeCoverage.Result r = ModeCoverage.evaluate(s, modes, STD);
        assertArrayEquals(new int[] {1000, 0, 32, 0, 31, 0, 1, 0}, r.countsPerMode());
        assertEquals(4, r.modesReached());
        assertEquals(2, r.modesCovered());
        assertEquals(32, r.minSamplesPerMode());
        assertEquals(1064 / 2500.0, r.highQualityShare(), 1e-12);
        assertEquals("modes: 4/8 by the papers' rule (>= 1 high-quality sample), 2/8 holding >= 32 of 2500 samples;"
                + " 42.6% of samples high quality (within 3 std = 0.06 of a mode)", r.summary());
    }

    @Test
    void uniformNoiseHasLowQuality() {
        double[][] modes = ring(8, 2);
        SplittableRandom r = new SplittableRandom(5);
        float[] samples = new float[2 * 5000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (6 * r.nextDouble() - 3);
        }
        ModeCoverage.Result res = ModeCoverage.evaluate(samples, modes, STD);
        // Expected share: 8 discs of radius 0.06 in a 6×6 square = 0.0025.
        assertTrue(res.highQualityShare() < 0.01, res.toString());
        assertTrue(res.modesCovered() <= 2, res.toString());
    }

    @Test
    void nanSamplesAreNeverHighQuality() {
        double[][] modes = ring(8, 2);
        float[] samples = {Float.NaN, Float.NaN, 2f, 0f};
        ModeCoverage.Result r = ModeCoverage.evaluate(samples, modes, STD, 1);
        assertEquals(0.5, r.highQualityShare(), 1e-12);
        assertEquals(1, r.modesCovered());
    }

    @Test
    void defaultMinimumAndValidation() {
        assertEquals(32, ModeCoverage.defaultMinSamplesPerMode(2500, 8)); // a tenth of 312.5, rounded up
        assertEquals(125, ModeCoverage.defaultMinSamplesPerMode(10_000, 8));
        assertEquals(1, ModeCoverage.defaultMinSamplesPerMode(8, 8));
        assertThrows(
                IllegalArgumentException.class,
                () -> ModeCoverage.evaluate(new float[3], ring(8, 2), STD));
        assertThrows(
                IllegalArgumentException.class,
                () -> ModeCoverage.evaluate(new float[4], ring(8, 2), 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> ModeCoverage.evaluate(new float[4], new double[][] {{1, 2, 3}}, STD));
    }

    @Test
    void resultIsImmutableAndComparedByValue() {
        double[][] modes = ring(8, 2);
        float[] samples = mixture(modes, new int[] {0, 1}, 100, 0, 6);
        ModeCoverage.Result a = ModeCoverage.evaluate(samples, modes, STD);
        ModeCoverage.Result b = ModeCoverage.evaluate(samples, modes, STD);
        a.countsPerMode()[0] = 999;
        assertEquals(50, a.countsPerMode()[0]);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }
}

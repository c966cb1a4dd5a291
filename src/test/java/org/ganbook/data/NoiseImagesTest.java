package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NoiseImagesTest {

    @Test
    void gaussianStaticHasTheClippedNormalsMoments() {
        float[] v = NoiseImages.gaussian(100, 784, 7);
        assertEquals(78_400, v.length);
        double mean = 0, clippedAtOne = 0;
        for (float x : v) {
            assertTrue(x >= -1 && x <= 1);
            mean += x;
            clippedAtOne += x == 1f ? 1 : 0;
        }
        mean /= v.length;
        // N(0, 1) clipped to [−1, 1]: mean 0, P(x >= 1) = 0.1587
        assertEquals(0, mean, 0.01);
        assertEquals(0.1587, clippedAtOne / v.length, 0.005);
    }

    @Test
    void darkStaticSitsNearBlack() {
        float[] v = NoiseImages.dark(100, 784, 7);
        double mean = 0;
        for (float x : v) {
            assertTrue(x >= -1 && x <= 1);
            mean += x;
        }
        // −1 + ½|N(0, 1)| has mean −1 + ½·√(2/π) = −0.6011 (clipping at 1 is negligible: |z| > 4)
        assertEquals(-0.6011, mean / v.length, 0.005);
    }

    @Test
    void aSeedGivesTheSameImagesAndAnotherSeedOthers() {
        assertArrayEquals(NoiseImages.gaussian(3, 16, 1), NoiseImages.gaussian(3, 16, 1));
        assertFalse(Arrays.equals(NoiseImages.gaussian(3, 16, 1), NoiseImages.gaussian(3, 16, 2)));
        assertFalse(Arrays.equals(NoiseImages.dark(3, 16, 1), NoiseImages.dark(3, 16, 2)));
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NoiseImages.gaussian(0, 784, 1));
        assertThrows(IllegalArgumentException.class, () -> NoiseImages.dark(10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> NoiseImages.gaussian(1 << 20, 1 << 12, 1));
    }
}

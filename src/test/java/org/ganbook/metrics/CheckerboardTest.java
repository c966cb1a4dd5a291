package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CheckerboardTest {

    /** The Nyquist-line energy share by a plain 2-D DFT, the definition the class avoids computing. */
    private static double byFourier(float[] image, int h, int w) {
        double nyquist = 0;
        double total = 0;
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                double re = 0;
                double im = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double a = -2 * Math.PI * ((double) v * y / h + (double) u * x / w);
                        re += image[y * w + x] * Math.cos(a);
                        im += image[y * w + x] * Math.sin(a);
                    }
                }
                double e = (re * re + im * im) / (h * w);
                if (u == 0 && v == 0) {
                    continue;
                }
                total += e;
                if (u == w / 2 || v == h / 2) {
                    nyquist += e;
                }
            }
        }
        return nyquist / total;
    }

    @Test
    void aCheckerboardAndStripesAreAllNyquistASmoothBlobAlmostNothing() {
        float[] board = new float[6 * 8];
        float[] stripes = new float[6 * 8];
        float[] ramp = new float[6 * 8];
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                board[y * 8 + x] = (x + y) % 2 == 0 ? 1 : -1;
                stripes[y * 8 + x] = x % 2 == 0 ? 0.5f : -0.3f;
                ramp[y * 8 + x] = (float) Math.exp(-((x - 3.5) * (x - 3.5) + (y - 2.5) * (y - 2.5)) / 4);   // a smooth blob
            }
        }
        assertEquals(1, Checkerboard.energyShare(board, 6, 8), 1e-12);
        assertEquals(1, Checkerboard.energyShare(stripes, 6, 8), 1e-12);
        assertEquals(byFourier(ramp, 6, 8), Checkerboard.energyShare(ramp, 6, 8), 1e-9);
        assertTrue(Checkerboard.energyShare(ramp, 6, 8) < 0.05);
        assertEquals(0, Checkerboard.energyShare(new float[48], 6, 8));
    }

    @Test
    void agreesWithTheFourierDefinitionAndWhiteNoiseGivesItsShareOfFrequencies() {
        Random random = new Random(1);
        float[] one = new float[10 * 4];
        for (int i = 0; i < one.length; i++) {
            one[i] = (float) random.nextGaussian() + (i % 4) * 0.2f;
        }
        assertEquals(byFourier(one, 10, 4), Checkerboard.energyShare(one, 10, 4), 1e-9);

        float[] noise = new float[2000 * 28 * 28];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        assertEquals(55.0 / 783, Checkerboard.energyShare(noise, 28, 28), 0.002);
    }

    @Test
    void poolsImagesByEnergyNotByImage() {
        float[] two = new float[2 * 4];    // two 2×2 images
        two[0] = 1;                         // image 0: one corner lit, variation 0.75, all of it on the Nyquist lines
        two[4] = 1;                         // image 1: the top row lit, variation 1, all on the vertical line
        two[5] = 1;
        assertEquals(1, Checkerboard.energyShare(two, 2, 2), 1e-12);
        float[] mixed = new float[2 * 16];  // a 4×4 ramp (little) and a 4×4 constant (no variation)
        for (int i = 0; i < 16; i++) {
            mixed[i] = i % 4;
            mixed[16 + i] = 3;
        }
        assertEquals(byFourier(java.util.Arrays.copyOf(mixed, 16), 4, 4), Checkerboard.energyShare(mixed, 4, 4), 1e-9);
    }

    @Test
    void rejectsOddSizesAndPartialImages() {
        assertThrows(IllegalArgumentException.class, () -> Checkerboard.energyShare(new float[15], 3, 5));
        assertThrows(IllegalArgumentException.class, () -> Checkerboard.energyShare(new float[15], 4, 4));
        assertThrows(IllegalArgumentException.class, () -> Checkerboard.energyShare(new float[16], 0, 4));
    }
}

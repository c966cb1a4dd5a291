package org.ganbook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramsTest {

    @Test
    void heightsHaveUnitArea() {
        double[] h = Histograms.densityHeights(new double[] {0, 0.1, 0.6, 1.0, Double.NaN}, 2, 0, 1);
        // 4 finite samples, width 0.5: 2 in the first bin, 2 in the second (1.0 goes to the last bin)
        assertArrayEquals(new double[] {1.0, 1.0}, h, 1e-12);
    }

    @Test
    void drawsTheHistogramAndTheDensityCurve() {
        Random random = new Random(3);
        float[] z = new float[5000];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        BufferedImage img = Histograms.withDensity("noise", z, 40,
                x -> Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI), "N(0, 1)");
        assertEquals(Plots.WIDTH, img.getWidth());
        assertEquals(Plots.HEIGHT, img.getHeight());
        assertTrue(Pixels.count(img, Palette.FAKE, 30) > 200, "histogram outline missing");
        assertTrue(Pixels.count(img, Palette.REAL, 30) > 200, "density curve missing");
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> Histograms.withDensity("t", new double[0], 10, x -> 0, "d"));
        assertThrows(IllegalArgumentException.class,
                () -> Histograms.withDensity("t", new double[] {1}, 0, x -> 0, "d"));
        assertThrows(IllegalArgumentException.class,
                () -> Histograms.withDensity("t", new double[] {1}, 10, null, "d"));
        assertThrows(IllegalArgumentException.class,
                () -> Histograms.withDensity("t", new double[] {Double.NaN}, 10, x -> 0, "d"));
    }
}

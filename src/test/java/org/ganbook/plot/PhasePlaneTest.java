package org.ganbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PhasePlaneTest {

    @Test
    void drawsPathsOnASquarePlot() {
        int n = 100;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.cos(i * 0.1) * (1 + i * 0.01);
            y[i] = Math.sin(i * 0.1) * (1 + i * 0.01);
        }
        BufferedImage image = PhasePlane.paths("spiral", "θ", "ψ", new String[] {"a", "b"},
                new double[][] {x, y}, new double[][] {y, x});
        assertEquals(520, image.getWidth());
        assertEquals(570, image.getHeight());
        int coloured = 0;
        for (int i = 0; i < image.getWidth(); i += 2) {
            for (int j = 0; j < image.getHeight(); j += 2) {
                int rgb = image.getRGB(i, j) & 0xFFFFFF;
                int r = rgb >> 16;
                int b = rgb & 0xFF;
                if (r > 180 && b < 80) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 50, "the orange path should be visible, found " + coloured + " pixels");
    }

    @Test
    void rejectsMismatchedInput() {
        double[] one = {1};
        assertThrows(IllegalArgumentException.class,
                () -> PhasePlane.paths("t", "x", "y", new String[] {"a"}, new double[][] {one}, new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class,
                () -> PhasePlane.paths("t", "x", "y", new String[] {"a", "b"}, new double[][] {one}, new double[][] {one}));
        assertThrows(IllegalArgumentException.class,
                () -> PhasePlane.paths("t", "x", "y", new String[0], new double[0][], new double[0][]));
    }
}

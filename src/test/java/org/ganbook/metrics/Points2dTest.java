package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Points2dTest {

    /** Points evenly spaced on a circle of the given radius. */
    private static float[] circle(int n, double radius) {
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            xy[2 * i] = (float) (radius * Math.cos(a));
            xy[2 * i + 1] = (float) (radius * Math.sin(a));
        }
        return xy;
    }

    /** Points along {@code spokes} rays from the centre, from radius 0.2 to 4. */
    private static float[] spokes(int spokes, int perSpoke) {
        float[] xy = new float[2 * spokes * perSpoke];
        int k = 0;
        for (int s = 0; s < spokes; s++) {
            double a = 2 * Math.PI * s / spokes + 0.1;
            for (int i = 0; i < perSpoke; i++) {
                double r = 0.2 + 3.8 * i / (perSpoke - 1);
                xy[k++] = (float) (r * Math.cos(a));
                xy[k++] = (float) (r * Math.sin(a));
            }
        }
        return xy;
    }

    @Test
    void aCircleHasNoRadiusSpreadAndSpokesHaveMuch() {
        assertEquals(0, Points2d.radiusSpread(circle(200, 2)), 1e-6);
        assertTrue(Points2d.radiusSpread(spokes(8, 40)) > 0.4, "spokes spread from 0.2 to 4");
    }

    @Test
    void spokesAreRadialACircleIsNotAndABlobIsAboutAThird() {
        assertTrue(Points2d.radialShare(spokes(8, 40), 10) > 0.9);
        assertTrue(Points2d.radialShare(circle(300, 2), 10) < 0.05);
        Random random = new Random(3);
        float[] blob = new float[2 * 2000];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (float) random.nextGaussian();
        }
        double share = Points2d.radialShare(blob, 10);
        assertTrue(share > 0.25 && share < 0.42, "a shapeless cloud gives about 1/3, got " + share);
    }

    @Test
    void sectorsCountPointsByAngle() {
        float[] xy = {1, 0.1f, -1, 0.1f, -1, -0.1f, 0.1f, -1};
        assertArrayEquals(new int[] {1, 1, 1, 1}, Points2d.sectorCounts(xy, 4));
        assertArrayEquals(new int[] {4}, Points2d.sectorCounts(xy, 1));
    }

    @Test
    void countsNearCentresAndFartherThanThem() {
        double[][] centres = {{2, 0}, {-2, 0}};
        float[] xy = {2.05f, 0, 2.5f, 0, -2, 0.01f, 0, 2, 0, 0};
        assertArrayEquals(new int[] {1, 1}, Points2d.countsNear(xy, centres, 0.06));
        assertArrayEquals(new int[] {2, 1}, Points2d.countsNear(xy, centres, 0.6));
        assertArrayEquals(new float[] {2.5f, 0, 0, 2, 0, 0}, Points2d.fartherThan(xy, centres, 0.06));
        assertEquals(2, Points2d.countNearCircle(Points2d.fartherThan(xy, centres, 0.06), 2, 0.5));
        assertEquals(0, Points2d.countNearCircle(new float[0], 2, 0.5));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Points2d.radiusSpread(new float[0]));
        assertThrows(IllegalArgumentException.class, () -> Points2d.radiusSpread(new float[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> Points2d.radialShare(circle(5, 1), 5));
        assertThrows(IllegalArgumentException.class, () -> Points2d.sectorCounts(circle(5, 1), 0));
        assertThrows(IllegalArgumentException.class, () -> Points2d.countsNear(circle(5, 1), new double[0][], 1));
    }
}

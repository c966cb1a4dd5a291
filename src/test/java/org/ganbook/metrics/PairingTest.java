package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.ganbook.data.Mixture2d;
import org.ganbook.data.Similarity2d;
import org.ganbook.data.SpiralArm;
import org.ganbook.data.Toys;
import org.ganbook.plot.PairingPlot;
import org.junit.jupiter.api.Test;

class PairingTest {

    static final Mixture2d X = Toys.mixture2d("two", new double[][] {{0, 0}, {4, 0}}, 0.1);

    @Test
    void aSimilarityTurnsScalesThenShifts() {
        Similarity2d t = new Similarity2d(90, 2, 1, -1);
        assertArrayEquals(new float[] {1, 1, -1, 1}, t.apply(new float[] {1, 0, 1, 1}), 1e-6f);
        Mixture2d y = t.apply(X);
        assertArrayEquals(new double[] {1, 7}, y.modes()[1], 1e-9);
        assertEquals(0.2, y.std(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Similarity2d(0, 0, 0, 0));
    }

    @Test
    void aSimilarityComposesAndInverts() {
        Similarity2d first = new Similarity2d(30, 2, 1, 0);
        Similarity2d second = new Similarity2d(60, 0.5, 0, 3);
        double[] viaBoth = new double[2];
        double[] once = new double[2];
        first.apply(0.7, -0.2, once);
        second.apply(once[0], once[1], viaBoth);
        double[] composed = new double[2];
        second.after(first).apply(0.7, -0.2, composed);
        assertArrayEquals(viaBoth, composed, 1e-12);
        assertArrayEquals(new double[] {0.7, -0.2}, second.after(first).invert(composed[0], composed[1]), 1e-12);
    }

    @Test
    void aSpiralArmKnowsEachPlaceAlongIt() {
        SpiralArm arm = Toys.spiralArm(1, 2, 180, 0.05);
        assertArrayEquals(new double[] {1, 0}, arm.pointAt(0), 1e-12);
        assertArrayEquals(new double[] {-2, 0}, arm.pointAt(1), 1e-12);
        assertEquals(0.5, arm.position(0, 1.5), 1e-3);           // a quarter turn in, radius 1.5
        assertEquals(0.3, arm.distance(0, 1.8), 0.01);
        assertTrue(arm.span() >= 3 && arm.span() < 3.2, "at least (1, 0) to (−2, 0): " + arm.span());
        Similarity2d t = new Similarity2d(90, 2, 5, 0);
        SpiralArm moved = t.apply(arm);
        assertArrayEquals(new double[] {5, 2}, moved.pointAt(0), 1e-12);
        assertEquals(0.5, moved.position(5 - 3, 0), 1e-3);        // T's image of (0, 1.5)
        assertEquals(2 * arm.span(), moved.span(), 1e-9);
        assertEquals(0.1, moved.noise(), 1e-12);
        // more points at the outer end: with density (1 + 2u) / 2 the share with u > 1/2 is 1 − (1/2 + 1/4) / 2 = 5/8
        double[][] points = arm.draw(4000, 3);
        int outer = 0;
        for (double[] p : points) {
            outer += arm.position(p[0], p[1]) > 0.5 ? 1 : 0;
        }
        assertEquals(0.625, outer / 4000.0, 0.03);
    }

    @Test
    void distancesAndTheReportByHand() {
        float[] a = {0, 0, 3, 4};
        float[] b = {0, 1, 0, 0};
        assertEquals((1 + 5) / 2.0, Pairing.meanDistance(a, b, 2), 1e-12);
        assertEquals((0 + 1 + 3 + 4) / 4.0, Pairing.meanAbsoluteDifference(a, b), 1e-12);
        SpiralArm arm = Toys.spiralArm(1, 2, 180, 0.05);
        Similarity2d t = new Similarity2d(90, 1, 10, 0);
        double[][] drawn = arm.draw(500, 1);
        float[] x = new float[1000];
        for (int i = 0; i < 500; i++) {
            x[2 * i] = (float) drawn[i][0];
            x[2 * i + 1] = (float) drawn[i][1];
        }
        var right = Pairing.evaluate(x, t.apply(x), x, t, arm);
        assertEquals(0, right.cycleError(), 1e-12);
        assertEquals(0, right.distanceToTruth(), 1e-5);
        assertEquals(0, right.positionError(), 1e-3);
        assertTrue(right.inY() > 0.98 && right.sectionsReached() == 10 && right.recovers(0.01), right.toString());
        float[] reversed = new float[1000];                     // each x sent to the image of the place at 1 − u
        for (int i = 0; i < 500; i++) {
            double[] p = t.apply(arm).pointAt(1 - arm.position(x[2 * i], x[2 * i + 1]));
            reversed[2 * i] = (float) p[0];
            reversed[2 * i + 1] = (float) p[1];
        }
        var wrong = Pairing.evaluate(x, reversed, x, t, arm);
        assertEquals(1, wrong.inY(), 1e-12);                   // on Y's arm...
        assertTrue(wrong.positionError() > 0.4 && !wrong.recovers(0.2), wrong.toString());   // ...the wrong way round
        assertThrows(IllegalArgumentException.class, () -> Pairing.meanDistance(a, new float[] {1, 2}, 2));
    }

    @Test
    void thePairingPlotDrawsSomething() {
        SpiralArm arm = Toys.spiralArm();
        Similarity2d t = new Similarity2d(60, 1, 1, 1);
        float[] x = {0.6f, 0, 0, 1, -1.5f, 0};
        BufferedImage image = PairingPlot.render(x, t.apply(x), "T(x)", arm, t.apply(arm), "title");
        assertTrue(image.getWidth() > 400 && image.getHeight() > 400);
        assertThrows(IllegalArgumentException.class,
                () -> PairingPlot.render(x, new float[] {1, 2}, "G(x)", arm, arm, "t"));
    }
}

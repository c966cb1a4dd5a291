package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.ganbook.data.Mixture2d;
import org.ganbook.data.Similarity2d;
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
    void distancesAndModeAgreementByHand() {
        float[] a = {0, 0, 3, 4};
        float[] b = {0, 1, 0, 0};
        assertEquals((1 + 5) / 2.0, Pairing.meanDistance(a, b, 2), 1e-12);
        assertEquals((0 + 1 + 3 + 4) / 4.0, Pairing.meanAbsoluteDifference(a, b), 1e-12);
        Similarity2d t = new Similarity2d(0, 1, 10, 0);
        Mixture2d y = t.apply(X);
        float[] x = {0.1f, 0, 3.9f, 0, 0, 0};
        float[] right = t.apply(x);
        float[] swapped = {14, 0, 10, 0, 10, 0};
        assertEquals(1, Pairing.modeAgreement(x, right, X, y), 1e-12);
        assertEquals(1 / 3.0, Pairing.modeAgreement(x, swapped, X, y), 1e-12); // only the third x goes to its own mode
        var report = Pairing.evaluate(x, right, x, t, X, y);
        assertEquals(0, report.cycleError(), 1e-12);
        assertTrue(report.distanceToTruth() < 1e-6 && report.pairsTruly());
        assertThrows(IllegalArgumentException.class, () -> Pairing.meanDistance(a, new float[] {1, 2}, 2));
    }

    @Test
    void thePairingPlotDrawsSomething() {
        float[] x = {0, 0, 4, 0};
        BufferedImage image = PairingPlot.render(x, new Similarity2d(0, 1, 1, 1).apply(x), X,
                new Similarity2d(0, 1, 1, 1).apply(X), "title");
        assertTrue(image.getWidth() > 400 && image.getHeight() > 400);
        assertThrows(IllegalArgumentException.class, () -> PairingPlot.render(x, new float[] {1, 2}, X, X, "t"));
    }
}

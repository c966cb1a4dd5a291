package org.ganbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DensityPanelTest {

    private static double normal(double x, double mean, double std) {
        double z = (x - mean) / std;
        return Math.exp(-0.5 * z * z) / (std * Math.sqrt(2 * Math.PI));
    }

    /** p_data N(2, 0.5), p_g N(2.5, 0.25), D falling from 0.9 at x = -1 to 0.5 from x = 0 on. */
    private static DensityPanel panel() {
        int n = 601;
        double[] xs = new double[n];
        double[] pData = new double[n];
        double[] pG = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = -1 + 6.0 * i / (n - 1);
            pData[i] = normal(xs[i], 2, 0.5);
            pG[i] = normal(xs[i], 2.5, 0.25);
            d[i] = xs[i] < 0 ? 0.5 - 0.4 * xs[i] : 0.5 + 0.01 * (xs[i] - 2);
        }
        return new DensityPanel(xs, pData, pG, d);
    }

    @Test
    void massesMeansAndSpreadsMatchTheGaussians() {
        DensityPanel p = panel();
        assertEquals(1, p.gMass(-1, 5), 1e-3);
        assertEquals(0.6827, p.dataMass(1.5, 2.5), 0.01);
        assertEquals(0.5, p.gMass(-1, 2.5), 0.01);
        assertEquals(0.5, p.dataStd(), 1e-3);
        assertEquals(0.25, p.gStd(), 1e-3);
        assertEquals(2.5, p.gMean(), 1e-3);
        assertEquals(2.5, p.gPeakAt(), 1e-9);
        assertEquals(normal(2.5, 2.5, 0.25), p.gPeak(), 1e-9);
        assertEquals(normal(2, 2, 0.5), p.dataPeak(), 1e-9);
    }

    @Test
    void dIsMeasuredWhereTheMassIs() {
        DensityPanel p = panel();
        assertEquals(-1, p.dPeakAt(), 1e-9);
        double lowest = p.dLowestWhereMass(0.05);
        double highest = p.dHighestWhereMass(0.05);
        assertTrue(lowest > 0.48 && lowest < 0.5, "D where the mass is starts near x = 0.9: " + lowest);
        assertTrue(highest > 0.5 && highest < 0.52, "and ends near x = 3.1: " + highest);
        assertTrue(Double.isNaN(p.dLowestWhereMass(10)), "no point has that much density");
    }
}

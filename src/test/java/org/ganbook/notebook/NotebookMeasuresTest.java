package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ganbook.data.Mixture2d;
import org.ganbook.data.Toys;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The small measuring calls the notebooks use instead of loops in their cells. */
class NotebookMeasuresTest {

    @Test
    void optimalDiscriminatorIsTheDensityRatioAndMeasuresTheGapWhereTheMassIs() {
        double[] xs = {0, 1, 2, 3};
        double[] pData = {0, 0.1, 0.3, 0};
        double[] pG = {0.4, 0.3, 0.1, 0};
        var optimum = OptimalDiscriminator.of(xs, pData, pG);
        assertArrayEquals(new double[] {0, 0.25, 0.75}, java.util.Arrays.copyOf(optimum.dStar(), 3), 1e-12);
        assertTrue(Double.isNaN(optimum.dStar()[3]), "0/0 where neither density has mass");
        var gap = optimum.gapTo(new double[] {0.1, 0.25, 0.55, 0.9}, 0.05);
        assertEquals(3, gap.counted());
        assertEquals(0.1, gap.mean(), 1e-12);
        assertEquals(0.2, gap.largest(), 1e-12);
        assertEquals(2.0, optimum.firstRise(optimum.dataMinusGenerator(), 0), 1e-12);
        assertTrue(Double.isNaN(optimum.firstRise(pG, 1)));
        assertEquals(0.75, optimum.at(optimum.dStar(), 2.2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> optimum.gapTo(new double[] {1}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> optimum.gapTo(new double[4], 5));
    }

    @Test
    void epochTimingReadsThePaceAndLeavesOutListenerTime() {
        Table history = Table.create("h", DoubleColumn.create("seconds", new double[] {1, 2, 3, 5}),
                DoubleColumn.create("epoch", new double[] {0.5, 1, 1.5, 2}));
        var timing = EpochTiming.of(history, 100);
        assertEquals(4 / 1.5, timing.secondsPerEpoch(), 1e-12);
        assertEquals(4 / 3.0, timing.secondsPerIteration(), 1e-12);
        assertEquals(400, timing.secondsFor(300), 1e-9);
        var withoutListener = EpochTiming.of(history, 100, 1);
        assertEquals(1.0, withoutListener.secondsPerIteration(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> EpochTiming.of(history, 100, 4));
        assertThrows(IllegalArgumentException.class, () -> EpochTiming.of(history.first(1), 100));
    }

    @Test
    void samplesTableMeanAndDensityGap() {
        float[] z = {1, 2, 3, 4, 5, 6};
        Table t = Samples.table("z", z, 3);
        assertEquals(2, t.rowCount());
        assertEquals("z1", t.stringColumn("sample").get(1));
        assertEquals(6.0, t.doubleColumn("3").get(1), 1e-12);
        assertArrayEquals(new double[] {2.5, 3.5, 4.5}, Samples.mean(z, 3), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Samples.mean(z, 4));

        Random random = new Random(3);
        float[] uniform = new float[100_000];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = random.nextFloat();
        }
        assertTrue(Samples.largestDensityGap(uniform, x -> 1, 0, 1, 10) < 0.05, "uniform samples follow the flat density");
        assertTrue(Samples.largestDensityGap(uniform, x -> 2 * x, 0, 1, 10) > 0.5, "but not a sloped one");
    }

    @Test
    void pixelStatsTellStaticFromFlatGreyFromADigit() {
        int side = 8;
        Random random = new Random(1);
        float[] noise = new float[4 * side * side];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextBoolean() ? 0.95f : -0.95f;
        }
        var stat = PixelStats.of(noise, side);
        assertEquals(1.0, stat.fullContrast(), 1e-12);
        assertTrue(Math.abs(stat.neighbourCorrelation()) < 0.2, stat.toString());
        float[] stripes = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                stripes[y * side + x] = y < side / 2 ? -1f : 0.05f;
            }
        }
        var digitLike = PixelStats.of(stripes, side);
        assertEquals(0.5, digitLike.nearBlack(), 1e-12);
        assertEquals(1.0, digitLike.largest(), 1e-6);
        assertTrue(digitLike.neighbourCorrelation() > 0.99, digitLike.toString());
        assertThrows(IllegalArgumentException.class, () -> PixelStats.of(new float[10], side));
    }

    @Test
    void sharedByColumnIsOneForAPureColumnEffectAndSmallForNoise() {
        double[][] pure = new double[10][5];
        double[][] noise = new double[10][200];
        Random random = new Random(2);
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 5; c++) {
                pure[r][c] = r * 3 + c;   // a row (digit) mean plus a column (noise vector) effect
            }
            for (int c = 0; c < 200; c++) {
                noise[r][c] = random.nextGaussian();
            }
        }
        assertEquals(1.0, LabelUse.sharedByColumn(pure), 1e-12);
        assertEquals(0.1, LabelUse.sharedByColumn(noise), 0.03);
    }

    @Test
    void ringScoreNamesTheFullestModesAndTheShareOfSamplesNearThem() {
        Mixture2d ring = Toys.ring();
        double[][] centres = ring.modes();
        int[] placed = {3, 3, 3, 3, 3, 1, 1, 1, 6, 6, 6};   // 5 at mode 3, a tie of 3 and 3 at modes 1 and 6
        float[] xy = new float[2 * (placed.length + 1)];       // and one sample at the origin, near no mode
        for (int i = 0; i < placed.length; i++) {
            xy[2 * i] = (float) (centres[placed[i]][0] + 0.1);
            xy[2 * i + 1] = (float) centres[placed[i]][1];
        }
        RingScore score = RingScore.of(xy, ring);
        assertArrayEquals(new int[] {3}, score.fullest(1));
        assertArrayEquals(new int[] {3, 1, 6}, score.fullest(3), "a tie goes to the lower index");
        assertEquals(8 / 12.0, score.shareNearFullest(2), 1e-12);
        assertEquals(11 / 12.0, score.shareNearFullest(8), 1e-12);
        assertEquals(score.shareNear(), score.shareNearFullest(8), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> score.fullest(0));
        assertThrows(IllegalArgumentException.class, () -> score.fullest(9));
    }
}

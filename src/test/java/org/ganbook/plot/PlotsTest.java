package org.ganbook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PlotsTest {

    private static final Table HISTORY = PreviewMain.Samples.history(400, new Random(1));

    private static void assertNotBlank(BufferedImage img) {
        assertTrue(Pixels.distinctColours(img) > 20, "image looks blank: "
                + Pixels.distinctColours(img) + " distinct colours");
    }

    private static void assertSize(BufferedImage img, int w, int h) {
        assertEquals(w, img.getWidth(), "width");
        assertEquals(h, img.getHeight(), "height");
    }

    // ------------------------------------------------------------ history curves

    @Test
    void lossesDrawsBothCurvesInTheirColours() {
        BufferedImage img = Plots.losses(HISTORY);
        assertSize(img, Plots.WIDTH, Plots.HEIGHT);
        assertNotBlank(img);
        assertTrue(Pixels.count(img, Palette.DISCRIMINATOR, 30) > 200, "D loss line missing");
        assertTrue(Pixels.count(img, Palette.GENERATOR, 30) > 200, "G loss line missing");
    }

    @Test
    void shortHistoryIsDrawnWithoutSmoothing() {
        Table shortHistory = PreviewMain.Samples.history(30, new Random(2));
        BufferedImage img = Plots.losses(shortHistory);
        assertSize(img, Plots.WIDTH, Plots.HEIGHT);
        assertTrue(Pixels.count(img, Palette.GENERATOR, 30) > 100);
        assertEquals(1, Plots.smoothingWindow(30));
        assertTrue(Plots.smoothingWindow(400) > 1);
    }

    @Test
    void discriminatorOutputsDrawRealFakeAndTheHalfLine() {
        BufferedImage img = Plots.discriminatorOutputs(HISTORY);
        assertSize(img, Plots.WIDTH, Plots.HEIGHT);
        assertTrue(Pixels.count(img, Palette.REAL, 30) > 200, "D(x) line missing");
        assertTrue(Pixels.count(img, Palette.FAKE, 30) > 200, "D(G(z)) line missing");
        assertTrue(Pixels.count(img, Palette.REFERENCE, 20) > 50, "1/2 reference line missing");
    }

    @Test
    void aTitlePrefixNamesTheRunAndChangesOnlyTheTitle() {
        for (boolean losses : new boolean[] {true, false}) {
            BufferedImage plain = losses ? Plots.losses(HISTORY) : Plots.discriminatorOutputs(HISTORY);
            BufferedImage named = losses ? Plots.losses(HISTORY, "DCGAN") : Plots.discriminatorOutputs(HISTORY, "DCGAN");
            BufferedImage blank = losses ? Plots.losses(HISTORY, " ") : Plots.discriminatorOutputs(HISTORY, null);
            assertSize(named, Plots.WIDTH, Plots.HEIGHT);
            int titleRowsDiffering = 0;
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < Plots.WIDTH; x++) {
                    if (plain.getRGB(x, y) != named.getRGB(x, y)) {
                        titleRowsDiffering++;
                        break;
                    }
                }
            }
            assertTrue(titleRowsDiffering > 5, "the title strip shows the prefix");
            for (int y = 0; y < Plots.HEIGHT; y++) {
                for (int x = 0; x < Plots.WIDTH; x++) {
                    assertEquals(plain.getRGB(x, y), blank.getRGB(x, y), "a blank or null prefix draws the plain title");
                }
            }
        }
    }

    @Test
    void valueEstimateAndGenericLines() {
        BufferedImage v = Plots.valueEstimate(HISTORY);
        assertSize(v, Plots.WIDTH, Plots.HEIGHT);
        assertTrue(Pixels.count(v, Palette.REFERENCE, 20) > 50, "−log 4 line missing");
        BufferedImage l = Plots.lines(HISTORY, "iteration", "d_loss", "value");
        assertSize(l, Plots.WIDTH, Plots.HEIGHT);
        assertTrue(Pixels.count(l, Palette.DISCRIMINATOR, 30) > 100, "d_loss keeps its colour");
        assertTrue(Pixels.count(l, Palette.cycle(0), 30) > 100, "value takes the first free colour");
    }

    @Test
    void emptyTableIsRejected() {
        Table empty = Table.create("h", IntColumn.create("iteration"), DoubleColumn.create("d_loss"),
                DoubleColumn.create("g_loss"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.losses(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void missingColumnIsNamed() {
        Table t = HISTORY.copy().removeColumns("g_loss");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.losses(t));
        assertTrue(e.getMessage().contains("'g_loss'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Plots.lines(HISTORY, "iteration", "nope"));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.lines(HISTORY, "iteration"));
    }

    @Test
    void nonNumericColumnIsRejected() {
        Table t = Table.create("t", IntColumn.create("iteration", 1, 2),
                StringColumn.create("d_loss", "a", "b"), DoubleColumn.create("g_loss", 1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.losses(t));
        assertTrue(e.getMessage().contains("not numeric"), e.getMessage());
    }

    @Test
    void movingAverageIsCentredAndSkipsNaN() {
        double[] y = {1, 2, 3, Double.NaN, 5};
        double[] m = Plots.movingAverage(y, 3);
        assertArrayEquals(new double[] {1.5, 2, 2.5, 4, 5}, m, 1e-12);
    }

    // ------------------------------------------------------------ 2-D maps

    private static final int LEFT = 58;
    private static final int TOP = 44;

    @Test
    void decisionMapColoursFollowTheFieldInXAndY() {
        Field2d rising = Field2d.sample(-1, 1, -1, 1, 20, 20, (x, y) -> (x + 1) / 2);
        BufferedImage img = Plots.decisionMap(rising, new float[0], new float[0], null);
        assertNotBlank(img);
        int mid = TOP + Map2d.PLOT_SIZE / 2;
        int left = img.getRGB(LEFT + 1, mid);
        int right = img.getRGB(LEFT + Map2d.PLOT_SIZE - 2, mid);
        assertTrue(Pixels.distance(left, Palette.heat(0)) < 12, Integer.toHexString(left));
        assertTrue(Pixels.distance(right, Palette.heat(1)) < 12, Integer.toHexString(right));
        assertTrue(Pixels.distance(left, Palette.heat(1)) > 100, "corners should differ");

        // rows go up in y: the last row is at the top of the picture
        Field2d up = Field2d.sample(-1, 1, -1, 1, 20, 20, (x, y) -> (y + 1) / 2);
        BufferedImage v = Plots.decisionMap(up, new float[0], new float[0], null);
        int centreX = LEFT + Map2d.PLOT_SIZE / 2;
        assertTrue(Pixels.distance(v.getRGB(centreX, TOP + 1), Palette.heat(1)) < 12, "top is high");
        assertTrue(Pixels.distance(v.getRGB(centreX, TOP + Map2d.PLOT_SIZE - 2), Palette.heat(0)) < 12,
                "bottom is low");
    }

    @Test
    void decisionMapDrawsPointsAndArrowsWhereExpected() {
        Field2d half = Field2d.sample(-1, 1, -1, 1, 4, 4, (x, y) -> 0.5);
        float[] real = {-0.5f, -0.5f};
        float[] fake = {0f, 0f};
        float[] grad = {1f, 0f};
        BufferedImage img = Plots.decisionMap(half, real, fake, grad);
        int cx = LEFT + Map2d.PLOT_SIZE / 2;
        int cy = TOP + Map2d.PLOT_SIZE / 2;
        // the fake point sits at the centre (its arrow starts there, so look just beside the shaft)
        // points are slightly translucent: compare with the fake colour blended on the background
        Color onMap = new Color(Palette.mix(Palette.MAP_MID, Palette.FAKE, 220 / 255.0));
        assertTrue(Pixels.distance(img.getRGB(cx - 1, cy + 2), onMap) < 30,
                Integer.toHexString(img.getRGB(cx - 1, cy + 2)));
        // the real point at (−0.5, −0.5): a quarter of the way in from the left and from the bottom
        int rx = LEFT + Map2d.PLOT_SIZE / 4;
        int ry = TOP + 3 * Map2d.PLOT_SIZE / 4;
        assertTrue(Pixels.distance(img.getRGB(rx, ry),
                new Color(Palette.mix(Palette.MAP_MID, Palette.REAL, 210 / 255.0))) < 30,
                Integer.toHexString(img.getRGB(rx, ry)));
        // the arrow points right: drawn pixels to the right of the point, none to the left
        int rightOf = countDrawn(img, cx + 8, cy - 4, cx + 45, cy + 5);
        int leftOf = countDrawn(img, cx - 45, cy - 4, cx - 8, cy + 5);
        assertTrue(rightOf > 30, "arrow pixels right of the point: " + rightOf);
        assertEquals(0, leftOf, "arrow pixels left of the point");
    }

    /** Pixels in the box that clearly differ from the undecided (D = 1/2) background. */
    private static int countDrawn(BufferedImage img, int x0, int y0, int x1, int y1) {
        int all = (x1 - x0) * (y1 - y0);
        return all - Pixels.count(img, Palette.MAP_MID, 60, x0, y0, x1, y1);
    }

    @Test
    void decisionMapRejectsBadInput() {
        Field2d f = Field2d.sample(-1, 1, -1, 1, 4, 4, (x, y) -> 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.decisionMap(f, new float[] {1, 2, 3}, new float[0], null));
        assertTrue(e.getMessage().contains("real"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Plots.decisionMap(f, new float[0], new float[] {0, 0, 1, 1}, new float[] {1, 0}));
        assertTrue(e.getMessage().contains("gradient"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Plots.decisionMap(null, new float[0], new float[0], null));
    }

    @Test
    void scatterWithoutField() {
        Random rnd = new Random(3);
        BufferedImage img = Plots.scatter2d(PreviewMain.Samples.ring(200, 2, 0.05, rnd),
                PreviewMain.Samples.ring(200, 1, 0.3, rnd));
        assertNotBlank(img);
        assertTrue(Pixels.count(img, Palette.REAL, 40) > 100);
        assertTrue(Pixels.count(img, Palette.FAKE, 40) > 100);
        assertThrows(IllegalArgumentException.class, () -> Plots.scatter2d(null, new float[0]));
    }

    @Test
    void field2dGridPointsRoundTrip() {
        float[] pts = Field2d.gridPoints(0, 2, 10, 20, 3, 5);
        assertEquals(30, pts.length);
        assertEquals(0f, pts[0]);
        assertEquals(10f, pts[1]);
        assertEquals(2f, pts[2 * 4]);
        assertEquals(20f, pts[2 * 14 + 1]);
        float[] v = new float[15];
        for (int i = 0; i < 15; i++) {
            v[i] = pts[2 * i] + pts[2 * i + 1];
        }
        Field2d f = Field2d.of(0, 2, 10, 20, 3, 5, v);
        assertEquals(f.x(4) + f.y(2), f.values()[2][4], 1e-6);
        assertEquals(0.25 + 12.5, f.at(0.25, 12.5), 1e-6, "bilinear on a linear field is exact");
        assertThrows(IllegalArgumentException.class, () -> Field2d.of(0, 2, 10, 20, 3, 5, new float[14]));
        assertThrows(IllegalArgumentException.class,
                () -> new Field2d(0, 1, 0, 1, new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> new Field2d(1, 1, 0, 1, new double[][] {{1}}));
    }

    // ------------------------------------------------------------ 1-D densities and losses

    @Test
    void densitiesAndPanels() {
        DensityPanel p = PreviewMain.Samples.density(0, 1, 2, 0.6, 0.4);
        BufferedImage one = Plots.densities1d(p.xs(), p.pData(), p.pG(), p.d());
        assertSize(one, Plots.WIDTH, Plots.HEIGHT);
        assertTrue(Pixels.count(one, Palette.DISCRIMINATOR, 30) > 100, "D missing");
        assertTrue(Pixels.count(one, Palette.FAKE, 30) > 100, "p_g missing");
        assertTrue(Pixels.count(one, Palette.REAL, 60) > 50, "p_data missing");

        BufferedImage three = Plots.densities1dPanels(List.of(p, p, p), new String[] {"a", "b", "c"});
        assertEquals(3 * 360 + 2 * 8, three.getWidth());
        assertNotBlank(three);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.densities1dPanels(List.of(p, p), new String[] {"a"}));
        assertTrue(e.getMessage().contains("titles"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Plots.densities1d(new double[] {0, 1}, new double[] {0, 1}, new double[] {0},
                        new double[] {0, 1}));
        assertTrue(e.getMessage().contains("pG"), e.getMessage());
    }

    @Test
    void generatorLossCurvesShowBothLosses() {
        BufferedImage img = Plots.generatorLossCurves();
        assertEquals(2 * 420 + 8, img.getWidth());
        assertEquals(360 + Plots.LEGEND_HEIGHT, img.getHeight());
        assertTrue(Pixels.count(img, Palette.cycle(0), 30) > 300, "minimax curves missing");
        assertTrue(Pixels.count(img, Palette.cycle(1), 30) > 300, "non-saturating curves missing");
    }

    // ------------------------------------------------------------ generic

    @Test
    void barsAndHistograms() {
        BufferedImage b = Plots.bars("modes", new String[] {"a", "b", "c"}, new double[] {3, 1, 2});
        assertSize(b, Plots.WIDTH, Plots.HEIGHT);
        assertTrue(Pixels.count(b, Palette.cycle(1), 10) > 2000, "bars missing");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.bars("x", new String[] {"a"}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("mismatched"), e.getMessage());

        Random rnd = new Random(4);
        double[] a = rnd.doubles(500).toArray();
        double[] c = rnd.doubles(300).map(v -> v + 0.5).toArray();
        BufferedImage h = Plots.histogram("h", a, 20);
        assertSize(h, Plots.WIDTH, Plots.HEIGHT);
        assertNotBlank(h);
        BufferedImage h2 = Plots.histogram("h2", a, c, 20);
        assertTrue(Pixels.count(h2, Palette.FAKE, 30) > 100, "fake outline missing");
        assertThrows(IllegalArgumentException.class,
                () -> Plots.histogram("x", new double[] {Double.NaN}, 10));
        assertThrows(IllegalArgumentException.class, () -> Plots.histogram("x", a, 0));
    }

    @Test
    void compositionAndSaving(@TempDir Path dir) throws Exception {
        BufferedImage a = Draw.canvas(100, 50);
        BufferedImage b = Draw.canvas(30, 80);
        BufferedImage row = Plots.sideBySide(a, b);
        assertSize(row, 138, 80);
        BufferedImage t = Plots.titled(a, "A title");
        assertEquals(80, t.getHeight());
        assertTrue(Pixels.count(t, Palette.TEXT, 60, 0, 0, t.getWidth(), 30) > 20, "title text missing");
        assertThrows(IllegalArgumentException.class, () -> Plots.sideBySide());

        Path file = dir.resolve("sub/plot.png");
        Plots.save(row, file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertSize(back, 138, 80);
        assertTrue(Files.size(file) > 0);
        assertEquals((byte) 0x89, Plots.pngBytes(row)[0]);
    }

    @Test
    void theAxisTitleSaysWhichRawValuesAreDrawnBehindTheSmoothedCurve() {
        assertEquals("iteration", Plots.iterationTitle(1, 50));
        assertEquals("iteration  (moving average over 5 points; raw values faint)", Plots.iterationTitle(5, 400));
        // notebook 6: 15,625 iterations, at most 400 raw values drawn, so every 40th
        assertEquals("iteration  (moving average over 100 points; every 40th raw value faint)",
                Plots.iterationTitle(100, 15_625));
        assertEquals("iteration  (moving average over 20 points; every 2nd raw value faint)", Plots.iterationTitle(20, 800));
        assertEquals("iteration  (moving average over 20 points; every 3rd raw value faint)", Plots.iterationTitle(20, 801));
        assertEquals("iteration  (moving average over 20 points; every 11th raw value faint)", Plots.iterationTitle(20, 4_400));
    }
}

package org.ganbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import org.ganbook.data.DatasetArrays;
import org.ganbook.data.ImageBytes;
import org.ganbook.data.ImageDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageGridTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** Pixel (r, c) of image n in a grid of {@code cols} columns with cells of h × w at scale s. */
    private static int gridGrey(BufferedImage img, int n, int cols, int h, int w, int s, int r, int c,
            int labelWidth) {
        int x = labelWidth + ImageGrid.GAP + (n % cols) * (w * s + ImageGrid.GAP) + c * s + s / 2;
        int y = ImageGrid.GAP + (n / cols) * (h * s + ImageGrid.GAP) + r * s + s / 2;
        return Pixels.grey(img, x, y);
    }

    @Test
    void knownValuesBecomeExpectedGreys() {
        // two 2×3 images: −1, 0, 1 / 0.5, 2 (clamped), −3 (clamped); then all −0.5
        float[] px = {-1, 0, 1, 0.5f, 2, -3, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f};
        BufferedImage img = Plots.imageGrid(px, 2, 2, 3, 2);
        int s = ImageGrid.scaleFor(2, 3);
        assertEquals(19, s, "3-pixel-wide images are scaled to about 56 pixels");
        assertEquals(ImageGrid.GAP + 2 * (3 * s + ImageGrid.GAP), img.getWidth());
        assertEquals(ImageGrid.GAP + 2 * s + ImageGrid.GAP, img.getHeight());
        assertEquals(0, gridGrey(img, 0, 2, 2, 3, s, 0, 0, 0));
        assertEquals(128, gridGrey(img, 0, 2, 2, 3, s, 0, 1, 0));
        assertEquals(255, gridGrey(img, 0, 2, 2, 3, s, 0, 2, 0));
        assertEquals(191, gridGrey(img, 0, 2, 2, 3, s, 1, 0, 0));
        assertEquals(255, gridGrey(img, 0, 2, 2, 3, s, 1, 1, 0));
        assertEquals(0, gridGrey(img, 0, 2, 2, 3, s, 1, 2, 0));
        assertEquals(64, gridGrey(img, 1, 2, 2, 3, s, 1, 2, 0));
        // the gap between the cells is white
        assertEquals(255, Pixels.grey(img, ImageGrid.GAP + 3 * s, ImageGrid.GAP + 5));
    }

    @Test
    void mnistSizedDigitsAreDoubled() {
        float[] px = new float[12 * 28 * 28];
        BufferedImage img = Plots.imageGrid(px, 12, 28, 28, 5);
        assertEquals(2, ImageGrid.scaleFor(28, 28));
        assertEquals(ImageGrid.GAP + 5 * (56 + ImageGrid.GAP), img.getWidth());
        assertEquals(ImageGrid.GAP + 3 * (56 + ImageGrid.GAP), img.getHeight(), "12 images, 3 rows");
    }

    @Test
    void mismatchedPixelCountIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.imageGrid(new float[10], 2, 2, 3, 2));
        assertTrue(e.getMessage().contains("12"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.imageGrid(new float[0], 0, 2, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> Plots.imageGrid(new float[12], 2, 2, 3, 0));
    }

    @Test
    void ndArrayShapesGiveTheSameGrid() {
        float[] px = new float[6 * 4 * 4];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i % 17) / 8f - 1;
        }
        NDArray nchw = manager.create(px, new Shape(6, 1, 4, 4));
        BufferedImage a = Plots.imageGrid(nchw, 3);
        BufferedImage b = Plots.imageGrid(nchw.reshape(6, 4, 4), 3);
        BufferedImage c = Plots.imageGrid(nchw.reshape(6, 16), 3);
        BufferedImage d = Plots.imageGrid(px, 6, 4, 4, 3);
        BufferedImage e = Plots.imageGrid(nchw.toType(DataType.FLOAT64, false), 3);
        for (BufferedImage other : new BufferedImage[] {b, c, d, e}) {
            assertEquals(a.getWidth(), other.getWidth());
            assertEquals(a.getHeight(), other.getHeight());
            for (int y = 0; y < a.getHeight(); y++) {
                for (int x = 0; x < a.getWidth(); x++) {
                    assertEquals(a.getRGB(x, y), other.getRGB(x, y), "pixel " + x + ", " + y);
                }
            }
        }
    }

    @Test
    void aDataSetIsDrawnAtItsOwnSizeLikeItsPixels() {
        // five 3×4 images with distinct bytes; the grid of a slice equals the float[] grid of the same pixels
        byte[] bytes = new byte[5 * 3 * 4];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
        }
        ImageDataset data = ImageDataset.of("five", new ImageBytes(5, 3, 4, bytes));
        ImageDataset part = data.slice(1, 3);
        BufferedImage a = Plots.imageGrid(part, 2);
        BufferedImage b = Plots.imageGrid(DatasetArrays.pixels(data, 1, 3), 3, 3, 4, 2);
        assertEquals(b.getWidth(), a.getWidth());
        assertEquals(b.getHeight(), a.getHeight());
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                assertEquals(b.getRGB(x, y), a.getRGB(x, y), "pixel " + x + ", " + y);
            }
        }
        BufferedImage first = Plots.imageGrid(data.limit(1), 2);
        assertTrue(first.getWidth() < a.getWidth(), "one image draws one cell");
        assertThrows(IllegalArgumentException.class, () -> Plots.imageGrid((ImageDataset) null, 2));
        assertThrows(IllegalArgumentException.class, () -> Plots.imageGrid(part, 0));
    }

    @Test
    void badNdArrayShapesAreRejected() {
        NDArray notSquare = manager.zeros(new Shape(3, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.imageGrid(notSquare, 3));
        assertTrue(e.getMessage().contains("(3, 10)"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Plots.imageGrid(manager.zeros(new Shape(2, 2, 4, 4)), 2));
        assertThrows(IllegalArgumentException.class, () -> Plots.imageGrid(manager.zeros(new Shape(4)), 2));
    }

    @Test
    void rowsWithLabels() {
        NDArray imgs = manager.ones(new Shape(20, 1, 28, 28));
        String[] labels = {"0", "1", "2", "3"};
        BufferedImage img = Plots.imageGridByRow(imgs, 4, labels);
        int plain = ImageGrid.GAP + 5 * (56 + ImageGrid.GAP);
        assertTrue(img.getWidth() > plain, "room for the labels");
        assertEquals(ImageGrid.GAP + 4 * (56 + ImageGrid.GAP), img.getHeight());
        int labelWidth = img.getWidth() - plain;
        assertTrue(Pixels.count(img, Palette.TEXT, 80, 0, 0, labelWidth, img.getHeight()) > 10,
                "labels are drawn left of the rows");
        assertEquals(255, gridGrey(img, 19, 5, 28, 28, 2, 5, 5, labelWidth), "ones are white");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.imageGridByRow(imgs, 4, new String[] {"a"}));
        assertTrue(e.getMessage().contains("row labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plots.imageGridByRow(imgs, 3, null));
        assertTrue(e.getMessage().contains("3 equal rows"), e.getMessage());
    }

    @Test
    void nanPixelsAreFlagged() {
        BufferedImage img = Plots.imageGrid(new float[] {Float.NaN}, 1, 1, 1, 1);
        assertEquals(ImageGrid.NAN_RGB, img.getRGB(ImageGrid.GAP + 1, ImageGrid.GAP + 1) & 0xFFFFFF);
    }
}

package org.ganbook.plot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Lays images out in a grid, scaled up with thin white gaps, with optional row labels. */
final class ImageGrid {

    /** Gap between cells and around the grid, in pixels. */
    static final int GAP = 2;

    /** Shown for a NaN pixel, so that a broken generator is obvious. */
    static final int NAN_RGB = 0xFF00FF;

    private ImageGrid() {}

    /** Images decoded from an NDArray: pixel values in (N, C, H, W) order. */
    record Images(float[] pixels, int count, int channels, int height, int width) {}

    /** The integer scale that makes a cell at least about 56 pixels on its longer side. */
    static int scaleFor(int height, int width) {
        return Math.max(1, (int) Math.ceil(56.0 / Math.max(height, width)));
    }

    /** The grey level of a value in [−1, 1]: −1 is black, 1 is white, clamped outside. */
    static int grey(float v) {
        double g = Math.rint((v + 1.0) * 127.5);
        return (int) Math.max(0, Math.min(255, g));
    }

    static BufferedImage render(float[] pixels, int count, int channels, int height, int width,
            int columns, String[] rowLabels) {
        Checks.positive(count, "count");
        Checks.positive(height, "height");
        Checks.positive(width, "width");
        Checks.positive(columns, "columns");
        if (pixels == null) {
            throw new IllegalArgumentException("pixels is null");
        }
        long expected = (long) count * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("mismatched lengths: " + count + " images of "
                    + (channels == 1 ? "" : channels + "×") + height + "×" + width + " need "
                    + expected + " pixels, got " + pixels.length);
        }
        int cols = Math.min(columns, count);
        int rows = (count + cols - 1) / cols;
        if (rowLabels != null && rowLabels.length != rows) {
            throw new IllegalArgumentException("mismatched lengths: " + rows + " rows but "
                    + rowLabels.length + " row labels");
        }
        int scale = scaleFor(height, width);
        int cellW = width * scale;
        int cellH = height * scale;

        int labelWidth = 0;
        if (rowLabels != null) {
            BufferedImage probe = Draw.canvas(1, 1);
            Graphics2D pg = probe.createGraphics();
            pg.setFont(labelFont(cellH));
            FontMetrics fm = pg.getFontMetrics();
            for (String l : rowLabels) {
                labelWidth = Math.max(labelWidth, fm.stringWidth(l == null ? "" : l));
            }
            pg.dispose();
            labelWidth += 14;
        }
        int imgW = labelWidth + GAP + cols * (cellW + GAP);
        int imgH = GAP + rows * (cellH + GAP);
        BufferedImage img = Draw.canvas(imgW, imgH);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int plane = height * width;
        for (int n = 0; n < count; n++) {
            int x0 = labelWidth + GAP + (n % cols) * (cellW + GAP);
            int y0 = GAP + (n / cols) * (cellH + GAP);
            int base = n * channels * plane;
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    int rgb = rgb(pixels, base + r * width + c, channels, plane);
                    for (int dy = 0; dy < scale; dy++) {
                        int row = (y0 + r * scale + dy) * imgW + x0 + c * scale;
                        for (int dx = 0; dx < scale; dx++) {
                            out[row + dx] = rgb;
                        }
                    }
                }
            }
        }
        if (rowLabels != null) {
            Graphics2D g = Draw.graphics(img);
            g.setFont(labelFont(cellH));
            g.setColor(Palette.TEXT);
            for (int r = 0; r < rows; r++) {
                String l = rowLabels[r] == null ? "" : rowLabels[r];
                Draw.rightAligned(g, l, labelWidth - 6, GAP + r * (cellH + GAP) + cellH / 2.0);
            }
            g.dispose();
        }
        return img;
    }

    private static int rgb(float[] pixels, int i, int channels, int plane) {
        if (channels == 1) {
            float v = pixels[i];
            if (Float.isNaN(v)) {
                return NAN_RGB;
            }
            int g = grey(v);
            return (g << 16) | (g << 8) | g;
        }
        float r = pixels[i];
        float gr = pixels[i + plane];
        float b = pixels[i + 2 * plane];
        if (Float.isNaN(r) || Float.isNaN(gr) || Float.isNaN(b)) {
            return NAN_RGB;
        }
        return (grey(r) << 16) | (grey(gr) << 8) | grey(b);
    }

    private static java.awt.Font labelFont(int cellH) {
        return Draw.font(java.awt.Font.PLAIN, Math.max(11, Math.min(18, cellH / 3)));
    }

    /** Reads an NDArray of shape (N, C, H, W) with C = 1 or 3, (N, H, W) or (N, H·W). */
    static Images fromNDArray(NDArray images) {
        if (images == null) {
            throw new IllegalArgumentException("images is null");
        }
        Shape s = images.getShape();
        int n;
        int c = 1;
        int h;
        int w;
        switch (s.dimension()) {
            case 4 -> {
                n = (int) s.get(0);
                c = (int) s.get(1);
                h = (int) s.get(2);
                w = (int) s.get(3);
                if (c != 1 && c != 3) {
                    throw new IllegalArgumentException("images of shape " + s
                            + " have " + c + " channels; expected 1 (grey) or 3 (RGB)");
                }
            }
            case 3 -> {
                n = (int) s.get(0);
                h = (int) s.get(1);
                w = (int) s.get(2);
            }
            case 2 -> {
                n = (int) s.get(0);
                int side = (int) Math.round(Math.sqrt(s.get(1)));
                if ((long) side * side != s.get(1)) {
                    throw new IllegalArgumentException("images of shape " + s + ": cannot tell "
                            + "height and width of " + s.get(1) + " pixels (not a square); reshape"
                            + " to (N, H, W)");
                }
                h = side;
                w = side;
            }
            default -> throw new IllegalArgumentException("images must have shape (N, 1, H, W), "
                    + "(N, H, W) or (N, H·W), got " + s);
        }
        if (n == 0 || h == 0 || w == 0) {
            throw new IllegalArgumentException("images of shape " + s + " are empty");
        }
        float[] data;
        if (images.getDataType() == DataType.FLOAT32) {
            data = images.toFloatArray();
        } else {
            try (NDArray f = images.toType(DataType.FLOAT32, true)) {
                data = f.toFloatArray();
            }
        }
        return new Images(data, n, c, h, w);
    }
}

package org.ganbook.data;

import java.util.Locale;

/**
 * Grey-scale images as they are stored on disk: unsigned bytes 0 (black) to 255 (white), image after
 * image, each row after row. The array is shared, not copied: do not modify it.
 *
 * @param count the number of images
 * @param rows the height of each image in pixels
 * @param cols the width of each image in pixels
 * @param pixels {@code count × rows × cols} bytes; read each with {@code Byte.toUnsignedInt}
 */
public record ImageBytes(int count, int rows, int cols, byte[] pixels) {

    /** Checks that the dimensions are positive and agree with the length of {@code pixels}. */
    public ImageBytes {
        if (count < 0 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "count must be non-negative and rows, cols positive; got %d, %d, %d", count, rows, cols));
        }
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d images of %d×%d need %d bytes, got %d",
                    count, rows, cols, (long) count * rows * cols, pixels.length));
        }
    }

    /** Returns the number of pixels in one image, {@code rows × cols}. */
    public int imageSize() {
        return rows * cols;
    }

    /**
     * Returns one pixel as an int 0..255.
     *
     * @param image the image index
     * @param row the row, from the top
     * @param col the column, from the left
     * @return the pixel value
     */
    public int pixel(int image, int row, int col) {
        if (image < 0 || image >= count || row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "pixel (%d, %d, %d) outside %d images of %d×%d", image, row, col, count, rows, cols));
        }
        return Byte.toUnsignedInt(pixels[(image * rows + row) * cols + col]);
    }
}

package org.ganbook.data;

import ai.djl.ndarray.NDArray;

/**
 * Conversions between stored pixels (unsigned bytes 0..255) and the symmetric range [−1, 1] that a
 * generator with a tanh output produces: {@code value = pixel / 127.5 − 1}, so 0 maps to −1 and 255
 * to 1.
 */
public final class Scaling {

    private static final float[] SYMMETRIC = new float[256];

    static {
        for (int pixel = 0; pixel < 256; pixel++) {
            SYMMETRIC[pixel] = pixel / 127.5f - 1f;
        }
    }

    private Scaling() {}

    /**
     * Maps a stored pixel to [−1, 1].
     *
     * @param pixel the pixel as stored, a byte read as unsigned (so {@code (byte) 0xFF} is 255)
     * @return {@code pixel / 127.5 − 1}
     */
    public static float toSymmetric(byte pixel) {
        return SYMMETRIC[pixel & 0xFF];
    }

    /**
     * Maps a pixel value 0..255 to [−1, 1].
     *
     * @param pixel the pixel, 0..255
     * @return {@code pixel / 127.5 − 1}
     * @throws IllegalArgumentException if {@code pixel} is outside 0..255
     */
    public static float toSymmetric(int pixel) {
        if (pixel < 0 || pixel > 255) {
            throw new IllegalArgumentException("a pixel is 0..255, got " + pixel);
        }
        return SYMMETRIC[pixel];
    }

    /**
     * Maps a value in [−1, 1] back to the nearest pixel 0..255; values outside the range are clamped,
     * as a generator's output may stray.
     *
     * @param value the value, nominally in [−1, 1]
     * @return the pixel, 0..255 (0 for NaN)
     */
    public static int fromSymmetric(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        long pixel = Math.round((value + 1) * 127.5);
        return (int) Math.max(0, Math.min(255, pixel));
    }

    /**
     * Maps an array in [−1, 1] to [0, 1] for display, clamping values outside the range.
     *
     * @param symmetric the values, nominally in [−1, 1]
     * @return a new array {@code clip((x + 1) / 2, 0, 1)} owned by the same manager
     */
    public static NDArray toUnitRange(NDArray symmetric) {
        return symmetric.add(1).div(2).clip(0, 1);
    }
}

package org.ganbook.metrics;

/**
 * Counts speckles: bright pixels that stand alone. A pixel is <i>bright</i> when its value is above 0
 * (images in [−1, 1], −1 black); it is a <i>speckle</i> when none of its up to eight neighbours is
 * bright. Handwritten strokes are a few pixels wide, so real digits have almost none; a generator
 * that sets each pixel on its own, such as a fully connected one, scatters them around its digits.
 *
 * <pre>{@code
 * double share = Speckles.share(trainer.generate(1000).toFloatArray(), 28, 28);
 * }</pre>
 */
public final class Speckles {

    private Speckles() {}

    /**
     * Returns the share of bright pixels that are speckles, over all the images.
     *
     * @param images {@code N · height · width} values in [−1, 1], image after image, each row-major
     * @param height the height of each image
     * @param width the width of each image
     * @return speckles / bright pixels, in [0, 1]; 0 if no pixel is bright
     * @throws IllegalArgumentException if a size is not positive or the array does not hold whole images
     */
    public static double share(float[] images, int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("height and width must be positive");
        }
        int size = height * width;
        if (images.length == 0 || images.length % size != 0) {
            throw new IllegalArgumentException(images.length + " values do not make whole " + height + "×" + width + " images");
        }
        long bright = 0;
        long alone = 0;
        for (int offset = 0; offset < images.length; offset += size) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (images[offset + y * width + x] <= 0) {
                        continue;
                    }
                    bright++;
                    if (!hasBrightNeighbour(images, offset, height, width, y, x)) {
                        alone++;
                    }
                }
            }
        }
        return bright == 0 ? 0 : (double) alone / bright;
    }

    private static boolean hasBrightNeighbour(float[] images, int offset, int height, int width, int y, int x) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int yy = y + dy;
                int xx = x + dx;
                if ((dy != 0 || dx != 0) && yy >= 0 && yy < height && xx >= 0 && xx < width
                        && images[offset + yy * width + xx] > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}

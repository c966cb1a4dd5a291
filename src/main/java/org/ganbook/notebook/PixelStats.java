package org.ganbook.notebook;

import java.util.Locale;

/**
 * What a set of grey images looks like in four numbers, enough to tell static, a flat grey and
 * handwritten digits apart: how much is black background, how much is at full contrast, the
 * largest distance from mid-grey, and how alike neighbouring pixels are.
 *
 * @param nearBlack share of pixels below −0.9 (a digit's background)
 * @param fullContrast share of pixels with |value| above 0.5 (far from mid-grey, 0)
 * @param largest the largest |value| (0 is mid-grey, 1 black or white)
 * @param neighbourCorrelation correlation between each pixel and its right-hand neighbour, over all
 *     images: near 0 for independent pixels, near 1 when neighbours are alike
 */
public record PixelStats(double nearBlack, double fullContrast, double largest, double neighbourCorrelation) {

    /**
     * Measures images of {@code side × side} pixels with values in [−1, 1].
     *
     * @param images the pixels, image after image, each row-major
     * @param side the images' height and width
     * @return the four numbers
     * @throws IllegalArgumentException if the array does not hold whole images
     */
    public static PixelStats of(float[] images, int side) {
        int size = side * side;
        if (side < 2 || images == null || images.length == 0 || images.length % size != 0) {
            throw new IllegalArgumentException("expected whole " + side + "×" + side + " images");
        }
        long black = 0;
        long contrast = 0;
        double largest = 0;
        for (float v : images) {
            if (v < -0.9f) {
                black++;
            }
            if (Math.abs(v) > 0.5f) {
                contrast++;
            }
            largest = Math.max(largest, Math.abs(v));
        }
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        long pairs = 0;
        for (int offset = 0; offset < images.length; offset += size) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x + 1 < side; x++) {
                    double a = images[offset + y * side + x];
                    double b = images[offset + y * side + x + 1];
                    sa += a;
                    sb += b;
                    saa += a * a;
                    sbb += b * b;
                    sab += a * b;
                    pairs++;
                }
            }
        }
        double cov = sab / pairs - (sa / pairs) * (sb / pairs);
        double va = saa / pairs - (sa / pairs) * (sa / pairs);
        double vb = sbb / pairs - (sb / pairs) * (sb / pairs);
        double corr = va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
        return new PixelStats((double) black / images.length, (double) contrast / images.length, largest, corr);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f %% of pixels black background, %.0f %% at full contrast, largest |value| %.3f, "
                + "neighbour correlation %.2f", 100 * nearBlack, 100 * fullContrast, largest, neighbourCorrelation);
    }
}

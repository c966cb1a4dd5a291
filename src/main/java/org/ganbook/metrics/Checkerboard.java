package org.ganbook.metrics;

/**
 * Measures checkerboard texture: the share of an image's variation that lies in patterns repeating every
 * two pixels, the highest frequency a pixel grid can hold. In the image's 2-D Fourier spectrum these are
 * the two Nyquist lines (horizontal frequency W/2 or vertical frequency H/2), the lines that a layer
 * working at stride 2, such as a transposed convolution, writes into when its output pixels of odd and
 * even positions come out unlike. Smooth strokes put almost nothing there; white noise puts
 * {@code (H + W − 1) / (H·W − 1)} there, 7.0 % for 28 × 28; a pure checkerboard or pixel-wide stripes, all.
 *
 * <pre>{@code
 * double share = Checkerboard.energyShare(trainer.generate(1000).toFloatArray(), 28, 28);
 * }</pre>
 *
 * <p>By Parseval's theorem the Nyquist lines' energy needs no Fourier transform: the line at
 * horizontal frequency W/2 holds {@code (1/W) Σ_rows r²}, r a row's alternating sum
 * {@code x₀ − x₁ + x₂ − …}, the vertical line likewise with the columns', minus their shared
 * coefficient {@code (Σ (−1)^(i+j) x_ij)² / (H·W)}; the total is the sum of squared deviations from
 * the image's mean.
 */
public final class Checkerboard {

    private Checkerboard() {}

    /**
     * Returns the share of the images' variation on the period-2 (Nyquist) lines of their spectra:
     * the sum of that energy over all images divided by the sum of their squared deviations from
     * each image's mean.
     *
     * @param images {@code N · height · width} values, image after image, each row-major
     * @param height the height of each image, even
     * @param width the width of each image, even
     * @return the share, in [0, 1]; 0 if no image varies
     * @throws IllegalArgumentException if a size is not positive and even or the array does not hold
     *     whole images
     */
    public static double energyShare(float[] images, int height, int width) {
        if (height <= 0 || width <= 0 || height % 2 != 0 || width % 2 != 0) {
            throw new IllegalArgumentException("height and width must be positive and even, got " + height + " and " + width);
        }
        int size = height * width;
        if (images.length == 0 || images.length % size != 0) {
            throw new IllegalArgumentException(images.length + " values do not make whole " + height + "×" + width + " images");
        }
        double nyquist = 0;
        double total = 0;
        double[] columns = new double[width];
        for (int offset = 0; offset < images.length; offset += size) {
            double sum = 0;
            double squares = 0;
            double rows = 0;
            double both = 0;
            java.util.Arrays.fill(columns, 0);
            for (int y = 0; y < height; y++) {
                double row = 0;
                int ySign = y % 2 == 0 ? 1 : -1;
                for (int x = 0; x < width; x++) {
                    double v = images[offset + y * width + x];
                    sum += v;
                    squares += v * v;
                    row += x % 2 == 0 ? v : -v;
                    columns[x] += ySign * v;
                }
                rows += row * row;
                both += ySign * row;
            }
            double cols = 0;
            for (double c : columns) {
                cols += c * c;
            }
            nyquist += rows / width + cols / height - both * both / size;
            total += squares - sum * sum / size;
        }
        return total <= 0 ? 0 : Math.min(1, Math.max(0, nyquist / total));
    }
}

package org.ganbook.data;

import java.util.SplittableRandom;

/**
 * Images that are no digit, for reading a quality classifier against: a measure of generated images means
 * little unless it also says "no" to noise. Pixels in [−1, 1], as the data sets and a tanh generator give them;
 * a seed gives the same images on every Java version.
 */
public final class NoiseImages {

    private NoiseImages() {}

    /**
     * Every pixel drawn from N(0, 1) and clipped to [−1, 1]: grey static.
     *
     * @param count the number of images
     * @param pixels the pixels of one image (784 for MNIST)
     * @param seed the seed
     * @return {@code count × pixels} values, image after image
     */
    public static float[] gaussian(int count, int pixels, long seed) {
        float[] values = allocate(count, pixels);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = clip(Gaussians.next(random));
        }
        return values;
    }

    /**
     * Every pixel −1 + ½·|N(0, 1)|, clipped to [−1, 1]: dark static, closer to a digit's black background.
     *
     * @param count the number of images
     * @param pixels the pixels of one image
     * @param seed the seed
     * @return {@code count × pixels} values, image after image
     */
    public static float[] dark(int count, int pixels, long seed) {
        float[] values = allocate(count, pixels);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = clip(-1 + 0.5 * Math.abs(Gaussians.next(random)));
        }
        return values;
    }

    private static float[] allocate(int count, int pixels) {
        if (count < 1 || pixels < 1 || (long) count * pixels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("need a positive count and pixels per image (and under 2^31 values); got "
                    + count + " images of " + pixels + " pixels");
        }
        return new float[count * pixels];
    }

    private static float clip(double v) {
        return (float) Math.max(-1, Math.min(1, v));
    }
}

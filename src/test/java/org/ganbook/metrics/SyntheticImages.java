package org.ganbook.metrics;

import java.util.SplittableRandom;

/**
 * Labelled 28×28 test images in [−1, 1]: ten classes of bars, five horizontal and five vertical at
 * different positions, each jittered by up to one pixel and covered in Gaussian noise.
 */
final class SyntheticImages {

    final float[] images;
    final int[] labels;

    private SyntheticImages(float[] images, int[] labels) {
        this.images = images;
        this.labels = labels;
    }

    static SyntheticImages generate(int n, long seed) {
        return generate(n, seed, -1);
    }

    /** n images; all of class {@code onlyClass} if it is non-negative, else classes in turn. */
    static SyntheticImages generate(int n, long seed, int onlyClass) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * 784];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int k = onlyClass >= 0 ? onlyClass : i % 10;
            y[i] = k;
            int centre = 4 + 5 * (k % 5) + r.nextInt(3) - 1;
            boolean horizontal = k < 5;
            for (int row = 0; row < 28; row++) {
                for (int col = 0; col < 28; col++) {
                    int pos = horizontal ? row : col;
                    double v = Math.abs(pos - centre) <= 1 ? 1 : -1;
                    v += 0.35 * ModeCoverageTest.gaussian(r);
                    x[i * 784 + row * 28 + col] = (float) Math.max(-1, Math.min(1, v));
                }
            }
        }
        return new SyntheticImages(x, y);
    }
}

package org.ganbook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ganbook.data.NativeArrays;
import java.util.SplittableRandom;

/**
 * The generator's input: random noise vectors of a fixed length, the "coding size".
 *
 * <p>The numbers are drawn in Java from a seeded generator, so the same seed gives the same noise on
 * every engine and device.
 */
public final class Latent {

    /** The distribution each coordinate is drawn from. */
    public enum Distribution {
        /** Standard normal, N(0, 1). */
        GAUSSIAN,
        /** Uniform on [-1, 1). */
        UNIFORM
    }

    private final int codingSize;
    private final Distribution distribution;
    private final SplittableRandom random;

    private Latent(int codingSize, Distribution distribution, long seed) {
        if (codingSize <= 0) {
            throw new IllegalArgumentException("coding size must be positive, got " + codingSize);
        }
        this.codingSize = codingSize;
        this.distribution = distribution;
        this.random = new SplittableRandom(seed);
    }

    /** Gaussian noise N(0, 1) of length {@code codingSize}, drawn from {@code seed}. */
    public static Latent gaussian(int codingSize, long seed) {
        return new Latent(codingSize, Distribution.GAUSSIAN, seed);
    }

    /** Uniform noise on [-1, 1) of length {@code codingSize}, drawn from {@code seed}. */
    public static Latent uniform(int codingSize, long seed) {
        return new Latent(codingSize, Distribution.UNIFORM, seed);
    }

    /** Returns a sampler of the same kind and size that starts again from {@code seed}. */
    public Latent reseeded(long seed) {
        return new Latent(codingSize, distribution, seed);
    }

    /** Returns the length of one noise vector. */
    public int codingSize() {
        return codingSize;
    }

    /** Returns the distribution of each coordinate. */
    public Distribution distribution() {
        return distribution;
    }

    /**
     * Draws {@code n} noise vectors as an array of shape {@code (n, codingSize)}.
     *
     * @param manager the manager that owns the array
     * @param n how many vectors
     * @return the noise
     */
    public NDArray sample(NDManager manager, int n) {
        return NativeArrays.copyOf(manager, values(n), new Shape(n, codingSize));
    }

    /** Draws {@code n} noise vectors as a flat row-major array of {@code n * codingSize} values. */
    public synchronized float[] values(int n) {
        float[] out = new float[n * codingSize];
        if (distribution == Distribution.GAUSSIAN) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) gaussian();
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        return out;
    }

    // Marsaglia's polar method on the seeded stream (SplittableRandom has no nextGaussian on Java 17).
    private double spare;
    private boolean hasSpare;

    private double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = random.nextDouble() * 2 - 1;
            v = random.nextDouble() * 2 - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * scale;
        hasSpare = true;
        return u * scale;
    }

    @Override
    public String toString() {
        return "Latent[" + distribution.name().toLowerCase() + ", coding size " + codingSize + "]";
    }
}

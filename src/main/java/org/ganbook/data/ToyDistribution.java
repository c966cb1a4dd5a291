package org.ganbook.data;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * A distribution of small real vectors generated in code (a 1-D Gaussian, points on a ring, two
 * moons): the real data of the first notebooks. It needs no download and a GAN learns it in seconds.
 *
 * <p>Samples come from a {@link SplittableRandom} seeded by the caller, never from the engine's
 * random generator, so the same seed gives the same points on any machine. The samples of a toy
 * distribution have no labels.
 */
public abstract class ToyDistribution implements DataSource {

    private final String name;
    private final int dimension;

    /**
     * Creates the distribution.
     *
     * @param name a short human-readable name
     * @param dimension the length of one sample: 1 or 2
     */
    protected ToyDistribution(String name, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        this.name = name;
        this.dimension = dimension;
    }

    /**
     * Draws one sample into {@code point}.
     *
     * @param random the source of randomness; the only one an implementation may use
     * @param point receives the sample, length {@link #dimension()}
     */
    protected abstract void drawOne(SplittableRandom random, double[] point);

    /** {@inheritDoc} */
    @Override
    public String name() {
        return name;
    }

    /** Returns the length of one sample: 1 for a 1-D distribution, 2 for a 2-D one. */
    public int dimension() {
        return dimension;
    }

    /** Returns {@code (dimension)}: a sample is a vector. */
    @Override
    public Shape sampleShape() {
        return new Shape(dimension);
    }

    /** Returns a sampler whose batches are fixed by {@code seed}. */
    @Override
    public BatchStream sampler(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new BatchStream() {
            @Override
            public SampleBatch next(NDManager manager, int batchSize) {
                float[] values = new float[checkedCount(batchSize) * dimension];
                double[] point = new double[dimension];
                for (int i = 0; i < batchSize; i++) {
                    drawOne(random, point);
                    for (int d = 0; d < dimension; d++) {
                        values[i * dimension + d] = (float) point[d];
                    }
                }
                return new SampleBatch(NativeArrays.copyOf(manager, values, new Shape(batchSize, dimension)), null);
            }
        };
    }

    /**
     * Draws {@code n} samples as plain Java arrays, for plots and metrics that need no engine. They
     * are the same points as the first batch of {@code sampler(seed)}, up to float rounding.
     *
     * @param n the number of samples
     * @param seed the seed
     * @return an array of {@code n} rows, each of length {@link #dimension()}
     */
    public double[][] draw(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[checkedCount(n)][dimension];
        for (double[] point : points) {
            drawOne(random, point);
        }
        return points;
    }

    private static int checkedCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of samples must not be negative, got " + n);
        }
        return n;
    }

    /** Returns the name. */
    @Override
    public String toString() {
        return name;
    }
}

package org.ganbook.data;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Where real samples come from: a toy distribution generated in code, or a set of images.
 *
 * <p>A data source is an immutable description; drawing from it goes through a seeded {@link
 * BatchStream}, so a training run is reproducible from its seed.
 */
public interface DataSource {

    /** Returns a short human-readable name, for plots and logs. */
    String name();

    /** Returns the shape of one sample, without the batch axis: {@code (2)} or {@code (1, 28, 28)}. */
    Shape sampleShape();

    /** Returns the number of classes, or 0 when the samples have no labels. */
    default int numClasses() {
        return 0;
    }

    /**
     * Returns a new sampler that draws batches in an order fixed by {@code seed}.
     *
     * @param seed the seed
     * @return the sampler
     */
    BatchStream sampler(long seed);

    /**
     * Draws {@code n} samples at once, for plots and metrics.
     *
     * @param manager the manager that owns the returned arrays
     * @param n the number of samples
     * @param seed the seed
     * @return the samples (and labels, if any)
     */
    default SampleBatch sample(NDManager manager, int n, long seed) {
        return sampler(seed).next(manager, n);
    }
}

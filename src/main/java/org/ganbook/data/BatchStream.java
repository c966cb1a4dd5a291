package org.ganbook.data;

import ai.djl.ndarray.NDManager;

/**
 * A seeded, stateful stream of batches drawn from a {@link DataSource}.
 *
 * <p>Two samplers made with the same seed return the same batches in the same order.
 */
public interface BatchStream {

    /**
     * Draws the next batch; its arrays belong to {@code manager}.
     *
     * @param manager the manager that owns the returned arrays (usually a per-step manager)
     * @param batchSize the number of samples
     * @return the batch
     */
    SampleBatch next(NDManager manager, int batchSize);

    /**
     * Returns how far the sampler has read, in passes over the data: 1.5 means one and a half
     * epochs. Samplers of infinite distributions (the toy ones) return 0.
     */
    default double epochs() {
        return 0;
    }
}

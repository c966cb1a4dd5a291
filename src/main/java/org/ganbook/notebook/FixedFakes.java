package org.ganbook.notebook;

import ai.djl.ndarray.NDArray;
import org.ganbook.train.GanTrainer;

/** G's output on the first n vectors of the trainer's fixed noise: the same points while G is unchanged. */
public final class FixedFakes {

    private FixedFakes() {}

    /**
     * G's output now on the first {@code n} fixed noise vectors, flat (the points {@link RingScore} scores);
     * changes none of the trainer's streams.
     *
     * @param trainer the trainer
     * @param n how many samples
     * @return the samples, one row after another
     */
    public static float[] of(GanTrainer trainer, int n) {
        NDArray noise = trainer.fixedNoise(n);
        NDArray fakes = trainer.generate(noise);
        try {
            return fakes.toFloatArray();
        } finally {
            fakes.close();
            noise.close();
        }
    }
}

package org.ganbook.train;

/**
 * Thrown by {@link GanTrainer#fit} when its thread is interrupted (a notebook's stop button), after
 * the current iteration has finished: the trainer is consistent (one history row per iteration) and
 * usable. Being an exception, it also ends any loop the caller wrote around {@code fit}; the thread's
 * interrupt status stays set.
 */
public class TrainingInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long iteration;

    /**
     * Creates the exception.
     *
     * @param iteration the number of finished iterations
     */
    public TrainingInterruptedException(long iteration) {
        super("training interrupted after iteration " + iteration + "; the trainer is usable");
        this.iteration = iteration;
    }

    /** Returns the number of iterations finished when training stopped. */
    public long iteration() {
        return iteration;
    }
}

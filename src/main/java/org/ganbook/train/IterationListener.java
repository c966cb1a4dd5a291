package org.ganbook.train;

/**
 * Called by {@link GanTrainer#fit} after iterations, e.g. to record a metric or save a checkpoint. One
 * method, where DJL's {@code TrainingListener} has a dozen for its own {@code Trainer}'s events.
 */
@FunctionalInterface
public interface IterationListener {

    /**
     * Called after an iteration.
     *
     * @param trainer the trainer, for sampling or plotting
     * @param iteration what the iteration did
     */
    void onIteration(GanTrainer trainer, Iteration iteration);
}

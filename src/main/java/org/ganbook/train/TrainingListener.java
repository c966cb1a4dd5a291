package org.ganbook.train;

/** Called by {@link GanTrainer#fit} after iterations, e.g. to print progress or draw a live plot. */
@FunctionalInterface
public interface TrainingListener {

    /**
     * Called after an iteration.
     *
     * @param trainer the trainer, for sampling or plotting
     * @param iteration what the iteration did
     */
    void onIteration(GanTrainer trainer, Iteration iteration);
}

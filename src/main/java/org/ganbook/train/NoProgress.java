package org.ganbook.train;

/** The progress that shows nothing. */
enum NoProgress implements TrainingProgress {
    INSTANCE;

    @Override
    public void start(GanTrainer trainer, int iterations) {}

    @Override
    public void update(GanTrainer trainer, Iteration iteration) {}

    @Override
    public void finish(GanTrainer trainer, Iteration last) {}
}

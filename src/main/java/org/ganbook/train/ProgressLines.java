package org.ganbook.train;

/**
 * Prints about a fixed number of plain lines per {@link GanTrainer#fit} call, each written with one
 * {@code println} (a notebook kernel turns each write of a {@code printf} into its own output fragment).
 */
final class ProgressLines implements TrainingProgress {

    private final int lines;
    private int every;
    private int done;
    private int iterations;
    private long last;
    private long startNanos;

    ProgressLines(int lines) {
        this.lines = lines;
    }

    @Override
    public void start(GanTrainer trainer, int iterations) {
        this.iterations = iterations;
        this.every = Math.max(1, iterations / lines);
        this.done = 0;
        this.last = trainer.iteration() + iterations;
        this.startNanos = System.nanoTime();
    }

    @Override
    public void update(GanTrainer trainer, Iteration iteration) {
        done++;
        if (done % every == 0 || done == iterations) {
            double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
            System.out.println(ProgressFormat.line(iteration, last, done / seconds));
        }
    }

    @Override
    public void finish(GanTrainer trainer, Iteration last) {}
}

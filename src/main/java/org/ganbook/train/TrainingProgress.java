package org.ganbook.train;

import java.util.ServiceLoader;

/**
 * What {@link GanTrainer#fit} shows while it trains: told when a call starts, after every iteration,
 * and when it ends. Implementations decide how often to show anything, so {@link #update} must be
 * cheap when there is nothing to show (a clock read).
 *
 * <p>Two kinds ship: {@link #lines(int)} prints a few plain lines (a terminal, a log), and the
 * notebook's live view ({@code org.ganbook.notebook.Live}) redraws a bar and a picture in place in
 * the running cell. By default {@code fit} uses the live view inside a Jupyter kernel and the plain
 * lines elsewhere: see {@link #automatic(int)}.
 */
public interface TrainingProgress {

    /**
     * Called once at the start of a {@code fit} call, before the first iteration.
     *
     * @param trainer the trainer, positioned at its first iteration of this call
     * @param iterations how many iterations this call will run (fewer if stopped)
     */
    void start(GanTrainer trainer, int iterations);

    /**
     * Called after every iteration of the call.
     *
     * @param trainer the trainer
     * @param iteration what the iteration did
     */
    void update(GanTrainer trainer, Iteration iteration);

    /**
     * Called once when the call ends, normally or not.
     *
     * @param trainer the trainer
     * @param last the last iteration run, or {@code null} if none ran
     */
    void finish(GanTrainer trainer, Iteration last);

    /** Shows nothing. */
    static TrainingProgress none() {
        return NoProgress.INSTANCE;
    }

    /**
     * Prints about {@code lines} plain lines per {@code fit} call (iteration, losses, D's outputs,
     * rate): for a terminal or a log.
     *
     * @param lines how many lines per call; 0 for none
     * @return the progress
     * @throws IllegalArgumentException if {@code lines} is negative
     */
    static TrainingProgress lines(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("progress lines must be >= 0, got " + lines);
        }
        return lines == 0 ? none() : new ProgressLines(lines);
    }

    /**
     * The default of {@link GanTrainer#fit}: the first {@link Provider} on the class path that offers a
     * view for the current environment (the notebook's live view, inside a Jupyter kernel), else
     * {@link #lines(int)}.
     *
     * @param lines how many plain lines to print where there is no richer view; 0 shows nothing at all
     * @return the progress
     */
    static TrainingProgress automatic(int lines) {
        if (lines == 0) {
            return none();
        }
        for (Provider provider : ServiceLoader.load(Provider.class, TrainingProgress.class.getClassLoader())) {
            TrainingProgress progress = provider.progress();
            if (progress != null) {
                return progress;
            }
        }
        return lines(lines);
    }

    /**
     * Offers a progress view for the current environment, found with {@link ServiceLoader}; the notebook
     * package registers one that answers inside a Jupyter kernel only.
     */
    interface Provider {

        /** Returns a fresh view if this environment supports it, else {@code null}. */
        TrainingProgress progress();
    }
}

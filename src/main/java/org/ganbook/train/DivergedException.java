package org.ganbook.train;

/**
 * Thrown when a loss becomes NaN or infinite. The update that would have used it was not applied,
 * so the networks keep the parameters of the last good step. A DJL {@code TrainingDivergedException}
 * that also says at which iteration.
 */
public class DivergedException extends ai.djl.TrainingDivergedException {

    private static final long serialVersionUID = 1L;

    private final long iteration;

    /**
     * Creates the exception.
     *
     * @param phase "discriminator" or "generator"
     * @param iteration the iteration at which the loss diverged
     * @param loss the loss value
     */
    public DivergedException(String phase, long iteration, double loss) {
        super(
                "training diverged at iteration " + iteration + ": the " + phase + " loss is " + loss
                        + ". The update was not applied; the networks keep the parameters of the last good"
                        + " step. Try a smaller learning rate.");
        this.iteration = iteration;
    }

    /** Returns the iteration at which the loss diverged. */
    public long iteration() {
        return iteration;
    }
}

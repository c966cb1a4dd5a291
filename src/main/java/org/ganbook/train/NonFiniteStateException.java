package org.ganbook.train;

import java.io.IOException;

/**
 * Thrown by {@link GanTrainer#save} when the trainer's state has blown up: a weight or an optimizer
 * moment is NaN or infinite, or the networks' losses on a probe batch are (weights so large that
 * the next step overflows). Such a state is not worth keeping, since training from it cannot
 * recover, so it is not written and the previous checkpoint file, if any, stays as it was.
 */
public class NonFiniteStateException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param iteration the trainer's iteration count
     * @param what what is not finite, for a person to read
     */
    public NonFiniteStateException(long iteration, String what) {
        super("after iteration " + iteration + " " + what + "; not saved, the previous checkpoint is kept");
        this.what = what;
    }

    private final String what;

    /** Returns what is not finite, e.g. "the generator's optimizer state holds NaN or infinite values". */
    public String what() {
        return what;
    }
}

package org.ganbook.train;

/**
 * The seconds a trainer has spent training: counted from its first step, carried over a checkpoint (the seconds
 * before it plus those since the first step after it), never from the trainer's construction.
 */
final class TrainingClock {

    private double secondsBefore;
    private long startNanos = -1;

    /** Starts counting, if it has not yet since construction or the last {@link #restart}. */
    void start() {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
    }

    /** Returns the seconds of training so far. */
    double seconds() {
        return startNanos < 0 ? secondsBefore : secondsBefore + (System.nanoTime() - startNanos) / 1e9;
    }

    /** Goes on from {@code seconds} (a checkpoint's), counting again from the next step. */
    void restart(double seconds) {
        secondsBefore = seconds;
        startNanos = -1;
    }
}

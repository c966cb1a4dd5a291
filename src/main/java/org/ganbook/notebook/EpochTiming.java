package org.ganbook.notebook;

import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * How long training took, read from a history's {@code seconds} and {@code epoch} columns (seconds
 * since training started and passes over the data so far, at every iteration): the time per epoch,
 * per iteration, and what a run of another length would take at the same pace.
 *
 * <pre>{@code
 * var timing = EpochTiming.of(trainer.history(), 10_000);
 * System.out.println(timing);                          // seconds per epoch and per iteration
 * double minutes = timing.secondsFor(15_625) / 60;      // another run at this pace
 * }</pre>
 *
 * @param secondsPerEpoch wall-clock seconds per pass over the data
 * @param secondsPerIteration wall-clock seconds per iteration (both phases)
 * @param datasetSize how many samples make an epoch (for the description)
 */
public record EpochTiming(double secondsPerEpoch, double secondsPerIteration, int datasetSize) {

    /**
     * Reads the pace from a history, over all its rows.
     *
     * @param history a training history with columns {@code seconds} and {@code epoch}
     * @param datasetSize how many samples make an epoch
     * @return the pace
     * @throws IllegalArgumentException if the history has fewer than two rows or covers no epochs
     */
    public static EpochTiming of(Table history, int datasetSize) {
        return of(history, datasetSize, 0);
    }

    /**
     * Reads the pace from a history, leaving out time that listeners spent during training (their
     * time is inside the history's {@code seconds}, which counts wall-clock time since training
     * started).
     *
     * @param history a training history with columns {@code seconds} and {@code epoch}
     * @param datasetSize how many samples make an epoch
     * @param listenerSeconds seconds spent in listeners during the iterations of the history
     * @return the pace of the training alone
     * @throws IllegalArgumentException if the history has fewer than two rows, covers no epochs, or
     *     the listener time is negative or not smaller than the elapsed time
     */
    public static EpochTiming of(Table history, int datasetSize, double listenerSeconds) {
        int rows = history.rowCount();
        if (rows < 2) {
            throw new IllegalArgumentException("need at least two iterations in the history, got " + rows);
        }
        double[] seconds = history.doubleColumn("seconds").asDoubleArray();
        double[] epoch = history.doubleColumn("epoch").asDoubleArray();
        double elapsed = seconds[rows - 1] - seconds[0] - listenerSeconds;
        if (listenerSeconds < 0 || !(elapsed > 0)) {
            throw new IllegalArgumentException("listener time " + listenerSeconds + " s must be >= 0 and less than the "
                    + (seconds[rows - 1] - seconds[0]) + " s the history covers");
        }
        double epochs = epoch[rows - 1] - epoch[0];
        if (!(epochs > 0)) {
            throw new IllegalArgumentException("the history covers no epochs: is the data a data set?");
        }
        return new EpochTiming(elapsed / epochs, elapsed / (rows - 1), datasetSize);
    }

    /** The seconds a run of {@code iterations} iterations would take at this pace. */
    public double secondsFor(long iterations) {
        return iterations * secondsPerIteration;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f s per epoch of %,d samples, %.1f ms per iteration (both phases)",
                secondsPerEpoch, datasetSize, 1000 * secondsPerIteration);
    }
}

package org.ganbook.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during training: the first asks training to stop after the current
 * iteration, so that the run saves a checkpoint and exits with 130 (SIGINT) or 143 (SIGTERM); a
 * second one quits at once, and the last checkpoint, written atomically, stays loadable.
 *
 * <p>The handlers do not interrupt the training thread: they call {@link
 * org.ganbook.train.GanTrainer#requestStop()}, which never disturbs a save in progress.
 */
final class StopSignals implements AutoCloseable {

    /** Exit code after SIGINT (128 + 2), as shells report it. */
    static final int EXIT_SIGINT = 130;

    /** Exit code after SIGTERM (128 + 15). */
    static final int EXIT_SIGTERM = 143;

    private final PrintStream err;
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile int exitCode;
    private volatile Runnable onStop = () -> { };

    private StopSignals(PrintStream err) {
        this.err = err;
    }

    /**
     * Installs the handlers for SIGINT and SIGTERM; {@link #close()} puts the previous ones back.
     * Where the platform does not let a program handle a signal, the signal keeps its default effect.
     *
     * @param err where to say that training is stopping
     * @return the installed handlers
     */
    static StopSignals install(PrintStream err) {
        StopSignals stop = new StopSignals(err);
        stop.handle("INT", EXIT_SIGINT);
        stop.handle("TERM", EXIT_SIGTERM);
        return stop;
    }

    private void handle(String name, int code) {
        try {
            Signal signal = new Signal(name);
            SignalHandler old = Signal.handle(signal, s -> received(code));
            signals.add(signal);
            previous.add(old);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // not available here (for example when the JVM runs with -Xrs): keep the default
        }
    }

    /** Sets what to do on the first signal (typically: ask the trainer to stop). */
    void onStop(Runnable action) {
        onStop = action;
        if (exitCode != 0) {
            action.run();
        }
    }

    /** Returns whether a stop was asked for. */
    boolean stopRequested() {
        return exitCode != 0;
    }

    /** Returns the exit code for the signal received, or 0. */
    int exitCode() {
        return exitCode;
    }

    /** Acts as if the signal with this exit code had arrived (for tests). */
    void received(int code) {
        if (exitCode != 0) {
            err.println();
            err.println("ganbook: stopped at once; the last checkpoint saved is kept");
            err.flush();
            Runtime.getRuntime().halt(exitCode);
        }
        exitCode = code;
        err.println();
        err.println("ganbook: stopping after the current step to save a checkpoint"
                + " (press Ctrl-C again to quit at once, keeping the last checkpoint)");
        err.flush();
        onStop.run();
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                Signal.handle(signals.get(i), previous.get(i));
            } catch (IllegalArgumentException e) {
                // leave it
            }
        }
        signals.clear();
        previous.clear();
    }
}

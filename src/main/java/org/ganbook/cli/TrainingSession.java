package org.ganbook.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ganbook.data.DataSource;
import org.ganbook.io.AtomicFile;
import org.ganbook.train.DivergedException;
import org.ganbook.train.NonFiniteStateException;
import tech.tablesaw.api.Table;

/**
 * One training session of a run, GAN or CycleGAN alike: the loop that calls the trainer's {@code fit}
 * between the moments something is written (grids, checkpoints), and the files written at the end.
 */
final class TrainingSession implements AutoCloseable {

    /** Called at chosen iterations between chunks of training (the soak command reports memory). */
    interface Observer {
        void at(long iteration);
    }

    private final RunConfig config;
    private final RunDirectory directory;
    private final RunTrainer trainer;
    private final TerminalProgress progress;
    private final PrintStream out;
    private final PrintStream err;
    private long lastCheckpoint = -1;

    TrainingSession(RunConfig config, RunDirectory directory, DataSource data, TerminalProgress progress,
            PrintStream out, PrintStream err) {
        this(config, directory, new DataChoice.Domains(data, null), progress, out, err);
    }

    TrainingSession(RunConfig config, RunDirectory directory, DataChoice.Domains data, TerminalProgress progress,
            PrintStream out, PrintStream err) {
        this.config = config;
        this.directory = directory;
        this.progress = progress;
        this.out = out;
        this.err = err;
        this.trainer = RunTrainer.of(config, data, progress);
    }

    RunTrainer trainer() {
        return trainer;
    }

    /**
     * Restores the run's checkpoint.
     *
     * @throws UserException if it is missing, corrupted or from other networks
     */
    void restore() {
        if (!Files.exists(directory.checkpoint())) {
            throw new UserException(directory.root() + " has a config.json but no " + RunDirectory.CHECKPOINT
                    + ": its training stopped before the first save; start it again with `ganbook train --force --out "
                    + directory.root() + " ...`");
        }
        try {
            trainer.load(directory.checkpoint());
            lastCheckpoint = trainer.iteration();
        } catch (IOException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /**
     * Trains for {@code steps} more iterations, writing grids and checkpoints on the way and every
     * output at the end.
     *
     * @param steps how many iterations
     * @param stop the signal handlers, asked after each chunk whether to stop
     * @param reportEvery also stop between chunks at multiples of this (0 for none) and tell {@code
     *     observer}
     * @param observer told at those iterations, or null
     * @return the exit code: 0, {@link GanbookCli#EXIT_DIVERGED}, or the signal's code
     * @throws IOException if an output cannot be written
     */
    int train(long steps, StopSignals stop, int reportEvery, Observer observer) throws IOException {
        long start = trainer.iteration();
        long end = start + steps;
        stop.onStop(trainer::requestStop);
        if (start == 0) {
            writeGrid(0);
            saveCheckpoint();
        }
        progress.start(start, end);
        try {
            while (trainer.iteration() < end && !stop.stopRequested()) {
                long now = trainer.iteration();
                long next = Math.min(end, nextMultiple(now, config.checkpointEvery));
                if (config.gridEvery > 0) {
                    next = Math.min(next, nextMultiple(now, config.gridEvery));
                }
                if (reportEvery > 0) {
                    next = Math.min(next, nextMultiple(now, reportEvery));
                }
                trainer.fit(Math.toIntExact(next - now));
                now = trainer.iteration();
                if (now != next) {
                    break; // stopped early by a signal
                }
                if (config.gridEvery > 0 && now % config.gridEvery == 0) {
                    writeGrid(now);
                }
                if (now % config.checkpointEvery == 0 && now < end) {
                    saveCheckpoint();
                }
                if (observer != null && reportEvery > 0 && now % reportEvery == 0) {
                    observer.at(now);
                }
            }
            progress.finish();
            finish();
        } catch (DivergedException e) {
            progress.finish();
            long step = e.iteration() + 1;
            return diverged(step, lossPart(e.getMessage()) + ". The bad update was not applied.", end);
        } catch (NonFiniteStateException e) {
            progress.finish();
            long step = trainer.iteration();
            return diverged(step, e.what() + " (found when saving the checkpoint); not saved.", end);
        }
        long done = trainer.iteration();
        if (stop.stopRequested()) {
            if (done < end) {
                out.println("interrupted at step " + done + ": checkpoint saved to " + directory.checkpoint());
                out.println("continue with: ganbook resume --out " + directory.root() + " --steps " + (end - done));
            }
            return stop.exitCode();
        }
        return 0;
    }

    /** Writes the history of the good steps and says what happened and what was kept; returns the exit code. */
    private int diverged(long step, String what, long end) throws IOException {
        writeHistory(step - 1);
        err.println("ganbook: training diverged at step " + step + ": " + what);
        err.println("ganbook: the last good checkpoint (from step " + lastCheckpoint + ") is kept in "
                + directory.checkpoint() + "; history.csv and the plots show the run up to step " + (step - 1)
                + ". Try a smaller learning rate: ganbook resume --out " + directory.root() + " --steps "
                + (end - lastCheckpoint) + " --lr RATE");
        return GanbookCli.EXIT_DIVERGED;
    }

    private static String lossPart(String message) {
        // "training diverged at iteration 12: the generator loss is NaN. The update ..." -> "the generator loss is NaN"
        int from = message.indexOf(": ");
        int to = message.indexOf(". ", from + 2);
        return from < 0 || to < 0 ? message : message.substring(from + 2, to);
    }

    private static long nextMultiple(long value, long every) {
        return (value / every + 1) * every;
    }

    /** Writes the history, the curves, the final samples and the checkpoint, then says what is where. */
    private void finish() throws IOException {
        saveCheckpoint();
        int n = config.isPoints() ? 1024 : config.model.cycle() ? 32
                : config.model.conditional() && config.numClasses > 0 && config.numClasses <= 16
                        ? config.numClasses * 8 : 64;
        Pictures.write(trainer.picture(n, trainer.iteration() + 1_000_003L, null), directory.samples());
        out.println("step " + trainer.iteration() + ": wrote " + directory.root() + "/{" + RunDirectory.HISTORY
                + ", " + RunDirectory.LOSSES + ", " + RunDirectory.D_OUTPUTS + ", " + RunDirectory.SAMPLES + ", "
                + RunDirectory.CHECKPOINT + "}" + (config.gridEvery > 0 ? " and " + RunDirectory.GRIDS + "/" : ""));
        String summary = trainer.summary();
        if (summary != null) {
            out.println(summary);
        }
    }

    /**
     * Saves the checkpoint, then the history and the curves, each written whole or not at all. The
     * checkpoint comes first, so that history.csv is never ahead of it.
     *
     * @throws NonFiniteStateException if a weight or optimizer moment is NaN or infinite (nothing is written)
     * @throws IOException if a file cannot be written; the message names it and says what was kept
     */
    void saveCheckpoint() throws IOException {
        Path file = directory.checkpoint();
        try {
            trainer.save(file);
        } catch (NonFiniteStateException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot write the checkpoint " + file + " (" + GanbookCli.reason(e) + "); "
                    + (lastCheckpoint >= 0 ? "the previous checkpoint (from step " + lastCheckpoint + ") is kept"
                            : "no checkpoint was written"), e);
        }
        lastCheckpoint = trainer.iteration();
        writeHistory(Long.MAX_VALUE);
    }

    private void writeHistory(long rows) throws IOException {
        Table all = trainer.history();
        Table history = rows < all.rowCount() ? all.first((int) Math.max(0, rows)) : all;
        Path file = directory.history();
        try {
            AtomicFile.write(file, out -> history.write().csv(out));
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot write " + file + " (" + (e instanceof IOException io ? GanbookCli.reason(io)
                    : e.getMessage()) + "); the checkpoint " + directory.checkpoint() + " (from step "
                    + lastCheckpoint + ") is kept", e);
        }
        if (history.rowCount() > 0) {
            BufferedImage[] curves = trainer.curves(history);
            Pictures.write(curves[0], directory.losses());
            Pictures.write(curves[1], directory.discriminatorOutputs());
        }
    }

    private void writeGrid(long step) throws IOException {
        BufferedImage picture = config.gridEvery > 0 ? trainer.grid(step) : null;
        if (picture != null) {
            Pictures.write(picture, directory.grid(step));
        }
    }

    @Override
    public void close() {
        trainer.close();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TrainingSession[%s, %d steps done]", directory.root(), trainer.iteration());
    }
}

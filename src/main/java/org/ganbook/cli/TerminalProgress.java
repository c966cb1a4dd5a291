package org.ganbook.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.ganbook.train.Iteration;

/**
 * Shows how training goes: on a terminal a single line that updates in place (a bar, percent done,
 * ETA, iterations per second and the current losses); otherwise plain lines at every tenth of the
 * run, which read well in a log file. Ours rather than DJL's {@code ProgressBar}, which shows neither
 * the rate, the ETA nor the losses, and redraws even where output goes to a file.
 */
final class TerminalProgress {

    /** How progress is shown. */
    enum Mode {
        /** A bar on a terminal, lines otherwise. */
        AUTO,
        /** A single updating line. */
        BAR,
        /** A plain line at every tenth of the run. */
        LINES,
        /** Nothing. */
        NONE
    }

    private static final long BAR_REFRESH_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 20;

    private final PrintStream out;
    private final Mode mode;
    private final LongSupplier clock;
    private long first;
    private long last;
    private long startNanos;
    private long lastDrawNanos;
    private int lastTenth;
    private int lastLength;
    private boolean lineOpen;

    TerminalProgress(PrintStream out, Mode mode) {
        this(out, mode, System::nanoTime);
    }

    TerminalProgress(PrintStream out, Mode mode, LongSupplier clock) {
        this.out = out;
        this.mode = mode == Mode.AUTO ? (isTerminal() ? Mode.BAR : Mode.LINES) : mode;
        this.clock = clock;
    }

    /** Returns the mode in use ({@link Mode#AUTO} resolved). */
    Mode mode() {
        return mode;
    }

    /** Returns whether standard output is a terminal. */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22 and later return a console even when output is redirected; ask it
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /**
     * Starts showing a run of iterations.
     *
     * @param fromIteration completed iterations before the run
     * @param toIteration completed iterations when the run is done
     */
    void start(long fromIteration, long toIteration) {
        first = fromIteration;
        last = toIteration;
        startNanos = clock.getAsLong();
        lastDrawNanos = 0;
        lastTenth = 0;
    }

    /** Called after each iteration of a GAN. */
    void onIteration(Iteration iteration) {
        onIteration(iteration.iteration(), () -> String.format(Locale.ROOT, "D %.3f  G %.3f",
                iteration.discriminator().loss(), iteration.generator().loss()), () -> String.format(Locale.ROOT,
                "D loss %.3f | G loss %.3f | D(x) %.3f | D(G(z)) %.3f", iteration.discriminator().loss(),
                iteration.generator().loss(), iteration.discriminator().realBefore(),
                iteration.discriminator().fakeBefore()));
    }

    /**
     * Called after each iteration of any trainer.
     *
     * @param iteration the iteration's number, 0-based
     * @param barLosses the losses for the bar, short (formatted only when drawn)
     * @param lineLosses the losses for a plain line
     */
    void onIteration(long iteration, Supplier<String> barLosses, Supplier<String> lineLosses) {
        long done = iteration + 1;
        switch (mode) {
            case BAR -> {
                long now = clock.getAsLong();
                if (now - lastDrawNanos >= BAR_REFRESH_NANOS || done >= last) {
                    lastDrawNanos = now;
                    draw(bar(barLosses.get(), done, now));
                }
            }
            case LINES -> {
                long total = Math.max(1, last - first);
                int tenth = (int) Math.min(10, (done - first) * 10 / total);
                if (tenth > lastTenth) {
                    lastTenth = tenth;
                    out.println(line(lineLosses.get(), done, clock.getAsLong()));
                }
            }
            default -> { }
        }
    }

    /** Ends the updating line, so that what is printed next starts on a line of its own. */
    void finish() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
            lastLength = 0;
        }
        out.flush();
    }

    private void draw(String text) {
        StringBuilder line = new StringBuilder("\r").append(text);
        for (int i = text.length(); i < lastLength; i++) {
            line.append(' ');
        }
        lastLength = text.length();
        lineOpen = true;
        out.print(line);
        out.flush();
    }

    String bar(String losses, long done, long now) {
        double fraction = fraction(done);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%% %d/%d  ETA %s  %s it/s  %s",
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), (int) Math.floor(fraction * 100), done, last,
                eta(done, now), rate(done, now), losses);
    }

    String line(String losses, long done, long now) {
        return String.format(Locale.ROOT, "step %d/%d (%d%%) | %s | %s it/s | ETA %s",
                done, last, (int) Math.floor(fraction(done) * 100), losses, rate(done, now), eta(done, now));
    }

    private double fraction(long done) {
        return last <= first ? 1 : Math.min(1, (double) (done - first) / (last - first));
    }

    private String rate(long done, long now) {
        double seconds = (now - startNanos) / 1e9;
        if (seconds <= 0 || done <= first) {
            return "-";
        }
        double perSecond = (done - first) / seconds;
        return perSecond >= 10 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.2f", perSecond);
    }

    private String eta(long done, long now) {
        double seconds = (now - startNanos) / 1e9;
        if (done <= first || seconds <= 0) {
            return "?";
        }
        return duration((last - done) * seconds / (done - first));
    }

    /** Formats seconds as {@code m:ss} or {@code h:mm:ss}. */
    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        long hours = s / 3600;
        long minutes = (s % 3600) / 60;
        long rest = s % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}

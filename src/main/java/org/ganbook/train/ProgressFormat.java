package org.ganbook.train;

import java.util.Locale;

/** How progress reports write rates, durations and the one-line summary of an iteration. */
public final class ProgressFormat {

    private ProgressFormat() {}

    /**
     * A rate in iterations per second, with as many digits as are meaningful: "376 it/s", "12.5 it/s",
     * "2.31 it/s"; "? it/s" before anything was measured.
     *
     * @param perSecond iterations per second
     * @return the rate
     */
    public static String rate(double perSecond) {
        if (!Double.isFinite(perSecond) || perSecond <= 0) {
            return "? it/s";
        }
        String pattern = perSecond >= 100 ? "%.0f it/s" : perSecond >= 10 ? "%.1f it/s" : "%.2f it/s";
        return String.format(Locale.ROOT, pattern, perSecond);
    }

    /**
     * A duration as m:ss, or h:mm:ss from an hour on: "0:07", "12:30", "1:02:03"; "?" if unknown.
     *
     * @param seconds the duration
     * @return the duration
     */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    /**
     * The time left at a constant rate.
     *
     * @param remaining iterations still to run
     * @param perSecond iterations per second so far
     * @return seconds, or NaN if the rate is unknown
     */
    public static double eta(long remaining, double perSecond) {
        if (remaining <= 0) {
            return 0;
        }
        return perSecond > 0 && Double.isFinite(perSecond) ? remaining / perSecond : Double.NaN;
    }

    /**
     * The plain line the console progress prints:
     * {@code iteration 300/3000 | D loss 0.692 | G loss 0.719 | D(x) 0.488 | D(G(z)) 0.486 | 178 it/s}.
     *
     * @param it the iteration
     * @param last the iteration count at which the current call ends
     * @param perSecond the rate so far
     * @return the line
     */
    public static String line(Iteration it, long last, double perSecond) {
        return String.format(Locale.ROOT,
                "iteration %d/%d | D loss %.3f | G loss %.3f | D(x) %.3f | D(G(z)) %.3f | %s",
                it.iteration() + 1,
                last,
                it.discriminator().loss(),
                it.generator().loss(),
                it.discriminator().realBefore(),
                it.discriminator().fakeBefore(),
                rate(perSecond));
    }
}

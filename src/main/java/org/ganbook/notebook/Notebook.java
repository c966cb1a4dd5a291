package org.ganbook.notebook;

import java.util.Locale;

/**
 * Small helpers that only notebooks use: the quick/full switch and checked claims.
 *
 * <p>The kernel's start-up script imports these statically, so a cell can write {@code quick()} or
 * {@code check("D did not change", comparison.unchanged())}.
 */
public final class Notebook {

    /** The environment variable that selects quick mode (fewer training steps), as the tests use. */
    public static final String QUICK_VARIABLE = "GANBOOK_QUICK";

    private Notebook() {}

    /**
     * Returns whether the notebook runs in quick mode: the test suite sets {@code GANBOOK_QUICK=1} so
     * that every notebook runs in seconds; a reader gets the full run.
     */
    public static boolean quick() {
        String value = System.getenv(QUICK_VARIABLE);
        if (value == null) {
            return false;
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        return value.equals("1") || value.equals("true") || value.equals("yes");
    }

    /**
     * A setting with two values, the one of the full run first: {@code int steps = full(3000).quick(1500);}
     * gives 3000 in a reader's run and 1500 when the test suite runs the notebook in quick mode.
     *
     * @param value the value of the full run
     * @param <T> the type of the setting
     * @return the setting, completed by {@link Setting#quick}
     */
    public static <T> Setting<T> full(T value) {
        return new Setting<>(value);
    }

    /**
     * The full-run half of a setting made by {@link #full}.
     *
     * @param <T> the type of the setting
     */
    public static final class Setting<T> {
        private final T full;

        private Setting(T full) {
            this.full = full;
        }

        /**
         * Completes the setting with its quick-mode value.
         *
         * @param value the value in quick mode
         * @return the value for this run: {@code value} in quick mode, the full-run value otherwise
         */
        public T quick(T value) {
            return quick() ? value : full;
        }

        private static boolean quick() {
            return Notebook.quick();
        }
    }

    /**
     * States a claim the notebook makes and proves it: prints it with a check mark when it holds,
     * stops the notebook with an {@link AssertionError} when it does not.
     *
     * @param claim the claim in words
     * @param holds whether it holds, computed in the cell
     */
    public static void check(String claim, boolean holds) {
        if (!holds) {
            throw new AssertionError("claim does not hold: " + claim);
        }
        System.out.println("\u2714 " + claim);
    }

    /**
     * Checks that a computed number is close to the expected one, printing both.
     *
     * @param claim what the number is, in words
     * @param actual the computed value
     * @param expected the value the theory predicts
     * @param tolerance the largest acceptable absolute difference
     */
    public static void checkClose(String claim, double actual, double expected, double tolerance) {
        String line = String.format(Locale.ROOT, "%s: %.6f (expected %.6f \u00b1 %.2g)", claim, actual, expected, tolerance);
        check(line, Math.abs(actual - expected) <= tolerance);
    }
}

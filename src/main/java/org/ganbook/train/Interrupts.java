package org.ganbook.train;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether the code that called {@code fit} was asked to stop: the thread's interrupt flag, or a second
 * source that cannot be lost.
 *
 * <p>A notebook's stop button cancels the running cell, which interrupts its thread. The flag alone is
 * not reliable: library code can clear it before {@code fit} looks (Java2D's font reader, when a pending
 * interrupt closes its file channel, clears the flag and reads again, so a listener that draws text can
 * swallow the stop). The notebook kernel therefore installs the cell's own "cancelled" state here
 * ({@code Notebook} does it when the kernel starts); outside a kernel there is none and only the flag counts.
 */
public final class Interrupts {

    private static final BooleanSupplier NEVER = () -> false;

    private static volatile Supplier<BooleanSupplier> source = () -> NEVER;

    private Interrupts() {
    }

    /**
     * Installs the second source: called at the start of each {@code fit}, it returns the "was this
     * call's caller cancelled" test for the calling thread (checked after every iteration).
     *
     * @param cancelledForThisThread gives the test for the calling thread; {@code () -> () -> false} for none
     */
    public static void install(Supplier<BooleanSupplier> cancelledForThisThread) {
        source = Objects.requireNonNull(cancelledForThisThread, "cancelledForThisThread");
    }

    /** The test for the calling thread, taken once at the start of a {@code fit}. */
    static BooleanSupplier forThisCall() {
        try {
            BooleanSupplier test = source.get();
            return test == null ? NEVER : test;
        } catch (RuntimeException e) {
            return NEVER; // a broken source must not stop training: the interrupt flag still counts
        }
    }

    /**
     * True if the thread is interrupted or {@code cancelled} says so; in the second case the thread's
     * interrupt flag is set again, so that a loop around {@code fit} stops at its next call too.
     */
    static boolean requested(BooleanSupplier cancelled) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        boolean lost;
        try {
            lost = cancelled.getAsBoolean();
        } catch (RuntimeException e) {
            lost = false;
        }
        if (lost) {
            Thread.currentThread().interrupt();
        }
        return lost;
    }
}

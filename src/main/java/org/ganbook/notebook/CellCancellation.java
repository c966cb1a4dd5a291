package org.ganbook.notebook;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.ganbook.train.Interrupts;

/**
 * The running cell's "cancelled" state in a JJava kernel, for {@link Interrupts}: the stop button cancels
 * the cell's {@code Future} and interrupts its thread, and unlike the thread's interrupt flag the
 * cancelled state cannot be cleared by code that runs in the cell.
 *
 * <p>JJava keeps the futures of running cells in a private map of its execution control (one entry while
 * a cell runs); it is reached by reflection, as {@link JupyterKernel} reaches the display channel, so the
 * library has no compile-time dependency on JJava. Where anything is missing (no kernel, another JJava
 * version) nothing is installed and the interrupt flag alone stops training, as before.
 */
public final class CellCancellation {

    private static final String BASE_KERNEL = "org.dflib.jjava.jupyter.kernel.BaseKernel";

    private final Map<?, ?> running;

    private CellCancellation(Map<?, ?> running) {
        this.running = running;
    }

    /**
     * Installs the running cell's cancelled state as a stop source for every trainer's {@code fit}, if
     * this code runs in a JJava kernel whose internals are as expected; the kernel's start-up does this.
     *
     * @return whether it was installed
     */
    public static boolean install() {
        Optional<CellCancellation> found = find(CellCancellation.class.getClassLoader());
        found.ifPresent(c -> Interrupts.install(c::forThisCell));
        return found.isPresent();
    }

    static Optional<CellCancellation> find(ClassLoader loader) {
        try {
            Class<?> baseKernel = Class.forName(BASE_KERNEL, false, loader);
            Object kernel = baseKernel.getMethod("notebookKernel").invoke(null);
            if (kernel == null) {
                return Optional.empty();
            }
            Object evaluator = field(kernel, "evaluator");
            Object control = field(evaluator, "execControl");
            Object running = field(control, "running");
            return running instanceof Map ? Optional.of(new CellCancellation((Map<?, ?>) running)) : Optional.empty();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.empty(); // no kernel, or a JJava whose fields differ: the interrupt flag still works
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(owner);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    /**
     * The test for the calling cell: bound to the one running cell's future the first time it is asked
     * (a cell's future enters the map just after its thread starts, so binding waits for it), then true
     * once that future is cancelled.
     */
    BooleanSupplier forThisCell() {
        return new BooleanSupplier() {
            private Future<?> cell;

            @Override
            public boolean getAsBoolean() {
                if (cell == null) {
                    cell = theRunningCell();
                }
                return cell != null && cell.isCancelled();
            }
        };
    }

    private Future<?> theRunningCell() {
        Object[] futures = running.values().toArray();
        // one cell runs at a time; with none (not yet entered) or several (unexpected) bind nothing yet
        return futures.length == 1 && futures[0] instanceof Future ? (Future<?>) futures[0] : null;
    }
}

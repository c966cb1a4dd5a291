package org.ganbook.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The running JJava kernel's display channel, reached by reflection: the kernel's classes sit in the
 * class loader above the notebook's, so the library needs no compile-time dependency on JJava and runs
 * unchanged where there is no kernel ({@link #find()} is then empty).
 *
 * <p>It calls {@code BaseKernel.notebookKernel()}, builds a {@code DisplayData} bundle with a display
 * id and sends it with {@code BaseKernel.display} or {@code kernel.getIO().display.updateDisplay(id,
 * data)}, which is what a cell's {@code display(obj)} and {@code updateDisplay(id, obj)} do.
 */
public final class JupyterKernel implements CellOutput {

    private static final String BASE_KERNEL = "org.dflib.jjava.jupyter.kernel.BaseKernel";
    private static final String DISPLAY_DATA = "org.dflib.jjava.jupyter.kernel.display.DisplayData";

    private final Object kernel;
    private final Object stream;
    private final Class<?> displayData;
    private final Method putData;
    private final Method setDisplayId;
    private final Method display;
    private final Method updateDisplay;
    private final Method isAttached;

    private JupyterKernel(Object kernel, ClassLoader loader) throws ReflectiveOperationException {
        this.kernel = kernel;
        this.displayData = Class.forName(DISPLAY_DATA, false, loader);
        this.putData = displayData.getMethod("putData", String.class, Object.class);
        this.setDisplayId = displayData.getMethod("setDisplayId", String.class);
        Class<?> baseKernel = Class.forName(BASE_KERNEL, false, loader);
        this.display = baseKernel.getMethod("display", displayData);
        Object io = baseKernel.getMethod("getIO").invoke(kernel);
        this.isAttached = io.getClass().getMethod("isAttached");
        this.stream = io.getClass().getField("display").get(io);
        this.updateDisplay = stream.getClass().getMethod("updateDisplay", String.class, displayData);
    }

    /**
     * Finds the kernel this code runs in.
     *
     * @return the kernel's display channel, or empty outside a JJava kernel or when no cell is running
     *     (nothing could be shown)
     */
    public static Optional<JupyterKernel> find() {
        return find(JupyterKernel.class.getClassLoader());
    }

    static Optional<JupyterKernel> find(ClassLoader loader) {
        try {
            Class<?> baseKernel = Class.forName(BASE_KERNEL, false, loader);
            Object kernel = baseKernel.getMethod("notebookKernel").invoke(null);
            if (kernel == null) {
                return Optional.empty();
            }
            JupyterKernel found = new JupyterKernel(kernel, loader);
            return found.attached() ? Optional.of(found) : Optional.empty();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // no JJava here (ClassNotFoundException), no kernel running (the call throws), or an
            // unknown JJava version: the library works without a kernel
            return Optional.empty();
        }
    }

    private boolean attached() throws ReflectiveOperationException {
        return (Boolean) isAttached.invoke(kernel.getClass().getMethod("getIO").invoke(kernel));
    }

    @Override
    public String display(Map<String, String> bundle) {
        String id = UUID.randomUUID().toString();
        invoke(display, kernel, data(bundle, id));
        return id;
    }

    @Override
    public void update(String id, Map<String, String> bundle) {
        invoke(updateDisplay, stream, id, data(bundle, id));
    }

    private Object data(Map<String, String> bundle, String id) {
        try {
            Object data = displayData.getConstructor().newInstance();
            for (Map.Entry<String, String> entry : bundle.entrySet()) {
                putData.invoke(data, entry.getKey(), entry.getValue());
            }
            setDisplayId.invoke(data, id);
            return data;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the kernel's display data: " + e, e);
        }
    }

    private static void invoke(Method method, Object target, Object... args) {
        try {
            method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the kernel's display failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call the kernel's display: " + e, e);
        }
    }
}

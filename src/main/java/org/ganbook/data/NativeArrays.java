package org.ganbook.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Java arrays copied into engine arrays without a new direct buffer per call.
 *
 * <p>{@code NDManager.create(float[])} copies the values into a fresh direct {@code ByteBuffer}
 * that the engine array then uses as its memory; the buffer is freed only when the garbage
 * collector finds it, long after the array is closed. A training loop makes several such arrays
 * per step (real batch, noise, labels), so the process's resident memory climbs by hundreds of MB
 * between collections. Here the values go through one reused buffer per thread into memory the
 * engine allocates itself and frees when the array is closed.
 */
public final class NativeArrays {

    private static final ThreadLocal<ByteBuffer> STAGING =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.nativeOrder()));

    private NativeArrays() {}

    /**
     * Copies {@code values} into a new float32 array of the given shape.
     *
     * @param manager the manager that owns the new array
     * @param values the values, row-major
     * @param shape the shape; its size must equal {@code values.length}
     * @return the array
     */
    public static NDArray copyOf(NDManager manager, float[] values, Shape shape) {
        checkSize(values.length, shape);
        ByteBuffer staging = staging(values.length * Float.BYTES);
        staging.asFloatBuffer().put(values);
        return filled(manager, staging, shape, DataType.FLOAT32);
    }

    /**
     * Copies {@code values} into a new int32 array of shape {@code (values.length)}.
     *
     * @param manager the manager that owns the new array
     * @param values the values
     * @return the array
     */
    public static NDArray copyOf(NDManager manager, int[] values) {
        ByteBuffer staging = staging(values.length * Integer.BYTES);
        staging.asIntBuffer().put(values);
        return filled(manager, staging, new Shape(values.length), DataType.INT32);
    }

    private static NDArray filled(NDManager manager, ByteBuffer staging, Shape shape, DataType type) {
        // an array over the staging buffer's memory, then a copy of it into the engine's own memory
        try (NDArray view = manager.create(staging, shape, type)) {
            return view.duplicate();
        }
    }

    private static void checkSize(int count, Shape shape) {
        if (shape.size() != count) {
            throw new IllegalArgumentException(count + " values do not fill an array of shape " + shape);
        }
    }

    private static ByteBuffer staging(int bytes) {
        ByteBuffer buffer = STAGING.get();
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(Math.max(bytes, 2 * buffer.capacity())).order(ByteOrder.nativeOrder());
            STAGING.set(buffer);
        }
        buffer.clear().limit(bytes);
        return buffer;
    }
}

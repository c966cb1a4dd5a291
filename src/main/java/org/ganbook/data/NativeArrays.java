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
    /**
     * {@code array} times {@code factor}, safe inside a {@link ai.djl.training.GradientCollector}. Use it
     * instead of {@code array.mul(factor)} wherever a gradient flows back through the product.
     *
     * <p>DJL's {@code mul(Number)} (and {@code div(Number)}) wraps the number in a tensor over a fresh
     * direct {@code ByteBuffer} and closes it right after the operation. Autograd keeps that tensor for the
     * backward pass ({@code MulBackward} multiplies the incoming gradient by it), but its memory belongs to
     * the buffer, which the garbage collector frees once the array is closed: a collection between the
     * forward and the backward pass lets backward read freed memory, and the gradient is scaled by
     * whatever is there. Training then differs from run to run and can blow up (a CycleGAN with the
     * least-squares loss and the cycle weight did). Here the number is a tensor in memory the engine owns.
     *
     * @param array the array
     * @param factor the number to multiply by
     * @return the product, in {@code array}'s manager
     */
    public static NDArray times(NDArray array, float factor) {
        try (NDArray scalar = array.getManager().full(new Shape(), factor, array.getDataType())) {
            return array.mul(scalar);
        }
    }
}

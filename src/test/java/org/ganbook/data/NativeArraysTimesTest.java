package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link NativeArrays#times} keeps its factor alive for the backward pass: between the forward and the
 * backward pass the garbage collector runs and the freed memory is written over, and the gradient is
 * still exactly the factor. DJL's own {@code mul(Number)} gets a wrong gradient under the same
 * conditions (its factor lives in a direct buffer that is freed when the collector runs); the test
 * reports how often, to show that the conditions do what they are meant to.
 */
class NativeArraysTimesTest {

    private static final float FACTOR = 0.375f;

    @Test
    void theGradientThroughTimesIsTheFactorEvenAfterACollectionBetweenForwardAndBackward() {
        int wrongWithDjl = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            assertEquals(FACTOR, gradientAfterCollection(NativeArrays::times), 0f, "attempt " + attempt);
            if (gradientAfterCollection((x, f) -> x.mul(f)) != FACTOR) {
                wrongWithDjl++;
            }
        }
        System.out.println("DJL's mul(Number): wrong gradient in " + wrongWithDjl + " of 20 attempts");
    }

    /** d(sum(x · factor))/dx for x = ones(1000), with a collection and fresh direct buffers in between. */
    private static float gradientAfterCollection(BiFunction<NDArray, Float, NDArray> times) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new ai.djl.ndarray.types.Shape(1000));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = times.apply(x, FACTOR).sum();
                scribble();
                collector.backward(y);
            }
            return x.getGradient().getFloat(0);
        }
    }

    /** Collects garbage (freeing unreachable direct buffers), then fills new direct buffers with 7s. */
    private static void scribble() {
        System.gc();
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4);
            b.putFloat(0, 7f);
            buffers.add(b);
        }
        buffers.clear();
    }
}

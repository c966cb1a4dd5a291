package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SwitchingOptimizerTest {

    @Test
    void usesTheFirstOptimizerForTheFirstUpdatesOfEachParameterThenTheSecond() {
        try (NDManager manager = NDManager.newBaseManager()) {
            var optimizer = SwitchingOptimizer.after(2, Optimizers.sgd(1f), Optimizers.sgd(0.1f));
            NDArray a = manager.create(new float[] {0f});
            NDArray b = manager.create(new float[] {0f});
            for (int i = 0; i < 4; i++) {
                optimizer.update("a", a, manager.create(new float[] {1f}));
            }
            optimizer.update("b", b, manager.create(new float[] {1f}));
            // a: two steps of 1, two of 0.1 -> -2.2; b: still in the first phase -> -1
            assertArrayEquals(new float[] {-2.2f}, a.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {-1f}, b.toFloatArray(), 1e-6f);
            assertTrue(optimizer.inSecondPhase());
            assertEquals(0.1f, optimizer.learningRate(), 0f);
        }
    }

    @Test
    void reportsTheFirstLearningRateBeforeTheSwitch() {
        var optimizer = SwitchingOptimizer.after(10, Optimizers.adam(1e-3f, 0.5f), Optimizers.adam(1e-4f, 0.5f));
        assertFalse(optimizer.inSecondPhase());
        assertEquals(1e-3f, optimizer.learningRate(), 0f);
        assertTrue(optimizer.toString().contains("10 updates"));
    }

    @Test
    void stateSurvivesASaveAndLoad() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            var original = SwitchingOptimizer.after(3, Optimizers.adam(1e-2f, 0.5f), Optimizers.adam(1e-3f, 0.5f));
            NDArray w = manager.create(new float[] {1f, 2f});
            for (int i = 0; i < 5; i++) {
                original.update("w", w, manager.create(new float[] {0.5f, -0.5f}));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.saveState(new DataOutputStream(bytes));
            var restored = SwitchingOptimizer.after(3, Optimizers.adam(1e-2f, 0.5f), Optimizers.adam(1e-3f, 0.5f));
            restored.loadState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), manager);
            assertTrue(restored.inSecondPhase());
            NDArray w1 = w.duplicate();
            NDArray w2 = w.duplicate();
            original.update("w", w1, manager.create(new float[] {0.5f, -0.5f}));
            restored.update("w", w2, manager.create(new float[] {0.5f, -0.5f}));
            assertArrayEquals(w1.toFloatArray(), w2.toFloatArray(), 0f);
        }
    }

    @Test
    void rejectsBadArguments() {
        ResumableOptimizer one = Optimizers.sgd(1f);
        assertThrows(IllegalArgumentException.class, () -> SwitchingOptimizer.after(-1, one, Optimizers.sgd(1f)));
        assertThrows(IllegalArgumentException.class, () -> SwitchingOptimizer.after(1, one, one));
        assertThrows(IllegalArgumentException.class, () -> SwitchingOptimizer.after(1, null, one));
    }
}

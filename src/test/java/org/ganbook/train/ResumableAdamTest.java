package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adam against the update written out by hand in double precision (torch.optim.Adam's formula), on
 * both of its paths: libtorch's fused kernel (float32 weights) and DJL's per-weight update (the
 * fallback, taken here for float64 weights).
 */
class AdamTest {

    private static final float LR = 0.01f;
    private static final float BETA1 = 0.5f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    /** Loss Σ c·w² + w, so the gradient is 2c·w + 1: a different gradient at every step. */
    private static final double C = 0.7;

    @Test
    void theFusedKernelIsWhatFloat32WeightsUse() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertTrue(FusedAdam.supports(List.of(manager.ones(new ai.djl.ndarray.types.Shape(2)))),
                    "the TorchScript kernel fused-adam.pt did not load on the PyTorch engine");
            assertFalse(FusedAdam.supports(List.of(manager.ones(new ai.djl.ndarray.types.Shape(2), DataType.FLOAT64))));
        }
    }

    @Test
    void fusedKernelMatchesTheHandComputedUpdate() {
        checkAgainstHandComputed(DataType.FLOAT32, 1e-6);
    }

    @Test
    void fallbackUpdateMatchesTheHandComputedUpdate() {
        checkAgainstHandComputed(DataType.FLOAT64, 1e-6);
    }

    private static void checkAgainstHandComputed(DataType type, double tolerance) {
        double[][] start = {{1.0, -2.0, 0.5}, {3.0, 0.0}};
        double[][] expected = copy(start);
        double[][] m = {new double[3], new double[2]};
        double[][] v = {new double[3], new double[2]};
        ResumableOptimizer adam = Optimizers.adam(LR, BETA1);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(start[0]).toType(type, false);
            NDArray b = manager.create(start[1]).toType(type, false);
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            for (int t = 1; t <= 4; t++) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = a.square().mul(C).add(a).sum().add(b.square().mul(C).add(b).sum());
                    collector.backward(loss);
                }
                try (NDArray ga = a.getGradient(); NDArray gb = b.getGradient()) {
                    adam.update(List.of("a", "b"), List.of(a, b), List.of(ga, gb));
                    assertEquals(0.0, ga.abs().sum().toType(DataType.FLOAT64, false).getDouble(),
                            "the update clears the gradient");
                    assertEquals(0.0, gb.abs().sum().toType(DataType.FLOAT64, false).getDouble());
                }
                for (int p = 0; p < 2; p++) {
                    for (int i = 0; i < expected[p].length; i++) {
                        double g = 2 * C * expected[p][i] + 1;
                        m[p][i] = BETA1 * m[p][i] + (1 - BETA1) * g;
                        v[p][i] = BETA2 * v[p][i] + (1 - BETA2) * g * g;
                        double mHat = m[p][i] / (1 - Math.pow(BETA1, t));
                        double vHat = v[p][i] / (1 - Math.pow(BETA2, t));
                        expected[p][i] -= LR * mHat / (Math.sqrt(vHat) + EPS);
                    }
                }
                assertArrayEquals(expected[0], toDoubles(a), tolerance, "step " + t + ", weight a");
                assertArrayEquals(expected[1], toDoubles(b), tolerance, "step " + t + ", weight b");
            }
        }
    }

    @Test
    void oneCallForAllWeightsEqualsOneCallPerWeight() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] w = {0.3f, -1.2f, 2.0f, 0.0f};
            float[] g = {0.5f, 0.25f, -3.0f, 1e-3f};
            ResumableOptimizer together = Optimizers.adam(LR, BETA1);
            ResumableOptimizer apart = Optimizers.adam(LR, BETA1);
            NDArray w1 = manager.create(w);
            NDArray w2 = manager.create(w);
            NDArray u1 = manager.create(g);
            NDArray u2 = manager.create(g);
            for (int t = 0; t < 3; t++) {
                together.update(List.of("w", "u"), List.of(w1, u1), List.of(manager.create(g), manager.create(w)));
                apart.update("w", w2, manager.create(g));
                apart.update("u", u2, manager.create(w));
            }
            assertArrayEquals(w2.toFloatArray(), w1.toFloatArray());
            assertArrayEquals(u2.toFloatArray(), u1.toFloatArray());
            assertArrayEquals(state(apart), state(together), "the moments and step counts agree too");
        }
    }

    private static byte[] state(ResumableOptimizer optimizer) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        optimizer.saveState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    @Test
    void savedStateContinuesTheSameUpdates() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] g = {0.5f, -0.25f};
            ResumableOptimizer first = Optimizers.adam(LR, BETA1);
            NDArray w = manager.create(new float[] {1f, 2f});
            first.update("w", w, manager.create(g));
            ResumableOptimizer resumed = Optimizers.adam(LR, BETA1);
            resumed.loadState(new DataInputStream(new ByteArrayInputStream(state(first))), manager);
            NDArray copy = w.duplicate();
            first.update("w", w, manager.create(g));
            resumed.update("w", copy, manager.create(g));
            assertArrayEquals(w.toFloatArray(), copy.toFloatArray());
        }
    }

    private static double[] toDoubles(NDArray array) {
        return array.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    private static double[][] copy(double[][] values) {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }
}

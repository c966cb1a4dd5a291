package org.ganbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class Upsample2dTest {

    @Test
    void doublesEachPixelIntoATwoByTwoSquare() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            float[] expected = {
                1, 1, 2, 2,
                1, 1, 2, 2,
                3, 3, 4, 4,
                3, 3, 4, 4
            };
            NDArray y = Upsample2d.upsample(x, 2);
            assertEquals(new Shape(1, 1, 4, 4), y.getShape());
            assertArrayEquals(expected, y.toFloatArray());
        }
    }

    @Test
    void tripleFactorOnANonSquareImage() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {5, -1}, new Shape(1, 1, 1, 2));
            float[] expected = {
                5, 5, 5, -1, -1, -1,
                5, 5, 5, -1, -1, -1,
                5, 5, 5, -1, -1, -1
            };
            NDArray y = Upsample2d.upsample(x, 3);
            assertEquals(new Shape(1, 1, 3, 6), y.getShape());
            assertArrayEquals(expected, y.toFloatArray());
        }
    }

    @Test
    void keepsImagesAndChannelsApartAsABlock() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Upsample2d block = new Upsample2d(2);
            for (int batch : new int[] {1, 2, 5}) {
                Shape in = new Shape(batch, 3, 2, 2);
                block.initialize(manager, DataType.FLOAT32, in);
                assertEquals(new Shape(batch, 3, 4, 4), block.getOutputShapes(new Shape[] {in})[0]);
                NDArray x = manager.arange((float) in.size()).reshape(in);
                NDArray y =
                        block.forward(new ParameterStore(manager, false), new NDList(x), false)
                                .singletonOrThrow();
                assertEquals(new Shape(batch, 3, 4, 4), y.getShape());
                float[] in1 = x.toFloatArray();
                float[] out = y.toFloatArray();
                for (int n = 0; n < batch; n++) {
                    for (int c = 0; c < 3; c++) {
                        for (int i = 0; i < 4; i++) {
                            for (int j = 0; j < 4; j++) {
                                float source = in1[((n * 3 + c) * 2 + i / 2) * 2 + j / 2];
                                assertEquals(source, out[((n * 3 + c) * 4 + i) * 4 + j]);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void backwardSumsTheGradientOfEachSquareIntoItsPixel() {
        // d/dx of sum(w · upsample(x)) is, for every input pixel, the sum of w over its 2×2 square
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(2, 1, 2, 2));
            x.setRequiresGradient(true);
            float[] w = new float[32];
            for (int i = 0; i < w.length; i++) {
                w[i] = i * 0.5f - 3;
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = Upsample2d.upsample(x, 2);
                collector.backward(y.mul(manager.create(w, y.getShape())).sum());
            }
            float[] expected = new float[8];
            for (int n = 0; n < 2; n++) {
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        expected[n * 4 + (i / 2) * 2 + j / 2] += w[n * 16 + i * 4 + j];
                    }
                }
            }
            assertArrayEquals(expected, x.getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void threeAxisImagesAreUpsampledToo() {
        // (C, H, W) takes the general path, (N, C, H, W) the engine's kernel: the same numbers
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.arange(12f).reshape(3, 2, 2);
            assertArrayEquals(
                    Upsample2d.upsample(x.expandDims(0), 2).toFloatArray(),
                    Upsample2d.upsample(x, 2).toFloatArray());
        }
    }

    @Test
    void rejectsAFactorBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new Upsample2d(0));
    }
}

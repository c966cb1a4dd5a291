package org.ganbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransposedConv2dTest {

    private static final Shape ONE = new Shape(1, 1);
    private static final Shape ZERO = new Shape(0, 0);

    /** The two ways the layer computes: libtorch's kernel (the default on PyTorch) and the sub-pixel fallback. */
    enum Form {
        LIBTORCH,
        SUB_PIXEL;

        NDArray apply(NDArray x, NDArray k, NDArray b, Shape stride, Shape padding, Shape outPadding, Shape dilation) {
            if (this == LIBTORCH) {
                assertTrue(LibtorchConvTranspose.supports(x, k, b), "libtorch's kernel is not used for these arrays");
                return TransposedConv2d.transposedConv2d(x, k, b, stride, padding, outPadding, dilation);
            }
            return TransposedConv2d.subPixel(x, k, b, stride, padding, outPadding, dilation);
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void strideTwoKernelTwoStampsNonOverlappingCopies(Form form) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, -1, 2, 0.5f}, new Shape(1, 1, 2, 2));
            NDArray k = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            // each input pixel scales the kernel into its own 2x2 block
            float[] expected = {
                1, 2, -1, -2,
                3, 4, -3, -4,
                2, 4, 0.5f, 1,
                6, 8, 1.5f, 2
            };
            NDArray y = form.apply(x, k, null, new Shape(2, 2), ZERO, ZERO, ONE);
            assertEquals(new Shape(1, 1, 4, 4), y.getShape());
            assertArrayEquals(expected, y.toFloatArray(), 1e-6f);
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void strideTwoKernelThreeAddsTheOverlaps(Form form) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            NDArray k =
                    manager.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new Shape(1, 1, 3, 3));
            // full output (padding 0), worked out by hand: stamps at (0,0), (0,2), (2,0), (2,2)
            float[] full = {
                1, 2, 5, 4, 6,
                4, 5, 14, 10, 12,
                10, 14, 36, 24, 30,
                12, 15, 34, 20, 24,
                21, 24, 55, 32, 36
            };
            NDArray y = form.apply(x, k, null, new Shape(2, 2), ZERO, ZERO, ONE);
            assertEquals(new Shape(1, 1, 5, 5), y.getShape());
            assertArrayEquals(full, y.toFloatArray(), 1e-5f);

            // padding 1 removes one row/column on each side
            float[] padded = {
                5, 14, 10,
                14, 36, 24,
                15, 34, 20
            };
            y = form.apply(x, k, null, new Shape(2, 2), ONE, ZERO, ONE);
            assertEquals(new Shape(1, 1, 3, 3), y.getShape());
            assertArrayEquals(padded, y.toFloatArray(), 1e-5f);

            // padding 1, output padding 1: rows/columns 1..4 of the full output, plus the bias
            float[] outPadded = {
                5.5f, 14.5f, 10.5f, 12.5f,
                14.5f, 36.5f, 24.5f, 30.5f,
                15.5f, 34.5f, 20.5f, 24.5f,
                24.5f, 55.5f, 32.5f, 36.5f
            };
            NDArray bias = manager.create(new float[] {0.5f});
            y = form.apply(x, k, bias, new Shape(2, 2), ONE, ONE, ONE);
            assertEquals(new Shape(1, 1, 4, 4), y.getShape());
            assertArrayEquals(outPadded, y.toFloatArray(), 1e-5f);
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void matchesAScatterAddLoopOnRandomInputs(Form form) {
        Random random = new Random(7);
        int[][] cases = {
            // batch, cIn, cOut, h, w, kH, kW, stride, padding, outPadding, dilation
            {2, 3, 4, 5, 4, 4, 4, 2, 1, 0, 1},
            {1, 2, 3, 3, 5, 3, 3, 2, 1, 1, 1},
            {3, 1, 2, 4, 4, 3, 2, 3, 0, 2, 1},
            {1, 2, 2, 3, 3, 3, 3, 2, 3, 1, 1}, // padding larger than kernel - 1: crops
            {2, 2, 3, 4, 3, 3, 3, 1, 1, 1, 2}, // dilation 2
            {1, 4, 1, 7, 7, 5, 5, 1, 2, 0, 1},
            {2, 3, 2, 7, 7, 4, 4, 2, 1, 1, 1}, // the DCGAN layer with output padding
            {1, 2, 3, 3, 5, 2, 2, 2, 0, 0, 1}, // kernel = stride: no overlap
            {1, 2, 2, 4, 3, 6, 3, 3, 1, 0, 1}, // stride 3, kernel a multiple of it in one axis only
            {2, 1, 2, 3, 4, 3, 4, 2, 2, 1, 3}, // dilation 3 with a stride
            {1, 1, 1, 1, 1, 4, 4, 2, 1, 0, 1}, // a single input pixel
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int[] c : cases) {
                int batch = c[0], cIn = c[1], cOut = c[2], h = c[3], w = c[4], kH = c[5], kW = c[6];
                int s = c[7], p = c[8], op = c[9], d = c[10];
                float[] x = randomValues(random, batch * cIn * h * w);
                float[] k = randomValues(random, cIn * cOut * kH * kW);
                float[] b = randomValues(random, cOut);
                int outH = (h - 1) * s - 2 * p + d * (kH - 1) + op + 1;
                int outW = (w - 1) * s - 2 * p + d * (kW - 1) + op + 1;
                float[] expected = new float[batch * cOut * outH * outW];
                for (int n = 0; n < batch; n++) {
                    for (int o = 0; o < cOut; o++) {
                        for (int i = 0; i < outH * outW; i++) {
                            expected[(n * cOut + o) * outH * outW + i] = b[o];
                        }
                    }
                    for (int ci = 0; ci < cIn; ci++) {
                        for (int i = 0; i < h; i++) {
                            for (int j = 0; j < w; j++) {
                                float v = x[((n * cIn + ci) * h + i) * w + j];
                                for (int o = 0; o < cOut; o++) {
                                    for (int a = 0; a < kH; a++) {
                                        for (int e = 0; e < kW; e++) {
                                            int oi = i * s - p + a * d;
                                            int oj = j * s - p + e * d;
                                            if (oi >= 0 && oi < outH && oj >= 0 && oj < outW) {
                                                expected[((n * cOut + o) * outH + oi) * outW + oj] +=
                                                        v * k[((ci * cOut + o) * kH + a) * kW + e];
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }

                TransposedConv2d block =
                        TransposedConv2d.builder()
                                .setKernelShape(new Shape(kH, kW))
                                .setFilters(cOut)
                                .optStride(new Shape(s, s))
                                .optPadding(new Shape(p, p))
                                .optOutPadding(new Shape(op, op))
                                .optDilation(new Shape(d, d))
                                .build();
                Shape inShape = new Shape(batch, cIn, h, w);
                block.initialize(manager, DataType.FLOAT32, inShape);
                block.getParameters().get("weight").getArray().set(k);
                block.getParameters().get("bias").getArray().set(b);
                NDArray y =
                        block.forward(
                                        new ParameterStore(manager, false),
                                        new NDList(manager.create(x, inShape)),
                                        false)
                                .singletonOrThrow();
                Shape outShape = new Shape(batch, cOut, outH, outW);
                assertEquals(outShape, y.getShape(), java.util.Arrays.toString(c));
                assertEquals(outShape, block.getOutputShapes(new Shape[] {inShape})[0]);
                assertArrayEquals(expected, y.toFloatArray(), 1e-4f, java.util.Arrays.toString(c));
                NDArray z = form.apply(manager.create(x, inShape), manager.create(k, new Shape(cIn, cOut, kH, kW)),
                        manager.create(b), new Shape(s, s), new Shape(p, p), new Shape(op, op), new Shape(d, d));
                assertArrayEquals(expected, z.toFloatArray(), 1e-4f, form + " " + java.util.Arrays.toString(c));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void theInputGradientIsTheOrdinaryConvolutionOfTheOutputGradient(Form form) {
        // <R, convT(x, w)> = <conv(R, w), x>: the transposed convolution is the adjoint of the strided one
        Random random = new Random(11);
        int[][] cases = {{2, 3, 4, 7, 7, 4, 2, 1}, {1, 2, 3, 5, 4, 3, 2, 1}, {1, 2, 2, 4, 4, 6, 3, 1}};
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int[] c : cases) {
                int batch = c[0], cIn = c[1], cOut = c[2], h = c[3], w = c[4], k = c[5], s = c[6], p = c[7];
                NDArray x = manager.create(randomValues(random, batch * cIn * h * w), new Shape(batch, cIn, h, w));
                NDArray weight = manager.create(randomValues(random, cIn * cOut * k * k), new Shape(cIn, cOut, k, k));
                x.setRequiresGradient(true);
                NDArray r;
                try (ai.djl.training.GradientCollector collector =
                        ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    NDArray y = form.apply(
                            x, weight, null, new Shape(s, s), new Shape(p, p), ZERO, ONE);
                    r = manager.create(randomValues(random, (int) y.size()), y.getShape());
                    collector.backward(y.mul(r).sum());
                }
                NDArray adjoint = ai.djl.nn.convolutional.Conv2d.conv2d(
                                r, weight, null, new Shape(s, s), new Shape(p, p), ONE)
                        .singletonOrThrow();
                assertEquals(x.getShape(), adjoint.getShape(), java.util.Arrays.toString(c));
                assertArrayEquals(adjoint.toFloatArray(), x.getGradient().toFloatArray(), 1e-4f,
                        java.util.Arrays.toString(c));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void theWeightGradientMatchesFiniteDifferences(Form form) {
        // the output is linear in the weight, so central differences are exact up to rounding
        Random random = new Random(13);
        int[][] cases = {{2, 2, 3, 4, 4, 4, 2, 1, 0}, {1, 3, 2, 3, 5, 3, 2, 1, 1}};
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int[] c : cases) {
                int batch = c[0], cIn = c[1], cOut = c[2], h = c[3], w = c[4], k = c[5], s = c[6], p = c[7];
                Shape stride = new Shape(s, s);
                Shape padding = new Shape(p, p);
                Shape outPadding = new Shape(c[8], c[8]);
                NDArray x = manager.create(randomValues(random, batch * cIn * h * w), new Shape(batch, cIn, h, w));
                float[] weights = randomValues(random, cIn * cOut * k * k);
                NDArray weight = manager.create(weights, new Shape(cIn, cOut, k, k));
                NDArray bias = manager.create(randomValues(random, cOut));
                weight.setRequiresGradient(true);
                NDArray r;
                try (ai.djl.training.GradientCollector collector =
                        ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    NDArray y = form.apply(x, weight, bias, stride, padding, outPadding, ONE);
                    r = manager.create(randomValues(random, (int) y.size()), y.getShape());
                    collector.backward(y.mul(r).sum());
                }
                float[] gradient = weight.getGradient().toFloatArray();
                for (int i = 0; i < weights.length; i++) {
                    double[] f = new double[2];
                    for (int side = 0; side < 2; side++) {
                        float[] moved = weights.clone();
                        moved[i] += side == 0 ? 0.5f : -0.5f;
                        NDArray y = form.apply(
                                x, manager.create(moved, weight.getShape()), bias, stride, padding, outPadding, ONE);
                        f[side] = y.mul(r).sum().getFloat();
                    }
                    assertEquals(f[0] - f[1], gradient[i], 2e-3, "weight " + i + " of " + java.util.Arrays.toString(c));
                }
            }
        }
    }

    @Test
    void libtorchsKernelAndTheSubPixelFormAgreeInValuesAndGradients() {
        Random random = new Random(17);
        int[][] cases = {
            // batch, cIn, cOut, h, w, k, stride, padding, outPadding, dilation
            {8, 16, 8, 7, 7, 4, 2, 1, 0, 1}, // the DCGAN's middle layer, narrower
            {4, 8, 1, 14, 14, 4, 2, 1, 0, 1}, // its last layer
            {2, 3, 4, 5, 6, 3, 2, 1, 1, 2},
            {3, 2, 3, 4, 4, 5, 3, 2, 2, 1},
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            assertTrue(LibtorchConvTranspose.available(), "conv-transpose2d.pt did not load on the PyTorch engine");
            for (int[] c : cases) {
                Shape inShape = new Shape(c[0], c[1], c[3], c[4]);
                Shape weightShape = new Shape(c[1], c[2], c[5], c[5]);
                float[] x = randomValues(random, (int) inShape.size());
                float[] k = randomValues(random, (int) weightShape.size());
                float[] b = randomValues(random, c[2]);
                Shape stride = new Shape(c[6], c[6]);
                Shape padding = new Shape(c[7], c[7]);
                Shape outPadding = new Shape(c[8], c[8]);
                Shape dilation = new Shape(c[9], c[9]);
                float[][][] results = new float[2][][];
                float[] r = null;
                for (Form form : Form.values()) {
                    NDArray input = manager.create(x, inShape);
                    NDArray weight = manager.create(k, weightShape);
                    NDArray bias = manager.create(b);
                    input.setRequiresGradient(true);
                    weight.setRequiresGradient(true);
                    bias.setRequiresGradient(true);
                    NDArray y;
                    try (ai.djl.training.GradientCollector collector =
                            ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                        y = form.apply(input, weight, bias, stride, padding, outPadding, dilation);
                        if (r == null) {
                            r = randomValues(random, (int) y.size());
                        }
                        collector.backward(y.mul(manager.create(r, y.getShape())).sum());
                    }
                    results[form.ordinal()] = new float[][] {
                        y.toFloatArray(),
                        input.getGradient().toFloatArray(),
                        weight.getGradient().toFloatArray(),
                        bias.getGradient().toFloatArray()
                    };
                }
                String[] what = {"values", "input gradient", "weight gradient", "bias gradient"};
                for (int i = 0; i < what.length; i++) {
                    float[] a = results[0][i];
                    float[] e = results[1][i];
                    float scale = 0;
                    for (float v : e) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    assertArrayEquals(e, a, 1e-5f * Math.max(1, scale), what[i] + " of " + java.util.Arrays.toString(c));
                }
            }
        }
    }

    @Test
    void insideAGradientCollectorAutogradRecordsLibtorchsConvolution() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(new Shape(2, 3, 4, 4));
            NDArray weight = manager.randomNormal(new Shape(3, 2, 4, 4));
            weight.setRequiresGradient(true);
            try (ai.djl.training.GradientCollector collector =
                    ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray y = TransposedConv2d.transposedConv2d(
                        x, weight, null, new Shape(2, 2), new Shape(1, 1), ZERO, ONE);
                assertEquals(new Shape(2, 2, 8, 8), y.getShape());
                // the graph's last node is libtorch's own backward of the convolution, not the sub-pixel form's reshapes
                assertEquals("ConvolutionBackward0",
                        ai.djl.pytorch.jni.JniUtils.getGradientFunctionNames((ai.djl.pytorch.engine.PtNDArray) y));
                collector.backward(y.sum());
            }
            assertTrue(weight.getGradient().abs().sum().getFloat() > 0, "no gradient reached the weight");
        }
    }

    @Test
    void kernelFourStrideTwoPaddingOneDoublesTheSize() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TransposedConv2d block =
                    TransposedConv2d.builder()
                            .setKernelShape(new Shape(4, 4))
                            .setFilters(5)
                            .optStride(new Shape(2, 2))
                            .optPadding(new Shape(1, 1))
                            .build();
            for (int batch : new int[] {1, 3, 8}) {
                Shape in = new Shape(batch, 2, 7, 7);
                block.initialize(manager, DataType.FLOAT32, in);
                NDArray y =
                        block.forward(
                                        new ParameterStore(manager, false),
                                        new NDList(manager.randomNormal(in)),
                                        false)
                                .singletonOrThrow();
                assertEquals(new Shape(batch, 5, 14, 14), y.getShape());
            }
            assertEquals(new Shape(2, 5, 4, 4), block.getParameters().get("weight").getArray().getShape());
        }
    }

    @Test
    void rejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> TransposedConv2d.builder().setFilters(2).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> TransposedConv2d.builder().setKernelShape(new Shape(3, 3)).build());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        TransposedConv2d.builder()
                                .setKernelShape(new Shape(3, 3))
                                .setFilters(2)
                                .optStride(new Shape(2, 2))
                                .optOutPadding(new Shape(2, 2))
                                .build());
    }

    private static float[] randomValues(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}

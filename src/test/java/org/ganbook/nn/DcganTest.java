package org.ganbook.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DcganTest {

    @BeforeEach
    void seed() {
        Engine.getInstance().setRandomSeed(11);
    }

    @Test
    void generatorMakes28By28ImagesWithEitherUpsampling() {
        for (Upsampling upsampling : Upsampling.values()) {
            for (boolean batchNorm : new boolean[] {true, false}) {
                DcganGenerator g =
                        DcganGenerator.builder()
                                .setCodingSize(20)
                                .optChannels(8)
                                .optBatchNorm(batchNorm)
                                .optUpsampling(upsampling)
                                .build();
                try (NDManager manager = NDManager.newBaseManager()) {
                    for (int batch : new int[] {1, 3, 16}) {
                        NDArray z = manager.randomNormal(new Shape(batch, 20));
                        NDArray images = MlpBlocksTest.forward(manager, g, z);
                        assertEquals(new Shape(batch, 1, 28, 28), images.getShape(), upsampling.name());
                        assertEquals(
                                new Shape(batch, 1, 28, 28),
                                g.getOutputShapes(new Shape[] {z.getShape()})[0]);
                        assertTrue(images.abs().max().getFloat() < 1f);
                    }
                }
            }
        }
    }

    @Test
    void generatorHonoursImageSizeAndChannels() {
        DcganGenerator g =
                DcganGenerator.builder()
                        .setCodingSize(10)
                        .optChannels(4)
                        .optImageChannels(3)
                        .optImageSize(32)
                        .optUpsampling(Upsampling.TRANSPOSED_CONV)
                        .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray images = MlpBlocksTest.forward(manager, g, manager.randomNormal(new Shape(2, 10)));
            assertEquals(new Shape(2, 3, 32, 32), images.getShape());
            assertEquals(new Shape(3, 32, 32), g.getOutputShape());
        }
    }

    @Test
    void discriminatorReturnsOneLogitPerImage() {
        for (boolean batchNorm : new boolean[] {true, false}) {
            DcganDiscriminator d =
                    DcganDiscriminator.builder().optChannels(8).optBatchNorm(batchNorm).build();
            try (NDManager manager = NDManager.newBaseManager()) {
                for (int batch : new int[] {1, 5, 16}) {
                    NDArray x = manager.randomUniform(-1, 1, new Shape(batch, 1, 28, 28));
                    NDArray logits = MlpBlocksTest.forward(manager, d, x);
                    assertEquals(new Shape(batch, 1), logits.getShape());
                }
                NDArray colour = manager.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
                DcganDiscriminator other = DcganDiscriminator.builder().optChannels(4).build();
                assertEquals(new Shape(2, 1), MlpBlocksTest.forward(manager, other, colour).getShape());
            }
        }
    }

    @Test
    void weightsStartFromTheDcganDistributions() {
        Block g = DcganGenerator.builder().setCodingSize(100).build();
        Block d = DcganDiscriminator.builder().build();
        try (NDManager manager = NDManager.newBaseManager()) {
            g.initialize(manager, DataType.FLOAT32, new Shape(1, 100));
            d.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            int weights = 0;
            int gammas = 0;
            for (Block block : new Block[] {g, d}) {
                for (Pair<String, Parameter> pair : block.getParameters()) {
                    Parameter p = pair.getValue();
                    NDArray values = p.getArray();
                    long n = values.size();
                    float mean = values.mean().getFloat();
                    float std = (float) Math.sqrt(values.sub(mean).square().mean().getFloat());
                    String name = pair.getKey();
                    switch (p.getType()) {
                        case WEIGHT:
                            weights++;
                            // the sample std of n normal draws is within a few sigma/sqrt(2n)
                            float tolerance = 0.02f * (float) (5 / Math.sqrt(2.0 * n)) + 1e-4f;
                            assertEquals(0.02f, std, tolerance, name + " std");
                            assertEquals(0f, mean, 5 * 0.02f / Math.sqrt(n), name + " mean");
                            break;
                        case GAMMA:
                            gammas++;
                            assertEquals(1f, mean, 5 * 0.02f / Math.sqrt(n), name + " mean");
                            assertEquals(0.02f, std, 0.02f * 5 / Math.sqrt(2.0 * n), name + " std");
                            break;
                        case BIAS:
                        case BETA:
                            assertEquals(0f, values.abs().max().getFloat(), name);
                            break;
                        default:
                            break;
                    }
                }
            }
            assertEquals(6, weights, "G: linear + 2 convs, D: 2 convs + linear");
            assertEquals(3, gammas, "G: 2 BatchNorms, D: 1");
        }
    }

    @Test
    void layersFollowedByBatchNormHaveNoBias() {
        Block g = DcganGenerator.builder().setCodingSize(10).optChannels(4).build();
        Block gPlain = DcganGenerator.builder().setCodingSize(10).optChannels(4).optBatchNorm(false).build();
        Block d = DcganDiscriminator.builder().optChannels(4).build();
        assertEquals(1, biases(g), "only the last convolution of G");
        assertEquals(3, biases(gPlain));
        assertEquals(2, biases(d), "first convolution and the final linear layer");
    }

    private static long biases(Block block) {
        return block.getParameters().values().stream()
                .filter(p -> p.getType() == Parameter.Type.BIAS)
                .count();
    }

    @Test
    void batchNormRunsInTrainingAndInferenceMode() {
        Block[] blocks = {
            DcganGenerator.builder().setCodingSize(12).optChannels(4).build(),
            DcganDiscriminator.builder().optChannels(4).build()
        };
        Shape[] inputs = {new Shape(8, 12), new Shape(8, 1, 28, 28)};
        for (int i = 0; i < blocks.length; i++) {
            Block block = blocks[i];
            try (NDManager manager = NDManager.newBaseManager()) {
                block.initialize(manager, DataType.FLOAT32, inputs[i]);
                ParameterStore ps = new ParameterStore(manager, false);
                NDArray x = manager.randomNormal(inputs[i]);
                NDArray runningMeanBefore = runningMean(block).duplicate();

                NDArray inference = block.forward(ps, new NDList(x), false).head();
                assertTrue(runningMean(block).contentEquals(runningMeanBefore), "inference must not update statistics");
                NDArray training = block.forward(ps, new NDList(x), true).head();

                Shape expected = block.getOutputShapes(new Shape[] {inputs[i]})[0];
                assertEquals(expected, inference.getShape());
                assertEquals(expected, training.getShape());
                assertFalse(inference.contentEquals(training), "batch statistics differ from running ones");
                assertFalse(runningMean(block).contentEquals(runningMeanBefore), "training updates running mean");
            }
        }
    }

    private static NDArray runningMean(Block block) {
        return block.getParameters().values().stream()
                .filter(p -> p.getType() == Parameter.Type.RUNNING_MEAN)
                .findFirst()
                .orElseThrow()
                .getArray();
    }

    @Test
    void rejectsInvalidSettingsAndInputs() {
        assertThrows(IllegalArgumentException.class, () -> DcganGenerator.builder().build());
        assertThrows(
                IllegalArgumentException.class,
                () -> DcganGenerator.builder().setCodingSize(10).optImageSize(30).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> DcganDiscriminator.builder().optChannels(0).build());
        Block d = DcganDiscriminator.builder().optChannels(4).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> d.initialize(manager, DataType.FLOAT32, new Shape(2, 784)));
        }
    }
}

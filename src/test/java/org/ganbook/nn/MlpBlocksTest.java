package org.ganbook.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MlpBlocksTest {

    private static final int[] BATCHES = {1, 7, 64};

    @BeforeEach
    void seed() {
        Engine.getInstance().setRandomSeed(3);
    }

    @Test
    void generatorMakesImagesOfTheRequestedShapeInTanhRange() {
        Shape image = new Shape(1, 28, 28);
        MlpGenerator g =
                MlpGenerator.builder()
                        .setCodingSize(100)
                        .setOutputShape(image)
                        .optHidden(256, 512)
                        .optLeakyReluAlpha(0.2f)
                        .optOutput(OutputActivation.TANH)
                        .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int batch : BATCHES) {
                NDArray out = forward(manager, g, manager.randomNormal(new Shape(batch, 100)).mul(10));
                assertEquals(new Shape(batch, 1, 28, 28), out.getShape());
                assertEquals(
                        new Shape(batch, 1, 28, 28),
                        g.getOutputShapes(new Shape[] {new Shape(batch, 100)})[0]);
                assertTrue(out.abs().max().getFloat() <= 1f, "tanh output leaves [-1, 1]");
            }
        }
    }

    @Test
    void generatorForTwoDimensionalToysIsLinear() {
        Block g =
                MlpGenerator.builder()
                        .setCodingSize(8)
                        .setOutputShape(new Shape(2))
                        .optHidden(16)
                        .optOutput(OutputActivation.LINEAR)
                        .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int batch : BATCHES) {
                NDArray out = forward(manager, g, manager.randomNormal(new Shape(batch, 8)));
                assertEquals(new Shape(batch, 2), out.getShape());
            }
            NDArray big = forward(manager, g, manager.randomNormal(new Shape(256, 8)).mul(100));
            assertTrue(big.abs().max().getFloat() > 1f, "a linear output should not be squashed");
        }
    }

    @Test
    void discriminatorFlattensAndReturnsOneUnboundedLogitPerSample() {
        MlpDiscriminator d =
                MlpDiscriminator.builder()
                        .setInputShape(new Shape(1, 28, 28))
                        .optHidden(512, 256)
                        .optLeakyReluAlpha(0.2f)
                        .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int batch : BATCHES) {
                NDArray logits = forward(manager, d, manager.randomNormal(new Shape(batch, 1, 28, 28)));
                assertEquals(new Shape(batch, 1), logits.getShape());
            }
            NDArray logits =
                    forward(manager, d, manager.randomNormal(new Shape(64, 1, 28, 28)).mul(20));
            float[] values = logits.toFloatArray();
            boolean belowZero = false;
            boolean aboveOne = false;
            for (float v : values) {
                belowZero |= v < 0;
                aboveOne |= v > 1;
            }
            assertTrue(belowZero && aboveOne, "logits should range beyond (0, 1)");
        }
        Block last = d.getChildren().get(d.getChildren().size() - 1).getValue();
        assertTrue(last instanceof Linear, "the last layer must be linear (no sigmoid)");
    }

    @Test
    void dropoutOnlyActsInTrainingMode() {
        MlpDiscriminator d =
                MlpDiscriminator.builder().setInputShape(new Shape(4)).optHidden(64).optDropout(0.5f).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            d.initialize(manager, DataType.FLOAT32, new Shape(8, 4));
            NDArray x = manager.randomNormal(new Shape(8, 4));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray a = d.forward(ps, new NDList(x), false).head();
            NDArray b = d.forward(ps, new NDList(x), false).head();
            assertTrue(a.contentEquals(b), "inference must be deterministic");
            NDArray c = d.forward(ps, new NDList(x), true).head();
            assertTrue(!a.contentEquals(c), "dropout should change the training-mode output");
        }
    }

    @Test
    void rejectsMissingSettingsAndWrongInputs() {
        assertThrows(
                IllegalArgumentException.class,
                () -> MlpGenerator.builder().setOutputShape(new Shape(2)).build());
        assertThrows(
                IllegalArgumentException.class, () -> MlpGenerator.builder().setCodingSize(4).build());
        assertThrows(IllegalArgumentException.class, () -> MlpDiscriminator.builder().build());
        assertThrows(
                IllegalArgumentException.class,
                () -> MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(8, 0).build());
        Block g = MlpGenerator.builder().setCodingSize(4).setOutputShape(new Shape(2)).build();
        Block d = MlpDiscriminator.builder().setInputShape(new Shape(2)).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> g.initialize(manager, DataType.FLOAT32, new Shape(3, 5)));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> d.initialize(manager, DataType.FLOAT32, new Shape(3, 3)));
        }
    }

    /** Initializes {@code block} for {@code x}'s shape and runs it in inference mode. */
    static NDArray forward(NDManager manager, Block block, NDArray... x) {
        Shape[] shapes = new Shape[x.length];
        for (int i = 0; i < x.length; i++) {
            shapes[i] = x[i].getShape();
        }
        block.initialize(manager, DataType.FLOAT32, shapes);
        return block.forward(new ParameterStore(manager, false), new NDList(x), false)
                .singletonOrThrow();
    }
}

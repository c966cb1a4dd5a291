package org.ganbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConditionalTest {

    private static final Shape IMAGE = new Shape(1, 28, 28);

    @BeforeEach
    void seed() {
        Engine.getInstance().setRandomSeed(5);
    }

    private static Block[] generators() {
        return new Block[] {
            Conditional.concat(LabelEncoder.oneHot(10),
                    MlpGenerator.builder().setCodingSize(16 + 10).setOutputShape(IMAGE).optHidden(32).build()),
            Conditional.concat(LabelEncoder.embedding(10, 6),
                    MlpGenerator.builder().setCodingSize(16 + 6).setOutputShape(IMAGE).optHidden(32).build()),
            Conditional.concat(LabelEncoder.oneHot(10), DcganGenerator.builder().setCodingSize(16 + 10).optChannels(4).build()),
            Conditional.concat(LabelEncoder.embedding(10, 5), DcganGenerator.builder()
                    .setCodingSize(16 + 5)
                    .optChannels(4)
                    .optUpsampling(Upsampling.TRANSPOSED_CONV)
                    .build())
        };
    }

    private static Block[] discriminators() {
        return new Block[] {
            Conditional.concat(LabelEncoder.oneHot(10),
                    MlpDiscriminator.builder().setInputShape(new Shape(784 + 10)).optHidden(32).build()),
            Conditional.concat(LabelEncoder.embedding(10, 6),
                    MlpDiscriminator.builder().setInputShape(new Shape(784 + 6)).optHidden(32).build()),
            Conditional.channels(LabelEncoder.oneHot(10), DcganDiscriminator.builder().optChannels(4).build()),
            Conditional.channels(LabelEncoder.embedding(10, 3), DcganDiscriminator.builder().optChannels(4).build())
        };
    }

    @Test
    void theCodeIsJoinedAsTheDocumentationSays() {
        // an identity-like inner block shows exactly what the wrapped network receives
        try (NDManager manager = NDManager.newBaseManager()) {
            Block passThrough = new ai.djl.nn.LambdaBlock(list -> list);
            Conditional vector = Conditional.concat(LabelEncoder.oneHot(3), passThrough);
            NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 1, 2));
            NDArray joined = run(manager, vector, x, manager.create(new int[] {2, 0}));
            assertArrayEquals(new float[] {1, 2, 0, 0, 1, 3, 4, 1, 0, 0}, joined.toFloatArray());

            Conditional planes = Conditional.channels(LabelEncoder.oneHot(2), new ai.djl.nn.LambdaBlock(list -> list));
            NDArray image = manager.create(new float[] {5, 6, 7, 8}, new Shape(1, 1, 2, 2));
            NDArray stacked = run(manager, planes, image, manager.create(new int[] {1}));
            assertEquals(new Shape(1, 3, 2, 2), stacked.getShape());
            assertArrayEquals(new float[] {5, 6, 7, 8, 0, 0, 0, 0, 1, 1, 1, 1}, stacked.toFloatArray());
        }
    }

    @Test
    void generatorsInitializeFromShapesAndMakeImagesOfEveryBatchSize() {
        for (Block g : generators()) {
            try (NDManager manager = NDManager.newBaseManager()) {
                // how a Trainer initializes: shapes only, (N, codingSize) and (N)
                g.initialize(manager, DataType.FLOAT32, new Shape(1, 16), new Shape(1));
                for (int batch : new int[] {1, 4, 32}) {
                    NDArray z = manager.randomNormal(new Shape(batch, 16));
                    NDArray labels = labels(manager, batch);
                    NDArray images = run(manager, g, z, labels);
                    assertEquals(new Shape(batch, 1, 28, 28), images.getShape(), name(g));
                    assertEquals(
                            new Shape(batch, 1, 28, 28),
                            g.getOutputShapes(new Shape[] {z.getShape(), labels.getShape()})[0]);
                }
            }
        }
    }

    @Test
    void discriminatorsInitializeFromShapesAndReturnOneLogitPerImage() {
        for (Block d : discriminators()) {
            try (NDManager manager = NDManager.newBaseManager()) {
                d.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28), new Shape(1));
                for (int batch : new int[] {1, 4, 32}) {
                    NDArray x = manager.randomUniform(-1, 1, new Shape(batch, 1, 28, 28));
                    NDArray logits = run(manager, d, x, labels(manager, batch));
                    assertEquals(new Shape(batch, 1), logits.getShape(), name(d));
                    assertEquals(
                            new Shape(batch, 1),
                            d.getOutputShapes(new Shape[] {x.getShape(), new Shape(batch)})[0]);
                }
            }
        }
    }

    @Test
    void aTrainerInitializesConditionalBlocks() {
        Block g = generators()[1];
        try (Model model = Model.newInstance("conditional-generator")) {
            model.setBlock(g);
            try (Trainer trainer =
                    model.newTrainer(new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss()))) {
                trainer.initialize(new Shape(1, 16), new Shape(1));
                NDManager manager = trainer.getManager();
                NDArray images =
                        trainer.forward(
                                        new NDList(
                                                manager.randomNormal(new Shape(3, 16)),
                                                labels(manager, 3)))
                                .head();
                assertEquals(new Shape(3, 1, 28, 28), images.getShape());
            }
        }
    }

    @Test
    void theSameNoiseGivesDifferentImagesForDifferentLabels() {
        for (Block g : generators()) {
            try (NDManager manager = NDManager.newBaseManager()) {
                g.initialize(manager, DataType.FLOAT32, new Shape(1, 16), new Shape(1));
                NDArray z = manager.randomNormal(new Shape(1, 16)).repeat(0, 10);
                NDArray allTen = manager.arange(0, 10, 1, DataType.INT32);
                NDArray images = run(manager, g, z, allTen);
                for (int k = 1; k < 10; k++) {
                    float difference = images.get(k).sub(images.get(0)).abs().max().getFloat();
                    assertTrue(difference > 1e-4f, name(g) + ": label " + k + " looks like label 0");
                }
                // and the same label with the same noise gives the same image
                NDArray again = run(manager, g, z, allTen);
                assertArrayEquals(images.toFloatArray(), again.toFloatArray(), name(g));
            }
        }
    }

    @Test
    void theSameImageGetsDifferentLogitsForDifferentLabels() {
        for (Block d : discriminators()) {
            try (NDManager manager = NDManager.newBaseManager()) {
                d.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28), new Shape(1));
                NDArray x = manager.randomUniform(-1, 1, new Shape(1, 1, 28, 28)).repeat(0, 10);
                float[] logits = run(manager, d, x, manager.arange(0, 10, 1, DataType.INT32)).toFloatArray();
                for (int k = 1; k < 10; k++) {
                    assertFalse(Math.abs(logits[k] - logits[0]) < 1e-6f, name(d) + ": label " + k);
                }
            }
        }
    }

    @Test
    void oneHotAndEmbeddingEncoders() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LabelEncoder oneHot = LabelEncoder.oneHot(4);
            NDArray codes = run(manager, oneHot, manager.create(new int[] {2, 0, 3}));
            assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1}, codes.toFloatArray());
            assertEquals(0, Networks.parameterCount(oneHot));

            LabelEncoder embedding = LabelEncoder.embedding(4, 3);
            embedding.initialize(manager, DataType.FLOAT32, new Shape(3));
            NDArray table = embedding.getParameters().get("embedding").getArray();
            NDArray rows = run(manager, embedding, manager.create(new int[] {2, 0, 2}));
            assertEquals(new Shape(3, 3), rows.getShape());
            assertArrayEquals(table.get(2).toFloatArray(), rows.get(0).toFloatArray(), 1e-6f);
            assertArrayEquals(table.get(0).toFloatArray(), rows.get(1).toFloatArray(), 1e-6f);
            assertArrayEquals(table.get(2).toFloatArray(), rows.get(2).toFloatArray(), 1e-6f);
            assertEquals(12, Networks.parameterCount(embedding));
        }
    }

    @Test
    void rejectsMissingPartsAndMalformedInputs() {
        assertThrows(IllegalArgumentException.class, () -> Conditional.concat(null, MlpGenerator.builder()
                .setCodingSize(4).setOutputShape(IMAGE).build()));
        assertThrows(IllegalArgumentException.class, () -> Conditional.concat(LabelEncoder.oneHot(3), null));
        Block channels = discriminators()[2];
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException notImages = assertThrows(
                    IllegalArgumentException.class,
                    () -> channels.initialize(manager, DataType.FLOAT32, new Shape(2, 784), new Shape(2)));
            assertTrue(notImages.getMessage().contains("(N, channels, H, W)"), notImages.getMessage());
        }
        Block g = generators()[0];
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> g.initialize(manager, DataType.FLOAT32, new Shape(2, 16)),
                    "labels missing");
            assertThrows(
                    IllegalArgumentException.class,
                    () -> g.initialize(manager, DataType.FLOAT32, new Shape(2, 15), new Shape(2)),
                    "wrong coding size");
            assertThrows(
                    IllegalArgumentException.class,
                    () -> g.initialize(manager, DataType.FLOAT32, new Shape(2, 16), new Shape(3)),
                    "batch sizes differ");
        }
    }

    private static NDArray labels(NDManager manager, int batch) {
        int[] values = new int[batch];
        for (int i = 0; i < batch; i++) {
            values[i] = i % 10;
        }
        return manager.create(values);
    }

    private static NDArray run(NDManager manager, Block block, NDArray... inputs) {
        return block.forward(new ParameterStore(manager, false), new NDList(inputs), false)
                .singletonOrThrow();
    }

    private static String name(Block block) {
        return block.toString();
    }
}

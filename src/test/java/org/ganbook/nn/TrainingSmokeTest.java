package org.ganbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A few plain-DJL steps per model type: D's steps lower D's loss on a fixed batch, then G's steps
 * (D frozen) lower G's loss and leave D's weights untouched.
 */
class TrainingSmokeTest {

    private static final int STEPS = 12;
    private static final int CODING = 16;
    private static final int BATCH = 16;

    @BeforeEach
    void seed() {
        Engine.getInstance().setRandomSeed(42);
    }

    @Test
    void mlpOnTwoDimensionalPoints() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block g =
                    MlpGenerator.builder()
                            .setCodingSize(CODING)
                            .setOutputShape(new Shape(2))
                            .optHidden(32, 32)
                            .optOutput(OutputActivation.LINEAR)
                            .build();
            Block d = MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(32, 32).build();
            NDArray real = manager.randomNormal(0.1f, 0.1f, new Shape(BATCH, 2), DataType.FLOAT32).add(2);
            assertBothPhasesLearn(
                    g, d, NDList::new, new NDList(noise(manager)), real,
                    new Shape[] {new Shape(BATCH, CODING)}, new Shape[] {new Shape(BATCH, 2)});
        }
    }

    @Test
    void mlpOnImages() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape image = new Shape(1, 8, 8);
            Block g =
                    MlpGenerator.builder()
                            .setCodingSize(CODING)
                            .setOutputShape(image)
                            .optHidden(32, 64)
                            .build();
            Block d = MlpDiscriminator.builder().setInputShape(image).optHidden(64, 32).build();
            assertBothPhasesLearn(
                    g, d, NDList::new, new NDList(noise(manager)), stripes(manager, 8),
                    new Shape[] {new Shape(BATCH, CODING)}, new Shape[] {new Shape(BATCH, 1, 8, 8)});
        }
    }

    @Test
    void dcganWithNearestUpsampling() {
        dcgan(Upsampling.NEAREST_CONV);
    }

    @Test
    void dcganWithTransposedConvolution() {
        dcgan(Upsampling.TRANSPOSED_CONV);
    }

    private void dcgan(Upsampling upsampling) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block g =
                    DcganGenerator.builder()
                            .setCodingSize(CODING)
                            .optChannels(4)
                            .optImageSize(16)
                            .optUpsampling(upsampling)
                            .build();
            Block d = DcganDiscriminator.builder().optChannels(4).build();
            assertBothPhasesLearn(
                    g, d, NDList::new, new NDList(noise(manager)), stripes(manager, 16),
                    new Shape[] {new Shape(BATCH, CODING)}, new Shape[] {new Shape(BATCH, 1, 16, 16)});
        }
    }

    @Test
    void conditionalMlp() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape image = new Shape(1, 8, 8);
            Block g =
                    Conditional.concat(LabelEncoder.embedding(2, 4), MlpGenerator.builder()
                            .setCodingSize(CODING + 4)
                            .setOutputShape(image)
                            .optHidden(32, 64)
                            .build());
            Block d =
                    Conditional.concat(LabelEncoder.oneHot(2), MlpDiscriminator.builder()
                            .setInputShape(new Shape(image.size() + 2))
                            .optHidden(64, 32)
                            .build());
            NDArray labels = alternatingLabels(manager);
            assertBothPhasesLearn(
                    g, d, x -> new NDList(x, labels), new NDList(noise(manager), labels),
                    labelledStripes(manager, 8, labels),
                    new Shape[] {new Shape(BATCH, CODING), new Shape(BATCH)},
                    new Shape[] {new Shape(BATCH, 1, 8, 8), new Shape(BATCH)});
        }
    }

    @Test
    void conditionalDcgan() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block g =
                    Conditional.concat(LabelEncoder.oneHot(2), DcganGenerator.builder()
                            .setCodingSize(CODING + 2)
                            .optChannels(4)
                            .optImageSize(16)
                            .build());
            Block d =
                    Conditional.channels(LabelEncoder.embedding(2, 3), DcganDiscriminator.builder()
                            .optChannels(4)
                            .build());
            NDArray labels = alternatingLabels(manager);
            assertBothPhasesLearn(
                    g, d, x -> new NDList(x, labels), new NDList(noise(manager), labels),
                    labelledStripes(manager, 16, labels),
                    new Shape[] {new Shape(BATCH, CODING), new Shape(BATCH)},
                    new Shape[] {new Shape(BATCH, 1, 16, 16), new Shape(BATCH)});
        }
    }

    private static void assertBothPhasesLearn(
            Block g,
            Block d,
            Function<NDArray, NDList> discriminatorInput,
            NDList generatorInput,
            NDArray real,
            Shape[] generatorShapes,
            Shape[] discriminatorShapes) {
        try (GanStepper gan =
                new GanStepper(g, d, discriminatorInput, generatorShapes, discriminatorShapes)) {
            float dBefore = gan.discriminatorLoss(generatorInput, real);
            for (int i = 0; i < STEPS; i++) {
                gan.discriminatorStep(generatorInput, real);
            }
            float dAfter = gan.discriminatorLoss(generatorInput, real);
            assertTrue(dAfter < 0.9f * dBefore, "D loss " + dBefore + " -> " + dAfter);

            float[] dWeights = gan.discriminatorWeights();
            float gBefore = gan.generatorLoss(generatorInput);
            for (int i = 0; i < STEPS; i++) {
                gan.generatorStep(generatorInput);
            }
            float gAfter = gan.generatorLoss(generatorInput);
            assertTrue(gAfter < 0.9f * gBefore, "G loss " + gBefore + " -> " + gAfter);
            assertArrayEquals(dWeights, gan.discriminatorWeights(), "D moved during G's steps");
        }
    }

    private static NDArray noise(NDManager manager) {
        return Latent.gaussian(CODING, 7).sample(manager, BATCH);
    }

    /** Images with bright upper halves and dark lower halves, in [-1, 1]. */
    private static NDArray stripes(NDManager manager, int size) {
        float[] values = new float[BATCH * size * size];
        for (int i = 0; i < values.length; i++) {
            int row = (i / size) % size;
            values[i] = row < size / 2 ? 0.8f : -0.8f;
        }
        return manager.create(values, new Shape(BATCH, 1, size, size));
    }

    /** Like {@link #stripes}, upside down for label 1. */
    private static NDArray labelledStripes(NDManager manager, int size, NDArray labels) {
        int[] classes = labels.toIntArray();
        float[] values = new float[BATCH * size * size];
        for (int i = 0; i < values.length; i++) {
            int row = (i / size) % size;
            boolean bright = row < size / 2;
            values[i] = bright ^ (classes[i / (size * size)] == 1) ? 0.8f : -0.8f;
        }
        return manager.create(values, new Shape(BATCH, 1, size, size));
    }

    private static NDArray alternatingLabels(NDManager manager) {
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = i % 2;
        }
        return manager.create(labels);
    }
}

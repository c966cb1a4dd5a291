package org.ganbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Saved parameters load into a freshly built block and give the same outputs. */
class SaveLoadTest {

    @Test
    void everyBlockRoundTripsItsParameters() throws IOException, MalformedModelException {
        Shape image = new Shape(1, 28, 28);
        roundTrip(
                () -> MlpGenerator.builder().setCodingSize(8).setOutputShape(image).optHidden(16).build(),
                new Shape(3, 8));
        roundTrip(
                () -> DcganGenerator.builder()
                        .setCodingSize(8)
                        .optChannels(2)
                        .optUpsampling(Upsampling.TRANSPOSED_CONV)
                        .build(),
                new Shape(3, 8));
        roundTrip(() -> DcganDiscriminator.builder().optChannels(2).build(), new Shape(3, 1, 28, 28));
        roundTrip(
                () -> Conditional.concat(LabelEncoder.embedding(4, 3), DcganGenerator.builder()
                        .setCodingSize(8 + 3)
                        .optChannels(2)
                        .build()),
                new Shape(3, 8),
                new Shape(3));
        roundTrip(
                () -> Conditional.concat(LabelEncoder.embedding(4, 2), MlpDiscriminator.builder()
                        .setInputShape(new Shape(image.size() + 2))
                        .optHidden(8)
                        .build()),
                new Shape(3, 1, 28, 28),
                new Shape(3));
    }

    private static void roundTrip(Supplier<Block> factory, Shape... shapes)
            throws IOException, MalformedModelException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            Block original = factory.get();
            original.initialize(manager, DataType.FLOAT32, shapes);
            NDList inputs = new NDList();
            for (Shape shape : shapes) {
                inputs.add(
                        shape.dimension() == 1
                                ? manager.arange(0, (int) shape.get(0), 1, DataType.INT32)
                                : manager.randomNormal(shape));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.saveParameters(new DataOutputStream(bytes));

            Engine.getInstance().setRandomSeed(2);
            Block restored = factory.get();
            restored.initialize(manager, DataType.FLOAT32, shapes);
            restored.loadParameters(
                    manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

            NDArray expected = original.forward(new ParameterStore(manager, false), inputs, false).head();
            NDArray actual = restored.forward(new ParameterStore(manager, false), inputs, false).head();
            assertArrayEquals(
                    expected.toFloatArray(),
                    actual.toFloatArray(),
                    1e-6f,
                    original.getClass().getSimpleName());
        }
    }
}

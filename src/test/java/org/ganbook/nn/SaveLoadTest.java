package org.ganbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.ParameterSnapshot;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of network goes through the library's checkpoint: a trainer saved after a few iterations,
 * loaded into freshly built networks, holds the same weights, draws the same samples, and trains on
 * exactly as the original does.
 */
class SaveLoadTest {

    @TempDir
    Path dir;

    static java.util.List<NetworkKinds.Kind> kinds() {
        return NetworkKinds.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aCheckpointRestoresTheNetworksAndTrainingGoesOnIdentically(NetworkKinds.Kind kind) throws IOException {
        Path checkpoint = dir.resolve("run.ckpt");
        try (GanTrainer original = kind.trainer(5).build(); GanTrainer restored = kind.trainer(5).build()) {
            original.fit(3);
            original.save(checkpoint);
            ParameterSnapshot trained = ParameterSnapshot.of(original.generator());
            assertFalse(trained.compareWith(restored.generator()).unchanged(), kind + ": 3 iterations changed nothing");

            restored.load(checkpoint);
            assertTrue(trained.compareWith(restored.generator()).unchanged(), kind + ": G after loading");
            assertTrue(ParameterSnapshot.of(original.discriminator()).compareWith(restored.discriminator()).unchanged(),
                    kind + ": D after loading (running statistics included)");
            assertEquals(3, restored.iteration());
            assertArrayEquals(samples(original), samples(restored), kind + ": the same noise, the same samples");

            original.fit(2);
            restored.fit(2);
            assertEquals(original.history().doubleColumn("d_loss").asList(), restored.history().doubleColumn("d_loss").asList(),
                    kind + ": the losses after resuming");
            assertEquals(original.history().doubleColumn("g_loss").asList(), restored.history().doubleColumn("g_loss").asList());
            assertTrue(ParameterSnapshot.of(original.generator()).compareWith(restored.generator()).unchanged(),
                    kind + ": G two iterations after resuming");
        }
    }

    private static float[] samples(GanTrainer trainer) {
        NDArray noise = trainer.fixedNoise(6);
        return (trainer.isConditional()
                        ? trainer.generate(noise, 0, 1, 0, 1, 0, 1)
                        : trainer.generate(noise))
                .toFloatArray();
    }
}

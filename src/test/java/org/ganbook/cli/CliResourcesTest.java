package org.ganbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models and data sets too big for the machine are refused before anything is allocated, with the
 * estimate and the limit. A small machine is put in place of this one, so no test needs gigabytes.
 */
class CliResourcesTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @AfterEach
    void realMachine() {
        Resources.machine = Resources::measure;
    }

    @Test
    void aModelThatDoesNotFitIsRefusedWithTheEstimateAndTheLimitAndNothingIsWritten() {
        Resources.machine = () -> new Resources.Limits(4 * MB, 64 * MB);
        Path out = dir.resolve("big");
        Cli.Result big = Cli.run("train", "--data", "ring", "--out", out.toString(), "--steps", "2", "--hidden",
                "512,512", "--progress", "none");
        big.assertUsageError("the mlp model needs about ", "more than the 4.0 MB of memory available",
                "use a smaller --hidden, --channels or --batch-size");
        assertEquals(1, big.errLines().size(), big.err());
        assertTrue(Files.notExists(out), "no run directory, no config.json");

        Cli.Result small = Cli.trainRing(dir.resolve("small"), 2, "--grid-every", "0");
        assertEquals(0, small.code(), "a small model fits the small machine: " + small.err());
    }

    @Test
    void theRealMachineRefusesEightLayersOf16384() {
        Path out = dir.resolve("huge");
        Cli.run("train", "--data", "ring", "--out", out.toString(), "--steps", "2", "--hidden",
                "16384,16384,16384,16384,16384,16384,16384,16384", "--progress", "none")
                .assertUsageError("the mlp model needs about ", "of memory available");
        assertTrue(Files.notExists(out.resolve("config.json")));
    }

    @Test
    void oneLargeImageIsRefusedForAnMlpWhoseFirstLayerWouldNotFit() throws IOException {
        Resources.machine = () -> new Resources.Limits(256 * MB, 256 * MB);
        Path data = Files.createDirectories(dir.resolve("one-large"));
        Files.write(data.resolve("train-images-idx3-ubyte"), Idx.images(1, 512, null));
        Cli.run("train", "--data", data.toString(), "--out", dir.resolve("run").toString(), "--steps", "1",
                "--batch-size", "1", "--progress", "none")
                .assertUsageError("the mlp model needs about ", "more than the 256.0 MB of memory available");
    }

    @Test
    void aHeaderThatPromisesMoreImagesThanTheHeapHoldsIsRefusedBeforeReading() throws IOException {
        Resources.machine = () -> new Resources.Limits(1024 * MB, 64 * MB);
        Path data = Files.createDirectories(dir.resolve("lying-gzip"));
        ByteBuffer header = ByteBuffer.allocate(16 + 64).putInt(0x803).putInt(60_000).putInt(64).putInt(64);
        Path file = data.resolve("train-images-idx3-ubyte.gz");
        Files.write(file, Idx.gzip(header.array()));
        Cli.Result result = Cli.run("train", "--data", data.toString(), "--out", dir.resolve("run").toString(),
                "--steps", "1", "--progress", "none");
        result.assertUsageError(file + ": 60,000 images of 64×64 need about 468.8 MB to read",
                "half the 64.0 MB of Java heap");
        assertEquals(1, result.errLines().size(), result.err());
    }
}

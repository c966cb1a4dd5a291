package org.ganbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data that does not fit the settings is named before training: too few images, bad labels, two files. */
class CliDataChecksTest {

    @TempDir
    Path dir;

    @Test
    void fewerImagesThanTheBatchSizeIsRefused() throws IOException {
        Path three = Idx.directory(dir.resolve("three"), 3, 8, 0);
        Path out = dir.resolve("run");
        Cli.Result result = Cli.run("train", "--data", three.toString(), "--out", out.toString(), "--steps", "3",
                "--batch-size", "64", "--hidden", "8,8", "--progress", "none");
        result.assertUsageError("the data has 3 images, fewer than the batch size 64", "--batch-size 3");
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(Files.notExists(out.resolve("config.json")));
        Cli.Result fits = Cli.run("train", "--data", three.toString(), "--out", out.toString(), "--steps", "3",
                "--batch-size", "3", "--hidden", "8,8", "--progress", "none", "--grid-every", "0");
        assertEquals(0, fits.code(), fits.err());
        assertTrue(Files.readAllLines(out.resolve("history.csv")).get(3).startsWith("2,3.0,"),
                "after 3 steps of the 3 images: 3 epochs");
    }

    @Test
    void labelsThatAreNotClassNumbersAreRefusedSayingWhatWasFound() throws IOException {
        Path data = Idx.directory(dir.resolve("labels-255"), 6, 8, 0);
        int[] labels = new int[6];
        Arrays.fill(labels, 255);
        Files.write(data.resolve("train-labels-idx1-ubyte"), Idx.labels(labels));
        Cli.Result result = Cli.run("train", "--data", data.toString(), "--model", "conditional-mlp", "--out",
                dir.resolve("run").toString(), "--steps", "2", "--batch-size", "2", "--progress", "none");
        result.assertUsageError("train-labels-idx1-ubyte", "the labels found are 255",
                "255 of the 256 classes 0..255 have no image", "number the classes 0, 1, 2, ...");
        assertEquals(1, result.errLines().size(), result.err());
    }

    @Test
    void whenBothTheRawAndTheGzippedFileAreThereTheOutputSaysWhichIsRead() throws IOException {
        Path data = Idx.directory(dir.resolve("both"), 8, 8, 0);
        Files.write(data.resolve("train-images-idx3-ubyte.gz"), Idx.gzip(Idx.images(12, 8, null)));
        Path out = dir.resolve("run");
        Cli.Result result = Cli.run("train", "--data", data.toString(), "--out", out.toString(), "--steps", "2",
                "--batch-size", "4", "--hidden", "8,8", "--progress", "none", "--grid-every", "0");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("note: reading " + data.toAbsolutePath().normalize()
                .resolve("train-images-idx3-ubyte") + "; train-images-idx3-ubyte.gz beside it is not used"),
                result.out());
    }
}

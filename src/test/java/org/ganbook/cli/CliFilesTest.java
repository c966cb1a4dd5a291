package org.ganbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the command line writes its files, and with which modes. */
class CliFilesTest {

    @TempDir
    Path dir;

    @Test
    void sampleWithABareFileNameWritesIntoTheRunDirectory() throws IOException {
        Path run = dir.resolve("ring");
        assertEquals(0, Cli.trainRing(run, 3).code());
        String picture = "bare-" + System.nanoTime() + ".png";
        String table = "bare-" + System.nanoTime() + ".csv";
        Cli.Result result = Cli.run("sample", "--out", run.toString(), "--count", "8", "--png", picture, "--csv", table);
        assertEquals(0, result.code(), result.err());
        assertTrue(Files.size(run.resolve(picture)) > 0, "the picture goes into the run directory");
        assertTrue(Files.size(run.resolve(table)) > 0, "the CSV goes into the run directory");
        assertFalse(Files.exists(Path.of(picture)), "nothing is written into the working directory");
        assertFalse(Files.exists(Path.of(table)), "nothing is written into the working directory");
        assertTrue(result.out().contains(run.resolve(picture).toString()), "the message names where it went");
    }

    @Test
    void everyRunFileHasTheModeOfAnOrdinaryNewFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path run = dir.resolve("ring");
        assertEquals(0, Cli.trainRing(run, 3).code());
        // what the umask gives any new file here (0644 with the usual umask 022)
        Set<PosixFilePermission> ordinary = Files.getPosixFilePermissions(Files.createFile(dir.resolve("ordinary")));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(run)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (String name : List.of("config.json", "history.csv", "checkpoint.ckpt", "losses.png")) {
            assertTrue(files.contains(run.resolve(name)), name + " is written");
        }
        for (Path file : files) {
            assertEquals(ordinary, Files.getPosixFilePermissions(file), run.relativize(file).toString());
        }
    }
}

package org.ganbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help for every command, and every kind of user mistake end to end: exit code 2, a message that
 * names the option, file or problem, and no stack trace.
 */
class CliErrorsTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelp() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"train", "--help"},
                new String[] {"resume", "--help"}, new String[] {"sample", "--help"}, new String[] {"soak", "--help"},
                new String[] {"help", "train"})) {
            Cli.Result result = Cli.run(args);
            assertEquals(0, result.code(), Arrays.toString(args));
            assertTrue(result.out().contains("Usage: ganbook"), result.out());
        }
        assertTrue(Cli.run("train", "--help").out().contains("--checkpoint-every"));
        assertTrue(Cli.run("--help").out().contains("130"), "exit codes are listed");
        assertTrue(Cli.run("--version").out().startsWith("ganbook "));
    }

    @Test
    void optionMistakesNameTheOptionAndPointToHelp() {
        Path out = dir.resolve("run");
        Cli.Result unknown = Cli.run("train", "--data", "ring", "--out", out.toString(), "--bogus").assertUsageError(
                "Unknown option: '--bogus'", "Try 'ganbook train --help'");
        assertEquals(1, unknown.errLines().size(), unknown.err());
        Cli.Result near = Cli.run("train", "--data", "ring", "--out", out.toString(), "--stpes", "5")
                .assertUsageError("Unknown options: '--stpes', '5'; did you mean --steps?", "Try 'ganbook train --help'");
        assertEquals(1, near.errLines().size(), near.err());
        Cli.run("train", "--data", "ring", "--out", out.toString(), "--batch-size", "many")
                .assertUsageError("--batch-size", "many");
        Cli.run("train", "--data", "ring", "--out", out.toString(), "--model", "gan")
                .assertUsageError("--model", "'gan' is not one of mlp, dcgan, conditional-mlp, conditional-dcgan");
        Cli.run("train", "--out", out.toString()).assertUsageError("Missing required option: '--data=NAME|DIR'");
        Cli.run("train", "--data", "ring", "--out", out.toString(), "--steps", "5", "--epochs", "1")
                .assertUsageError("mutually exclusive");
        Cli.run("resume", "--out", out.toString()).assertUsageError("--steps");
        Cli.run().assertUsageError("a command is needed");
        Cli.run("fly").assertUsageError("Unmatched argument");
        Cli.run("train", "--data", "ring", "--out", out.toString(), "--steps", "0").assertUsageError("--steps must be positive");
        Cli.run("train", "--data", "ring", "--out", out.toString(), "--batch-size", "0")
                .assertUsageError("batch size must be in 1..65536, got 0");
        Cli.run("train", "--data", "ring", "--out", out.toString(), "--lr", "-1")
                .assertUsageError("learning rate must be positive");
        Cli.run("train", "--data", "ring", "--out", out.toString(), "--epochs", "2")
                .assertUsageError("--epochs needs an image data set");
        Cli.run("train", "--data", "ring", "--out", out.toString(), "--limit", "5")
                .assertUsageError("--limit is for image data");
        assertTrue(Files.notExists(out.resolve("config.json")), "nothing is written for a mistake");
    }

    @Test
    void modelsThatDoNotFitTheDataAreRefusedBeforeTraining() throws IOException {
        Path out = dir.resolve("run");
        Cli.run("train", "--data", "ring", "--model", "dcgan", "--out", out.toString())
                .assertUsageError("the dcgan model needs images, but ring gives 2-D points; use --model mlp");
        Cli.run("train", "--data", "grid", "--model", "conditional-mlp", "--out", out.toString())
                .assertUsageError("the conditional-mlp model needs labelled data");
        Path odd = Idx.directory(dir.resolve("odd"), 4, 30, 2);
        Cli.run("train", "--data", odd.toString(), "--model", "dcgan", "--out", out.toString())
                .assertUsageError("square images whose side is a multiple of 4", "30×30");
        Path unlabelled = Idx.directory(dir.resolve("unlabelled"), 4, 8, 0);
        Cli.run("train", "--data", unlabelled.toString(), "--model", "conditional-dcgan", "--out", out.toString())
                .assertUsageError("needs labelled data", "train-labels-idx1-ubyte");
    }

    @Test
    void missingEmptyAndCorruptedDataAreOneLineMessagesNamingTheFile() throws IOException {
        Path out = dir.resolve("run");
        Cli.run("train", "--data", dir.resolve("nowhere").toString(), "--out", out.toString())
                .assertUsageError("unknown data", "no such directory");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertOneLine(Cli.run("train", "--data", empty.toString(), "--out", out.toString())
                .assertUsageError("no IDX images in " + empty.toAbsolutePath().normalize(), "train-images-idx3-ubyte"));

        byte[] valid = Idx.images(6, 8, null);
        List<Object[]> cases = List.of(
                new Object[] {"truncated", Arrays.copyOf(valid, valid.length - 10), "truncated"},
                new Object[] {"wrong-magic", withInt(valid, 0, 0x804), "magic"},
                new Object[] {"header-lies", withInt(valid, 4, 1_000_000), "truncated"},
                new Object[] {"bad-gzip", Arrays.copyOf(Idx.gzip(valid), 30), "gzip"},
                new Object[] {"not-idx", "hello, world".getBytes(), "train-images-idx3-ubyte"});
        for (Object[] c : cases) {
            Path data = Files.createDirectories(dir.resolve((String) c[0]));
            Path file = data.resolve("train-images-idx3-ubyte");
            Files.write(file, (byte[]) c[1]);
            Cli.Result result = Cli.run("train", "--data", data.toString(), "--out", out.toString());
            assertOneLine(result.assertUsageError(file.toString(), (String) c[2]));
        }

        Path mismatch = Idx.directory(dir.resolve("mismatch"), 6, 8, 3);
        Files.write(mismatch.resolve("train-labels-idx1-ubyte"), Idx.labels(new int[] {0, 1, 2}));
        assertOneLine(Cli.run("train", "--data", mismatch.toString(), "--out", out.toString())
                .assertUsageError("train-labels-idx1-ubyte", "3 labels, but train-images-idx3-ubyte holds 6 images"));
        Cli.run("train", "--data", mismatch.resolve("train-images-idx3-ubyte").toString(), "--out", out.toString())
                .assertUsageError("is a file; pass the directory");
        assertTrue(Files.notExists(out.resolve("config.json")));
    }

    @Test
    void runDirectoryMistakes() throws IOException {
        Path missing = dir.resolve("missing");
        Cli.run("resume", "--out", missing.toString(), "--steps", "5")
                .assertUsageError("no run in " + missing, "ganbook train --out");
        Cli.run("sample", "--out", missing.toString()).assertUsageError("no run in " + missing);

        Path run = dir.resolve("run");
        assertEquals(0, Cli.trainRing(run, 2).code());
        Cli.trainRing(run, 2).assertUsageError("already holds a run", "ganbook resume --out", "--force");
        assertEquals(0, Cli.trainRing(run, 3, "--force").code(), "--force starts over");

        Cli.run("sample", "--out", run.toString(), "--label", "3").assertUsageError("--label is for conditional models");
        Cli.run("sample", "--out", run.toString(), "--count", "0").assertUsageError("--count must be in 1..4096");
        Cli.run("resume", "--out", run.toString(), "--steps", "2", "--epochs", "1").assertUsageError("mutually exclusive");

        byte[] checkpoint = Files.readAllBytes(run.resolve("checkpoint.ckpt"));
        checkpoint[checkpoint.length / 2] ^= 0x10;
        Files.write(run.resolve("checkpoint.ckpt"), checkpoint);
        assertOneLine(Cli.run("resume", "--out", run.toString(), "--steps", "2")
                .assertUsageError("checkpoint.ckpt cannot be used: it is corrupted or truncated (checksum mismatch)"));

        assertOneLine(Cli.run("resume", "--out", run.toString(), "--steps", "9223372036854775807")
                .assertUsageError("--steps must be at most 2147483647, got 9223372036854775807"));

        Files.move(run.resolve("config.json"), dir.resolve("config.json.away"));
        for (Cli.Result lost : List.of(Cli.run("resume", "--out", run.toString(), "--steps", "2"),
                Cli.trainRing(run, 2), Cli.run("sample", "--out", run.toString()))) {
            assertOneLine(lost.assertUsageError(run + " has a checkpoint but no config.json",
                    "`ganbook train --force --out " + run + " ...` starts over"));
            assertTrue(!lost.err().contains("ganbook resume"), "no sending back to resume: " + lost.err());
        }
        Files.move(dir.resolve("config.json.away"), run.resolve("config.json"));

        Files.delete(run.resolve("checkpoint.ckpt"));
        Cli.run("resume", "--out", run.toString(), "--steps", "2")
                .assertUsageError("no checkpoint.ckpt", "ganbook train --force --out " + run);

        Files.writeString(run.resolve("config.json"), "{\"format\": \"ganbook-run\", \"version\": 1,");
        assertOneLine(Cli.run("resume", "--out", run.toString(), "--steps", "2")
                .assertUsageError("config.json: not valid JSON"));
        Files.writeString(run.resolve("config.json"), new RunConfig().toJson().replace("\"k\"", "\"kk\""));
        Cli.run("sample", "--out", run.toString()).assertUsageError("config.json: unknown key \"kk\"");
    }

    @Test
    void placesThatCannotBeWrittenAreOneLineNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli.Result blocked = Cli.trainRing(file.resolve("run"), 2);
        assertOneLine(blocked);
        assertEquals("ganbook: error: " + file.resolve("run") + ": Not a directory", blocked.err().strip());
        Path proc = Path.of("/proc/ganbook");
        if (Files.isDirectory(proc.getParent())) {
            Cli.Result cannot = Cli.trainRing(proc, 2);
            assertOneLine(cannot);
            assertTrue(cannot.err().startsWith("ganbook: error: /proc/ganbook: "), cannot.err());
            assertTrue(cannot.err().strip().length() > "ganbook: error: /proc/ganbook: ".length(), "with a reason");
        }
        blocked.assertNoStackTrace();

        Path run = dir.resolve("run");
        assertEquals(0, Cli.trainRing(run, 2, "--grid-every", "0").code());
        Path folder = Files.createDirectories(dir.resolve("pictures"));
        assertOneLine(Cli.run("sample", "--out", run.toString(), "--png", folder.toString())
                .assertUsageError("--png " + folder + " is a directory; give a file name, such as " + folder
                        .resolve("sample.png")));
        Path readOnly = Path.of("/proc/self/ganbook-sample.png");
        if (Files.isDirectory(readOnly.getParent())) {
            Cli.Result denied = Cli.run("sample", "--out", run.toString(), "--png", readOnly.toString());
            assertEquals(GanbookCli.EXIT_ERROR, denied.code(), denied.err());
            assertOneLine(denied);
            denied.assertNoStackTrace();
            assertTrue(denied.err().contains("cannot write " + readOnly), denied.err());
        }
    }

    @Test
    void resumingOnImagesOfAnotherSizeNamesBothSizes() throws IOException {
        Path small = Idx.directory(dir.resolve("28"), 8, 28, 0);
        Path large = Idx.directory(dir.resolve("32"), 8, 32, 0);
        Path run = dir.resolve("run");
        Cli.Result trained = Cli.run("train", "--data", small.toString(), "--out", run.toString(), "--steps", "2",
                "--hidden", "8,8", "--batch-size", "4", "--progress", "none", "--grid-every", "0");
        assertEquals(0, trained.code(), trained.err());
        Cli.run("resume", "--out", run.toString(), "--steps", "2", "--data", large.toString())
                .assertUsageError("the run's model works on samples of shape 1×28×28", "1×32×32");
        Cli.run("resume", "--out", run.toString(), "--steps", "2", "--data", "ring")
                .assertUsageError("shape 1×28×28", "2");
    }

    private static byte[] withInt(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).putInt(at, value);
        return copy;
    }

    private static void assertOneLine(Cli.Result result) {
        assertEquals(1, result.errLines().size(), () -> "one line expected:\n" + result.err());
    }
}

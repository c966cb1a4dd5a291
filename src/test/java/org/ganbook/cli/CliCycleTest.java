package org.ganbook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CycleGAN runs through the command line, in this JVM: train, exact resume, sample, and bad pairs of data. */
class CliCycleTest {

    /** The spiral arm and its turned copy, with small networks and batches. */
    private static final String[] ARM = {"train", "--model", "cyclegan", "--data", "spiral-arm", "--data-y",
        "spiral-arm-turned", "--hidden", "8,8", "--batch-size", "16", "--lambda", "0.1", "--lr", "3e-3",
        "--progress", "none"};

    /** Digits and inverted digits, a few of each, with small networks and batches. */
    private static final String[] DIGITS = {"train", "--model", "cyclegan", "--data", "mnist", "--data-y",
        "inverted-mnist", "--limit", "40", "--hidden", "8", "--channels", "2", "--batch-size", "4", "--lambda", "1",
        "--grid-count", "4", "--progress", "none", "--threads", "1"};

    @TempDir
    Path dir;

    private static Cli.Result train(String[] base, Path out, int steps, String... extra) {
        List<String> args = new ArrayList<>(Arrays.asList(base));
        args.addAll(List.of("--out", out.toString(), "--steps", Integer.toString(steps)));
        args.addAll(Arrays.asList(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void pointsTrainedNThenResumedNAreBitIdenticalToTraining2N() throws IOException {
        Path whole = dir.resolve("whole");
        Path halves = dir.resolve("halves");
        Cli.Result trained = train(ARM, whole, 30, "--checkpoint-every", "12", "--grid-every", "20");
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("training cyclegan from spiral-arm to spiral-arm-turned (2)"), trained.out());
        // the header names the engine's thread count
        assertTrue(trained.out().contains("PyTorch on " + JniUtils.getNumThreads() + " thread"),
                trained.out());
        for (String file : List.of("config.json", "history.csv", "losses.png", "d-outputs.png", "samples.png",
                "checkpoint.ckpt", "grids/step-000000.png", "grids/step-000020.png")) {
            assertTrue(Files.exists(whole.resolve(file)), file);
        }
        assertTrue(Files.readAllLines(whole.resolve("history.csv")).get(0).startsWith("iteration,seconds,dy_loss"));
        assertEquals(0, train(ARM, halves, 15, "--checkpoint-every", "12", "--grid-every", "20").code());
        Cli.Result resumed = Cli.run("resume", "--out", halves.toString(), "--steps", "15", "--progress", "none");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("from step 15, 15 more steps"), resumed.out());
        assertEquals(history(whole), history(halves));
        assertEquals(31, history(whole).size(), "a header and one row per step");
        assertArrayEquals(weights(whole), weights(halves), "G, F, D_X and D_Y, bit for bit");
        // the optimizers' state too: one more step each stays identical
        assertEquals(0, Cli.run("resume", "--out", whole.toString(), "--steps", "1", "--progress", "none").code());
        assertEquals(0, Cli.run("resume", "--out", halves.toString(), "--steps", "1", "--progress", "none").code());
        assertArrayEquals(weights(whole), weights(halves));
    }

    @Test
    void digitsResumeExactlyAndSampleWritesXAndItsTranslations() throws IOException {
        Path whole = dir.resolve("whole");
        Path halves = dir.resolve("halves");
        Cli.Result trained = train(DIGITS, whole, 6, "--grid-every", "3");
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("(0.60 epochs of 40 images)"), trained.out());
        assertEquals(0, train(DIGITS, halves, 3, "--grid-every", "3").code());
        Cli.Result resumed = Cli.run("resume", "--out", halves.toString(), "--steps", "3", "--progress", "none");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(history(whole), history(halves));
        assertArrayEquals(weights(whole), weights(halves));

        Path png = dir.resolve("digits.png");
        Path csv = dir.resolve("digits.csv");
        Cli.Result sampled = Cli.run("sample", "--out", whole.toString(), "--count", "6", "--png", png.toString(),
                "--csv", csv.toString());
        assertEquals(0, sampled.code(), sampled.err());
        assertTrue(sampled.out().contains("6 translations from step 6"), sampled.out());
        BufferedImage picture = ImageIO.read(png.toFile());
        assertTrue(picture.getWidth() >= 6 * 28 && picture.getHeight() >= 2 * 28, "a row of x over a row of G(x)");
        List<String> rows = Files.readAllLines(csv);
        assertEquals(7, rows.size());
        assertEquals(2 * 784, rows.get(1).split(",").length, "x's pixels, then G(x)'s");
        assertTrue(rows.get(0).startsWith("x0,x1,") && rows.get(0).contains(",g0,g1,"), rows.get(0));
    }

    @Test
    void samplingPointsDrawsWhereGSendsEachX() throws IOException {
        Path run = dir.resolve("arm");
        assertEquals(0, train(ARM, run, 5).code());
        Cli.Result sampled = Cli.run("sample", "--out", run.toString(), "--count", "50", "--png", "arm.png",
                "--csv", "arm.csv");
        assertEquals(0, sampled.code(), sampled.err());
        assertTrue(ImageIO.read(run.resolve("arm.png").toFile()).getWidth() > 300);
        List<String> rows = Files.readAllLines(run.resolve("arm.csv"));
        assertEquals("x,y,g_x,g_y", rows.get(0));
        assertEquals(51, rows.size());
    }

    @Test
    void badPairsOfDataAreOneLineErrorsThatLoseNothing() throws IOException {
        Path run = dir.resolve("run");
        assertEquals(0, train(ARM, run, 3).code());
        byte[] checkpoint = Files.readAllBytes(run.resolve("checkpoint.ckpt"));
        String config = Files.readString(run.resolve("config.json"));
        Path small = Idx.directory(dir.resolve("small"), 12, 8, 0);
        String force = "--force";
        List<String[]> bad = List.of(
                new String[] {"--data", "spiral-arm", "--data-y", "mnist"},
                new String[] {"--data", "mnist", "--data-y", small.toString()},
                new String[] {"--data", "ring", "--data-y", "no-such-data"},
                new String[] {"--data", "ring"});
        List<String> expected = List.of(
                "X, spiral-arm, has 2-D points and Y, mnist, has samples of shape 1×28×28",
                "has samples of shape 1×28×28 and Y, the images in " + small + ", has samples of shape 1×8×8",
                "unknown data 'no-such-data'",
                "--model cyclegan needs --data-y");
        for (int i = 0; i < bad.size(); i++) {
            List<String> args = new ArrayList<>(List.of("train", "--model", "cyclegan", "--out", run.toString(),
                    "--steps", "2", force, "--progress", "none"));
            args.addAll(List.of(bad.get(i)));
            Cli.Result result = Cli.run(args.toArray(String[]::new)).assertUsageError(expected.get(i));
            assertEquals(1, result.errLines().size(), result.err());
        }
        Cli.run("train", "--data", "ring", "--data-y", "grid", "--out", dir.resolve("gan").toString(), "--steps", "2")
                .assertUsageError("--data-y is for --model cyclegan");
        assertFalse(Files.exists(dir.resolve("gan")));
        Cli.run("train", "--data", "ring", "--lambda", "1", "--out", dir.resolve("gan").toString(), "--steps", "2")
                .assertUsageError("--lambda is the cycle-consistency weight of --model cyclegan");
        assertArrayEquals(checkpoint, Files.readAllBytes(run.resolve("checkpoint.ckpt")), "the run is untouched");
        assertEquals(config, Files.readString(run.resolve("config.json")));
        assertEquals(4, history(run).size());
    }

    /** The history without its wall-clock column (the second). */
    private static List<String> history(Path run) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("history.csv"))) {
            String[] cells = line.split(",", -1);
            cells[1] = "";
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    /** Every weight of G, F, D_X and D_Y, in order, from the run's checkpoint. */
    private static float[] weights(Path run) throws IOException {
        RunConfig config = RunConfig.read(run);
        try (RunTrainer.Cycle trainer = new RunTrainer.Cycle(config, DataChoice.loadDomains(config),
                new TerminalProgress(System.out, TerminalProgress.Mode.NONE))) {
            trainer.load(run.resolve(RunDirectory.CHECKPOINT));
            List<Float> values = new ArrayList<>();
            for (var block : List.of(trainer.trainer.generatorG(), trainer.trainer.generatorF(),
                    trainer.trainer.discriminatorX(), trainer.trainer.discriminatorY())) {
                for (Pair<String, Parameter> pair : block.getParameters()) {
                    for (float v : pair.getValue().getArray().toFloatArray()) {
                        values.add(v);
                    }
                }
            }
            float[] all = new float[values.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = values.get(i);
            }
            return all;
        }
    }
}

package org.ganbook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.ganbook.train.GanTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training runs through the command line, in this JVM: outputs, determinism, resume, NaN guard, sampling. */
class CliRunTest {

    @TempDir
    Path dir;

    @Test
    void aRingRunWritesEveryOutput() throws IOException {
        Path run = dir.resolve("ring");
        Cli.Result result = Cli.trainRing(run, 40, "--grid-every", "20", "--checkpoint-every", "25",
                "--progress", "lines");
        assertEquals(0, result.code(), result.err());
        result.assertNoStackTrace();
        for (String file : List.of("config.json", "history.csv", "losses.png", "d-outputs.png", "samples.png",
                "checkpoint.ckpt", "grids/step-000000.png", "grids/step-000020.png", "grids/step-000040.png")) {
            assertTrue(Files.size(run.resolve(file)) > 0, file);
        }
        assertEquals(41, Files.readAllLines(run.resolve("history.csv")).size(), "a header and one row per step");
        assertTrue(Files.readAllLines(run.resolve("history.csv")).get(0).startsWith("iteration,epoch,seconds,d_loss"));
        assertTrue(result.out().contains("step 4/40 (10%)"), result.out());
        assertTrue(result.out().contains("step 40/40 (100%)"), result.out());
        assertTrue(result.out().contains("mode coverage of 2500 samples, modes: "), result.out());
        assertTrue(result.out().contains("/8 by the papers' rule (>= 1 high-quality sample), "), result.out());
        assertTrue(result.out().contains(" of samples high quality (within 3 std = 0.06 of a mode)"), result.out());
        try (var files = Files.list(run)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".partial")), "no temporary files are left");
        }
        RunConfig config = RunConfig.read(run);
        assertEquals(RunConfig.Model.MLP, config.model);
        assertArrayEquals(new int[] {16, 16}, config.hidden);
        assertEquals(40, loadedIteration(run));
    }

    @Test
    void theSameSeedGivesTheSameHistoryAndAnotherSeedDoesNot() throws IOException {
        assertEquals(0, Cli.trainRing(dir.resolve("a"), 30).code());
        assertEquals(0, Cli.trainRing(dir.resolve("b"), 30).code());
        assertEquals(0, Cli.trainRing(dir.resolve("c"), 30, "--seed", "7").code());
        assertEquals(historyWithoutSeconds(dir.resolve("a")), historyWithoutSeconds(dir.resolve("b")));
        assertNotEquals(historyWithoutSeconds(dir.resolve("a")), historyWithoutSeconds(dir.resolve("c")));
        assertArrayEquals(weights(dir.resolve("a")), weights(dir.resolve("b")));
    }

    @Test
    void trainingNThenResumingNIsBitIdenticalToTraining2N() throws IOException {
        Path whole = dir.resolve("whole");
        Path halves = dir.resolve("halves");
        assertEquals(0, Cli.trainRing(whole, 40, "--checkpoint-every", "15", "--grid-every", "25").code());
        assertEquals(0, Cli.trainRing(halves, 20, "--checkpoint-every", "15", "--grid-every", "25").code());
        Cli.Result resumed = Cli.run("resume", "--out", halves.toString(), "--steps", "20", "--progress", "none");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("from step 20, 20 more steps"), resumed.out());
        assertEquals(historyWithoutSeconds(whole), historyWithoutSeconds(halves));
        assertArrayEquals(weights(whole), weights(halves), "G and D weights, bit for bit");
        // and the optimizer state too: one more step each stays identical
        assertEquals(0, Cli.run("resume", "--out", whole.toString(), "--steps", "1", "--progress", "none").code());
        assertEquals(0, Cli.run("resume", "--out", halves.toString(), "--steps", "1", "--progress", "none").code());
        assertArrayEquals(weights(whole), weights(halves));
        Cli.Result a = Cli.run("sample", "--out", whole.toString(), "--count", "8", "--csv", dir.resolve("a.csv").toString(),
                "--png", dir.resolve("a.png").toString());
        Cli.Result b = Cli.run("sample", "--out", halves.toString(), "--count", "8", "--csv",
                dir.resolve("b.csv").toString(), "--png", dir.resolve("b.png").toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertEquals(Files.readString(dir.resolve("a.csv")), Files.readString(dir.resolve("b.csv")));
    }

    @Test
    void aDivergingRunStopsNamingTheStepAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path run = dir.resolve("diverged");
        Cli.Result result = Cli.trainRing(run, 200, "--lr", "1e30", "--checkpoint-every", "2", "--grid-every", "0");
        assertDiverged(result, run);

        // a run that goes well for 10 steps, then is resumed with an absurd learning rate (edited config.json)
        Path good = dir.resolve("good-then-bad");
        assertEquals(0, Cli.trainRing(good, 10, "--checkpoint-every", "5", "--grid-every", "0").code());
        Path config = good.resolve("config.json");
        Files.writeString(config, Files.readString(config).replaceAll("\"lr_([gd])\": [0-9.eE-]+", "\"lr_$1\": 1e30"));
        Cli.Result resumed = Cli.run("resume", "--out", good.toString(), "--steps", "50", "--progress", "none");
        assertEquals(11, assertDiverged(resumed, good), "the first step with the absurd rate");
        assertTrue(resumed.err().contains("(from step 10)"), resumed.err());
    }

    @Test
    void aBlownUpRunKeepsATrulyGoodCheckpointAndResumesWithASmallerLearningRate() throws IOException {
        Path run = dir.resolve("blown-up");
        Cli.Result result = Cli.trainRing(run, 300, "--lr", "1e6", "--checkpoint-every", "1", "--grid-every", "0");
        long step = assertDiverged(result, run);
        float[] kept = weights(run);
        for (float value : kept) {
            assertTrue(Float.isFinite(value), "every weight of the kept checkpoint is finite: " + value);
        }
        long from = loadedIteration(run);

        Cli.Result resumed = Cli.run("resume", "--out", run.toString(), "--steps", "100", "--lr", "2e-4",
                "--progress", "none", "--grid-every", "0");
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("learning rate changed: G 1000000 -> 0.0002, D 1000000 -> 0.0002"),
                resumed.out());
        assertEquals(from + 100, loadedIteration(run));
        RunConfig config = RunConfig.read(run);
        assertEquals(2e-4f, config.lrG);
        assertEquals(2e-4f, config.lrD);
        assertTrue(Files.readString(run.resolve(RunDirectory.CHANGES)).contains("at step " + from
                + ": learning rate changed: G 1000000 -> 0.0002, D 1000000 -> 0.0002"));
        List<String> history = Files.readAllLines(run.resolve("history.csv"));
        assertEquals(from + 100 + 1, history.size());
        for (String row : history.subList(1, history.size())) {
            assertTrue(!row.contains("NaN") && !row.contains("Infinity"), row);
        }
        for (float value : weights(run)) {
            assertTrue(Float.isFinite(value));
        }
        assertTrue(step > 0);
    }

    /** Checks the message, the checkpoint and the history of a diverged run; returns the step named. */
    private static long assertDiverged(Cli.Result result, Path run) throws IOException {
        assertEquals(GanbookCli.EXIT_DIVERGED, result.code(), result.out() + result.err());
        result.assertNoStackTrace();
        Matcher matcher = Pattern.compile("training diverged at step (\\d+): the ((generator|discriminator) loss is"
                + " (NaN|Infinity|-Infinity)|[^\\n]* \\(found when saving the checkpoint\\))").matcher(result.err());
        assertTrue(matcher.find(), result.err());
        long step = Long.parseLong(matcher.group(1));
        Matcher kept = Pattern.compile("the last good checkpoint \\(from step (\\d+)\\) is kept").matcher(result.err());
        assertTrue(kept.find(), result.err());
        long keptStep = Long.parseLong(kept.group(1));
        assertTrue(keptStep < step, result.err());
        assertEquals(keptStep, loadedIteration(run), "the checkpoint on disk is the last good one");
        assertEquals(step - 1, Files.readAllLines(run.resolve("history.csv")).size() - 1,
                "the history shows every good step");
        return step;
    }

    @Test
    void sampleDrawsTheSameSamplesForTheSameSeed() throws IOException {
        Path run = dir.resolve("ring");
        assertEquals(0, Cli.trainRing(run, 5).code());
        Path png = dir.resolve("out/samples.png");
        Cli.Result first = Cli.run("sample", "--out", run.toString(), "--count", "64", "--png", png.toString(),
                "--csv", dir.resolve("1.csv").toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("64 samples from step 5"), first.out());
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 100);
        List<String> rows = Files.readAllLines(dir.resolve("1.csv"));
        assertEquals("x,y", rows.get(0));
        assertEquals(65, rows.size());
        Cli.run("sample", "--out", run.toString(), "--count", "64", "--csv", dir.resolve("2.csv").toString());
        Cli.run("sample", "--out", run.toString(), "--count", "64", "--seed", "2", "--csv", dir.resolve("3.csv").toString());
        assertEquals(rows, Files.readAllLines(dir.resolve("2.csv")));
        assertNotEquals(rows, Files.readAllLines(dir.resolve("3.csv")));
        assertTrue(Files.exists(run.resolve("sample.png")), "the default picture goes into the run directory");
    }

    @Test
    void imageModelsTrainResumeAndSampleOnAnIdxDirectory() throws IOException {
        Path data = Idx.directory(dir.resolve("idx"), 24, 8, 3);
        String[] small = {"--batch-size", "4", "--progress", "none", "--grid-count", "9", "--coding-size", "4"};
        for (String model : List.of("mlp", "dcgan", "conditional-mlp", "conditional-dcgan")) {
            Path run = dir.resolve(model);
            List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--model", model,
                    "--out", run.toString(), "--steps", "3", "--hidden", "8,8", "--channels", "2"));
            args.addAll(List.of(small));
            Cli.Result trained = Cli.run(args.toArray(String[]::new));
            assertEquals(0, trained.code(), model + ": " + trained.err());
            assertTrue(trained.out().contains("(0.50 epochs of 24 images)"), trained.out());
            assertTrue(Files.exists(run.resolve("grids/step-000003.png")), model);
            Cli.Result resumed = Cli.run("resume", "--out", run.toString(), "--epochs", "0.5", "--progress", "none");
            assertEquals(0, resumed.code(), model + ": " + resumed.err());
            assertEquals(6, loadedIteration(run), model + ": half an epoch of 24 images is 3 steps of 4");
            Path png = dir.resolve(model + ".png");
            List<String> sample = new ArrayList<>(List.of("sample", "--out", run.toString(), "--count", "6",
                    "--png", png.toString()));
            if (model.startsWith("conditional")) {
                sample.addAll(List.of("--label", "2"));
            }
            Cli.Result sampled = Cli.run(sample.toArray(String[]::new));
            assertEquals(0, sampled.code(), model + ": " + sampled.err());
            BufferedImage picture = ImageIO.read(png.toFile());
            assertTrue(picture.getWidth() >= 3 * 8, model);
            if (model.startsWith("conditional")) {
                Path csv = dir.resolve(model + ".csv");
                assertEquals(0, Cli.run("sample", "--out", run.toString(), "--count", "6", "--csv", csv.toString(),
                        "--png", dir.resolve(model + "-rows.png").toString()).code());
                List<String> labels = Files.readAllLines(csv).stream().skip(1).map(row -> row.split(",")[0]).toList();
                assertEquals(List.of("0", "0", "1", "1", "2", "2"), labels, "one row of the picture per class");
                assertEquals(65, Files.readAllLines(csv).get(1).split(",").length, "a label and 8×8 values");
            }
        }
    }

    @Test
    void progressBarUpdatesOneLineWithEtaAndLosses() {
        Cli.Result result = Cli.trainRing(dir.resolve("bar"), 20, "--progress", "bar", "--grid-every", "0");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("\r[####################] 100% 20/20  ETA 0:00"), result.out());
        assertTrue(result.out().matches("(?s).*it/s  D \\d+\\.\\d{3}  G \\d+\\.\\d{3}.*"), result.out());
        assertTrue(!result.out().contains("step 20/20 (100%)"), "no plain lines in bar mode");
    }

    @Test
    void soakReportsMemoryAndItsGrowth() throws IOException {
        Path run = dir.resolve("soak");
        Cli.Result result = Cli.run("soak", "--steps", "30", "--every", "10", "--batch-size", "16", "--out",
                run.toString(), "--progress", "none");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("RSS growth over the second half"), result.out());
        assertTrue(result.out().contains("live Java heap growth after warm-up"), result.out());
        List<String> csv = Files.readAllLines(run.resolve("memory.csv"));
        assertEquals("step,rss_bytes,heap_bytes,live_heap_bytes,off_heap_bytes,seconds", csv.get(0));
        assertEquals(5, csv.size(), "steps 0, 10, 20, 30");
        assertTrue(Long.parseLong(csv.get(4).split(",")[1]) > 0, "VmRSS is read on Linux");
        assertEquals(30, loadedIteration(run));
    }

    static List<String> historyWithoutSeconds(Path run) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("history.csv"))) {
            String[] cells = line.split(",", -1);
            cells[2] = "";
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    static long loadedIteration(Path run) {
        try (GanTrainer trainer = load(run)) {
            return trainer.iteration();
        }
    }

    /** Every weight of G then D, in order, from the run's checkpoint. */
    static float[] weights(Path run) {
        try (GanTrainer trainer = load(run)) {
            List<float[]> parts = new ArrayList<>();
            int total = 0;
            for (var block : List.of(trainer.generator(), trainer.discriminator())) {
                for (Pair<String, Parameter> pair : block.getParameters()) {
                    float[] values = pair.getValue().getArray().toFloatArray();
                    parts.add(values);
                    total += values.length;
                }
            }
            float[] all = new float[total];
            int at = 0;
            for (float[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            return all;
        }
    }

    private static GanTrainer load(Path run) {
        RunConfig config = RunConfig.read(run);
        GanTrainer trainer = RunNetworks.trainer(config, DataChoice.shapeOnly(config), null);
        try {
            trainer.load(run.resolve("checkpoint.ckpt"));
        } catch (IOException e) {
            trainer.close();
            throw new AssertionError("the checkpoint does not load: " + e.getMessage(), e);
        }
        return trainer;
    }
}

package org.ganbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ganbook.data.Toys;
import org.ganbook.train.GanTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes and real signals: Ctrl-C (SIGINT) and SIGTERM save a checkpoint and exit with 130
 * and 143; SIGKILL in the middle of checkpoint saves always leaves a loadable checkpoint; on a
 * terminal the progress is a bar.
 */
class CliProcessTest {

    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void ctrlCAndSigtermStopAfterTheCurrentStepSaveAndExitWithTheSignalsCode() throws Exception {
        for (String[] signal : List.of(new String[] {"INT", "130"}, new String[] {"TERM", "143"})) {
            Path run = dir.resolve("run-" + signal[0]);
            Process process = java(List.of("org.ganbook.cli.GanbookCli", "train", "--data", "ring", "--out",
                    run.toString(), "--steps", "1000000", "--hidden", "16,16", "--batch-size", "32", "--progress",
                    "lines", "--checkpoint-every", "1000000", "--grid-every", "0", "--threads", "1"));
            Lines out = Lines.of(process);
            // the first checkpoint (step 0), then history.csv, are written just before training starts
            waitFor(() -> Files.exists(run.resolve("history.csv")), process, out);
            Thread.sleep(800);
            new ProcessBuilder("kill", "-" + signal[0], Long.toString(process.pid())).start().waitFor();
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the process should exit");
            String printed = out.all();
            assertEquals(Integer.parseInt(signal[1]), process.exitValue(), printed);
            assertTrue(printed.contains("stopping after the current step to save a checkpoint"), printed);
            Matcher stopped = Pattern.compile("interrupted at step (\\d+): checkpoint saved").matcher(printed);
            assertTrue(stopped.find(), printed);
            long step = Long.parseLong(stopped.group(1));
            assertTrue(step > 0, printed);
            assertTrue(printed.contains("continue with: ganbook resume --out " + run + " --steps " + (1_000_000 - step)),
                    printed);
            assertTrue(!printed.contains("\tat "), printed);
            assertEquals(step, CliRunTest.loadedIteration(run), "the checkpoint holds every finished step");
            assertEquals(step + 1, Files.readAllLines(run.resolve("history.csv")).size());
            assertTrue(Files.exists(run.resolve("samples.png")) && Files.exists(run.resolve("losses.png")));
        }
    }

    @Test
    void ctrlCStopsACycleGanRunThatThenResumes() throws Exception {
        Path run = dir.resolve("cycle");
        Process process = java(List.of("org.ganbook.cli.GanbookCli", "train", "--model", "cyclegan", "--data",
                "spiral-arm", "--data-y", "spiral-arm-turned", "--out", run.toString(), "--steps", "1000000",
                "--hidden", "8,8", "--batch-size", "16", "--progress", "lines", "--checkpoint-every", "1000000",
                "--grid-every", "0", "--threads", "1"));
        Lines out = Lines.of(process);
        waitFor(() -> Files.exists(run.resolve("history.csv")), process, out);
        Thread.sleep(800);
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the process should exit");
        String printed = out.all();
        assertEquals(130, process.exitValue(), printed);
        Matcher stopped = Pattern.compile("interrupted at step (\\d+): checkpoint saved").matcher(printed);
        assertTrue(stopped.find(), printed);
        long step = Long.parseLong(stopped.group(1));
        assertTrue(step > 0, printed);
        assertEquals(step + 1, Files.readAllLines(run.resolve("history.csv")).size(), "every finished step");
        Cli.Result resumed = Cli.run("resume", "--out", run.toString(), "--steps", "2", "--progress", "none");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("from step " + step + ", 2 more steps"), resumed.out());
        assertEquals(step + 3, Files.readAllLines(run.resolve("history.csv")).size());
    }

    @Test
    void oneProcessWritesARunDirectoryAtATimeAndAKilledOnesLockDoesNotBlock() throws Exception {
        Path run = dir.resolve("shared");
        Process first = java(List.of("org.ganbook.cli.GanbookCli", "train", "--data", "ring", "--out",
                run.toString(), "--steps", "1000000", "--hidden", "16,16", "--batch-size", "32", "--progress",
                "none", "--checkpoint-every", "1000000", "--grid-every", "0", "--threads", "1"));
        Lines out = Lines.of(first);
        waitFor(() -> Files.exists(run.resolve("checkpoint.ckpt")), first, out);
        String config = Files.readString(run.resolve("config.json"));
        for (List<String> second : List.of(
                List.of("resume", "--out", run.toString(), "--steps", "10", "--progress", "none"),
                List.of("train", "--force", "--data", "ring", "--seed", "7", "--out", run.toString(), "--steps", "10",
                        "--progress", "none"))) {
            List<String> args = new ArrayList<>(List.of("org.ganbook.cli.GanbookCli"));
            args.addAll(second);
            Process process = java(args);
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertEquals(GanbookCli.EXIT_USAGE, process.exitValue(), second + ": " + printed);
            List<String> lines = printed.lines().filter(line -> !line.isBlank()).toList();
            assertEquals(1, lines.size(), printed);
            assertTrue(lines.get(0).startsWith("ganbook: error: " + run + " is in use by another ganbook process (PID "
                    + first.pid() + ","), printed);
            assertTrue(first.isAlive(), "the first run goes on");
        }
        assertEquals(config, Files.readString(run.resolve("config.json")), "the refused commands wrote nothing");

        first.destroyForcibly(); // SIGKILL: the operating system drops the lock with the process
        assertTrue(first.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertTrue(Files.exists(run.resolve(RunLock.FILE)), "the lock file outlives its process");
        Cli.Result resumed = Cli.run("resume", "--out", run.toString(), "--steps", "5", "--progress", "none");
        assertEquals(0, resumed.code(), resumed.err());
    }

    @Test
    void sigkillDuringCheckpointSavesAlwaysLeavesALoadableCheckpoint() throws Exception {
        Path checkpoint = dir.resolve("checkpoint.ckpt");
        int width = 768;
        SplittableRandom random = new SplittableRandom(2024);
        int rounds = 5;   // rounds 0, 2 and 4 aim inside a save
        int killedMidWrite = 0;
        long verified = -1;
        List<String> log = new ArrayList<>();
        try (GanTrainer reader = RunNetworks.trainer(SaveLoop.config(width), Toys.ring(), null)) {
            for (int round = 0; round < rounds; round++) {
                Process process = java(List.of("org.ganbook.cli.SaveLoop", checkpoint.toString(),
                        Integer.toString(width)));
                Lines out = Lines.of(process);
                if (round > 0) {
                    String loaded;
                    do {
                        loaded = out.next(process);
                    } while (!loaded.startsWith("loaded ") && !loaded.startsWith("sav"));
                    assertEquals("loaded " + verified, loaded, "the killed process's checkpoint loads in a new one");
                }
                // let a few saves happen, learn how long one takes
                long saveMillis = 0;
                for (int saves = 0; saves < 2; saves++) {
                    String line;
                    do {
                        line = out.next(process);
                    } while (!line.startsWith("saved "));
                    saveMillis = Long.parseLong(line.replaceAll(".* in (\\d+) ms", "$1"));
                }
                long delay;
                if (round % 2 == 0) {
                    // aim inside a save: wait for the next one to start, then a random part of its first half
                    // (a save's length varies from one to the next: aiming at its end often lands after it)
                    String line;
                    do {
                        line = out.next(process);
                    } while (!line.startsWith("saving "));
                    delay = random.nextLong(Math.max(1, saveMillis / 2));
                } else {
                    delay = random.nextLong(3 * Math.max(1, saveMillis));
                }
                Thread.sleep(delay);
                process.destroyForcibly(); // SIGKILL
                assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                boolean partial = partialFiles().size() > 0;
                killedMidWrite += partial ? 1 : 0;
                String lastSaved = out.lastStartingWith("saved ");
                long announced = Long.parseLong(lastSaved.split(" ")[1]);
                reader.load(checkpoint); // throws if the file were damaged
                long iteration = reader.iteration();
                assertTrue(iteration == announced || iteration == announced + 1,
                        "the previous or the new checkpoint: announced " + announced + ", loaded " + iteration);
                log.add("round " + round + ": save takes ~" + saveMillis + " ms, killed " + delay + " ms in, "
                        + (partial ? "mid-write" : "between saves") + ", loaded step " + iteration);
                verified = iteration;
            }
        }
        System.out.println(String.join("\n", log));
        assertTrue(killedMidWrite >= 1, "at least one kill should land inside a save:\n" + String.join("\n", log));

        // `ganbook resume` cleans up what the killed saves left behind and carries on
        SaveLoop.config(width).write(dir);
        Cli.Result resumed = Cli.run("resume", "--out", dir.toString(), "--steps", "1", "--progress", "none",
                "--grid-every", "0");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("unfinished temporary file"), resumed.out());
        assertEquals(List.of(), partialFiles());
        assertEquals(verified + 1, CliRunTest.loadedIteration(dir));
    }

    @Test
    void onATerminalTheProgressIsABarThatUpdatesInPlace() throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "util-linux `script` gives the command a terminal");
        Path run = dir.resolve("tty");
        List<String> command = javaCommand(List.of("org.ganbook.cli.GanbookCli", "train", "--data", "ring", "--out",
                run.toString(), "--steps", "100", "--hidden", "16,16", "--batch-size", "32", "--grid-every", "0",
                "--threads", "1"));
        String line = String.join(" ", command.stream().map(CliProcessTest::quote).toList());
        Process process = new ProcessBuilder(script.toString(), "-qefc", line, "/dev/null")
                .redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), printed);
        assertTrue(printed.contains("\r[####################] 100% 100/100  ETA 0:00"), printed);
        assertTrue(!printed.contains("step 100/100 (100%)"), "a bar, not lines, on a terminal: " + printed);
        assertTrue(Files.exists(run.resolve("checkpoint.ckpt")));
    }

    private List<Path> partialFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    static List<String> javaCommand(List<String> mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Xmx512m"));
        command.addAll(mainAndArgs);
        return command;
    }

    static Process java(List<String> mainAndArgs) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(mainAndArgs)).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition, Process process, Lines out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.holds()) {
            if (!process.isAlive()) {
                throw new AssertionError("the process ended early:\n" + out.all());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("timed out; output so far:\n" + out.all());
            }
            Thread.sleep(50);
        }
    }

    /** The lines a process prints, read on a thread of their own. */
    static final class Lines {
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final List<String> all = new ArrayList<>();

        static Lines of(Process process) {
            Lines lines = new Lines();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (lines.all) {
                            lines.all.add(line);
                        }
                        lines.queue.add(line);
                    }
                } catch (IOException e) {
                    // the process is gone
                }
            }, "process-output");
            reader.setDaemon(true);
            reader.start();
            return lines;
        }

        String next(Process process) throws InterruptedException {
            String line = queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                process.destroyForcibly();
                throw new AssertionError("no output for " + TIMEOUT_SECONDS + " s; so far:\n" + all());
            }
            return line;
        }

        String lastStartingWith(String prefix) throws InterruptedException {
            Thread.sleep(200); // let the reader catch up with what the process printed before it died
            synchronized (all) {
                for (int i = all.size() - 1; i >= 0; i--) {
                    if (all.get(i).startsWith(prefix)) {
                        return all.get(i);
                    }
                }
            }
            throw new AssertionError("no line starting with '" + prefix + "' in:\n" + all());
        }

        String all() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (all) {
                return String.join("\n", all);
            }
        }
    }
}

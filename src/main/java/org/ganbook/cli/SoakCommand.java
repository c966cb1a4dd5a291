package org.ganbook.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ganbook soak}: a long ring run that reports the process's resident memory as it goes. */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Memory soak: a long ring run that reports resident memory.",
        description = {
            "Trains the ring MLP as `ganbook train --data ring` does (checkpoints, grids,",
            "history) for many steps, reports the resident set size (VmRSS, from",
            "/proc/self/status) and the Java heap at intervals, then the growth after",
            "the warm-up.",
            ""
        },
        footerHeading = "%nExample:%n",
        footer = {"  ganbook soak --steps 10000 --every 1000"})
final class SoakCommand implements Callable<Integer> {

    private static final double MB = 1024 * 1024;

    @ParentCommand
    GanbookCli cli;

    @Option(names = "--steps", defaultValue = "10000", paramLabel = "N", order = 1,
            description = "Training steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--every", defaultValue = "1000", paramLabel = "N", order = 2,
            description = "Report (and checkpoint, and draw a grid) every N steps (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--batch-size", defaultValue = "256", paramLabel = "N", order = 3,
            description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--out", paramLabel = "DIR", order = 4,
            description = "Keep the run and memory.csv here (default: a temporary directory, deleted).")
    Path out;

    @Mixin
    SessionOptions session;

    @Override
    public Integer call() throws IOException {
        session.applyThreads();
        if (steps < 1 || every < 1) {
            throw new UserException("--steps and --every must be positive");
        }
        Path directory = out != null ? out : Files.createTempDirectory("ganbook-soak");
        RunDirectory run = new RunDirectory(directory);
        if (run.holdsRun()) {
            throw new UserException(directory + " already holds a run; pick another --out");
        }
        RunConfig config = new RunConfig();
        config.batchSize = batchSize;
        config.checkpointEvery = every;
        config.gridEvery = every;
        config.validate("invalid options");
        config.write(directory);
        List<long[]> rows = new ArrayList<>();
        PrintStream report = cli.out;
        report.println("soak: " + config.summary() + ", " + steps + " steps, memory every " + every);
        report.printf(Locale.ROOT, "%8s %10s %10s %12s%n", "step", "RSS MB", "heap MB", "seconds");
        long started = System.nanoTime();
        TrainingSession.Observer observer = iteration -> {
            long rss = Memory.residentBytes();
            long heap = Memory.heapUsedBytes();
            rows.add(new long[] {iteration, rss, heap, System.nanoTime() - started});
            report.printf(Locale.ROOT, "%8d %10.1f %10.1f %12.1f%n", iteration, rss / MB, heap / MB,
                    (System.nanoTime() - started) / 1e9);
        };
        int code;
        Progress progress = new Progress(cli.out, session.progress == Progress.Mode.AUTO ? Progress.Mode.NONE
                : session.progress);
        try (StopSignals stop = StopSignals.install(cli.err);
                TrainingSession training = new TrainingSession(config, run, config.data.equals("ring")
                        ? org.ganbook.data.Toys.ring() : DataChoice.load(config), progress, cli.out, cli.err)) {
            observer.at(0);
            code = training.train(steps, stop, every, observer);
        }
        summarise(report, rows);
        Path csv = directory.resolve("memory.csv");
        StringBuilder text = new StringBuilder("step,rss_bytes,heap_bytes,seconds\n");
        for (long[] row : rows) {
            text.append(String.format(Locale.ROOT, "%d,%d,%d,%.3f%n", row[0], row[1], row[2], row[3] / 1e9));
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        if (out == null) {
            deleteTree(directory);
        } else {
            report.println("wrote " + csv);
        }
        return code;
    }

    private static void summarise(PrintStream report, List<long[]> rows) {
        if (rows.size() < 3 || rows.get(0)[1] < 0) {
            report.println(rows.get(0)[1] < 0 ? "RSS not available on this system (no /proc/self/status)"
                    : "too few reports for a growth figure");
            return;
        }
        long[] warm = rows.get(1);
        long[] last = rows.get(rows.size() - 1);
        long peak = rows.stream().mapToLong(r -> r[1]).max().orElse(0);
        double growth = (last[1] - warm[1]) / MB;
        double per1000 = growth / Math.max(1, last[0] - warm[0]) * 1000;
        report.printf(Locale.ROOT, "RSS at step %d (after warm-up): %.1f MB; at step %d: %.1f MB; peak %.1f MB%n",
                warm[0], warm[1] / MB, last[0], last[1] / MB, peak / MB);
        report.printf(Locale.ROOT, "RSS growth after warm-up: %+.1f MB over %d steps (%+.2f MB per 1000 steps)%n",
                growth, last[0] - warm[0], per1000);
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

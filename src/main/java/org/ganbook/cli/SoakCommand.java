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
            "/proc/self/status), the Java heap and the live heap after a full GC at",
            "intervals, then the growth after the warm-up.",
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
        session.applyThreads(true, false);
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
        try (RunLock lock = RunLock.acquire(directory)) {
            if (run.holdsRun()) {
                throw new UserException(directory + " already holds a run; pick another --out");
            }
            config.write(directory);
            return soak(config, directory, run);
        }
    }

    private int soak(RunConfig config, Path directory, RunDirectory run) throws IOException {
        List<long[]> rows = new ArrayList<>();
        PrintStream report = cli.out;
        report.println("soak: " + config.summary() + ", " + steps + " steps, memory every " + every);
        report.println("RSS: resident set size; heap: Java heap in use; live: Java heap in use after a full GC;");
        report.println("off-heap: RSS after that GC minus the committed Java heap (native memory, code, metaspace)");
        report.printf(Locale.ROOT, "%8s %9s %9s %9s %9s %9s%n", "step", "RSS MB", "heap MB", "live MB", "off-heap",
                "seconds");
        long started = System.nanoTime();
        TrainingSession.Observer observer = iteration -> {
            long rss = Memory.residentBytes();
            long heap = Memory.heapUsedBytes();
            System.gc();
            long live = Memory.heapUsedBytes();
            long offHeap = Memory.residentBytes() - Runtime.getRuntime().totalMemory();
            long nanos = System.nanoTime() - started;
            rows.add(new long[] {iteration, rss, heap, live, offHeap, nanos});
            report.printf(Locale.ROOT, "%8d %9.1f %9.1f %9.1f %9.1f %9.1f%n", iteration, rss / MB, heap / MB,
                    live / MB, offHeap / MB, nanos / 1e9);
        };
        int code;
        TerminalProgress progress = new TerminalProgress(cli.out, session.progress == TerminalProgress.Mode.AUTO ? TerminalProgress.Mode.NONE
                : session.progress);
        try (StopSignals stop = StopSignals.install(cli.err);
                TrainingSession training = new TrainingSession(config, run, config.data.equals("ring")
                        ? org.ganbook.data.Toys.ring() : DataChoice.load(config), progress, cli.out, cli.err)) {
            observer.at(0);
            code = training.train(steps, stop, every, observer);
        }
        summarise(report, rows);
        Path csv = directory.resolve("memory.csv");
        StringBuilder text = new StringBuilder("step,rss_bytes,heap_bytes,live_heap_bytes,off_heap_bytes,seconds\n");
        for (long[] row : rows) {
            text.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%.3f%n", row[0], row[1], row[2], row[3], row[4],
                    row[5] / 1e9));
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
        if (rows.isEmpty() || rows.get(0)[1] < 0) {
            report.println("RSS not available on this system (no /proc/self/status)");
            return;
        }
        if (rows.size() < 3) {
            report.println("too few reports for a growth figure: use more --steps or a smaller --every");
            return;
        }
        long[] warm = rows.get(1);
        long[] middle = rows.get(rows.size() / 2);
        long[] last = rows.get(rows.size() - 1);
        long peak = rows.stream().mapToLong(r -> r[1]).max().orElse(0);
        report.printf(Locale.ROOT, "RSS: %.1f MB at step %d (after warm-up), %.1f MB at step %d, %.1f MB at the end"
                + " (step %d), peak %.1f MB%n", warm[1] / MB, warm[0], middle[1] / MB, middle[0], last[1] / MB,
                last[0], peak / MB);
        report.printf(Locale.ROOT, "RSS growth over the second half (steps %d to %d): %+.1f MB (%+.2f MB per 1000"
                + " steps)%n", middle[0], last[0], (last[1] - middle[1]) / MB, per1000(middle, last, 1));
        report.printf(Locale.ROOT, "live Java heap growth after warm-up: %+.1f MB (%+.3f MB per 1000 steps);"
                + " off-heap: %+.1f MB (%+.3f MB per 1000 steps)%n", (last[3] - warm[3]) / MB,
                per1000(warm, last, 3), (last[4] - warm[4]) / MB, per1000(warm, last, 4));
    }

    private static double per1000(long[] from, long[] to, int column) {
        return (to[column] - from[column]) / MB / Math.max(1, to[0] - from[0]) * 1000;
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

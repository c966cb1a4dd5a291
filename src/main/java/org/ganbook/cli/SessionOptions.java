package org.ganbook.cli;

import picocli.CommandLine.Option;

/** Options of every command that trains: how progress is shown and how many threads PyTorch uses. */
final class SessionOptions {

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|bar|lines|none", order = 90,
            description = "Progress display: a bar that updates in place on a terminal, plain lines at every"
                    + " tenth of the run otherwise (auto, the default), or none.")
    TerminalProgress.Mode progress;

    @Option(names = "--threads", paramLabel = "N", order = 91,
            description = "Threads PyTorch uses for each operation (default: 1 for 2-D points, whose small"
                    + " matrices gain nothing from more and lose much on a busy machine; for images one per"
                    + " physical core, or 1 on a machine with two cores or fewer, where two lost to one).")
    Integer threads;

    /**
     * Applies --threads, or the default for the data; must run before the engine starts.
     *
     * @param pointData whether the run trains on 2-D points generated in code
     */
    void applyThreads(boolean pointData) {
        if (threads != null && threads < 1) {
            throw new UserException("--threads must be positive, got " + threads);
        }
        Integer chosen = threads != null ? threads : pointData ? Integer.valueOf(1) : null;
        if (chosen != null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(chosen));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}

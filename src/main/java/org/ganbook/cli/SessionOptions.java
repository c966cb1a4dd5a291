package org.ganbook.cli;

import picocli.CommandLine.Option;

/** Options of every command that trains: how progress is shown and how many threads PyTorch uses. */
final class SessionOptions {

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|bar|lines|none", order = 90,
            description = "Progress display: a bar that updates in place on a terminal, plain lines at every"
                    + " tenth of the run otherwise (auto, the default), or none.")
    Progress.Mode progress;

    @Option(names = "--threads", paramLabel = "N", order = 91,
            description = "Threads PyTorch uses for each operation (default: one per core).")
    Integer threads;

    /** Applies --threads; must run before the engine starts. */
    void applyThreads() {
        if (threads != null) {
            if (threads < 1) {
                throw new UserException("--threads must be positive, got " + threads);
            }
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}

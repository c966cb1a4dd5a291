package org.ganbook.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files of one run: {@code config.json}, {@code history.csv}, {@code losses.png}, {@code
 * d-outputs.png}, {@code grids/}, {@code samples.png} and {@code checkpoint.ckpt}.
 */
final class RunDirectory {

    static final String HISTORY = "history.csv";
    static final String LOSSES = "losses.png";
    static final String D_OUTPUTS = "d-outputs.png";
    static final String GRIDS = "grids";
    static final String SAMPLES = "samples.png";
    static final String CHECKPOINT = "checkpoint.ckpt";
    static final String CHANGES = "changes.log";

    private final Path root;

    RunDirectory(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path config() {
        return root.resolve(RunConfig.FILE);
    }

    Path history() {
        return root.resolve(HISTORY);
    }

    Path losses() {
        return root.resolve(LOSSES);
    }

    Path discriminatorOutputs() {
        return root.resolve(D_OUTPUTS);
    }

    Path grids() {
        return root.resolve(GRIDS);
    }

    Path grid(long step) {
        return grids().resolve(String.format(Locale.ROOT, "step-%06d.png", step));
    }

    Path samples() {
        return root.resolve(SAMPLES);
    }

    Path checkpoint() {
        return root.resolve(CHECKPOINT);
    }

    Path changes() {
        return root.resolve(CHANGES);
    }

    /** Returns whether a run already lives here. */
    boolean holdsRun() {
        return Files.exists(config()) || Files.exists(checkpoint());
    }

    /** Deletes the files a run writes (for {@code train --force}); other files are left alone. */
    void clearRun() throws IOException {
        for (Path file : List.of(config(), history(), losses(), discriminatorOutputs(), samples(), checkpoint(),
                changes())) {
            Files.deleteIfExists(file);
        }
        if (Files.isDirectory(grids())) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(grids(), "step-*.png")) {
                for (Path file : files) {
                    Files.delete(file);
                }
            }
        }
        removeStalePartials();
    }

    /**
     * Deletes the temporary files that a process killed in the middle of a save leaves behind (the
     * finished checkpoint or config they were to replace is still there).
     *
     * @return how many were deleted
     */
    int removeStalePartials() throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        for (String glob : List.of(CHECKPOINT + "*.partial", RunConfig.FILE + "*.partial", HISTORY + "*.partial")) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(root, glob)) {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        return removed;
    }

}

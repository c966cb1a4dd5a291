package org.ganbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ganbook.data.Toys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order of a session's writes: the checkpoint first, then history.csv, which is never ahead of it. */
class TrainingSessionTest {

    @TempDir
    Path dir;

    @Test
    void theCheckpointIsWrittenBeforeTheHistoryAndAFailedSaveSaysWhichFileAndWhatWasKept() throws IOException {
        RunConfig config = new RunConfig();
        config.hidden = new int[] {16, 16};
        config.batchSize = 32;
        config.gridEvery = 0;
        config.write(dir);
        RunDirectory run = new RunDirectory(dir);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (TrainingSession session = new TrainingSession(config, run, Toys.ring(),
                new TerminalProgress(quiet, TerminalProgress.Mode.NONE), quiet, quiet)) {
            session.trainer().fit(3);
            session.saveCheckpoint();
            assertEquals(4, Files.readAllLines(run.history()).size(), "a header and 3 rows");

            session.trainer().fit(2);
            // the checkpoint cannot be replaced (a non-empty directory stands in its way)
            Files.delete(run.checkpoint());
            Files.createDirectories(run.checkpoint().resolve("in-the-way"));
            IOException failed = assertThrows(IOException.class, session::saveCheckpoint);
            assertEquals(4, Files.readAllLines(run.history()).size(),
                    "history.csv is not ahead of the checkpoint that could not be written");
            String message = failed.getMessage();
            assertTrue(message.startsWith("cannot write the checkpoint " + run.checkpoint() + " ("), message);
            assertTrue(message.endsWith("the previous checkpoint (from step 3) is kept"), message);
        }
    }
}

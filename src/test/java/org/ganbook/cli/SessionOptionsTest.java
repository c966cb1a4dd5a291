package org.ganbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The command line's thread choice: per model and core count, and --threads over it. */
class SessionOptionsTest {

    @Test
    void pointsTrainOnOneThreadWhateverTheCores() {
        for (int cores : new int[] {1, 2, 4, 16}) {
            assertEquals(1, SessionOptions.defaultThreads(true, false, cores));
        }
    }

    @Test
    void convolutionalNetworksUseEveryCoreEvenOnTwo() {
        assertEquals(1, SessionOptions.defaultThreads(false, true, 1));
        assertEquals(2, SessionOptions.defaultThreads(false, true, 2));
        assertEquals(8, SessionOptions.defaultThreads(false, true, 8));
    }

    @Test
    void imageMlpsUseOneThreadUpToTwoCoresAndEveryCoreAbove() {
        assertEquals(1, SessionOptions.defaultThreads(false, false, 1));
        assertEquals(1, SessionOptions.defaultThreads(false, false, 2));
        assertEquals(3, SessionOptions.defaultThreads(false, false, 3));
        assertEquals(8, SessionOptions.defaultThreads(false, false, 8));
    }

    @Test
    void threadsOptionWinsAndMustBePositive() {
        String[] keys = {"ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads"};
        String[] before = {System.getProperty(keys[0]), System.getProperty(keys[1])};
        try {
            SessionOptions options = new SessionOptions();
            options.threads = 3;
            options.applyThreads(true, false);
            assertEquals("3", System.getProperty("ai.djl.pytorch.num_threads"));
            options.threads = 0;
            UserException e = assertThrows(UserException.class, () -> options.applyThreads(false, true));
            assertEquals("--threads must be positive, got 0", e.getMessage());
        } finally {
            for (int k = 0; k < keys.length; k++) {
                if (before[k] == null) {
                    System.clearProperty(keys[k]);
                } else {
                    System.setProperty(keys[k], before[k]);
                }
            }
        }
    }
}

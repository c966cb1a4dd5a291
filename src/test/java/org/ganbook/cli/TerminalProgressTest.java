package org.ganbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.ganbook.train.DiscriminatorStep;
import org.ganbook.train.GeneratorStep;
import org.ganbook.train.Iteration;
import org.junit.jupiter.api.Test;

/** The progress display with a clock the test controls. */
class ProgressTest {

    private long now;

    private static Iteration iteration(long i) {
        return new Iteration(i, new DiscriminatorStep(i, 1.25, 0.6, 0.4, Double.NaN, Double.NaN, -1.3),
                new GeneratorStep(i, 0.875, 0.4, Double.NaN), 0, 0);
    }

    @Test
    void theBarShowsPercentEtaRateAndLossesOnOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), TerminalProgress.Mode.BAR,
                () -> now);
        progress.start(100, 300);
        now = 4_000_000_000L; // 50 iterations in 4 s: 12.5 it/s (shown rounded), 150 to go: 12 s
        progress.onIteration(iteration(149));
        String bar = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("\r[#####---------------]  25% 150/300  ETA 0:12  13 it/s  D 1.250  G 0.875", bar);
        now += 1_000_000; // too soon to redraw
        progress.onIteration(iteration(150));
        assertEquals(bar, bytes.toString(StandardCharsets.UTF_8));
        now = 20_000_000_000L;
        progress.onIteration(iteration(299));
        progress.finish();
        String all = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(all.endsWith("\r[####################] 100% 300/300  ETA 0:00  10 it/s  D 1.250  G 0.875"
                + System.lineSeparator()), all);
        assertEquals(all.length() - 1, all.indexOf('\n'), "one line, redrawn in place after carriage returns");
    }

    @Test
    void withoutATerminalThereIsALineAtEveryTenth() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), TerminalProgress.Mode.LINES,
                () -> now);
        progress.start(0, 50);
        for (long i = 0; i < 50; i++) {
            now += 100_000_000L;
            progress.onIteration(iteration(i));
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertEquals(10, lines.length);
        assertEquals("step 5/50 (10%) | D loss 1.250 | G loss 0.875 | D(x) 0.600 | D(G(z)) 0.400 | 10 it/s | ETA 0:05",
                lines[0]);
        assertTrue(lines[9].startsWith("step 50/50 (100%)"), lines[9]);
    }

    @Test
    void durations() {
        assertEquals("0:00", TerminalProgress.duration(0));
        assertEquals("1:05", TerminalProgress.duration(65));
        assertEquals("2:00:01", TerminalProgress.duration(7201));
    }
}

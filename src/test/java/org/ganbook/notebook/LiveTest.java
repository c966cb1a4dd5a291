package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.ganbook.data.Toys;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.ganbook.nn.OutputActivation;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Iteration;
import org.ganbook.train.TrainingProgress;
import org.junit.jupiter.api.Test;

class LiveTest {

    /** Records what would go to the cell. */
    static final class Recorder implements CellOutput {
        final List<String> ids = new ArrayList<>();
        final List<String> events = new ArrayList<>();   // "display id" / "update id"
        final List<Map<String, String>> bundles = new ArrayList<>();

        @Override
        public String display(Map<String, String> bundle) {
            String id = "id" + ids.size();
            ids.add(id);
            events.add("display " + id);
            bundles.add(bundle);
            return id;
        }

        @Override
        public void update(String id, Map<String, String> bundle) {
            events.add("update " + id);
            bundles.add(bundle);
        }

        long count(String event) {
            return events.stream().filter(event::equals).count();
        }
    }

    private static GanTrainer ring() {
        return GanTrainer.builder(
                        MlpGenerator.builder().setCodingSize(2).setOutputShape(new Shape(2))
                                .optHidden(16).optOutput(OutputActivation.LINEAR).build(),
                        MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(16).build())
                .setData(Toys.ring()).setCodingSize(2).optBatchSize(32).optProgress(0).build();
    }

    private static Live live(Function<GanTrainer, BufferedImage> picture, int every, CellOutput out,
            AtomicLong clock, PrintStream errors) {
        return new Live(picture, every, () -> Optional.ofNullable(out), clock::get, errors, new AtomicLong());
    }

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    private static final BufferedImage TINY = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);

    @Test
    void barRedrawsAtMostEveryQuarterSecondAndEndsWithTheFinalFrame() {
        try (GanTrainer trainer = ring()) {
            Recorder out = new Recorder();
            AtomicLong clock = new AtomicLong();
            // a clock that moves 10 ms per read: 100 iterations take well over a second
            Live live = new Live(null, 0, () -> Optional.of(out), () -> clock.addAndGet(10_000_000L), QUIET,
                    new AtomicLong());
            trainer.fit(100, live);
            assertEquals(1, out.ids.size(), "one output: the bar");
            long updates = out.count("update id0");
            // 100 iterations, two clock reads each (update and the bar text): about 2 s, 8 redraws at most
            assertTrue(updates >= 3 && updates <= 10, "updates: " + updates);
            String last = out.bundles.get(out.bundles.size() - 1).get("text/html");
            assertTrue(last.contains("iteration 100/100"), last);
            assertTrue(last.contains("took"), last);
            assertTrue(last.contains("<progress value=\"100\" max=\"100\""), last);
        }
    }

    @Test
    void pictureRefreshesEveryNIterationsInOneOutput() {
        try (GanTrainer trainer = ring()) {
            Recorder out = new Recorder();
            AtomicInteger drawn = new AtomicInteger();
            Live live = live(t -> {
                drawn.incrementAndGet();
                return TINY;
            }, 10, out, new AtomicLong(), QUIET);
            trainer.fit(35, live);
            assertEquals(4, drawn.get(), "at 10, 20, 30 and the final frame at 35");
            assertEquals(2, out.ids.size(), "the bar and one picture");
            assertEquals(3, out.count("update id1"));
            Map<String, String> lastPicture = null;
            for (Map<String, String> b : out.bundles) {
                if (b.containsKey("image/png")) {
                    lastPicture = b;
                }
            }
            assertEquals("picture after iteration 35", lastPicture.get("text/plain"));
        }
    }

    @Test
    void defaultPictureWaitsTwoSecondsAndLongerWhenDrawingIsSlow() {
        try (GanTrainer trainer = ring()) {
            Recorder out = new Recorder();
            AtomicLong clock = new AtomicLong();
            AtomicInteger drawn = new AtomicInteger();
            // each iteration takes 0.1 s of the fake clock; each picture takes 0.1 s to draw
            TrainingProgress ticking = new TrainingProgress() {
                final Live live = live(t -> {
                    drawn.incrementAndGet();
                    clock.addAndGet(100_000_000L);
                    return TINY;
                }, 0, out, clock, QUIET);

                @Override
                public void start(GanTrainer t, int n) {
                    live.start(t, n);
                }

                @Override
                public void update(GanTrainer t, Iteration it) {
                    clock.addAndGet(100_000_000L);
                    live.update(t, it);
                }

                @Override
                public void finish(GanTrainer t, Iteration last) {
                    live.finish(t, last);
                }
            };
            trainer.fit(100, ticking);
            // 10 s of training, 0.1 s per picture: at most every max(2 s, 40 × 0.1 s) = 4 s, so at about
            // 4 s and 8 s, then the final frame: 3 in all (unthrottled it would be 100)
            assertEquals(3, drawn.get(), "pictures");
        }
    }

    @Test
    void aNewFitStartsFromTheLastPicturesCost() {
        try (GanTrainer trainer = ring()) {
            AtomicLong clock = new AtomicLong();
            AtomicLong cost = new AtomicLong(1_000_000_000L);   // the last picture took 1 s: wait 40 s
            AtomicInteger drawn = new AtomicInteger();
            Live live = new Live(t -> {
                drawn.incrementAndGet();
                return TINY;
            }, 0, () -> Optional.of(new Recorder()), () -> clock.addAndGet(50_000_000L), QUIET, cost);
            trainer.fit(200, live);   // 200 iterations, about 20 s of this clock
            assertEquals(1, drawn.get(), "only the final frame");
            assertEquals(50_000_000L, cost.get(), "the measured cost is remembered for the next fit");
        }
    }

    @Test
    void aFailingDisplayIsReportedOnceAndTrainingGoesOn() {
        try (GanTrainer trainer = ring()) {
            CellOutput broken = new CellOutput() {
                @Override
                public String display(Map<String, String> bundle) {
                    throw new IllegalStateException("kernel gone");
                }

                @Override
                public void update(String id, Map<String, String> bundle) {
                    throw new IllegalStateException("kernel gone");
                }
            };
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Live live = live(t -> TINY, 5, broken, new AtomicLong(), new PrintStream(errors, true, StandardCharsets.UTF_8));
            Iteration last = trainer.fit(30, live);
            assertEquals(30, trainer.iteration());
            assertEquals(29, last.iteration());
            String report = errors.toString(StandardCharsets.UTF_8);
            assertEquals(1, report.split("progress bar failed", -1).length - 1, report);
            assertEquals(1, report.split("picture failed", -1).length - 1, report);
            assertTrue(report.contains("kernel gone"), report);
        }
    }

    @Test
    void aFailingPictureLeavesTheBarRunning() {
        try (GanTrainer trainer = ring()) {
            Recorder out = new Recorder();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            AtomicInteger calls = new AtomicInteger();
            Live live = live(t -> {
                calls.incrementAndGet();
                throw new IllegalArgumentException("no such column");
            }, 5, out, new AtomicLong(), new PrintStream(errors, true, StandardCharsets.UTF_8));
            trainer.fit(20, live);
            assertEquals(1, calls.get(), "a failed picture is not tried again in the same fit");
            assertEquals(1, out.ids.size(), "only the bar was shown");
            assertTrue(out.bundles.get(out.bundles.size() - 1).get("text/plain").startsWith("iteration 20/20"));
            assertTrue(errors.toString(StandardCharsets.UTF_8).contains("no such column"));
        }
    }

    @Test
    void theLiveViewDoesNotChangeTheTraining() {
        double[] withLive;
        double[] without;
        try (GanTrainer trainer = ring()) {
            trainer.fit(30, live(GanPlots::overview, 3, new Recorder(), new AtomicLong(), QUIET));
            withLive = trainer.history().doubleColumn("d_loss").asDoubleArray();
            float[] after = trainer.generate(16).toFloatArray();
            try (GanTrainer plain = ring()) {
                plain.fit(30, TrainingProgress.none());
                without = plain.history().doubleColumn("d_loss").asDoubleArray();
                assertArrayEquals(plain.generate(16).toFloatArray(), after, "the sample streams are untouched");
            }
        }
        assertArrayEquals(without, withLive);
    }

    @Test
    void outsideAKernelItPrintsPlainLines() {
        assertTrue(JupyterKernel.find().isEmpty(), "no kernel in a unit test");
        assertNull(new LiveProvider().progress(), "no live view offered outside a kernel");
        PrintStream saved = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (GanTrainer trainer = ring()) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            trainer.fit(20, Live.every(5, t -> TINY));
        } finally {
            System.setOut(saved);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("iteration 20/20 | D loss"), text);
        assertEquals(10, text.lines().count(), text);
    }

    @Test
    void aStoppedFitSaysSo() {
        try (GanTrainer trainer = ring()) {
            Recorder out = new Recorder();
            trainer.requestStop();
            trainer.fit(50, live(null, 0, out, new AtomicLong(), QUIET));
            String last = out.bundles.get(out.bundles.size() - 1).get("text/plain");
            assertTrue(last.startsWith("stopped at iteration 1/50"), last);
            assertFalse(last.contains("ETA"), last);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Live.every(0, t -> TINY));
        assertThrows(IllegalArgumentException.class, () -> Live.every(10, null));
        try (GanTrainer trainer = ring()) {
            assertThrows(IllegalArgumentException.class, () -> trainer.fit(10, null));
        }
        assertThrows(IllegalArgumentException.class,
                () -> GanTrainer.builder(ring().generator(), ring().discriminator()).optProgress(-1));
    }
}

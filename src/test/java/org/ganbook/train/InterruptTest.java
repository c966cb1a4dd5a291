package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An interrupted thread: fit finishes the iteration, then throws, so a loop around fit stops too. */
class InterruptTest {

    @Test
    void anInterruptStopsALoopAroundFitAndLeavesTheTrainerConsistent() {
        try (GanTrainer trainer = TestData.trainer(false)
                .optListener(1, (t, it) -> {
                    if (it.iteration() == 12) {
                        Thread.currentThread().interrupt();
                    }
                })
                .build()) {
            // the first Table ever made loads Tablesaw's classes, which clears a pending interrupt: do it now
            trainer.history();
            try {
                TrainingInterruptedException stopped = assertThrows(TrainingInterruptedException.class, () -> {
                    for (int i = 0; i < 1000; i++) {
                        trainer.fit(5);
                    }
                });
                assertEquals(13, stopped.iteration());
                assertTrue(stopped.getMessage().contains("interrupted after iteration 13"), stopped.getMessage());
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is kept");
                assertEquals(13, trainer.iteration());
                assertEquals(13, trainer.history().rowCount());
                // still interrupted: the next fit refuses at once rather than training one more iteration
                assertThrows(TrainingInterruptedException.class, () -> trainer.fit(5));
                assertEquals(13, trainer.iteration());
            } finally {
                Thread.interrupted();
            }
            trainer.fit(3);
            assertEquals(16, trainer.iteration());
            assertEquals(16, trainer.history().rowCount());
        }
    }

    @Test
    void aListenerThatRanIntoAnInterruptStopsFitToo() {
        try (GanTrainer trainer = TestData.trainer(false)
                .optListener(1, (t, it) -> {
                    if (it.iteration() == 4) {   // like a drawing that met an interrupted I/O call and cleared the flag
                        throw new IllegalStateException("drawing failed", new java.io.InterruptedIOException());
                    }
                })
                .build()) {
            try {
                TrainingInterruptedException stopped = assertThrows(TrainingInterruptedException.class, () -> trainer.fit(20));
                assertEquals(5, stopped.iteration());
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is set again");
                assertEquals(5, trainer.history().rowCount());
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void aListenerFailingForAnotherReasonStillFailsAsItself() {
        try (GanTrainer trainer = TestData.trainer(false)
                .optListener(1, (t, it) -> {
                    throw new IllegalStateException("a bug in the listener");
                })
                .build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> trainer.fit(3));
            assertEquals("a bug in the listener", e.getMessage());
            assertTrue(!Thread.currentThread().isInterrupted());
        }
    }
    @Test
    void aStopWhoseInterruptFlagWasClearedStillStopsWhenTheCellSaysCancelled() {
        var cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        // at iteration 7 the stop button is pressed while the listener draws, and the drawing code clears the
        // flag (as Java2D's font reader does when an interrupt closes its file channel)
        IterationListener swallowing = (t, it) -> {
            if (it.iteration() == 7) {
                cancelled.set(true);
                Thread.currentThread().interrupt();
            }
            Thread.interrupted();
        };
        try (GanTrainer trainer = TestData.trainer(false).optListener(1, swallowing).build()) {
            trainer.history();
            // without a second source the stop is lost: the loop trains on to its end
            for (int i = 0; i < 4; i++) {
                trainer.fit(5);
            }
            assertEquals(20, trainer.iteration());
        }
        cancelled.set(false);
        Interrupts.install(() -> cancelled::get);
        try (GanTrainer trainer = TestData.trainer(false).optListener(1, swallowing).build()) {
            trainer.history();
            TrainingInterruptedException stopped = assertThrows(TrainingInterruptedException.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    trainer.fit(5);
                }
            });
            assertEquals(8, stopped.iteration());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is set again for loops around fit");
            assertEquals(8, trainer.history().rowCount());
        } finally {
            Thread.interrupted();
            Interrupts.install(() -> () -> false);
        }
    }

    @Test
    void aBrokenSourceNeverStopsTraining() {
        Interrupts.install(() -> () -> {
            throw new IllegalStateException("no kernel");
        });
        try (GanTrainer trainer = TestData.trainer(false).build()) {
            trainer.fit(3);
            assertEquals(3, trainer.iteration());
        } finally {
            Interrupts.install(() -> () -> false);
        }
    }
}

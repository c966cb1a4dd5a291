package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link GanTrainer#requestStop()}: fit stops after the current iteration, and the request is used up. */
class RequestStopTest {

    @Test
    void aRequestFromAListenerStopsFitAfterThatIterationOnly() {
        try (GanTrainer trainer = TestData.trainer(false)
                .optListener(1, (t, it) -> {
                    if (it.iteration() == 4) {
                        t.requestStop();
                    }
                })
                .build()) {
            trainer.fit(100);
            assertEquals(5, trainer.iteration());
            assertEquals(5, trainer.history().rowCount());
            trainer.fit(3);
            assertEquals(8, trainer.iteration(), "the request was used up by the fit it stopped");
        }
    }

    @Test
    void aRequestFromAnotherThreadStopsARunningFit() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        try (GanTrainer trainer = TestData.trainer(false).optListener(1, (t, it) -> running.countDown()).build()) {
            Thread other = new Thread(() -> {
                try {
                    running.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                trainer.requestStop();
            });
            other.start();
            trainer.fit(1_000_000);
            other.join();
            long stopped = trainer.iteration();
            assertEquals(stopped, trainer.history().rowCount());
            assertEquals(true, stopped >= 1 && stopped < 1_000_000, "stopped at " + stopped);
        }
    }
}

package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * What the notebooks say of {@code fit(n)}: it is nothing but {@code discriminatorStep()} then
 * {@code generatorStep()}, n times. Two trainers with the same seed, one fitted, one stepped by hand,
 * end with bit-identical networks and the same history.
 */
class FitIsTheTwoStepsInALoopTest {

    @Test
    void fitGivesTheSameNetworksAndHistoryAsTheTwoStepsCalledInALoop() {
        int n = 5;
        try (GanTrainer fitted = TestData.trainer(false).optSeed(11).optProgress(0).build();
                GanTrainer stepped = TestData.trainer(false).optSeed(11).optProgress(0).build()) {
            fitted.fit(n);
            for (int i = 0; i < n; i++) {
                stepped.discriminatorStep();
                stepped.generatorStep();
            }
            var g = ParameterSnapshot.of(fitted.generator()).compareWith(stepped.generator());
            var d = ParameterSnapshot.of(fitted.discriminator()).compareWith(stepped.discriminator());
            assertTrue(g.unchanged(), "G: " + g);
            assertTrue(d.unchanged(), "D: " + d);
            assertEquals(n, fitted.iteration());
            assertEquals(n, stepped.iteration());
            Table a = fitted.history();
            Table b = stepped.history();
            assertEquals(n, a.rowCount());
            assertEquals(n, b.rowCount());
            for (String column : new String[] {"d_loss", "g_loss", "d_real", "d_fake", "g_fake"}) {
                assertEquals(a.doubleColumn(column).asList(), b.doubleColumn(column).asList(), column);
            }
        }
    }
}

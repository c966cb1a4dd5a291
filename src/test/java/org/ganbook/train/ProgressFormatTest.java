package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressFormatTest {

    @Test
    void ratesKeepThreeSignificantDigitsAtMost() {
        assertEquals("376 it/s", ProgressFormat.rate(376.4));
        assertEquals("12.5 it/s", ProgressFormat.rate(12.46));
        assertEquals("2.31 it/s", ProgressFormat.rate(2.314));
        assertEquals("? it/s", ProgressFormat.rate(0));
        assertEquals("? it/s", ProgressFormat.rate(Double.NaN));
    }

    @Test
    void durationsReadAsMinutesOrHours() {
        assertEquals("0:07", ProgressFormat.duration(7.2));
        assertEquals("12:30", ProgressFormat.duration(750));
        assertEquals("1:02:03", ProgressFormat.duration(3723));
        assertEquals("?", ProgressFormat.duration(Double.NaN));
    }

    @Test
    void etaIsTheRemainingIterationsAtTheRateSoFar() {
        assertEquals(20.0, ProgressFormat.eta(2000, 100), 1e-12);
        assertEquals(0.0, ProgressFormat.eta(0, 100), 1e-12);
        assertTrue(Double.isNaN(ProgressFormat.eta(10, 0)));
        assertEquals("0:20", ProgressFormat.duration(ProgressFormat.eta(2000, 100)));
    }

    @Test
    void noKernelMeansPlainLinesAndZeroMeansNothing() {
        assertSame(TrainingProgress.none(), TrainingProgress.automatic(0));
        assertEquals(ProgressLines.class, TrainingProgress.automatic(10).getClass(),
                "outside a Jupyter kernel the default is the plain lines");
        assertThrows(IllegalArgumentException.class, () -> TrainingProgress.lines(-1));
    }
}

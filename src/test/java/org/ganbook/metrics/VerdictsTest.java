package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sorting classifier outputs into recognised, between two classes, and neither. */
class VerdictsTest {

    @Test
    void sortsEachRowIntoItsKind() {
        double[][] p = {
            {0.95, 0.05, 0, 0},      // recognised: class 0
            {0, 0.45, 0, 0.5},       // between 1 and 3
            {0.3, 0.3, 0.2, 0.2},    // neither
            {0.02, 0.02, 0.9, 0.06}, // recognised exactly at p
            {0.6, 0, 0.35, 0.05},    // between 0 and 2
            {0.45, 0, 0.45, 0.1},    // between 0 and 2 again (ties)
        };
        Verdicts v = Verdicts.of(p, 0.9);
        assertEquals(6, v.count());
        assertEquals(2, v.recognised());
        assertEquals(3, v.betweenTwo());
        assertEquals(List.of("1/3", "0/2", "0/2"), v.pairs());
        assertEquals(List.of(1, 4, 5), v.betweenIndices());
        assertEquals(2 / 6.0, v.recognisedShare(), 1e-12);
        assertEquals(3 / 6.0, v.between(), 1e-12);
        assertEquals(1 / 6.0, v.neither(), 1e-12);
        assertEquals(Map.of("0/2", 2, "1/3", 1), v.commonestPairs(5));
        assertEquals(List.of("0/2"), List.copyOf(v.commonestPairs(1).keySet()));
        assertEquals("6 images: 33.3 % recognised, 50.0 % between two classes, 16.7 % neither", v.toString());
    }

    @Test
    void aLowerThresholdRecognisesMore() {
        double[][] p = {{0.6, 0.35, 0.05}, {0.2, 0.5, 0.3}};
        assertEquals(0, Verdicts.of(p, 0.9).recognised());
        assertEquals(1, Verdicts.of(p, 0.9).betweenTwo());
        assertEquals(2, Verdicts.of(p, 0.5).recognised());
    }

    @Test
    void emptyInputHasZeroShares() {
        Verdicts v = Verdicts.of(new double[0][], 0.9);
        assertEquals(0, v.recognisedShare());
        assertEquals(0, v.between());
        assertEquals(0, v.neither());
    }

    @Test
    void badInputIsRefusedClearly() {
        assertEquals("minProbability must be in (0, 1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Verdicts.of(new double[][] {{1, 0}}, 0)).getMessage());
        assertEquals("row 0 has 1 classes; at least 2 needed",
                assertThrows(IllegalArgumentException.class, () -> Verdicts.of(new double[][] {{1}}, 0.9)).getMessage());
    }
}

package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InceptionStyleScoreTest {

    @Test
    void confidentAndBalancedGivesTheNumberOfClasses() {
        double[][] p = new double[100][10];
        for (int i = 0; i < 100; i++) {
            p[i][i % 10] = 1;
        }
        assertEquals(10, InceptionStyleScore.fromProbabilities(p), 1e-9);
    }

    @Test
    void collapsedGivesOne() {
        double[][] p = new double[50][10];
        for (double[] row : p) {
            row[3] = 1;
        }
        assertEquals(1, InceptionStyleScore.fromProbabilities(p), 1e-12);
    }

    @Test
    void uncertainGivesOne() {
        double[][] p = new double[50][4];
        for (double[] row : p) {
            java.util.Arrays.fill(row, 0.25);
        }
        assertEquals(1, InceptionStyleScore.fromProbabilities(p), 1e-12);
    }

    @Test
    void twoConfidentClassesOfFourGiveTwo() {
        double[][] p = {{1, 0, 0, 0}, {0, 1, 0, 0}, {2, 0, 0, 0}, {0, 5, 0, 0}}; // rows renormalised
        assertEquals(2, InceptionStyleScore.fromProbabilities(p), 1e-12);
        assertThrows(
                IllegalArgumentException.class,
                () -> InceptionStyleScore.fromProbabilities(new double[][] {{0, 0}}));
    }
}

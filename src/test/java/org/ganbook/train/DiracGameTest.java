package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganbook.train.DiracGame.Trajectory;
import org.ganbook.train.DiracGame.Updates;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DiracGameTest {

    @Test
    void bilinearSimultaneousStepsGrowTheRadiusByExactlySqrtOnePlusHSquared() {
        double h = 0.1;
        Trajectory t = DiracGame.bilinear().play(1, 0, h, 200, Updates.SIMULTANEOUS);
        for (int i = 0; i <= 200; i++) {
            assertEquals(Math.pow(1 + h * h, i / 2.0), t.distance(i), 1e-9);
        }
        assertTrue(t.finalDistance() > 2.5, t.toString());
    }

    @Test
    void bilinearAlternatingStepsConserveAQuadraticFormSoTheOrbitIsBounded() {
        double h = 0.3;
        Trajectory t = DiracGame.bilinear().play(1, 0.5, h, 5000, Updates.ALTERNATING);
        double[] theta = t.theta();
        double[] psi = t.psi();
        double q0 = theta[0] * theta[0] + psi[0] * psi[0] - h * theta[0] * psi[0];
        for (int i = 0; i < theta.length; i++) {
            double q = theta[i] * theta[i] + psi[i] * psi[i] - h * theta[i] * psi[i];
            assertEquals(q0, q, 1e-9);
        }
        assertTrue(t.maxDistance() < 1.5 * t.initialDistance(), t.toString());
        assertTrue(t.minDistance() > 0.5 * t.initialDistance(), t.toString());
    }

    @Test
    void firstStepsByHand() {
        // simultaneous from (1, 2), h = 0.5: θ' = 1 − 0.5·2 = 0, ψ' = 2 + 0.5·1 = 2.5
        Trajectory s = DiracGame.bilinear().play(1, 2, 0.5, 1, Updates.SIMULTANEOUS);
        assertArrayEquals(new double[] {1, 0}, s.theta(), 1e-12);
        assertArrayEquals(new double[] {2, 2.5}, s.psi(), 1e-12);
        // alternating: D sees the new θ = 0, so ψ stays 2
        Trajectory a = DiracGame.bilinear().play(1, 2, 0.5, 1, Updates.ALTERNATING);
        assertArrayEquals(new double[] {1, 0}, a.theta(), 1e-12);
        assertArrayEquals(new double[] {2, 2}, a.psi(), 1e-12);
    }

    @Test
    void ganGradientsMatchFiniteDifferencesOfTheValue() {
        DiracGame game = DiracGame.gan();
        double e = 1e-6;
        for (double[] p : new double[][] {{0.3, -1.2}, {-2, 0.7}, {1.5, 1.5}, {0, 0}}) {
            double dTheta = (game.value(p[0] + e, p[1]) - game.value(p[0] - e, p[1])) / (2 * e);
            double dPsi = (game.value(p[0], p[1] + e) - game.value(p[0], p[1] - e)) / (2 * e);
            assertEquals(dTheta, game.generatorGradient(p[0], p[1]), 1e-6);
            assertEquals(dPsi, game.discriminatorGradient(p[0], p[1]), 1e-6);
        }
        assertEquals(-2 * Math.log(2), game.value(0, 0), 1e-12);
        assertEquals(-2 * Math.log(2), game.value(3, 0), 1e-12);
    }

    @Test
    void ganSimultaneousDivergesAlternatingCirclesAndAPenaltyConverges() {
        DiracGame game = DiracGame.gan();
        Trajectory simultaneous = game.play(1, 1, 0.1, 3000, Updates.SIMULTANEOUS);
        Trajectory alternating = game.play(1, 1, 0.1, 3000, Updates.ALTERNATING);
        Trajectory penalised = game.withGradientPenalty(1).play(1, 1, 0.1, 3000, Updates.SIMULTANEOUS);
        assertTrue(simultaneous.finalDistance() > 1.5 * simultaneous.initialDistance(), simultaneous.toString());
        assertTrue(alternating.maxDistance() < 1.2 * alternating.initialDistance(), alternating.toString());
        assertTrue(alternating.finalDistance() > 0.5 * alternating.initialDistance(), alternating.toString());
        assertTrue(penalised.finalDistance() < 0.01, penalised.toString());
    }

    @Test
    void penaltyOnlyChangesTheDiscriminatorsSlope() {
        DiracGame plain = DiracGame.bilinear();
        DiracGame penalised = plain.withGradientPenalty(2);
        assertEquals(plain.generatorGradient(0.5, 3), penalised.generatorGradient(0.5, 3), 0);
        assertEquals(plain.discriminatorGradient(0.5, 3) - 6, penalised.discriminatorGradient(0.5, 3), 1e-12);
        assertEquals(2, penalised.gradientPenalty(), 0);
        assertEquals(0, plain.gradientPenalty(), 0);
    }

    @Test
    void tableHasOneRowPerPoint() {
        Table table = DiracGame.bilinear().play(1, 0, 0.1, 10, Updates.ALTERNATING).table();
        assertEquals(11, table.rowCount());
        assertEquals(1.0, table.doubleColumn("distance").get(0), 1e-12);
    }

    @Test
    void rejectsBadArguments() {
        DiracGame game = DiracGame.bilinear();
        assertThrows(IllegalArgumentException.class, () -> game.play(1, 0, 0, 10, Updates.ALTERNATING));
        assertThrows(IllegalArgumentException.class, () -> game.play(1, 0, 0.1, -1, Updates.ALTERNATING));
        assertThrows(IllegalArgumentException.class, () -> game.play(1, 0, 0.1, 10, null));
        assertThrows(IllegalArgumentException.class, () -> game.withGradientPenalty(-1));
        assertThrows(IllegalArgumentException.class, () -> new Trajectory(new double[] {1}, new double[] {1, 2}));
    }

    @Test
    void theCriticallyDampedPathBendsAwayThenClosesIn() {
        Trajectory t = DiracGame.gan().withGradientPenalty(1.0).play(1, 0, 0.2, 3000, Updates.SIMULTANEOUS);
        int farthest = t.farthestStep();
        int highestPsi = t.highestPsiStep();
        assertEquals(t.maxDistance(), t.distance(farthest), 0);
        assertTrue(farthest > 0 && farthest < highestPsi, "the distance peaks before ψ does: " + farthest + ", " + highestPsi);
        assertTrue(t.psi()[highestPsi] > 0.3, "ψ grows first");
        assertTrue(t.closesInAfter(farthest));
        assertTrue(!t.closesInAfter(0), "the distance first grows");
    }

    @Test
    void closesInAfterIsFalseForAPathThatGrowsAndRefusesABadStep() {
        Trajectory t = DiracGame.bilinear().play(1, 0, 0.1, 20, Updates.SIMULTANEOUS);
        assertTrue(!t.closesInAfter(0));
        assertEquals(20, t.farthestStep());
        assertTrue(t.closesInAfter(20), "nothing after the last step");
        assertThrows(IllegalArgumentException.class, () -> t.closesInAfter(21));
        assertThrows(IllegalArgumentException.class, () -> t.closesInAfter(-1));
    }
}

package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.ganbook.data.Similarity2d;
import org.ganbook.data.SpiralArm;
import org.ganbook.data.Toys;
import org.ganbook.loss.GanLoss;
import org.ganbook.metrics.Pairing;
import org.junit.jupiter.api.Test;

/**
 * Notebook 10's 2-D set-up: X a spiral arm (no turn or mirror takes it onto itself, more points at its outer
 * end), Y = T(X) with T a turn by 60°, a scale of 1.2 and a shift; G and F start as the identity
 * ({@link CycleGanTrainer#residualBuilder}); λ = 0.1, 600 iterations. A seed counts as recovered when G recovers T
 * within 10% of Y's span (measured: at most 4%), every x lands at its own place along the arm, and F undoes G.
 *
 * <p>Every seed recovers T (notebook 10: 5 of 5), and the test asks for all five. (It once asked for 4 of 5: inside
 * the whole suite seed 5 had ended at 23% of the span. The cause was not the arithmetic but freed memory: DJL's
 * {@code mul(Number)} left the cycle weight λ and the least-squares loss's 1/2 in direct buffers that a garbage
 * collection between forward and backward could free, so backward scaled gradients by whatever was there.
 * {@link org.ganbook.data.NativeArrays#times} fixed it; the runs are now the same in every process.)
 * (The test this one replaces asserted which cycle-consistent pairing each of two seeds ends in, seed 2 recovering T within 0.35
 * where it measured 0.30 and more than 90% of G(x) in Y where it measured 92%: a pass that hung on one seed's
 * basin, which any change of the numbers can flip.) Each run is also checked to be reproducible.
 */
class CycleGanRecoveryTest {

    static final SpiralArm X = Toys.spiralArm();
    static final Similarity2d T = new Similarity2d(60, 1.2, 1, 0.5);
    static final double TOLERANCE = 0.1;

    static CycleGanTrainer trainer(long seed, float lambda) {
        return CycleGanTrainer.residualBuilder(new Shape(2), 32, 32)
                .setDataX(X).setDataY(T.apply(X)).optLoss(GanLoss.leastSquares()).optCycleWeight(lambda)
                .optBatchSize(128).optLearningRate(3e-3f).optSeed(seed).optProgress(0).build();
    }

    static Pairing.Report measure(CycleGanTrainer trainer) {
        NDArray x = trainer.sampleX(2000).samples();
        NDArray mapped = trainer.mapXtoY(x);
        return Pairing.evaluate(x.toFloatArray(), mapped.toFloatArray(), trainer.mapYtoX(mapped).toFloatArray(), T, X);
    }

    @Test
    void withTheCycleLossGRecoversTOnAtLeastFourOfFiveSeeds() {
        int recovered = 0;
        StringBuilder runs = new StringBuilder();
        for (long seed = 1; seed <= 5; seed++) {
            try (CycleGanTrainer t = trainer(seed, 0.1f)) {
                t.fit(600);
                Pairing.Report r = measure(t);
                boolean ok = r.recovers(TOLERANCE) && r.positionError() < 0.05
                        && r.inY() > 0.9 && r.sectionsReached() == 10 && r.cycleError() < 0.2;
                if (ok) {
                    recovered++;
                }
                runs.append("\n  seed ").append(seed).append(ok ? " recovered: " : " missed: ").append(r);
            }
        }
        assertTrue(recovered == 5, recovered + " of 5 seeds recovered T:" + runs);
    }

    @Test
    void aRunIsReproducibleBitForBit() {
        float[] first;
        try (CycleGanTrainer t = trainer(3, 0.1f)) {
            t.fit(40);
            first = t.mapXtoY(t.sampleX(64).samples()).toFloatArray();
        }
        try (CycleGanTrainer t = trainer(3, 0.1f)) {
            t.fit(40);
            assertArrayEquals(first, t.mapXtoY(t.sampleX(64).samples()).toFloatArray());
        }
    }
}

package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.ganbook.data.Mixture2d;
import org.ganbook.data.Similarity2d;
import org.ganbook.data.Toys;
import org.ganbook.loss.GanLoss;
import org.ganbook.metrics.Pairing;
import org.ganbook.nn.OutputActivation;
import org.junit.jupiter.api.Test;

/**
 * Notebook 10's 2-D set-up (three blobs, T a quarter turn and a shift, λ = 1, 400 iterations): for every seed
 * tried, G and F become each other's inverse and G reaches every blob of Y; the pairing is T itself for seed 2 and
 * a swap of two blobs for seed 1 (the cycle loss does not choose between invertible maps).
 */
class CycleGanRecoveryTest {

    static final Mixture2d X = Toys.mixture2d("three blobs", new double[][] {{-2, -1}, {0, 1.5}, {1.5, -1}}, 0.25);
    static final Similarity2d T = new Similarity2d(90, 1, 1, 0.5);

    static Pairing.Report run(long seed, float lambda) {
        try (CycleGanTrainer trainer = CycleGanTrainer.mlpBuilder(new Shape(2), new Shape(2), OutputActivation.LINEAR, 32, 32)
                .setDataX(X).setDataY(T.apply(X)).optLoss(GanLoss.leastSquares()).optCycleWeight(lambda)
                .optBatchSize(128).optLearningRate(3e-3f).optSeed(seed).optProgress(0).build()) {
            trainer.fit(400);
            NDArray x = trainer.sampleX(2000).samples();
            NDArray mapped = trainer.mapXtoY(x);
            return Pairing.evaluate(x.toFloatArray(), mapped.toFloatArray(), trainer.mapYtoX(mapped).toFloatArray(), T,
                    X, T.apply(X));
        }
    }

    @Test
    void withTheCycleLossGAndFInvertEachOtherAndReachEveryBlobAndSeedTwoRecoversT() {
        Pairing.Report one = run(1, 1);
        Pairing.Report two = run(2, 1);
        for (Pairing.Report r : new Pairing.Report[] {one, two}) {
            assertTrue(r.cycleError() < 0.4, r.toString());
            assertEquals(3, r.modesReached(), r.toString());
            assertTrue(r.inY() > 0.9, r.toString());
        }
        assertTrue(two.distanceToTruth() < 0.35 && two.pairsTruly(), "seed 2 recovers T within 0.35: " + two);
        assertTrue(Math.abs(one.modeAgreement() - 1.0 / 3) < 0.05, "seed 1 swaps two blobs: " + one);
    }

    @Test
    void withoutItFOfGIsFarFromX() {
        Pairing.Report r = run(1, 0);
        assertTrue(r.cycleError() > 1, r.toString());
        assertTrue(!r.pairsTruly(), r.toString());
    }
}

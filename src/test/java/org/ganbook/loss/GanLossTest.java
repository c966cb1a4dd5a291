package org.ganbook.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GanLossTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray column(float... values) {
        return manager.create(values, new Shape(values.length, 1));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void discriminatorLossIsBinaryCrossEntropyOnLogits() {
        // by hand: -[log s(2) + log(1 - s(-1))] / 2 and friends
        double expected =
                -(Math.log(sigmoid(2)) + Math.log(1 - sigmoid(-1)) + Math.log(1 - sigmoid(0.5)) + Math.log(sigmoid(-3)))
                        / 4;
        NDArray logits = column(2f, -1f, 0.5f, -3f);
        NDArray targets = column(1f, 0f, 0f, 1f);
        assertEquals(expected, GanLoss.nonSaturating().discriminatorLoss(logits, targets).getFloat(), 1e-6);
        assertEquals(expected, GanLoss.minimax().discriminatorLoss(logits, targets).getFloat(), 1e-6);
    }

    @Test
    void logitsOfOneToFiveLabelledRealGiveThePositiveCrossEntropy() {
        // the value DJL's fromSigmoid variant gets wrong (it returns the negative)
        NDArray logits = column(1, 2, 3, 4, 5);
        double expected = 0;
        for (int i = 1; i <= 5; i++) {
            expected += -Math.log(sigmoid(i));
        }
        expected /= 5;
        assertEquals(0.1027, expected, 1e-4);
        assertEquals(expected, GanLoss.nonSaturating().discriminatorLoss(logits, column(1, 1, 1, 1, 1)).getFloat(), 1e-6);
    }

    @Test
    void generatorLossesMatchTheirFormulas() {
        NDArray fake = column(-4f, 0f, 3f);
        double minimax = 0;
        double nonSaturating = 0;
        for (double l : new double[] {-4, 0, 3}) {
            minimax += Math.log(1 - sigmoid(l));
            nonSaturating += -Math.log(sigmoid(l));
        }
        assertEquals(minimax / 3, GanLoss.minimax().generatorLoss(fake).getFloat(), 1e-6);
        assertEquals(nonSaturating / 3, GanLoss.nonSaturating().generatorLoss(fake).getFloat(), 1e-6);
    }

    @Test
    void lossesStayFiniteForExtremeLogits() {
        NDArray fake = column(-200f, 200f);
        assertEquals(100, GanLoss.nonSaturating().generatorLoss(fake).getFloat(), 1e-3);
        assertEquals(-100, GanLoss.minimax().generatorLoss(fake).getFloat(), 1e-3);
    }

    @Test
    void valueIsMinusLogFourWhenDOutputsOneHalfEverywhere() {
        NDArray zeros = column(0, 0, 0, 0);
        assertEquals(-Math.log(4), ValueFunction.estimate(zeros, zeros), 1e-6);
        assertEquals(ValueFunction.AT_OPTIMUM, ValueFunction.fromProbabilities(new double[] {0.5, 0.5}, new double[] {0.5}), 1e-12);
    }

    @Test
    void leastSquaresLossesMatchTheirFormulas() {
        NDArray logits = column(0.5f, -1f);
        NDArray targets = column(1f, 0f);
        assertEquals(0.5 * (0.25 + 1) / 2, GanLoss.leastSquares().discriminatorLoss(logits, targets).getFloat(), 1e-6);
        assertEquals(0.5 * (0.25 + 4) / 2, GanLoss.leastSquares().generatorLoss(logits).getFloat(), 1e-6);
    }
}

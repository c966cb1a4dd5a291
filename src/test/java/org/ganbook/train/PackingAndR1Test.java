package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PacGAN's packing and the R1 penalty: hand-computable values, and what each step leaves untouched. */
class PackingAndR1Test {

    @Test
    void packingPutsConsecutiveSamplesSideBySide() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(4, 2));
            NDArray packed = Packing.pack(x, 2);
            assertEquals(new Shape(2, 4), packed.getShape());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, packed.toFloatArray());
            assertEquals(new Shape(1, 8), Packing.pack(x, 4).getShape());
            assertSame(x, Packing.pack(x, 1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Packing.pack(x, 3));
            assertEquals("packing 3 needs a multiple of 3 samples, got 4", e.getMessage());
        }
    }

    /** D records the shape of every input it judges. */
    private static SequentialBlock recordingDiscriminator(List<Shape> seen) {
        return new SequentialBlock().add(x -> {
            seen.add(x.singletonOrThrow().getShape());
            return x;
        }).add(TestData.discriminator(false));
    }

    @Test
    void withPackingDJudgesPacksInBothStepsAndEachStepLeavesTheOtherNetworkBitIdentical() {
        List<Shape> seen = new ArrayList<>();
        try (GanTrainer trainer = GanTrainer.builder(TestData.generator(4), recordingDiscriminator(seen))
                .setData(TestData.ring()).setCodingSize(4).optBatchSize(32).optPacking(4).optProgress(0).build()) {
            seen.clear();
            ParameterSnapshot g = ParameterSnapshot.of(trainer.generator());
            ParameterSnapshot d = ParameterSnapshot.of(trainer.discriminator());
            DiscriminatorStep dStep = trainer.discriminatorStep();
            assertTrue(g.compareWith(trainer.generator()).unchanged());
            assertFalse(d.compareWith(trainer.discriminator()).unchanged());
            // 32 real samples make 8 packs of 4 points (8 numbers), and 32 fakes 8 more
            assertEquals(new Shape(16, 8), seen.get(0));
            assertTrue(dStep.realAfter() > dStep.realBefore(), dStep.toString());

            seen.clear();
            d = ParameterSnapshot.of(trainer.discriminator());
            g = ParameterSnapshot.of(trainer.generator());
            trainer.generatorStep();
            assertTrue(d.compareWith(trainer.discriminator()).unchanged());
            assertFalse(g.compareWith(trainer.generator()).unchanged());
            assertEquals(new Shape(8, 8), seen.get(0));
        }
    }

    @Test
    void aPackedDiscriminatorJudgesAPointAsAPackOfCopiesOfIt() {
        List<Shape> seen = new ArrayList<>();
        try (GanTrainer trainer = GanTrainer.builder(TestData.generator(4), recordingDiscriminator(seen))
                .setData(TestData.ring()).setCodingSize(4).optBatchSize(32).optPacking(2).optProgress(0).build();
                NDManager m = NDManager.newBaseManager()) {
            seen.clear();
            float[] p = trainer.discriminate(m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(3, 2)));
            assertEquals(3, p.length);
            assertEquals(new Shape(3, 4), seen.get(0));
            float[] copies = trainer.discriminate(m.create(new float[] {1, 2, 1, 2}, new Shape(1, 4)).reshape(2, 2));
            assertEquals(copies[0], copies[1]);
            assertEquals(p[0], copies[0]);
        }
    }

    @Test
    void packingOneAndRZeroTrainExactlyAsWithoutTheOptions() {
        double[] plain = losses(TestData.trainer(false).optSeed(3).build());
        double[] options = losses(TestData.trainer(false).optSeed(3).optPacking(1).optR1Penalty(0).build());
        assertArrayEquals(plain, options);
        double[] packed = losses(TestData.trainer(false).optSeed(3).optPacking(2).build());
        assertFalse(java.util.Arrays.equals(plain, packed));
    }

    private static double[] losses(GanTrainer trainer) {
        try (trainer) {
            trainer.fit(10);
            double[] d = trainer.history().doubleColumn("d_loss").asDoubleArray();
            double[] g = trainer.history().doubleColumn("g_loss").asDoubleArray();
            double[] both = java.util.Arrays.copyOf(d, d.length + g.length);
            System.arraycopy(g, 0, both, d.length, g.length);
            return both;
        }
    }

    /**
     * A linear D, logit = w·x + b, has ∇ₓ logit = w for every sample, so R1 is (γ/2)‖w‖² whatever x is,
     * and its gradient with respect to w is γw, to b zero: with w = (0.5, −1) and γ = 2, the penalty is
     * 1.25 and the gradient (1, −2). The gradient the penalty's own first backward pass leaves in w is
     * cleared.
     */
    @Test
    void rOnePenaltyOfALinearDiscriminatorIsHalfGammaTimesTheSquaredWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
            Parameter b = Parameter.builder().setName("b").setType(Parameter.Type.BIAS).build();
            w.setArray(m.create(new float[] {0.5f, -1f}, new Shape(2, 1)));
            b.setArray(m.create(new float[] {0.3f}));
            w.getArray().setRequiresGradient(true);
            b.getArray().setRequiresGradient(true);
            NDArray x = m.create(new float[] {1, 2, 3, -4, 0.5f, 7}, new Shape(3, 2));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = x.matMul(w.getArray()).add(b.getArray());
                NDArray penalty = R1Penalty.of(x, logits, 2f, List.of(new Pair<>("w", w), new Pair<>("b", b)));
                assertEquals(1.25f, penalty.getFloat(), 1e-6f);
                collector.backward(penalty);
            }
            assertArrayEquals(new float[] {1f, -2f}, w.getArray().getGradient().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0f}, b.getArray().getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void withR1TheDiscriminatorStepStillLeavesTheGeneratorBitIdenticalAndStepsDifferently() {
        try (GanTrainer penalised = TestData.trainer(false).optSeed(5).optR1Penalty(1e4f).build();
                GanTrainer plain = TestData.trainer(false).optSeed(5).build()) {
            ParameterSnapshot g = ParameterSnapshot.of(penalised.generator());
            DiscriminatorStep a = penalised.discriminatorStep();
            DiscriminatorStep b = plain.discriminatorStep();
            assertTrue(g.compareWith(penalised.generator()).unchanged());
            // same weights and batch before the step: the same outputs, a larger loss (the untrained D is nearly
            // flat, so a large gamma makes the penalty visible), another update
            assertEquals(b.realBefore(), a.realBefore(), 1e-12);
            assertTrue(a.loss() > b.loss(), a + " vs " + b);
            assertFalse(ParameterSnapshot.of(plain.discriminator()).compareWith(penalised.discriminator()).unchanged());
            ParameterSnapshot d = ParameterSnapshot.of(penalised.discriminator());
            penalised.generatorStep();
            assertTrue(d.compareWith(penalised.discriminator()).unchanged());
        }
    }

    @Test
    void badPackingAndPenaltySettingsAreRejectedWithAMessage() {
        assertEquals("batch size 32 is not a multiple of the packing 3: D judges whole packs",
                assertThrows(IllegalArgumentException.class, () -> TestData.trainer(false).optPacking(3).build())
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> TestData.trainer(false).optPacking(0));
        assertThrows(IllegalArgumentException.class, () -> TestData.trainer(false).optR1Penalty(-1f));
        assertThrows(IllegalArgumentException.class, () -> TestData.trainer(false).optR1Penalty(Float.NaN));
    }
}

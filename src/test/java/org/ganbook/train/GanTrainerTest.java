package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class GanTrainerTest {

    @Test
    void generatorStepLeavesEveryDiscriminatorParameterBitIdenticalAndChangesTheGenerator() {
        try (GanTrainer trainer = TestData.trainer(false).build()) {
            trainer.discriminatorStep();
            ParameterSnapshot d = ParameterSnapshot.of(trainer.discriminator());
            ParameterSnapshot g = ParameterSnapshot.of(trainer.generator());
            GeneratorStep step = trainer.generatorStep();
            assertTrue(d.compareWith(trainer.discriminator()).unchanged());
            assertFalse(g.compareWith(trainer.generator()).unchanged());
            assertTrue(step.fakeAfter() > step.fakeBefore(), step.toString());
        }
    }

    @Test
    void discriminatorStepLeavesTheGeneratorBitIdenticalAndPushesDxUpAndDgzDown() {
        try (GanTrainer trainer = TestData.trainer(false).build()) {
            ParameterSnapshot g = ParameterSnapshot.of(trainer.generator());
            ParameterSnapshot d = ParameterSnapshot.of(trainer.discriminator());
            DiscriminatorStep step = trainer.discriminatorStep();
            assertTrue(g.compareWith(trainer.generator()).unchanged());
            assertFalse(d.compareWith(trainer.discriminator()).unchanged());
            assertTrue(step.realAfter() > step.realBefore(), step.toString());
            assertTrue(step.fakeAfter() < step.fakeBefore(), step.toString());
        }
    }

    @Test
    void batchNormDiscriminatorSurvivesManyFreezeCyclesAndKeepsItsRunningStatisticsUntrainable() {
        try (GanTrainer trainer = TestData.trainer(true).build()) {
            for (int i = 0; i < 25; i++) {
                ParameterSnapshot d = ParameterSnapshot.of(trainer.discriminator());
                trainer.discriminatorStep();
                trainer.generatorStep();
                assertFalse(d.compareWith(trainer.discriminator()).trainableUnchanged());
            }
            for (var pair : trainer.discriminator().getParameters()) {
                Parameter p = pair.getValue();
                assertEquals(org.ganbook.nn.Networks.isTrainable(p), p.requiresGradient(), pair.getKey());
            }
            ParameterSnapshot d = ParameterSnapshot.of(trainer.discriminator());
            trainer.generatorStep();
            assertTrue(d.compareWith(trainer.discriminator()).trainableUnchanged());
        }
    }

    @Test
    void aBatchNormDiscriminatorJudgesTheRealHalfWithoutLookingAtTheFakes() {
        // two trainers alike in everything (seed, weights, real batches) but the fakes: the second G squares
        // its outputs and adds 5. With BatchNorm over a mixed batch D's verdict on the real half would depend on the
        // fakes; D must judge each half on its own, as the generator step judges an all-fake batch.
        Block shifted = new SequentialBlock().add(TestData.generator(4)).addSingleton(x -> x.square().add(5f));
        try (GanTrainer plain = TestData.trainer(true).build();
                GanTrainer other = GanTrainer.builder(shifted, TestData.discriminator(true))
                        .setData(TestData.ring())
                        .setCodingSize(4)
                        .optBatchSize(32)
                        .optProgress(0)
                        .build()) {
            DiscriminatorStep a = plain.discriminatorStep();
            DiscriminatorStep b = other.discriminatorStep();
            assertEquals(a.realBefore(), b.realBefore(), 1e-6, a + " / " + b);
            assertNotEquals(a.fakeBefore(), b.fakeBefore(), 1e-3);
        }
    }

    @Test
    void withoutFreezingTheDiscriminatorCollectsGradientFromTheGeneratorLoss() {
        try (GanTrainer frozen = TestData.trainer(false).build();
                GanTrainer unfrozen = TestData.trainer(false).optFreezeDiscriminator(false).build()) {
            frozen.generatorStep();
            unfrozen.generatorStep();
            Parameter frozenWeight = frozen.discriminator().getParameters().get(0).getValue();
            Parameter leakingWeight = unfrozen.discriminator().getParameters().get(0).getValue();
            assertFalse(frozenWeight.getArray().hasGradient() && nonZero(frozenWeight));
            assertTrue(nonZero(leakingWeight), "the unfrozen D should have collected gradient");
            assertEquals(0, Gradients.norm(frozen.discriminator()), 0);
            assertTrue(Gradients.norm(unfrozen.discriminator()) > 0);
            // and that stray gradient changes D's next update
            DiscriminatorStep a = frozen.discriminatorStep();
            DiscriminatorStep b = unfrozen.discriminatorStep();
            assertEquals(a.loss(), b.loss(), 1e-6, "same data, same weights before the step");
            assertNotEquals(a.realAfter(), b.realAfter());
        }
    }

    private static boolean nonZero(Parameter p) {
        try (var gradient = p.getArray().getGradient()) {
            return gradient.abs().sum().getFloat() > 0;
        }
    }

    @Test
    void theSameSeedGivesAnIdenticalHistoryAndAnotherSeedDoesNot() {
        double[] a = losses(TestData.trainer(false).optSeed(7).build());
        double[] b = losses(TestData.trainer(false).optSeed(7).build());
        double[] c = losses(TestData.trainer(false).optSeed(8).build());
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    private static double[] losses(GanTrainer trainer) {
        try (trainer) {
            trainer.fit(20);
            Table history = trainer.history();
            assertEquals(20, history.rowCount());
            double[] d = history.doubleColumn("d_loss").asDoubleArray();
            double[] g = history.doubleColumn("g_loss").asDoubleArray();
            double[] both = new double[d.length + g.length];
            System.arraycopy(d, 0, both, 0, d.length);
            System.arraycopy(g, 0, both, d.length, g.length);
            return both;
        }
    }

    @Test
    void resumingFromACheckpointGivesExactlyTheUninterruptedRun(@TempDir Path dir) throws IOException {
        Path checkpoint = dir.resolve("run.ckpt");
        double[] straight;
        try (GanTrainer trainer = TestData.trainer(true).optDiscriminatorSteps(2).build()) {
            trainer.fit(30);
            straight = trainer.history().doubleColumn("g_loss").asDoubleArray();
        }
        try (GanTrainer first = TestData.trainer(true).optDiscriminatorSteps(2).build()) {
            first.fit(15);
            first.save(checkpoint);
        }
        try (GanTrainer resumed = TestData.trainer(true).optDiscriminatorSteps(2).optSeed(42).build()) {
            resumed.load(checkpoint);
            assertEquals(15, resumed.iteration());
            resumed.fit(15);
            assertArrayEquals(straight, resumed.history().doubleColumn("g_loss").asDoubleArray());
        }
    }

    @Test
    void aCorruptedOrForeignCheckpointIsRejectedAndChangesNothing(@TempDir Path dir) throws IOException {
        Path checkpoint = dir.resolve("run.ckpt");
        try (GanTrainer trainer = TestData.trainer(false).build()) {
            trainer.fit(3);
            trainer.save(checkpoint);
            ParameterSnapshot g = ParameterSnapshot.of(trainer.generator());
            try (RandomAccessFile file = new RandomAccessFile(checkpoint.toFile(), "rw")) {
                file.seek(file.length() / 2);
                int b = file.read();
                file.seek(file.length() / 2);
                file.write(b ^ 0xFF);
            }
            IOException corrupted = assertThrows(IOException.class, () -> trainer.load(checkpoint));
            assertTrue(corrupted.getMessage().contains("corrupted"), corrupted.getMessage());
            Path foreign = dir.resolve("notes.txt");
            Files.writeString(foreign, "hello");
            IOException notOurs = assertThrows(IOException.class, () -> trainer.load(foreign));
            assertTrue(notOurs.getMessage().contains("not a ganbook checkpoint"), notOurs.getMessage());
            IOException missing = assertThrows(IOException.class, () -> trainer.load(dir.resolve("none.ckpt")));
            assertTrue(missing.getMessage().contains("no checkpoint"), missing.getMessage());
            assertTrue(g.compareWith(trainer.generator()).unchanged());
            assertEquals(3, trainer.iteration());
        }
    }

    @Test
    void aCheckpointFromAnotherArchitectureIsRejectedWithAClearMessage(@TempDir Path dir) throws IOException {
        Path checkpoint = dir.resolve("run.ckpt");
        try (GanTrainer trainer = TestData.trainer(true).build()) {
            trainer.save(checkpoint);
        }
        try (GanTrainer other = TestData.trainer(false).build()) {
            IOException e = assertThrows(IOException.class, () -> other.load(checkpoint));
            assertTrue(e.getMessage().contains("different architecture"), e.getMessage());
        }
    }

    @Test
    void anAbsurdLearningRateStopsWithTheIterationAndKeepsTheLastGoodParameters() {
        try (GanTrainer trainer =
                TestData.trainer(false).optGeneratorOptimizer(Optimizers.sgd(1e9f))
                        .optDiscriminatorOptimizer(Optimizers.sgd(1e9f)).build()) {
            DivergedException e = assertThrows(DivergedException.class, () -> trainer.fit(1000));
            assertTrue(e.getMessage().contains("iteration " + e.iteration()), e.getMessage());
            for (var pair : trainer.generator().getParameters()) {
                assertFalse(pair.getValue().getArray().isNaN().any().getBoolean(), pair.getKey());
            }
        }
    }

    @Test
    void theGeneratorLossGradientPointsFakesTowardsWhatDCallsReal() {
        try (GanTrainer trainer = TestData.trainer(false).optBatchSize(64).build()) {
            for (int i = 0; i < 200; i++) {
                trainer.discriminatorStep();
            }
            var fakes = trainer.generate(64);
            float[] before = trainer.discriminate(fakes);
            float[] direction = Probes.generatorLossGradient(trainer, fakes);
            var moved = fakes.add(trainer.generate(64).getManager().create(direction, fakes.getShape()).mul(0.01f));
            float[] after = trainer.discriminate(moved);
            double gain = 0;
            for (int i = 0; i < before.length; i++) {
                gain += after[i] - before[i];
            }
            assertTrue(gain > 0, "moving along the arrows should raise D(G(z)), got " + gain);
        }
    }

    @Test
    void badSettingsAreRejectedWithAMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> TestData.trainer(false).optBatchSize(0).build());
        assertTrue(e.getMessage().contains("batch size"));
        var c = assertThrows(IllegalArgumentException.class, () -> TestData.trainer(false).optConditional(true).build());
        assertTrue(c.getMessage().contains("labelled data"));
        var g = assertThrows(IllegalArgumentException.class,
                () -> GanTrainer.builder(TestData.generator(4), TestData.discriminator(false)).setCodingSize(4).build());
        assertTrue(g.getMessage().contains("setData"));
    }

    @Test
    void againstAStrongDiscriminatorTheMinimaxGradientVanishesAndTheNonSaturatingOneDoesNot() {
        try (GanTrainer trainer =
                TestData.trainer(false).setData(TestData.ring(6)).optBatchSize(128)
                        .optDiscriminatorOptimizer(Optimizers.adam(1e-2f, 0.5f)).build()) {
            DiscriminatorStep strong = null;
            for (int i = 0; i < 300; i++) {
                strong = trainer.discriminatorStep();
            }
            // per fake, the minimax gradient carries a factor D(G(z)), the non-saturating one 1 - D(G(z))
            assertTrue(strong.fakeAfter() < 0.05, "D should reject the fakes by now: " + strong);
            ParameterSnapshot g = ParameterSnapshot.of(trainer.generator());
            double minimax = Probes.generatorGradientNorm(trainer, org.ganbook.loss.GanLoss.minimax());
            double nonSaturating = Probes.generatorGradientNorm(trainer, org.ganbook.loss.GanLoss.nonSaturating());
            assertTrue(g.compareWith(trainer.generator()).unchanged(), "measuring must not update G");
            assertEquals(0, Gradients.norm(trainer.generator()), 1e-12, "measuring must leave no gradient behind");
            assertTrue(nonSaturating > 10 * minimax, nonSaturating + " vs " + minimax);
        }
    }

    @Test
    void aConditionalDiscriminatorJudgesPlainNumbersWithTheirLabels() {
        byte[] pixels = new byte[6 * 4];
        for (int i = 0; i < 6; i++) {
            java.util.Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) (40 * i));
        }
        int[] labels = {0, 1, 2, 0, 1, 2};
        var data = org.ganbook.data.ImageDataset.of("six", new org.ganbook.data.LabelledImages(
                new org.ganbook.data.ImageBytes(6, 2, 2, pixels), labels), 3);
        var g = org.ganbook.nn.Conditional.concat(org.ganbook.nn.LabelEncoder.oneHot(3), org.ganbook.nn.MlpGenerator
                .builder().setCodingSize(3 + 3).setOutputShape(new ai.djl.ndarray.types.Shape(1, 2, 2)).optHidden(8).build());
        var d = org.ganbook.nn.Conditional.concat(org.ganbook.nn.LabelEncoder.oneHot(3), org.ganbook.nn.MlpDiscriminator
                .builder().setInputShape(new ai.djl.ndarray.types.Shape(4 + 3)).optHidden(8).build());
        try (GanTrainer trainer = GanTrainer.builder(g, d).setData(data).setCodingSize(3).optConditional(true)
                .optBatchSize(4).optProgress(0).build()) {
            trainer.fit(3);
            float[] flat = org.ganbook.data.DatasetArrays.pixels(data);
            float[] p = Probes.discriminate(trainer, flat, labels);
            assertEquals(6, p.length);
            var images = trainer.realSamples(1).getManager().create(flat, new ai.djl.ndarray.types.Shape(6, 1, 2, 2));
            assertArrayEquals(trainer.discriminate(images, images.getManager().create(labels)), p, 1e-6f);
            float[] relabelled = Probes.discriminate(trainer, flat, new int[] {1, 2, 0, 1, 2, 0});
            assertFalse(java.util.Arrays.equals(p, relabelled), "the label is an input of D");
            assertThrows(IllegalArgumentException.class, () -> Probes.discriminate(trainer, flat, new int[] {0, 1}));
        }
        try (GanTrainer plain = TestData.trainer(false).build()) {
            assertThrows(IllegalStateException.class, () -> Probes.discriminate(plain, new float[] {0, 0}, new int[] {0}));
        }
    }

    @Test
    void discriminateAcceptsPlainNumbers() {
        try (GanTrainer trainer = TestData.trainer(false).build()) {
            float[] p = Probes.discriminate(trainer, 0f, 0f, 2f, 0f, -2f, 0f);
            assertEquals(3, p.length);
            var e = assertThrows(IllegalArgumentException.class, () -> Probes.discriminate(trainer, 1f, 2f, 3f));
            assertTrue(e.getMessage().contains("whole samples"));
        }
    }
}

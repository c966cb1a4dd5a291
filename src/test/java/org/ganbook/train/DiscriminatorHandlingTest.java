package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The four ways of handling D in G's step, and the two ways of feeding D its halves. */
class DiscriminatorHandlingTest {

    private static GanTrainer trainer(DiscriminatorInGeneratorStep mode) {
        return TestData.trainer(false).optDiscriminatorInGeneratorStep(mode).build();
    }

    @Test
    void zeroingTheGradientTrainsBitForBitAsFreezing() {
        try (GanTrainer frozen = trainer(DiscriminatorInGeneratorStep.FROZEN);
                GanTrainer discarded = trainer(DiscriminatorInGeneratorStep.GRADIENT_DISCARDED)) {
            frozen.fit(20, TrainingProgress.none());
            discarded.fit(20, TrainingProgress.none());
            assertTrue(ParameterSnapshot.of(frozen.discriminator()).compareWith(discarded.discriminator()).unchanged());
            assertTrue(ParameterSnapshot.of(frozen.generator()).compareWith(discarded.generator()).unchanged());
            assertEquals(frozen.history().doubleColumn("d_loss").asList(), discarded.history().doubleColumn("d_loss").asList());
            assertTrue(Gradients.norm(discarded.discriminator()) > 0, "the unfrozen D holds G's gradient until its step");
        }
    }

    @Test
    void aKeptGradientChangesDsNextUpdateButNotG() {
        try (GanTrainer frozen = trainer(DiscriminatorInGeneratorStep.FROZEN);
                GanTrainer kept = trainer(DiscriminatorInGeneratorStep.GRADIENT_KEPT)) {
            frozen.fit(1, TrainingProgress.none());
            kept.fit(1, TrainingProgress.none());
            assertTrue(ParameterSnapshot.of(frozen.generator()).compareWith(kept.generator()).unchanged());
            assertTrue(ParameterSnapshot.of(frozen.discriminator()).compareWith(kept.discriminator()).unchanged());
            assertEquals(0, Gradients.norm(frozen.discriminator()));
            assertTrue(Gradients.norm(kept.discriminator()) > 0);
            frozen.discriminatorStep();
            kept.discriminatorStep();
            assertFalse(ParameterSnapshot.of(frozen.discriminator()).compareWith(kept.discriminator()).unchanged());
        }
    }

    @Test
    void theKerasMistakeUpdatesDInGsStep() {
        try (GanTrainer updated = trainer(DiscriminatorInGeneratorStep.UPDATED)) {
            updated.discriminatorStep();
            ParameterSnapshot d = ParameterSnapshot.of(updated.discriminator());
            GeneratorStep g = updated.generatorStep();
            assertFalse(d.compareWith(updated.discriminator()).trainableUnchanged(), "D must change in G's step");
            assertEquals(0, Gradients.norm(updated.discriminator()), "the update used up D's gradient");
            // D was pushed towards calling these fakes real, and G towards being called real: both raise D(G(z))
            assertTrue(g.fakeAfter() > g.fakeBefore());
        }
    }

    @Test
    void optFreezeDiscriminatorFalseIsTheKeptGradient() {
        try (GanTrainer old = TestData.trainer(false).optFreezeDiscriminator(false).build();
                GanTrainer kept = trainer(DiscriminatorInGeneratorStep.GRADIENT_KEPT)) {
            old.fit(5, TrainingProgress.none());
            kept.fit(5, TrainingProgress.none());
            assertTrue(ParameterSnapshot.of(old.discriminator()).compareWith(kept.discriminator()).unchanged());
        }
    }

    @Test
    void realThenFakeTakesTwoUpdatesOfD() {
        try (GanTrainer concatenated = TestData.trainer(false).build();
                GanTrainer twice = TestData.trainer(false).optDiscriminatorBatches(DiscriminatorBatches.REAL_THEN_FAKE)
                        .optDiscriminatorOptimizer(Optimizers.sgd(0.1f)).build()) {
            DiscriminatorStep one = concatenated.discriminatorStep();
            DiscriminatorStep two = twice.discriminatorStep();
            assertEquals(one.realBefore(), two.realBefore(), 0.0, "the real half is judged by the same D first");
            assertNotEquals(one.fakeBefore(), two.fakeBefore(), "the fake half is judged after the real update");
            assertFalse(ParameterSnapshot.of(concatenated.discriminator()).compareWith(twice.discriminator()).unchanged());
        }
    }

    @Test
    void nullSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TestData.trainer(false).optDiscriminatorInGeneratorStep(null));
        assertThrows(IllegalArgumentException.class, () -> TestData.trainer(false).optDiscriminatorBatches(null));
    }
}

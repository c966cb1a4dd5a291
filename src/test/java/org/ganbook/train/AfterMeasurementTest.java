package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganbook.data.Datasets;
import org.ganbook.nn.DcganDiscriminator;
import org.ganbook.nn.DcganGenerator;
import org.junit.jupiter.api.Test;

/**
 * The steps' "after" numbers on a DCGAN (BatchNorm in G and D): measured as the step judged (training mode,
 * the same batch), they mean what they say, and measuring them disturbs nothing.
 */
class AfterMeasurementTest {

    private static GanTrainer dcgan(boolean measure) {
        return dcgan(measure, 2e-4f);
    }

    private static GanTrainer dcgan(boolean measure, float learningRate) {
        return GanTrainer.builder(DcganGenerator.builder().setCodingSize(8).optChannels(4).build(),
                        DcganDiscriminator.builder().optChannels(4).build())
                .setData(Datasets.mnist()).setCodingSize(8).optBatchSize(16).optSeed(4).optProgress(0)
                .optLearningRate(learningRate).optMeasureAfterUpdate(measure).build();
    }

    @Test
    void measuringChangesNeitherTheNetworksNorTheHistory() {
        try (GanTrainer measured = dcgan(true); GanTrainer plain = dcgan(false)) {
            for (int i = 0; i < 3; i++) {
                DiscriminatorStep d = measured.discriminatorStep();
                DiscriminatorStep p = plain.discriminatorStep();
                assertEquals(p.loss(), d.loss(), 0.0);
                assertTrue(Double.isFinite(d.realAfter()) && Double.isFinite(d.fakeAfter()), d.toString());
                GeneratorStep g = measured.generatorStep();
                assertEquals(plain.generatorStep().loss(), g.loss(), 0.0);
                assertTrue(Double.isFinite(g.fakeAfter()), g.toString());
            }
            var gCompare = ParameterSnapshot.of(plain.generator()).compareWith(measured.generator());
            var dCompare = ParameterSnapshot.of(plain.discriminator()).compareWith(measured.discriminator());
            assertTrue(gCompare.unchanged(), "G, running statistics included: " + gCompare);
            assertTrue(dCompare.unchanged(), "D, running statistics included: " + dCompare);
            assertEquals(plain.history().doubleColumn("d_real").asList(), measured.history().doubleColumn("d_real").asList());
        }
    }

    @Test
    void discriminatorAfterNumbersAreOnTheStepsOwnBatchInTheStepsMode() {
        try (GanTrainer trainer = dcgan(true, 2e-3f)) {
            for (int i = 0; i < 5; i++) {
                trainer.discriminatorStep();   // D alone against a fixed G: it separates the halves quickly
            }
            // the real batch of the next step, drawn from a copy of the state, then the step itself
            TrainerState start = trainer.snapshot();
            try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
                var real = trainer.nextDiscriminatorInputs(m).real();
                trainer.restore(start);
                DiscriminatorStep step = trainer.discriminatorStep();
                checkStep(step, trainer.discriminate(real));
            }
        }
    }

    private static void checkStep(DiscriminatorStep step, float[] inferenceOnRealHalf) {
        double inferenceMean = 0;
            for (float p : inferenceOnRealHalf) {
                inferenceMean += p / inferenceOnRealHalf.length;
            }
            // what the old measurement reported: D in inference mode, with running statistics that lag behind
            assertTrue(Math.abs(inferenceMean - step.realAfter()) > 0.05,
                    "the test should tell the two measurements apart: inference " + inferenceMean + ", " + step);
            double gapBefore = step.realBefore() - step.fakeBefore();
            double gapAfter = step.realAfter() - step.fakeAfter();
            assertTrue(gapBefore > 0.1, "D should separate its training batches after 5 steps: " + step);
            assertTrue(gapAfter > gapBefore, "the update widens the gap on its own batch: " + step);
            // in inference mode, with running statistics that lag behind, the "after" numbers sat near 1/2, far
            // from the "before" ones; measured as the step judged, one small step moves them a little
            assertTrue(Math.abs(step.realAfter() - step.realBefore()) < 0.15, step.toString());
            assertTrue(Math.abs(step.fakeAfter() - step.fakeBefore()) < 0.15, step.toString());
    }

    @Test
    void generatorAfterNumberIsOnTheStepsOwnNoiseInTheStepsMode() {
        try (GanTrainer trainer = dcgan(true, 2e-3f)) {
            for (int i = 0; i < 3; i++) {
                trainer.discriminatorStep();
                trainer.discriminatorStep();
            }
            GeneratorStep step = trainer.generatorStep();
            assertTrue(step.fakeAfter() > step.fakeBefore(), "G's update raises D(G(z)) on its own noise: " + step);
            assertTrue(step.fakeAfter() - step.fakeBefore() < 0.3, step.toString());
        }
    }
}

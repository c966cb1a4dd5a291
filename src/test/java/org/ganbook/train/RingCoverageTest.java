package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import org.ganbook.data.Mixture2d;
import org.ganbook.data.Toys;
import org.ganbook.metrics.ModeCoverage;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.ganbook.nn.OutputActivation;
import org.junit.jupiter.api.Test;

/**
 * The whole library end to end: notebook 5's ring recipe (dropout 0.3 in D, Adam 1e-3 dropped to 1e-4
 * for the last fifth) reaches every mode of the 8-Gaussian ring in 3,000 iterations. A mode counts as
 * reached when at least 5 of 2,000 samples lie within 0.3 of its centre (ModeCoverage with std 0.1).
 *
 * <p>The recipe, not the seed, is what makes this hold: seeds 1 to 7 and 42 all reach 8 of 8 modes. The
 * vanilla recipe (no dropout, no drop of the learning rate) collapses onto 2 to 6 modes for several of
 * those seeds, which is what notebook 9 is about.
 */
class RingCoverageTest {

    private static final double REACH_STD = 0.1;
    private static final int ITERATIONS = 3000;

    @Test
    void notebookFivesRecipeReachesEveryModeOfTheRingIn3000Iterations() {
        Mixture2d ring = Toys.ring();
        int switchAt = ITERATIONS * 4 / 5;
        var generator = MlpGenerator.builder().setCodingSize(2).setOutputShape(new Shape(2))
                .optHidden(128, 128).optOutput(OutputActivation.LINEAR).build();
        var discriminator = MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(128, 128)
                .optDropout(0.3f).build();
        try (GanTrainer trainer = GanTrainer.builder(generator, discriminator)
                .setData(ring).setCodingSize(2).optBatchSize(256)
                .optGeneratorOptimizer(SwitchingOptimizer.after(switchAt, Optimizers.adam(1e-3f, 0.5f), Optimizers.adam(1e-4f, 0.5f)))
                .optDiscriminatorOptimizer(SwitchingOptimizer.after(switchAt, Optimizers.adam(1e-3f, 0.5f), Optimizers.adam(1e-4f, 0.5f)))
                .optSeed(1).optMeasureAfterUpdate(false).optProgress(0).build()) {
            var before = ModeCoverage.evaluate(trainer.generate(2000).toFloatArray(), ring.modes(), REACH_STD);
            trainer.fit(ITERATIONS);
            var after = ModeCoverage.evaluate(trainer.generate(2000).toFloatArray(), ring.modes(), REACH_STD);
            assertTrue(before.highQualityShare() < 0.2, "untrained: " + before);
            assertTrue(after.modesCovered() == 8, "after " + ITERATIONS + " iterations: " + after);
            assertTrue(after.highQualityShare() > 0.5, "after " + ITERATIONS + " iterations: " + after);
        }
    }
}

package org.ganbook.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganbook.train.DiscriminatorStep;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.GeneratorStep;
import org.ganbook.train.ParameterSnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of network trains through the library's own two phases: D's steps widen D(x) − D(G(z)) and
 * leave G's weights bit-identical; G's steps (D frozen) raise D(G(z)) and leave D's trainable weights
 * bit-identical. BatchNorm's running statistics follow the PyTorch convention and move in both phases.
 */
class TrainingSmokeTest {

    private static final int STEPS = 15;

    static java.util.List<NetworkKinds.Kind> kinds() {
        return NetworkKinds.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void bothPhasesLearnAndEachLeavesTheOtherNetworkAlone(NetworkKinds.Kind kind) {
        try (GanTrainer trainer = kind.trainer(11).build()) {
            ParameterSnapshot g = ParameterSnapshot.of(trainer.generator());
            DiscriminatorStep first = trainer.discriminatorStep();
            for (int i = 1; i < STEPS; i++) {
                trainer.discriminatorStep();
            }
            // G makes the fakes in training mode: its weights stay, its BatchNorm running statistics move (the
            // PyTorch convention; a G without BatchNorm stays bit-identical altogether)
            var gAfterD = g.compareWith(trainer.generator());
            assertTrue(gAfterD.trainableUnchanged(), kind + ": G's weights moved during D's steps");
            boolean batchNorm = trainer.generator().getParameters().values().stream()
                    .anyMatch(p -> p.getType() == ai.djl.nn.Parameter.Type.RUNNING_MEAN);
            assertEquals(!batchNorm, gAfterD.unchanged(), kind + ": G's running statistics");
            // measured as each step sees its batch, in training mode, before its update
            DiscriminatorStep next = trainer.discriminatorStep();
            double gapBefore = first.realBefore() - first.fakeBefore();
            double gapAfter = next.realBefore() - next.fakeBefore();
            assertTrue(gapAfter > gapBefore + 0.1, kind + ": D(x) − D(G(z)) " + gapBefore + " -> " + gapAfter);

            ParameterSnapshot d = ParameterSnapshot.of(trainer.discriminator());
            GeneratorStep firstG = trainer.generatorStep();
            for (int i = 1; i < STEPS; i++) {
                trainer.generatorStep();
            }
            assertTrue(d.compareWith(trainer.discriminator()).trainableUnchanged(),
                    kind + ": D's weights moved during G's steps");
            GeneratorStep nextG = trainer.generatorStep();
            assertTrue(nextG.fakeBefore() > firstG.fakeBefore() + 0.05,
                    kind + ": D(G(z)) " + firstG.fakeBefore() + " -> " + nextG.fakeBefore());
        }
    }
}

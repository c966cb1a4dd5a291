package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import org.ganbook.data.Toys;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.ganbook.nn.OutputActivation;
import org.ganbook.plot.Field2d;
import org.ganbook.plot.Plots;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Probes;
import org.junit.jupiter.api.Test;

class GanPlotsTest {

    private static GanTrainer smallRingTrainer() {
        return GanTrainer.builder(
                        MlpGenerator.builder().setCodingSize(2).setOutputShape(new Shape(2))
                                .optHidden(16).optOutput(OutputActivation.LINEAR).build(),
                        MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(16).build())
                .setData(Toys.ring())
                .setCodingSize(2)
                .optBatchSize(32)
                .optProgress(0)
                .build();
    }

    @Test
    void aTitleChangesOnlyTheTitleBandOfTheDecisionMap() {
        try (GanTrainer trainer = smallRingTrainer()) {
            // the same field and the same samples, drawn with the default title and with another one
            float[] real = trainer.realSamples(64).toFloatArray();
            var fakes = trainer.generate(64);
            float[] arrows = Probes.generatorLossGradient(trainer, fakes);
            Field2d field = new Field2d(-3, 3, -3, 3, Probes.discriminatorGrid(trainer, -3, 3, -3, 3, 41));
            BufferedImage plain = Plots.decisionMap(field, real, fakes.toFloatArray(), arrows);
            BufferedImage titled = Plots.decisionMap(field, real, fakes.toFloatArray(), arrows, "after one discriminator step");
            assertEquals(plain.getWidth(), titled.getWidth());
            assertEquals(plain.getHeight(), titled.getHeight());
            int lastRow = -1;
            for (int y = 0; y < plain.getHeight(); y++) {
                for (int x = 0; x < plain.getWidth(); x++) {
                    if (plain.getRGB(x, y) != titled.getRGB(x, y)) {
                        lastRow = Math.max(lastRow, y);
                    }
                }
            }
            assertTrue(lastRow >= 0, "the titles should differ");
            assertTrue(lastRow < plain.getHeight() / 10,
                    "pixels changed down to row " + lastRow + " of " + plain.getHeight() + ": more than the title band");
        }
    }

    @Test
    void decisionMapDoesNotTrain() {
        try (GanTrainer trainer = smallRingTrainer()) {
            var generator = org.ganbook.train.ParameterSnapshot.of(trainer.generator());
            var discriminator = org.ganbook.train.ParameterSnapshot.of(trainer.discriminator());
            GanPlots.decisionMap(trainer, 3, 64, true, "t");
            assertTrue(generator.compareWith(trainer.generator()).unchanged());
            assertTrue(discriminator.compareWith(trainer.discriminator()).unchanged());
            assertEquals(0, trainer.iteration());
        }
    }

    @Test
    void curvesNamedAfterTheRunDifferInTheTitleBand() {
        try (GanTrainer trainer = smallRingTrainer()) {
            trainer.fit(20);
            BufferedImage plain = GanPlots.curves(trainer);
            BufferedImage named = GanPlots.curves(trainer, "ring, 20 iterations");
            assertEquals(plain.getWidth(), named.getWidth());
            assertEquals(plain.getHeight(), named.getHeight());
            // The left panel (the losses): the title band changes, the chart below it does not. (The right panel
            // is not compared pixel by pixel: with a longer title a few anti-aliased pixels of its y-axis labels differ.)
            int changedRows = 0;
            int lastRow = -1;
            for (int y = 0; y < plain.getHeight(); y++) {
                boolean changed = false;
                for (int x = 0; x < Plots.WIDTH; x++) {
                    if (plain.getRGB(x, y) != named.getRGB(x, y)) {
                        changed = true;
                        lastRow = y;
                    }
                }
                changedRows += changed ? 1 : 0;
            }
            assertTrue(changedRows > 5, "the titles should differ");
            assertTrue(lastRow < plain.getHeight() / 10, "pixels changed down to row " + lastRow + ": more than the title band");
            assertTrue(GanPlots.curves(trainer, " ").getRGB(Plots.WIDTH / 2, 10) == plain.getRGB(Plots.WIDTH / 2, 10));
        }
    }
}

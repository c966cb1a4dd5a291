package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.ganbook.data.Toys;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.ganbook.nn.OutputActivation;
import org.ganbook.plot.Plots;
import org.ganbook.train.GanTrainer;
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
    void decisionMapWithATitleDiffersFromTheDefaultOnlyInItsTitleBand() {
        try (GanTrainer trainer = smallRingTrainer()) {
            BufferedImage titled = GanPlots.decisionMap(trainer, 3, 64, true, "after one discriminator step");
            BufferedImage plain = GanPlots.decisionMap(trainer, 3, 64, true);
            assertEquals(plain.getWidth(), titled.getWidth());
            assertEquals(plain.getHeight(), titled.getHeight());
            assertFalse(Arrays.equals(Plots.pngBytes(plain), Plots.pngBytes(titled)), "the titles should differ");
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
}

package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.Test;

/** Mistakes caught with a clear message: a discriminator with several outputs, a trainer used after close(). */
class TrainerMisuseTest {

    @Test
    void aDiscriminatorWithTwoOutputsIsRefusedAtBuildTime() {
        SequentialBlock twoOutputs = new SequentialBlock().add(Linear.builder().setUnits(2).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GanTrainer.builder(TestData.generator(4), twoOutputs).setData(TestData.ring()).setCodingSize(4)
                        .optProgress(0).build());
        assertTrue(e.getMessage().contains("the discriminator gives 2 outputs per sample"), e.getMessage());
        assertTrue(e.getMessage().contains("one logit"), e.getMessage());
    }

    @Test
    void aTrainerUsedAfterCloseSaysSo() {
        GanTrainer trainer = TestData.trainer(false).build();
        trainer.fit(2);
        trainer.close();
        trainer.close(); // closing twice is harmless
        for (Runnable use : new Runnable[] {() -> trainer.fit(1), () -> trainer.generate(4),
                () -> trainer.history(), trainer::discriminatorStep, () -> trainer.realSamples(2)}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use::run);
            assertEquals("this trainer is closed", e.getMessage());
        }
        assertEquals(2, trainer.iteration(), "plain getters still answer");
    }
}

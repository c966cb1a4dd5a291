package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganbook.data.Datasets;
import org.ganbook.nn.DcganDiscriminator;
import org.ganbook.nn.DcganGenerator;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.junit.jupiter.api.Test;

/** The two conventions for the BatchNorm layers of the network that does not train, on a DCGAN (BatchNorm in both). */
class BatchNormConventionTest {

    private static GanTrainer dcgan(BatchNormConvention convention) {
        return GanTrainer.builder(DcganGenerator.builder().setCodingSize(8).optChannels(4)
                                .optUpsampling(org.ganbook.nn.Upsampling.NEAREST_CONV).build(),
                        DcganDiscriminator.builder().optChannels(4).build())
                .setData(Datasets.mnist()).setCodingSize(8).optBatchSize(8).optSeed(4).optProgress(0)
                .optBatchNormConvention(convention).build();
    }

    @Test
    void pytorchMovesTheOtherNetworksRunningStatisticsButNotItsWeights() {
        try (GanTrainer trainer = dcgan(BatchNormConvention.PYTORCH)) {
            ParameterSnapshot g = ParameterSnapshot.of(trainer.generator());
            trainer.discriminatorStep();
            assertTrue(g.compareWith(trainer.generator()).trainableUnchanged());
            assertFalse(g.compareWith(trainer.generator()).unchanged(), "G's running statistics should move");

            ParameterSnapshot d = ParameterSnapshot.of(trainer.discriminator());
            trainer.generatorStep();
            assertTrue(d.compareWith(trainer.discriminator()).trainableUnchanged());
            assertFalse(d.compareWith(trainer.discriminator()).unchanged(), "D's running statistics should move");
        }
    }

    @Test
    void kerasLeavesTheOtherNetworkBitIdenticalStatisticsIncluded() {
        try (GanTrainer trainer = dcgan(BatchNormConvention.KERAS)) {
            for (int i = 0; i < 3; i++) {
                ParameterSnapshot g = ParameterSnapshot.of(trainer.generator());
                ParameterSnapshot d = ParameterSnapshot.of(trainer.discriminator());
                trainer.discriminatorStep();
                assertTrue(g.compareWith(trainer.generator()).unchanged(), "G after D's step " + i);
                assertFalse(d.compareWith(trainer.discriminator()).trainableUnchanged(), "D learns");
                ParameterSnapshot dAfter = ParameterSnapshot.of(trainer.discriminator());
                trainer.generatorStep();
                assertTrue(dAfter.compareWith(trainer.discriminator()).unchanged(), "D after G's step " + i);
            }
        }
    }

    @Test
    void withoutBatchNormBothConventionsTrainTheSame() {
        float[][] d = new float[2][];
        int i = 0;
        for (BatchNormConvention convention : BatchNormConvention.values()) {
            try (GanTrainer trainer = GanTrainer.builder(
                            MlpGenerator.builder().setCodingSize(8).setOutputShape(new ai.djl.ndarray.types.Shape(1, 28, 28))
                                    .optHidden(16).build(),
                            MlpDiscriminator.builder().setInputShape(new ai.djl.ndarray.types.Shape(1, 28, 28))
                                    .optHidden(16).build())
                    .setData(Datasets.mnist()).setCodingSize(8).optBatchSize(8).optSeed(4).optProgress(0)
                    .optBatchNormConvention(convention).build()) {
                trainer.fit(3);
                d[i++] = toFloats(trainer.history().doubleColumn("d_loss").asList());
            }
        }
        assertEquals(3, d[0].length);
        assertArrayEquals(d[0], d[1]);
        assertThrows(IllegalArgumentException.class, () -> GanTrainer.builder(
                MlpGenerator.builder().setCodingSize(2).setOutputShape(new ai.djl.ndarray.types.Shape(2)).build(),
                MlpDiscriminator.builder().setInputShape(new ai.djl.ndarray.types.Shape(2)).build())
                .optBatchNormConvention(null));
    }

    private static float[] toFloats(java.util.List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}

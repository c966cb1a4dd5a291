package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import org.ganbook.data.Mixture1d;
import org.ganbook.data.Toys;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.ganbook.nn.OutputActivation;
import org.ganbook.plot.DensityPanel;
import org.ganbook.train.GanTrainer;
import org.junit.jupiter.api.Test;

class DensityPanelsTest {

    private static GanTrainer trainer(org.ganbook.data.DataSource data) {
        int outputs = (int) data.sampleShape().size();
        var g = MlpGenerator.builder().setCodingSize(1).setOutputShape(data.sampleShape()).optHidden(8)
                .optOutput(OutputActivation.LINEAR).build();
        var d = MlpDiscriminator.builder().setInputShape(new Shape(outputs)).optHidden(8).build();
        return GanTrainer.builder(g, d).setData(data).setCodingSize(1).optProgress(0).build();
    }

    @Test
    void gridIncludesBothEnds() {
        assertArrayEquals(new double[] {-1, 0, 1, 2}, DensityPanels.grid(-1, 2, 4), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> DensityPanels.grid(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> DensityPanels.grid(1, 1, 5));
    }

    @Test
    void panelHoldsTheExactDataDensityAnEstimatedGeneratorDensityAndProbabilities() {
        Mixture1d data = Toys.gaussian1d(2, 0.5);
        try (GanTrainer trainer = trainer(data)) {
            double[] xs = DensityPanels.grid(-4, 6, 201);
            DensityPanel panel = DensityPanels.of(trainer, data, xs);
            assertArrayEquals(data.densities(xs), panel.pData(), 0);
            double mass = 0;
            for (double p : panel.pG()) {
                assertTrue(p >= 0);
                mass += p * 0.05;
            }
            assertEquals(1, mass, 0.05, "p_g should integrate to about 1 over the grid");
            for (double p : panel.d()) {
                assertTrue(p > 0 && p < 1);
            }
            float[] direct = org.ganbook.train.Probes.discriminate(trainer, (float) xs[10], (float) xs[100]);
            assertEquals(direct[0], panel.d()[10], 1e-6);
            assertEquals(direct[1], panel.d()[100], 1e-6);
        }
    }

    @Test
    void rejectsTwoDimensionalData() {
        try (GanTrainer trainer = trainer(Toys.ring())) {
            assertThrows(IllegalArgumentException.class, () -> DensityPanels.discriminator(trainer, new double[] {0}));
        }
    }
}

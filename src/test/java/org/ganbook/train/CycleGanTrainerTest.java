package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.ganbook.data.Mixture2d;
import org.ganbook.data.Similarity2d;
import org.ganbook.data.Toys;
import org.ganbook.loss.GanLoss;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.ganbook.nn.OutputActivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CycleGanTrainerTest {

    static final Mixture2d X = Toys.mixture2d("three", new double[][] {{-1, 0}, {1, 0.5}, {0, -1}}, 0.1);
    static final Similarity2d T = new Similarity2d(90, 1, 0.5, 0);

    static Block generator() {
        return MlpGenerator.builder().setCodingSize(2).setOutputShape(new Shape(2)).optHidden(16)
                .optOutput(OutputActivation.LINEAR).build();
    }

    static Block discriminator() {
        return MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(16).build();
    }

    static CycleGanBuilder small() {
        return CycleGanTrainer.builder(generator(), generator(), discriminator(), discriminator())
                .setDataX(X).setDataY(T.apply(X)).optBatchSize(16).optLearningRate(1e-3f).optProgress(0);
    }

    /** A network that is one Linear layer with the given weight (rows of the matrix) and bias. */
    static Block linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    static void set(Block linear, float[] weight, float[] bias) {
        linear.getParameters().get("weight").getArray().set(weight);
        linear.getParameters().get("bias").getArray().set(bias);
    }

    static double softplus(double v) {
        return Math.log1p(Math.exp(v));
    }

    @Test
    void theStepsLossesAreTheHandComputedOnesOnTinyInputs() {
        // G(p) = 2p + (1, 0), F(q) = q / 4, D_Y(q) = q0 - q1, D_X(p) = p0 + 1: everything computable by hand
        for (GanLoss loss : new GanLoss[] {GanLoss.nonSaturating(), GanLoss.leastSquares()}) {
            Block g = linear(2);
            Block f = linear(2);
            Block dX = linear(1);
            Block dY = linear(1);
            try (CycleGanTrainer trainer = CycleGanTrainer.builder(g, f, dX, dY).setDataX(X).setDataY(T.apply(X))
                    .optLoss(loss).optCycleWeight(10).optIdentityWeight(0.5f).optProgress(0).build();
                    NDManager m = NDManager.newBaseManager()) {
                set(g, new float[] {2, 0, 0, 2}, new float[] {1, 0});
                set(f, new float[] {0.25f, 0, 0, 0.25f}, new float[] {0, 0});
                set(dY, new float[] {1, -1}, new float[] {0});
                set(dX, new float[] {1, 0}, new float[] {1});
                float[] x = {1, 2, -1, 0};
                float[] y = {0, 4, 2, -2};
                double[] gx = {3, 4, -1, 0};          // 2x + (1, 0)
                double[] fy = {0, 1, 0.5, -0.5};      // y / 4
                double[] fgx = {0.75, 1, -0.25, 0};   // G(x) / 4
                double[] gfy = {1, 2, 2, -1};         // 2 F(y) + (1, 0)
                double[] dYonGx = {3 - 4, -1 - 0};    // logits of D_Y on G(x)
                double[] dXonFy = {0 + 1, 0.5 + 1};   // logits of D_X on F(y)
                boolean log = loss == GanLoss.nonSaturating();
                double advG = 0;
                double advF = 0;
                for (int i = 0; i < 2; i++) {
                    advG += (log ? softplus(-dYonGx[i]) : 0.5 * (dYonGx[i] - 1) * (dYonGx[i] - 1)) / 2;
                    advF += (log ? softplus(-dXonFy[i]) : 0.5 * (dXonFy[i] - 1) * (dXonFy[i] - 1)) / 2;
                }
                double cycleX = 0;
                double cycleY = 0;
                double identity = 0;
                double[] gy = {1, 8, 5, -4};           // G(y)
                double[] fx = {0.25, 0.5, -0.25, 0};   // F(x)
                for (int i = 0; i < 4; i++) {
                    cycleX += Math.abs(fgx[i] - x[i]) / 4;
                    cycleY += Math.abs(gfy[i] - y[i]) / 4;
                    identity += (Math.abs(gy[i] - y[i]) + Math.abs(fx[i] - x[i])) / 4;
                }
                assertEquals(0.5, cycleX, 1e-12, "(0.25 + 1 + 0.75 + 0) / 4");
                NDArray xs = m.create(x, new Shape(2, 2));
                NDArray ys = m.create(y, new Shape(2, 2));
                CycleGeneratorStep step = trainer.generatorStep(xs, ys);
                assertEquals(advG, step.adversarialG(), 1e-6, loss.name());
                assertEquals(advF, step.adversarialF(), 1e-6, loss.name());
                assertEquals(cycleX, step.cycleX(), 1e-6);
                assertEquals(cycleY, step.cycleY(), 1e-6);
                assertEquals(identity, step.identity(), 1e-6);
                assertEquals(advG + advF + 10 * (cycleX + cycleY) + 0.5 * identity, step.loss(), 1e-5);

                // D_Y's step: real y (label 1), G(x) (label 0); G has just been updated, so use its new output
                NDArray gxNow = trainer.mapXtoY(xs);
                float[] gxAfter = gxNow.toFloatArray();
                double[] logits = {0 - 4, 2 + 2, gxAfter[0] - gxAfter[1], gxAfter[2] - gxAfter[3]};
                double expected = 0;
                for (int i = 0; i < 4; i++) {
                    double target = i < 2 ? 1 : 0;
                    expected += (log ? softplus(logits[i]) - logits[i] * target
                            : 0.5 * (logits[i] - target) * (logits[i] - target)) / 4;
                }
                DiscriminatorStep d = trainer.discriminatorYStep(xs, ys);
                assertEquals(expected, d.loss(), 1e-5, loss.name());
                assertEquals((sigmoid(logits[0]) + sigmoid(logits[1])) / 2, d.realBefore(), 1e-6);
            }
        }
    }

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Test
    void eachDiscriminatorStepLeavesBothGeneratorsBitIdenticalAndTheGeneratorStepBothDiscriminators() {
        try (CycleGanTrainer trainer = small().build()) {
            for (int i = 0; i < 3; i++) {
                var g = ParameterSnapshot.of(trainer.generatorG());
                var f = ParameterSnapshot.of(trainer.generatorF());
                var dX = ParameterSnapshot.of(trainer.discriminatorX());
                var dY = ParameterSnapshot.of(trainer.discriminatorY());
                trainer.discriminatorYStep();
                assertTrue(g.compareWith(trainer.generatorG()).unchanged());
                assertTrue(f.compareWith(trainer.generatorF()).unchanged());
                assertTrue(dX.compareWith(trainer.discriminatorX()).unchanged(), "D_Y's step leaves D_X alone");
                assertFalse(dY.compareWith(trainer.discriminatorY()).unchanged());
                dY = ParameterSnapshot.of(trainer.discriminatorY());
                trainer.discriminatorXStep();
                assertTrue(g.compareWith(trainer.generatorG()).unchanged());
                assertTrue(f.compareWith(trainer.generatorF()).unchanged());
                assertTrue(dY.compareWith(trainer.discriminatorY()).unchanged(), "D_X's step leaves D_Y alone");
                assertFalse(dX.compareWith(trainer.discriminatorX()).unchanged());
                dX = ParameterSnapshot.of(trainer.discriminatorX());
                trainer.generatorStep();
                assertTrue(dX.compareWith(trainer.discriminatorX()).trainableUnchanged());
                assertTrue(dY.compareWith(trainer.discriminatorY()).trainableUnchanged());
                assertEquals(0, Gradients.norm(trainer.discriminatorX()));
                assertEquals(0, Gradients.norm(trainer.discriminatorY()));
                assertFalse(g.compareWith(trainer.generatorG()).unchanged());
                assertFalse(f.compareWith(trainer.generatorF()).unchanged());
            }
            assertEquals(3, trainer.history().rowCount());
        }
    }

    @Test
    void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() {
        Table a;
        Table b;
        Table c;
        try (CycleGanTrainer t = small().optSeed(3).build()) {
            t.fit(20);
            a = t.history();
        }
        try (CycleGanTrainer t = small().optSeed(3).build()) {
            t.fit(20);
            b = t.history();
        }
        try (CycleGanTrainer t = small().optSeed(4).build()) {
            t.fit(20);
            c = t.history();
        }
        for (String column : new String[] {"dy_loss", "dx_loss", "g_loss", "cycle_x", "cycle_y"}) {
            assertArrayEquals(a.doubleColumn(column).asDoubleArray(), b.doubleColumn(column).asDoubleArray(), column);
        }
        assertFalse(java.util.Arrays.equals(a.doubleColumn("g_loss").asDoubleArray(),
                c.doubleColumn("g_loss").asDoubleArray()));
    }

    @Test
    void trainingNStepsAndResumingNMoreEqualsTraining2N(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cycle.ckpt");
        Table straight;
        float[] weights;
        try (CycleGanTrainer t = small().build()) {
            t.fit(16);
            straight = t.history();
            weights = t.generatorG().getParameters().valueAt(0).getArray().toFloatArray();
        }
        try (CycleGanTrainer t = small().build()) {
            t.fit(8);
            t.save(file);
        }
        try (CycleGanTrainer t = small().build()) {
            t.load(file);
            assertEquals(8, t.iteration());
            t.fit(8);
            Table resumed = t.history();
            for (String column : new String[] {"dy_loss", "dx_loss", "g_loss", "cycle_x", "adv_f"}) {
                assertArrayEquals(straight.doubleColumn(column).asDoubleArray(),
                        resumed.doubleColumn(column).asDoubleArray(), column);
            }
            assertArrayEquals(weights, t.generatorG().getParameters().valueAt(0).getArray().toFloatArray());
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        try (CycleGanTrainer t = small().build()) {
            var before = ParameterSnapshot.of(t.generatorG());
            assertThrows(java.io.IOException.class, () -> t.load(file));
            assertTrue(before.compareWith(t.generatorG()).unchanged(), "a damaged file changes nothing");
            assertEquals(0, t.iteration());
        }
    }

    @Test
    void anInterruptStopsFitAfterAWholeIterationAndTheTrainerStaysUsable() throws Exception {
        try (CycleGanTrainer trainer = small().build()) {
            trainer.history(); // loads Tablesaw's classes, which would clear a pending interrupt
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    trainer.fit(1_000_000);
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            worker.start();
            while (trainer.iteration() < 3) {
                Thread.sleep(5);
            }
            worker.interrupt();
            worker.join(20_000);
            assertFalse(worker.isAlive());
            assertInstanceOf(TrainingInterruptedException.class, thrown.get());
            assertEquals(trainer.iteration(), trainer.history().rowCount());
            long done = trainer.iteration();
            trainer.fit(2);
            assertEquals(done + 2, trainer.iteration());
        }
    }

    @Test
    void badSettingsGiveAClearError() {
        assertThrows(IllegalArgumentException.class, () -> small().optCycleWeight(-1).build());
        assertThrows(IllegalArgumentException.class, () -> small().optBatchSize(0).build());
        Block g = generator();
        assertThrows(IllegalArgumentException.class, () -> CycleGanTrainer.builder(g, g, discriminator(), discriminator()));
        var noY = CycleGanTrainer.builder(generator(), generator(), discriminator(), discriminator()).setDataX(X);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, noY::build);
        assertTrue(e.getMessage().contains("setDataY"), e.getMessage());
        var sameOptimizer = Optimizers.adam(1e-3f, 0.5f);
        assertThrows(IllegalArgumentException.class, () -> small().optOptimizers(sameOptimizer, sameOptimizer,
                Optimizers.adam(1e-3f, 0.5f), Optimizers.adam(1e-3f, 0.5f)).build());
    }
}

package org.ganbook.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.ganbook.data.DataSource;
import org.ganbook.data.Mixture2d;
import org.ganbook.data.SpiralArm;
import org.ganbook.metrics.ModeCoverage;
import org.ganbook.plot.PairingPlot;
import org.ganbook.plot.Plots;
import org.ganbook.plot.Titles;
import org.ganbook.train.CycleGanBuilder;
import org.ganbook.train.CycleGanTrainer;
import org.ganbook.train.CycleIteration;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Optimizers;
import tech.tablesaw.api.Table;

/**
 * What a {@link TrainingSession} and {@code ganbook sample} need of a run's trainer, whichever the model:
 * train, stop, save and load the checkpoint, the history and its curves, and the pictures. A GAN's is a
 * {@link GanTrainer}, a CycleGAN's a {@link CycleGanTrainer}; everything else about a run (directory,
 * config, checkpoints on a schedule, resume, Ctrl-C, divergence) is the session's, shared by both.
 */
interface RunTrainer extends AutoCloseable {

    /** Completed iterations. */
    long iteration();

    /** Trains {@code iterations} more, reporting each to the progress display; stops early after {@link #requestStop}. */
    void fit(int iterations);

    /** Asks {@link #fit} to stop after the current iteration; callable from a signal handler's thread. */
    void requestStop();

    /** Saves the checkpoint (atomically; never from a NaN state). */
    void save(Path file) throws IOException;

    /** Restores a checkpoint written by {@link #save}. */
    void load(Path file) throws IOException;

    /** The history, one row per iteration. */
    Table history();

    /** The curves of {@code history}: the losses, and the discriminators' outputs. */
    BufferedImage[] curves(Table history);

    /** The picture drawn every --grid-every steps, from fixed noise or fixed inputs. */
    BufferedImage grid(long step);

    /** A picture of {@code n} fresh samples (a GAN's) or translations (a CycleGAN's) drawn from {@code seed}. */
    BufferedImage picture(int n, long seed, Integer label);

    /** The values of that picture's samples, for --csv. */
    Sampling.Samples samples(int n, long seed, Integer label);

    /** A line to print when training is done, or null. */
    String summary();

    @Override
    void close();

    /**
     * Builds the trainer a configuration describes, with fresh (seeded) networks.
     *
     * @param data the run's data; for a CycleGAN both domains
     * @param progress told of each iteration
     */
    static RunTrainer of(RunConfig config, DataChoice.Domains data, TerminalProgress progress) {
        return config.model.cycle() ? new Cycle(config, data, progress) : new Gan(config, data.x(), progress);
    }

    /** A GAN: the generator's samples from noise. */
    final class Gan implements RunTrainer {
        private final RunConfig config;
        private final DataSource data;
        final GanTrainer trainer;

        Gan(RunConfig config, DataSource data, TerminalProgress progress) {
            this.config = config;
            this.data = data;
            this.trainer = RunNetworks.trainer(config, data, (t, iteration) -> progress.onIteration(iteration));
        }

        @Override public long iteration() {
            return trainer.iteration();
        }

        @Override public void fit(int iterations) {
            trainer.fit(iterations);
        }

        @Override public void requestStop() {
            trainer.requestStop();
        }

        @Override public void save(Path file) throws IOException {
            trainer.save(file);
        }

        @Override public void load(Path file) throws IOException {
            trainer.load(file);
        }

        @Override public Table history() {
            return trainer.history();
        }

        @Override public BufferedImage[] curves(Table history) {
            return new BufferedImage[] {Plots.losses(history), Plots.discriminatorOutputs(history)};
        }

        @Override public BufferedImage grid(long step) {
            if (!config.isPoints() && !config.isImages()) {
                return null;
            }
            int n = config.gridCount;
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray noise = trainer.fixedNoise(n);
                noise.attach(manager);
                if (config.isPoints()) {
                    float[] real = data.sample(manager, n, config.seed).samples().toFloatArray();
                    NDArray fake = trainer.generate(noise);
                    fake.attach(manager);
                    return Plots.scatter2d(real, fake.toFloatArray(), "fixed noise, step " + step);
                }
                NDArray images = config.model.conditional()
                        ? trainer.generate(noise, manager.create(Sampling.labels(config, n, null)))
                        : trainer.generate(noise);
                images.attach(manager);
                return Plots.titled(Sampling.grid(config, images, n, null), "fixed noise, step " + step);
            }
        }

        @Override public BufferedImage picture(int n, long seed, Integer label) {
            return Sampling.picture(trainer, config, data, n, seed, label);
        }

        @Override public Sampling.Samples samples(int n, long seed, Integer label) {
            return Sampling.generate(trainer, config, n, seed, label);
        }

        @Override public String summary() {
            if (!(data instanceof Mixture2d mixture)) {
                return null;
            }
            float[] fake = Sampling.generate(trainer, config, 2500, config.seed + 17, null).values();
            return "mode coverage of 2500 samples, " + ModeCoverage.evaluate(fake, mixture.modes(), mixture.std()).summary();
        }

        @Override public void close() {
            trainer.close();
        }
    }

    /** A CycleGAN: samples of X and their translations G(x). */
    final class Cycle implements RunTrainer {
        private final RunConfig config;
        private final DataChoice.Domains data;
        private final TerminalProgress progress;
        final CycleGanTrainer trainer;
        private volatile boolean stop;

        Cycle(RunConfig config, DataChoice.Domains data, TerminalProgress progress) {
            this.config = config;
            this.data = data;
            this.progress = progress;
            Shape shape = new Shape(config.sampleShape);
            CycleGanBuilder builder = config.isImages()
                    ? CycleGanTrainer.builder(RunNetworks.translator(config), RunNetworks.translator(config),
                            RunNetworks.cycleDiscriminator(config), RunNetworks.cycleDiscriminator(config))
                    : CycleGanTrainer.residualBuilder(shape, config.hidden);
            this.trainer = builder.setDataX(data.x()).setDataY(data.y())
                    .optLoss(RunNetworks.loss(config.loss))
                    .optCycleWeight(config.cycleWeight)
                    .optBatchSize(config.batchSize)
                    .optOptimizers(Optimizers.adam(config.lrG, 0.5f), Optimizers.adam(config.lrG, 0.5f),
                            Optimizers.adam(config.lrD, 0.5f), Optimizers.adam(config.lrD, 0.5f))
                    .optSeed(config.seed)
                    .optProgress(0)
                    .build();
        }

        @Override public long iteration() {
            return trainer.iteration();
        }

        /** One iteration at a time: the trainer has no listener, and fit(1) n times trains exactly as fit(n). */
        @Override public void fit(int iterations) {
            for (int i = 0; i < iterations && !stop; i++) {
                CycleIteration row = trainer.fit(1);
                progress.onIteration(row.iteration(), () -> String.format(java.util.Locale.ROOT,
                        "D_Y %.3f  D_X %.3f  G+F %.3f", row.discriminatorY().loss(), row.discriminatorX().loss(),
                        row.generators().loss()), () -> String.format(java.util.Locale.ROOT,
                        "D_Y loss %.3f | D_X loss %.3f | G+F loss %.3f | cycle x %.3f | cycle y %.3f",
                        row.discriminatorY().loss(), row.discriminatorX().loss(), row.generators().loss(),
                        row.generators().cycleX(), row.generators().cycleY()));
            }
        }

        @Override public void requestStop() {
            stop = true;
        }

        @Override public void save(Path file) throws IOException {
            trainer.save(file);
        }

        @Override public void load(Path file) throws IOException {
            trainer.load(file);
        }

        @Override public Table history() {
            return trainer.history();
        }

        @Override public BufferedImage[] curves(Table history) {
            return new BufferedImage[] {
                Plots.lines(history, Titles.of("Losses: D_Y, D_X, and G and F together").xAxis("iteration")
                        .yAxis("loss"), "iteration", "dy_loss", "dx_loss", "g_loss", "cycle_x", "cycle_y"),
                Plots.lines(history, Titles.of("Discriminator outputs on real and translated samples")
                        .xAxis("iteration").yAxis("mean D"), 0, 1, "iteration", "dy_real", "dy_fake", "dx_real",
                        "dx_fake")
            };
        }

        @Override public BufferedImage grid(long step) {
            return translations(config.gridCount, config.seed, "fixed x", step);
        }

        @Override public BufferedImage picture(int n, long seed, Integer label) {
            return translations(n, seed, "x", trainer.iteration());
        }

        /** {@code n} samples of X drawn from {@code seed} and G's translations, x first, then G(x). */
        @Override public Sampling.Samples samples(int n, long seed, Integer label) {
            float[][] xy = translate(n, seed);
            int per = xy[0].length / n;
            float[] values = new float[2 * xy[0].length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(xy[0], i * per, values, 2 * i * per, per);
                System.arraycopy(xy[1], i * per, values, (2 * i + 1) * per, per);
            }
            String[] columns = new String[2 * per];
            for (int j = 0; j < per; j++) {
                columns[j] = per == 2 ? (j == 0 ? "x" : "y") : "x" + j;
                columns[per + j] = per == 2 ? (j == 0 ? "g_x" : "g_y") : "g" + j;
            }
            return new Sampling.Samples(values, null, n, columns);
        }

        private float[][] translate(int n, long seed) {
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray x = data.x().sample(manager, n, seed).samples();
                NDArray gx = trainer.mapXtoY(x);
                float[] mapped = gx.toFloatArray();
                gx.close();
                return new float[][] {x.toFloatArray(), mapped};
            }
        }

        /** Samples of X ("x" or "fixed x", from {@code seed}) and their translations G(x) at {@code step}. */
        private BufferedImage translations(int n, long seed, String what, long step) {
            float[][] xy = translate(n, seed);
            if (config.isPoints()) {
                String title = "where G sends " + (what.equals("x") ? "each x" : what) + ", step " + step;
                return data.x() instanceof SpiralArm x && data.y() instanceof SpiralArm y
                        ? PairingPlot.render(xy[0], xy[1], "G(x)", x, y, title)
                        : PairingPlot.render(xy[0], xy[1], "G(x)", title);
            }
            String title = what + " and G(x), step " + step;
            // rows of up to 8 images of X, each followed by the row of their translations
            int columns = Math.min(8, n);
            int rows = (n + columns - 1) / columns;
            int per = xy[0].length / n;
            float[] pixels = new float[2 * rows * columns * per];
            java.util.Arrays.fill(pixels, -1f);
            String[] labels = new String[2 * rows];
            for (int i = 0; i < n; i++) {
                int row = i / columns;
                int column = i % columns;
                System.arraycopy(xy[0], i * per, pixels, ((2 * row) * columns + column) * per, per);
                System.arraycopy(xy[1], i * per, pixels, ((2 * row + 1) * columns + column) * per, per);
            }
            for (int row = 0; row < rows; row++) {
                labels[2 * row] = "x";
                labels[2 * row + 1] = "G(x)";
            }
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray images = manager.create(pixels, new Shape(2L * rows * columns).addAll(new Shape(config.sampleShape)));
                return Plots.titled(Plots.imageGridByRow(images, 2 * rows, labels), title);
            }
        }

        @Override public String summary() {
            return null;
        }

        @Override public void close() {
            trainer.close();
        }
    }
}

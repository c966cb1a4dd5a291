package org.ganbook.notebook;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import org.ganbook.plot.Field2d;
import org.ganbook.plot.Plots;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Probes;
import tech.tablesaw.api.Table;

/**
 * One-call pictures of a trainer's current state, for notebook cells. They draw with {@link Plots}
 * and hide the plumbing: drawing samples, evaluating D on a grid, computing G's gradient arrows.
 */
public final class GanPlots {

    private static final int GRID_RESOLUTION = 90;
    private static final int OVERVIEW_POINTS = 256;
    private static final int OVERVIEW_IMAGES = 36;
    private static final long OVERVIEW_SEED = 20_240_601L;

    private GanPlots() {}

    /**
     * D's probability of "real" over the plane, with real samples, G's fakes and, optionally,
     * arrows showing where the generator step will push each fake (in the manner of GAN Lab).
     *
     * <p>Each call draws fresh real samples and fresh fakes, so two pictures show different points; to
     * compare a "before" and an "after", prefer {@link DecisionMap}, which draws the same points every
     * time and names its settings: {@code DecisionMap.of(trainer).extent(3).points(256).draw()}.
     *
     * @param trainer a trainer on 2-D data
     * @param extent the plot shows [−extent, extent] on both axes
     * @param points how many real and how many fake points to draw
     * @param arrows whether to draw, on each fake point, the direction in which G's loss pushes it
     * @return the picture
     */
    public static BufferedImage decisionMap(GanTrainer trainer, double extent, int points, boolean arrows) {
        return decisionMap(trainer, extent, points, arrows, "after " + trainer.iteration() + " iterations");
    }

    /**
     * D's decision map with its settings named, drawing new points each time (as a film strip of a
     * running training wants): {@code GanPlots.decisionMap(trainer).extent(2.6).points(300).draw()}. For a
     * "before" and "after" on the same points use {@link DecisionMap#of} instead.
     *
     * @param trainer a trainer on 2-D data
     * @return the map's settings, to finish with {@code draw()}
     */
    public static DecisionMap decisionMap(GanTrainer trainer) {
        return DecisionMap.of(trainer).freshPoints();
    }

    /**
     * {@link #decisionMap(GanTrainer, double, int, boolean)} with a title of your own, such as "after
     * one discriminator step" (the default title counts completed iterations only).
     *
     * @param trainer a trainer on 2-D data
     * @param extent the plot shows [−extent, extent] on both axes
     * @param points how many real and how many fake points to draw
     * @param arrows whether to draw, on each fake point, the direction in which G's loss pushes it
     * @param title the title
     * @return the picture
     */
    public static BufferedImage decisionMap(
            GanTrainer trainer, double extent, int points, boolean arrows, String title) {
        return decisionMap(trainer).extent(extent).points(points).arrows(arrows).draw(title);
    }

    /**
     * What G makes now: an image grid for image data, a real-vs-fake scatter plot for 2-D data.
     *
     * @param trainer the trainer
     * @param n how many samples
     * @return the picture
     */
    public static BufferedImage samples(GanTrainer trainer, int n) {
        Shape shape = trainer.data().sampleShape();
        NDArray fakes = trainer.generate(n);
        if (shape.dimension() == 1 && shape.get(0) == 2) {
            return Plots.scatter2d(
                    trainer.realSamples(n).toFloatArray(),
                    fakes.toFloatArray(),
                    "real vs generated after " + trainer.iteration() + " iterations");
        }
        return Plots.titled(
                Plots.imageGrid(fakes, (int) Math.ceil(Math.sqrt(n))),
                "generated after " + trainer.iteration() + " iterations");
    }

    /**
     * G's output on the trainer's fixed noise, as an image grid: the same noise every call, so
     * successive grids show how G's mapping changes. A conditional G is asked for labels 0, 1, 2, …
     * in turn, reading the grid row by row, and the title says so.
     *
     * @param trainer a trainer on image data
     * @param n how many images
     * @return the picture
     */
    public static BufferedImage fixedNoiseGrid(GanTrainer trainer, int n) {
        String labels = trainer.isConditional()
                ? ", labels 0–" + (trainer.data().numClasses() - 1) + " in turn" : "";
        return fixedNoiseGrid(trainer, n, "G on the fixed noise" + labels + ", iteration " + trainer.iteration());
    }

    /**
     * {@link #fixedNoiseGrid(GanTrainer, int)} under a title of the caller's.
     *
     * @param trainer a trainer on image data
     * @param n how many images
     * @param title the title above the grid
     * @return the picture
     */
    public static BufferedImage fixedNoiseGrid(GanTrainer trainer, int n, String title) {
        NDArray noise = trainer.fixedNoise(n);
        NDArray images;
        if (trainer.isConditional()) {
            images = trainer.generate(noise, cycle(n, trainer));
        } else {
            images = trainer.generate(noise);
        }
        try {
            return Plots.titled(
                    Plots.imageGrid(images, (int) Math.ceil(Math.sqrt(n))),
                    title);
        } finally {
            images.close();   // drawn: free them now rather than when the trainer closes
            noise.close();
        }
    }

    /**
     * The picture {@link Live} shows by default while {@code fit} runs, chosen by the kind of data:
     * for 2-D points D's decision map with real points and G's fakes, for images the grid of G's
     * output on the fixed noise, each beside the loss curves; for anything else the loss and D-output
     * curves. It never changes the trainer's random streams: the fakes come from the
     * {@linkplain GanTrainer#fixedNoise fixed noise} and the real points from a seed of their own, so
     * a notebook's numbers are the same with the live view on or off.
     *
     * @param trainer the trainer, after at least one iteration
     * @return the picture
     * @throws IllegalArgumentException if the trainer has not run an iteration yet
     */
    public static BufferedImage overview(GanTrainer trainer) {
        if (trainer.iteration() == 0) {
            throw new IllegalArgumentException("no iterations yet: the overview needs a training history");
        }
        Shape shape = trainer.data().sampleShape();
        Table history = trainer.history();
        if (shape.dimension() == 1 && shape.get(0) == 2) {
            return Plots.sideBySide(fixedDecisionMap(trainer, OVERVIEW_POINTS), Plots.losses(history));
        }
        if (shape.dimension() == 3) {
            return Plots.sideBySide(fixedNoiseGrid(trainer, OVERVIEW_IMAGES), Plots.losses(history));
        }
        return Plots.sideBySide(Plots.losses(history), Plots.discriminatorOutputs(history));
    }

    /** D's decision map with a fixed set of real points and G's output on the fixed noise. */
    private static BufferedImage fixedDecisionMap(GanTrainer trainer, int points) {
        float[] real;
        try (NDManager manager = NDManager.newBaseManager()) {
            real = trainer.data().sample(manager, points, OVERVIEW_SEED).samples().toFloatArray();
        }
        NDArray noise = trainer.fixedNoise(points);
        NDArray fakes = trainer.isConditional() ? trainer.generate(noise, cycle(points, trainer)) : trainer.generate(noise);
        float[] fake;
        try {
            fake = fakes.toFloatArray();
        } finally {
            fakes.close();
            noise.close();
        }
        double extent = 1;
        for (float v : real) {
            extent = Math.max(extent, Math.abs(v) * 1.25);
        }
        extent = Math.ceil(extent * 2) / 2;
        double[][] grid = Probes.discriminatorGrid(trainer, -extent, extent, -extent, extent, GRID_RESOLUTION);
        Field2d field = new Field2d(-extent, extent, -extent, extent, grid);
        return Plots.decisionMap(field, real, fake, null, "after " + trainer.iteration() + " iterations");
    }

    private static int[] cycle(int n, GanTrainer trainer) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % trainer.data().numClasses();
        }
        return labels;
    }

    /** The loss curves and D's outputs side by side, from the trainer's history. */
    public static BufferedImage curves(GanTrainer trainer) {
        return curves(trainer, null);
    }

    /**
     * {@link #curves(GanTrainer)} with the run's name at the start of both panels' titles, e.g.
     * {@code GanPlots.curves(dcgan, "DCGAN")} for "DCGAN: Discriminator and generator loss" and "DCGAN:
     * Discriminator output on real and fake", so that a picture shows which run it is.
     *
     * @param trainer the trainer
     * @param runName the run's name, or null or blank for the plain titles
     * @return the picture
     */
    public static BufferedImage curves(GanTrainer trainer, String runName) {
        return Plots.sideBySide(Plots.losses(trainer.history(), runName),
                Plots.discriminatorOutputs(trainer.history(), runName));
    }
}

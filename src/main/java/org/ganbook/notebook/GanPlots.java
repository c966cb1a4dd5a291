package org.ganbook.notebook;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import org.ganbook.plot.Field2d;
import org.ganbook.plot.Plots;
import org.ganbook.train.GanTrainer;

/**
 * One-call pictures of a trainer's current state, for notebook cells. They draw with {@link Plots}
 * and hide the plumbing: drawing samples, evaluating D on a grid, computing G's gradient arrows.
 */
public final class GanPlots {

    private static final int GRID_RESOLUTION = 90;

    private GanPlots() {}

    /**
     * D's probability of "real" over the plane, with real samples, G's fakes and, optionally,
     * arrows showing where the generator step will push each fake (in the manner of GAN Lab).
     *
     * @param trainer a trainer on 2-D data
     * @param extent the plot shows [−extent, extent] on both axes
     * @param points how many real and how many fake points to draw
     * @param arrows whether to draw G's update direction on each fake point
     * @return the picture
     */
    public static BufferedImage decisionMap(GanTrainer trainer, double extent, int points, boolean arrows) {
        return decisionMap(trainer, extent, points, arrows, "after " + trainer.iteration() + " iterations");
    }

    /**
     * {@link #decisionMap(GanTrainer, double, int, boolean)} with a title of your own, such as "after
     * one discriminator step" (the default title counts completed iterations only).
     *
     * @param trainer a trainer on 2-D data
     * @param extent the plot shows [−extent, extent] on both axes
     * @param points how many real and how many fake points to draw
     * @param arrows whether to draw G's update direction on each fake point
     * @param title the title
     * @return the picture
     */
    public static BufferedImage decisionMap(
            GanTrainer trainer, double extent, int points, boolean arrows, String title) {
        float[] real = trainer.realSamples(points).toFloatArray();
        NDArray fakes = trainer.generate(points);
        float[] fake = fakes.toFloatArray();
        float[] gradients = arrows ? trainer.generatorLossGradient(fakes) : null;
        double[][] grid = trainer.discriminatorGrid(-extent, extent, -extent, extent, GRID_RESOLUTION);
        Field2d field = new Field2d(-extent, extent, -extent, extent, grid);
        return Plots.decisionMap(field, real, fake, gradients, title);
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
     * successive grids show how G's mapping changes.
     *
     * @param trainer a trainer on image data
     * @param n how many images
     * @return the picture
     */
    public static BufferedImage fixedNoiseGrid(GanTrainer trainer, int n) {
        NDArray noise = trainer.fixedNoise(n);
        NDArray images;
        if (trainer.isConditional()) {
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = i % trainer.data().numClasses();
            }
            images = trainer.generate(noise, labels);
        } else {
            images = trainer.generate(noise);
        }
        return Plots.titled(
                Plots.imageGrid(images, (int) Math.ceil(Math.sqrt(n))),
                "fixed noise, iteration " + trainer.iteration());
    }

    /** The loss curves and D's outputs side by side, from the trainer's history. */
    public static BufferedImage curves(GanTrainer trainer) {
        return Plots.sideBySide(Plots.losses(trainer.history()), Plots.discriminatorOutputs(trainer.history()));
    }
}

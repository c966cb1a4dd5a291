package org.ganbook.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ganbook.data.DataSource;
import org.ganbook.plot.Plots;
import org.ganbook.train.GanTrainer;

/** Draws samples from a trained generator and turns them into pictures and CSV. */
final class Sampling {

    private Sampling() {}

    /**
     * Generated samples.
     *
     * @param values the samples' values, sample after sample, row-major
     * @param labels the class of each sample for a conditional GAN, or null
     * @param count how many samples
     * @param columns the CSV header's names of a sample's values, or null for x, y (points) or v0, v1, ...
     */
    record Samples(float[] values, int[] labels, int count, String[] columns) {
        Samples(float[] values, int[] labels, int count) {
            this(values, labels, count, null);
        }
    }

    /**
     * Generates {@code n} samples from noise drawn from {@code seed} (the same seed gives the same
     * samples from the same checkpoint).
     *
     * @param label for a conditional GAN, the class of every sample, or null for classes 0, 1, 2, ... in turn
     */
    static Samples generate(GanTrainer trainer, RunConfig config, int n, long seed, Integer label) {
        float[] z = trainer.latent().reseeded(seed).values(n);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray noise = manager.create(z, new Shape(n, config.codingSize));
            int[] labels = null;
            NDArray out;
            if (config.model.conditional()) {
                labels = labels(config, n, label);
                out = trainer.generate(noise, manager.create(labels));
            } else {
                out = trainer.generate(noise);
            }
            float[] values = out.toFloatArray();
            out.close();
            return new Samples(values, labels, n);
        }
    }

    /**
     * The class of each of {@code n} samples of a conditional GAN: all {@code label} if given; else, when
     * {@code n} is a multiple of the number of classes, grouped by class (class 0 first, for one row per
     * class); else the classes in turn.
     */
    static int[] labels(RunConfig config, int n, Integer label) {
        int classes = config.numClasses;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = label != null ? label : byRow(config, n, label) ? i / (n / classes) : i % classes;
        }
        return labels;
    }

    /** Whether a picture of {@code n} samples has one row per class. */
    static boolean byRow(RunConfig config, int n, Integer label) {
        return config.model.conditional() && label == null && n >= config.numClasses && n % config.numClasses == 0;
    }

    /** Draws images with one row per class when {@link #byRow} says so, else in a square grid. */
    static BufferedImage grid(RunConfig config, NDArray images, int n, Integer label) {
        if (byRow(config, n, label)) {
            String[] names = new String[config.numClasses];
            for (int c = 0; c < names.length; c++) {
                names[c] = Integer.toString(c);
            }
            return Plots.imageGridByRow(images, config.numClasses, names);
        }
        return Plots.imageGrid(images, (int) Math.ceil(Math.sqrt(n)));
    }

    /**
     * A picture of {@code n} generated samples: an image grid (one row per class for a conditional
     * GAN when the count allows), or generated against real points for 2-D data.
     */
    static BufferedImage picture(GanTrainer trainer, RunConfig config, DataSource data, int n, long seed,
            Integer label) {
        Samples samples = generate(trainer, config, n, seed, label);
        String when = "step " + trainer.iteration();
        if (config.isPoints()) {
            try (NDManager manager = NDManager.newBaseManager()) {
                float[] real = data.sample(manager, n, seed ^ 0x5A5A5A5AL).samples().toFloatArray();
                return Plots.scatter2d(real, samples.values(), "real and generated, " + when);
            }
        }
        int height = (int) config.sampleShape[1];
        int width = (int) config.sampleShape[2];
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray images = manager.create(samples.values(), new Shape(n).addAll(new Shape(config.sampleShape)));
            BufferedImage grid = grid(config, images, n, label);
            String title = "generated, " + when + (label != null ? ", class " + label : "")
                    + " (" + height + "×" + width + ")";
            return Plots.titled(grid, title);
        }
    }

    /** Writes samples as CSV: a header, then one row per sample ({@code label} first if conditional). */
    static void writeCsv(Samples samples, Path file) throws IOException {
        int perSample = samples.values().length / samples.count();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder(samples.labels() != null ? "label," : "");
            for (int j = 0; j < perSample; j++) {
                header.append(j > 0 ? "," : "").append(samples.columns() != null ? samples.columns()[j]
                        : perSample == 2 ? (j == 0 ? "x" : "y") : "v" + j);
            }
            out.write(header.append('\n').toString());
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < samples.count(); i++) {
                row.setLength(0);
                if (samples.labels() != null) {
                    row.append(samples.labels()[i]).append(',');
                }
                for (int j = 0; j < perSample; j++) {
                    row.append(j > 0 ? "," : "").append(samples.values()[i * perSample + j]);
                }
                out.write(row.append('\n').toString());
            }
        }
    }
}

package org.ganbook.notebook;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.ganbook.plot.Field2d;
import org.ganbook.plot.Plots;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Probes;

/**
 * D's decision map, drawn on a fixed evaluation set: every draw shows the same real points and G's
 * output on the trainer's {@linkplain GanTrainer#fixedNoise fixed noise}, so a "before" and an
 * "after" map differ only where D or G changed (and never in the trainer's random streams).
 *
 * <pre>{@code
 * var map = DecisionMap.of(trainer).extent(3).points(256);
 * var before = map.draw("untrained D");
 * trainer.discriminatorStep();
 * Plots.sideBySide(before, map.draw("after one discriminator step"))   // the same points, a new D
 * }</pre>
 */
public final class DecisionMap {

    /** The seed of the real points, the same as {@link GanPlots#overview}'s. */
    static final long REAL_POINTS_SEED = 20_240_601L;
    private static final int GRID_RESOLUTION = 90;

    private final GanTrainer trainer;
    private double extent = 3;
    private int points = 256;
    private boolean arrows;
    private boolean fresh;

    private DecisionMap(GanTrainer trainer) {
        if (trainer == null) {
            throw new IllegalArgumentException("trainer is null");
        }
        if (trainer.data().sampleShape().dimension() != 1 || trainer.data().sampleShape().get(0) != 2) {
            throw new IllegalArgumentException("a decision map needs 2-D data; " + trainer.data().name()
                    + " has samples of shape " + trainer.data().sampleShape());
        }
        this.trainer = trainer;
    }

    /** A map of this trainer's D: the square [−3, 3]², 256 real and 256 fake points, no arrows. */
    public static DecisionMap of(GanTrainer trainer) {
        return new DecisionMap(trainer);
    }

    /** The map shows [−extent, extent] on both axes; 3 by default. */
    public DecisionMap extent(double extent) {
        if (!(extent > 0)) {
            throw new IllegalArgumentException("extent must be positive, got " + extent);
        }
        this.extent = extent;
        return this;
    }

    /** How many real and how many fake points to draw; 256 by default. */
    public DecisionMap points(int points) {
        if (points < 0) {
            throw new IllegalArgumentException("points must be >= 0, got " + points);
        }
        this.points = points;
        return this;
    }

    /** Whether to draw, on each fake, the direction in which the generator step pushes it; off by default. */
    public DecisionMap arrows(boolean arrows) {
        this.arrows = arrows;
        return this;
    }

    /** The real points every draw shows (always the same: drawn with a seed of their own). */
    /**
     * Draws new points every time instead of the fixed evaluation set: new real samples and G's output on
     * new noise, each draw moving the trainer's sample streams on (what a film strip of a running
     * training shows; {@link GanPlots#decisionMap(GanTrainer)} starts this way).
     *
     * @return this
     */
    public DecisionMap freshPoints() {
        this.fresh = true;
        return this;
    }

    public float[] realPoints() {
        try (NDManager manager = NDManager.newBaseManager()) {
            return trainer.data().sample(manager, points, REAL_POINTS_SEED).samples().toFloatArray();
        }
    }

    /** G's output now on the first {@code points} vectors of the fixed noise: the same while G is unchanged. */
    public float[] fakePoints() {
        return FixedFakes.of(trainer, points);
    }

    /**
     * D's probability of "real" at the given points, now: {@code map.at(ring.modes())} for the ring's centres.
     *
     * @param points one (x, y) pair per point
     * @return one probability per point
     */
    public float[] at(double[][] points) {
        float[] flat = new float[2 * points.length];
        for (int i = 0; i < points.length; i++) {
            flat[2 * i] = (float) points[i][0];
            flat[2 * i + 1] = (float) points[i][1];
        }
        return Probes.discriminate(trainer, flat);
    }

    /** D's probability of "real" over the square, now. */
    public Field2d field() {
        double[][] grid = Probes.discriminatorGrid(trainer, -extent, extent, -extent, extent, GRID_RESOLUTION);
        return new Field2d(-extent, extent, -extent, extent, grid);
    }

    /** Draws the map titled "D after n iterations". */
    public BufferedImage draw() {
        return draw("D after " + trainer.iteration() + " iterations");
    }

    /**
     * Draws the map.
     *
     * @param title the title, written for the reader ("untrained D", "after one discriminator step")
     * @return the picture
     */
    public BufferedImage draw(String title) {
        if (fresh) {
            float[] real = trainer.realSamples(points).toFloatArray();
            NDArray fakes = trainer.generate(points);
            float[] fake = fakes.toFloatArray();
            float[] gradients = arrows ? Probes.generatorLossGradient(trainer, fakes) : null;
            return Plots.decisionMap(field(), real, fake, gradients, title);
        }
        float[] real = realPoints();
        float[] gradients = null;
        float[] fake;
        NDArray noise = trainer.fixedNoise(points);
        NDArray fakes = trainer.generate(noise);
        try {
            fake = fakes.toFloatArray();
            if (arrows) {
                gradients = Probes.generatorLossGradient(trainer, fakes);
            }
        } finally {
            fakes.close();
            noise.close();
        }
        return Plots.decisionMap(field(), real, fake, gradients, title);
    }

    /**
     * How D's probability changed between two fields of the same square: its range before and after, and
     * the largest change at any grid point.
     *
     * @param before the field before
     * @param after the field after, over the same square and grid
     * @return the change
     */
    public static Change change(Field2d before, Field2d after) {
        double[][] a = before.values();
        double[][] b = after.values();
        if (a.length != b.length || a[0].length != b[0].length) {
            throw new IllegalArgumentException("the two fields have different grids");
        }
        double minA = Double.POSITIVE_INFINITY, maxA = Double.NEGATIVE_INFINITY;
        double minB = Double.POSITIVE_INFINITY, maxB = Double.NEGATIVE_INFINITY;
        double largest = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                minA = Math.min(minA, a[r][c]);
                maxA = Math.max(maxA, a[r][c]);
                minB = Math.min(minB, b[r][c]);
                maxB = Math.max(maxB, b[r][c]);
                largest = Math.max(largest, Math.abs(b[r][c] - a[r][c]));
            }
        }
        return new Change(minA, maxA, minB, maxB, largest);
    }

    /**
     * D's probability over a map before and after a change.
     *
     * @param minBefore the lowest value before
     * @param maxBefore the highest value before
     * @param minAfter the lowest value after
     * @param maxAfter the highest value after
     * @param largestChange the largest absolute change at any grid point
     */
    public record Change(double minBefore, double maxBefore, double minAfter, double maxAfter, double largestChange) {

        /** Returns the spread of D over the map before: max − min. */
        public double rangeBefore() {
            return maxBefore - minBefore;
        }

        /** Returns the spread after. */
        public double rangeAfter() {
            return maxAfter - minAfter;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "D over the map: before from %.3f to %.3f (range %.3f), after from %.3f to %.3f (range %.3f);"
                            + " largest change at a point %.3f",
                    minBefore, maxBefore, rangeBefore(), minAfter, maxAfter, rangeAfter(), largestChange);
        }
    }
}

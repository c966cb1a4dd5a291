package org.ganbook.notebook;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.ganbook.metrics.Points2d;
import org.ganbook.plot.Plots;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Iteration;
import org.ganbook.train.IterationListener;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Keeps G's samples (and as many real ones) during training on 2-D data, to draw them as a film
 * strip on <b>one shared axis range</b>, so that the frames can be compared, and to measure how the
 * cloud of samples changes shape ({@link #shapes()}). Pass it to the trainer as a listener:
 *
 * <pre>{@code
 * var film = new SampleFilm(500);
 * var trainer = recipe.builder(ring).optListener(recipe.iterations() / 8, film).build();
 * trainer.fit(recipe.iterations());
 * film.filmStrip(4)
 * }</pre>
 *
 * <p>Each frame draws its samples as {@link GanPlots#samples(GanTrainer, int)} does (fakes first, then
 * real points), so a run with this listener draws the same samples as one with {@code new
 * Frames(t -> GanPlots.samples(t, n))}.
 */
public final class SampleFilm implements IterationListener {

    /** Neighbours per point for {@link Points2d#radialShare} in {@link #shapes()}. */
    public static final int NEIGHBOURS = 10;

    private final int samples;
    private final List<Long> iterations = new ArrayList<>();
    private final List<float[]> real = new ArrayList<>();
    private final List<float[]> fakes = new ArrayList<>();

    /**
     * Creates an empty film.
     *
     * @param samples how many fake and how many real points each frame keeps
     * @throws IllegalArgumentException if {@code samples} is not positive
     */
    public SampleFilm(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be positive, got " + samples);
        }
        this.samples = samples;
    }

    @Override
    public void onIteration(GanTrainer trainer, Iteration iteration) {
        add(trainer);
    }

    /**
     * Keeps a frame of the trainer's current state now (e.g. before training starts).
     *
     * @param trainer a trainer on 2-D data
     * @return this film
     * @throws IllegalArgumentException if the trainer's samples are not 2-D points
     */
    public SampleFilm add(GanTrainer trainer) {
        Shape shape = trainer.data().sampleShape();
        if (shape.dimension() != 1 || shape.get(0) != 2) {
            throw new IllegalArgumentException("a sample film needs 2-D points, got samples of shape " + shape);
        }
        NDArray fake = trainer.generate(samples);
        NDArray realPoints = trainer.realSamples(samples);
        fakes.add(fake.toFloatArray());
        real.add(realPoints.toFloatArray());
        fake.close();
        realPoints.close();
        iterations.add(trainer.iteration());
        return this;
    }

    /** Returns how many frames have been kept. */
    public int size() {
        return fakes.size();
    }

    /** Returns the iteration at which frame {@code i} was kept. */
    public long iteration(int i) {
        return iterations.get(i);
    }

    /** Returns G's samples of frame {@code i}, as x, y pairs (a copy). */
    public float[] fakes(int i) {
        return fakes.get(i).clone();
    }

    /** Returns the real samples of frame {@code i}, as x, y pairs (a copy). */
    public float[] real(int i) {
        return real.get(i).clone();
    }

    /**
     * Returns the half-width of the square every frame is drawn on: 5% more than the largest
     * coordinate, in size, of any point of any frame, so that every point of every frame shows.
     *
     * @return the extent
     * @throws IllegalStateException if there are no frames yet
     */
    public double extent() {
        requireFrames();
        double largest = 0;
        for (List<float[]> kind : List.of(fakes, real)) {
            for (float[] points : kind) {
                for (float v : points) {
                    if (Float.isFinite(v)) {
                        largest = Math.max(largest, Math.abs(v));
                    }
                }
            }
        }
        return largest > 0 ? 1.05 * largest : 1;
    }

    /**
     * Draws frame {@code i} on the shared square [−{@link #extent()}, {@link #extent()}]².
     *
     * @param i the frame
     * @return the picture
     */
    public BufferedImage frame(int i) {
        return Plots.scatter2d(real.get(i), fakes.get(i),
                "real vs generated after " + iterations.get(i) + " iterations", extent());
    }

    /**
     * Lays the frames out in rows of {@code columns}, every frame on the same axis range.
     *
     * @param columns frames per row
     * @return the strip
     * @throws IllegalStateException if there are no frames yet
     */
    public BufferedImage filmStrip(int columns) {
        requireFrames();
        List<BufferedImage> pictures = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            pictures.add(frame(i));
        }
        return Frames.strip(pictures, columns);
    }

    /**
     * One row per frame: the iteration, the spread of G's points' distances from the origin
     * ({@link Points2d#radiusSpread}: standard deviation over mean) and the share of G's points whose
     * neighbourhood runs towards the origin ({@link Points2d#radialShare}, {@value #NEIGHBOURS}
     * neighbours).
     *
     * @return the table
     * @throws IllegalStateException if there are no frames yet
     */
    public Table shapes() {
        requireFrames();
        IntColumn iteration = IntColumn.create("iteration");
        DoubleColumn spread = DoubleColumn.create("radius spread");
        DoubleColumn radial = DoubleColumn.create("radial share");
        for (int i = 0; i < size(); i++) {
            iteration.append(Math.toIntExact(iterations.get(i)));
            spread.append(Points2d.radiusSpread(fakes.get(i)));
            radial.append(Points2d.radialShare(fakes.get(i), NEIGHBOURS));
        }
        spread.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        radial.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        return Table.create("shape of G's points in each frame", iteration, spread, radial);
    }

    private void requireFrames() {
        if (fakes.isEmpty()) {
            throw new IllegalStateException("no frames yet: train with this listener first");
        }
    }
}

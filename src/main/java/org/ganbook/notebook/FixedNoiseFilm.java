package org.ganbook.notebook;

import ai.djl.ndarray.NDArray;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.ganbook.metrics.ImageClassifier;
import org.ganbook.metrics.ImageQuality;
import org.ganbook.metrics.Speckles;
import org.ganbook.plot.Plots;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Iteration;
import org.ganbook.train.IterationListener;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * G's output on the same fixed noise, kept at every call during training, so that a film strip can
 * show how G's mapping changes and a table can measure what the strip shows: how bright the border
 * and the centre of the frame are, how much of it is full-contrast static, how many bright pixels
 * stand alone (speckles), and, with a classifier, how far the images are from real digits. Pass it
 * to the trainer as a listener, e.g. once per epoch:
 *
 * <pre>{@code
 * var film = new FixedNoiseFilm(16).withQuality(classifier, realDigits);
 * var trainer = GanTrainer.builder(g, d)....optListener(stepsPerEpoch, film).build();
 * film.add(trainer);                 // frame 0, before training
 * trainer.fit(iterations);
 * film.strip(0, 1, 10, 50)           // the grids of frames 0, 1, 10 and 50
 * film.measures()                    // one row per frame
 * }</pre>
 *
 * <p>It keeps the pixels (16 MNIST images are 50 KB a frame) rather than pictures, because the
 * numbers of the table must come from the very images the strip shows.
 */
public final class FixedNoiseFilm implements IterationListener {

    /** Width of the frame's border band whose brightness {@link #measures()} reports, in pixels. */
    public static final int BORDER = 4;

    private final int shown;
    private ImageClassifier classifier;
    private float[] realForQuality;
    private int qualityImages;
    private final List<Frame> frames = new ArrayList<>();
    private long nanosDuringTraining;

    private record Frame(long iteration, double epochs, float[] images, ImageQuality quality) {}

    /**
     * A film of G's output on the trainer's first {@code shown} fixed noise vectors.
     *
     * @param shown images per frame, at least 1
     */
    public FixedNoiseFilm(int shown) {
        if (shown < 1) {
            throw new IllegalArgumentException("shown must be at least 1, got " + shown);
        }
        this.shown = shown;
    }

    /**
     * Also scores each frame through a classifier: as many fixed-noise images as there are real
     * images given, compared with them ({@link ImageQuality}: Fréchet distance and score).
     *
     * @param classifier a classifier trained on the real data
     * @param realImages real images, {@code N·784} pixels in [−1, 1], at least two
     * @return this film
     */
    public FixedNoiseFilm withQuality(ImageClassifier classifier, float[] realImages) {
        if (realImages == null || realImages.length < 2 * ImageClassifier.PIXELS
                || realImages.length % ImageClassifier.PIXELS != 0) {
            throw new IllegalArgumentException("need at least two whole 28×28 real images");
        }
        this.classifier = classifier;
        this.realForQuality = realImages.clone();
        this.qualityImages = realImages.length / ImageClassifier.PIXELS;
        return this;
    }

    @Override
    public void onIteration(GanTrainer trainer, Iteration iteration) {
        long start = System.nanoTime();
        add(trainer);
        nanosDuringTraining += System.nanoTime() - start;
    }

    /**
     * The wall-clock seconds this film spent recording frames while the trainer ran ({@code fit}
     * calls it as a listener, so its time is inside the history's {@code seconds}): subtract it to
     * time the training alone, e.g. {@code EpochTiming.of(history, size, film.secondsDuringTraining())}.
     */
    public double secondsDuringTraining() {
        return nanosDuringTraining / 1e9;
    }

    /** Records a frame of the trainer's current state now (e.g. before training starts). */
    public FixedNoiseFilm add(GanTrainer trainer) {
        if (trainer.isConditional()) {
            throw new IllegalArgumentException("a fixed-noise film is for an unconditional GAN");
        }
        int n = Math.max(shown, qualityImages);
        NDArray noise = trainer.fixedNoise(n);
        NDArray images = trainer.generate(noise);
        float[] all;
        try {
            all = images.toFloatArray();
        } finally {
            images.close();
            noise.close();
        }
        int size = all.length / n;
        float[] kept = java.util.Arrays.copyOf(all, shown * size);
        ImageQuality quality = classifier == null ? null
                : ImageQuality.of(classifier, realForQuality, java.util.Arrays.copyOf(all, qualityImages * size));
        double epochs = trainer.history().rowCount() == 0 ? 0
                : trainer.history().doubleColumn("epoch").get(trainer.history().rowCount() - 1);
        frames.add(new Frame(trainer.iteration(), epochs, kept, quality));
        return this;
    }

    /** How many frames have been recorded. */
    public int size() {
        return frames.size();
    }

    /** The pixels of one frame's images, image after image. */
    public float[] images(int frame) {
        return frames.get(checkFrame(frame)).images().clone();
    }

    /**
     * The grids of the chosen frames side by side, each titled with its epoch and iteration.
     *
     * @param chosen frame numbers (frame 0 is the first recorded)
     * @return the strip
     */
    public BufferedImage strip(int... chosen) {
        if (chosen == null || chosen.length == 0) {
            throw new IllegalArgumentException("choose at least one frame");
        }
        BufferedImage[] grids = new BufferedImage[chosen.length];
        int columns = (int) Math.ceil(Math.sqrt(shown));
        for (int k = 0; k < chosen.length; k++) {
            Frame f = frames.get(checkFrame(chosen[k]));
            grids[k] = Plots.titled(Plots.imageGrid(f.images(), shown, SIDE, SIDE, columns),
                    String.format(java.util.Locale.ROOT, "iteration %d (%.2f epochs)", f.iteration(), f.epochs()));
        }
        return Plots.titled(Plots.sideBySide(grids), "G's output on the same " + shown + " noise vectors");
    }

    private static final int SIDE = ImageClassifier.SIDE;

    /**
     * One row per frame: {@code frame}, {@code epoch}, {@code iteration}; {@code border} and
     * {@code centre}, the mean pixel value (−1 black, 1 white) of the outer {@value #BORDER}-pixel
     * band and of the central 14×14 pixels; {@code bright}, the share of pixels above 0 (grey);
     * {@code speckles}, the share of bright pixels that stand alone ({@link Speckles}); and with a
     * classifier {@code frechet} and {@code score} ({@link ImageQuality}).
     *
     * @return the table
     */
    public Table measures() {
        Table t = Table.create("fixed noise, frame by frame",
                IntColumn.create("frame"), DoubleColumn.create("epoch"), IntColumn.create("iteration"),
                DoubleColumn.create("border"), DoubleColumn.create("centre"), DoubleColumn.create("bright"),
                DoubleColumn.create("speckles"));
        if (classifier != null) {
            t.addColumns(DoubleColumn.create("frechet"), DoubleColumn.create("score"));
        }
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            t.intColumn("frame").append(i);
            t.doubleColumn("epoch").append(f.epochs());
            t.intColumn("iteration").append((int) f.iteration());
            t.doubleColumn("border").append(round(meanIn(f.images(), true)));
            t.doubleColumn("centre").append(round(meanIn(f.images(), false)));
            t.doubleColumn("bright").append(round(brightShare(f.images())));
            t.doubleColumn("speckles").append(round(Speckles.share(f.images(), SIDE, SIDE)));
            if (classifier != null) {
                t.doubleColumn("frechet").append(round(f.quality().frechetDistance()));
                t.doubleColumn("score").append(round(f.quality().score()));
            }
        }
        return t;
    }

    /** The mean pixel value of the border band (border = true) or of the central 14×14 pixels. */
    private static double meanIn(float[] images, boolean border) {
        int size = SIDE * SIDE;
        double sum = 0;
        long count = 0;
        for (int offset = 0; offset < images.length; offset += size) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean inBorder = y < BORDER || x < BORDER || y >= SIDE - BORDER || x >= SIDE - BORDER;
                    boolean inCentre = y >= 7 && y < 21 && x >= 7 && x < 21;
                    if (border ? inBorder : inCentre) {
                        sum += images[offset + y * SIDE + x];
                        count++;
                    }
                }
            }
        }
        return sum / count;
    }

    /** The share of all pixels that are bright (above 0). */
    private static double brightShare(float[] images) {
        long bright = 0;
        for (float v : images) {
            if (v > 0) {
                bright++;
            }
        }
        return (double) bright / images.length;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private int checkFrame(int frame) {
        if (frame < 0 || frame >= frames.size()) {
            throw new IllegalArgumentException("no frame " + frame + ": " + frames.size() + " recorded");
        }
        return frame;
    }
}

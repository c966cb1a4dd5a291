package org.ganbook.notebook;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ganbook.plot.Animations;
import org.ganbook.plot.Plots;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Iteration;
import org.ganbook.train.IterationListener;

/**
 * Collects pictures during training, for a film strip (a PNG that shows everywhere) or an animated
 * GIF. Pass it to the trainer as a listener:
 *
 * <pre>{@code
 * var frames = new Frames(t -> DecisionMap.of(t).extent(3).points(256).draw());
 * var trainer = GanTrainer.builder(g, d)....optListener(500, frames).build();
 * trainer.fit(3000);
 * frames.filmStrip(3)
 * }</pre>
 */
public final class Frames implements IterationListener {

    private final Function<GanTrainer, BufferedImage> painter;
    private final List<BufferedImage> frames = new ArrayList<>();

    /**
     * Creates an empty collection.
     *
     * @param painter draws one frame from the trainer's current state
     */
    public Frames(Function<GanTrainer, BufferedImage> painter) {
        this.painter = painter;
    }

    @Override
    public void onIteration(GanTrainer trainer, Iteration iteration) {
        add(trainer);
    }

    /** Draws a frame of the trainer's current state now (e.g. before training starts). */
    public Frames add(GanTrainer trainer) {
        frames.add(painter.apply(trainer));
        return this;
    }

    /** How many frames are drawn so far: what a notebook cell shows when it ends with {@link #add}. */
    @Override
    public String toString() {
        return "Frames: " + frames.size() + (frames.size() == 1 ? " frame" : " frames") + " drawn";
    }

    /** Returns the frames collected so far. */
    public List<BufferedImage> frames() {
        return List.copyOf(frames);
    }

    /**
     * Lays the frames out in rows of {@code columns}, scaled down so the strip stays readable.
     *
     * @param columns frames per row
     * @return the strip
     */
    public BufferedImage filmStrip(int columns) {
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frames yet: train with this listener first");
        }
        return strip(frames, columns);
    }

    /** Lays pictures out in rows of {@code columns}, top to bottom. */
    static BufferedImage strip(List<BufferedImage> frames, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        List<BufferedImage> rows = new ArrayList<>();
        for (int i = 0; i < frames.size(); i += columns) {
            List<BufferedImage> row = frames.subList(i, Math.min(frames.size(), i + columns));
            rows.add(Plots.sideBySide(row.toArray(BufferedImage[]::new)));
        }
        return rows.size() == 1 ? rows.get(0) : stack(rows);
    }

    private static BufferedImage stack(List<BufferedImage> rows) {
        int width = rows.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int height = rows.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        int y = 0;
        for (BufferedImage row : rows) {
            g.drawImage(row, 0, y, null);
            y += row.getHeight();
        }
        g.dispose();
        return out;
    }

    /**
     * Writes the frames as an animated GIF.
     *
     * @param file where
     * @param delayMillis time per frame
     * @return the file
     */
    public Path gif(Path file, int delayMillis) throws IOException {
        Animations.gif(frames, delayMillis, file);
        return file;
    }
}

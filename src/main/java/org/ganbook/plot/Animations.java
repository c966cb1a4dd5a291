package org.ganbook.plot;

import com.madgag.gif.fmsware.AnimatedGifEncoder;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.ganbook.io.AtomicFile;

/**
 * Animated GIFs of frames, for example the fixed-noise image grid or the 2-D map at regular steps
 * of training. The GIF loops forever. Frames of different sizes are centred on a white canvas as
 * large as the largest frame.
 */
public final class Animations {

    private Animations() {}

    /**
     * Writes the frames as an animated GIF, creating the parent directories if needed.
     *
     * @param frames the frames, in order
     * @param delayMillis time each frame is shown, in milliseconds (GIF resolution is 10 ms)
     * @param out the GIF file to write
     * @throws IllegalArgumentException if there are no frames, a frame is null, the delay is
     *     negative or the path is null
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void gif(List<BufferedImage> frames, int delayMillis, Path out) {
        if (out == null) {
            throw new IllegalArgumentException("output path is null");
        }
        byte[] bytes = gifBytes(frames, delayMillis);
        try {
            AtomicFile.write(out, stream -> stream.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    /**
     * Encodes the frames as an animated GIF in memory, for example to show it inline in a notebook
     * as {@code image/gif} or to embed it as a data URL.
     *
     * @param frames the frames, in order
     * @param delayMillis time each frame is shown, in milliseconds
     * @return the GIF file's bytes
     * @throws IllegalArgumentException if there are no frames, a frame is null or the delay is
     *     negative
     */
    public static byte[] gifBytes(List<BufferedImage> frames, int delayMillis) {
        if (frames == null || frames.isEmpty()) {
            throw new IllegalArgumentException("no frames given");
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must not be negative, got " + delayMillis);
        }
        int w = 0;
        int h = 0;
        for (int i = 0; i < frames.size(); i++) {
            BufferedImage f = frames.get(i);
            if (f == null) {
                throw new IllegalArgumentException("frame " + i + " is null");
            }
            w = Math.max(w, f.getWidth());
            h = Math.max(h, f.getHeight());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AnimatedGifEncoder enc = new AnimatedGifEncoder();
        enc.start(bytes);
        enc.setRepeat(0);
        enc.setDelay(delayMillis);
        enc.setSize(w, h);
        enc.setQuality(5);
        for (BufferedImage f : frames) {
            if (!enc.addFrame(onCanvas(f, w, h))) {
                throw new IllegalStateException("the GIF encoder rejected a frame");
            }
        }
        enc.finish();
        return bytes.toByteArray();
    }

    /** The frame as a 3-byte BGR image of the given size, centred on white. */
    private static BufferedImage onCanvas(BufferedImage f, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(f, (w - f.getWidth()) / 2, (h - f.getHeight()) / 2, null);
        g.dispose();
        return out;
    }
}

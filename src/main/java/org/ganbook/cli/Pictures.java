package org.ganbook.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.ganbook.io.AtomicFile;
import org.ganbook.plot.Plots;

/**
 * Writes the command line's PNG files: encoded in memory, then written with java.nio, so that a
 * place that cannot be written gives one clear error naming the file (ImageIO would print its own
 * stack trace for a directory or a read-only place).
 */
final class Pictures {

    private Pictures() {}

    /**
     * Writes {@code image} as a PNG file, creating its directory if needed.
     *
     * @throws IOException naming the file and the reason if it cannot be written
     */
    static void write(BufferedImage image, Path file) throws IOException {
        byte[] png = Plots.pngBytes(image);
        try {
            AtomicFile.write(file, out -> out.write(png));
        } catch (IOException e) {
            throw new IOException("cannot write " + file + " (" + GanbookCli.reason(e) + ")", e);
        }
    }
}

package org.ganbook.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers only ever see the old content or the whole new content: the bytes go
 * to a temporary file beside the target, are forced to disk, and the temporary file is renamed over
 * the target. A crash or a full disk in the middle leaves the previous file as it was.
 */
public final class AtomicFile {

    /** What writes the file's content. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param out the stream to write to (buffered; do not close it)
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {}

    /**
     * Writes {@code file} atomically; creates its folder if needed.
     *
     * @param file the target
     * @param content what to write
     * @throws IOException if writing fails or the target is a directory; the target is then unchanged and no
     *     temporary file is left
     */
    public static void write(Path file, Content content) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException(absolute + " is a directory");
        }
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        // created like any other file (its mode from the umask), not owner-only as Files.createTempFile makes it
        Path temporary = Files.createFile(
                directory.resolve(absolute.getFileName() + "." + UUID.randomUUID() + ".partial"));
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}

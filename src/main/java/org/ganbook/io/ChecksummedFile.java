package org.ganbook.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * A file frame that tells a damaged file from a good one: a line naming the kind of file, the body,
 * and a CRC-32C of the kind and the body. Written {@linkplain AtomicFile atomically}.
 *
 * <pre>
 * kind + '\n' | body | CRC-32C (8 bytes, big-endian)
 * </pre>
 */
public final class ChecksummedFile {

    private static final int CHECKSUM_BYTES = Long.BYTES;

    private ChecksummedFile() {}

    /**
     * Writes {@code body} framed as {@code kind}, atomically.
     *
     * @param file the target
     * @param kind a short name of the file's kind, e.g. "ganbook checkpoint 2"; no line breaks
     * @param body the content
     * @throws IOException if writing fails (the previous file is then unchanged)
     */
    public static void write(Path file, String kind, byte[] body) throws IOException {
        write(file, kind, out -> out.write(body));
    }

    /**
     * Writes the content {@code body} produces, framed as {@code kind}, atomically; the content streams
     * to disk as it is produced, and an exception from {@code body} leaves the previous file as it was.
     *
     * @param file the target
     * @param kind a short name of the file's kind; no line breaks
     * @param body writes the content
     * @throws IOException if writing fails (the previous file is then unchanged)
     */
    public static void write(Path file, String kind, AtomicFile.Content body) throws IOException {
        byte[] header = header(kind);
        AtomicFile.write(file, out -> {
            out.write(header);
            CRC32C crc = new CRC32C();
            crc.update(header);
            CheckedOutputStream checked = new CheckedOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    // the frame's stream stays open for the checksum
                }
            }, crc);
            body.writeTo(checked);
            checked.flush();
            out.write(ByteBuffer.allocate(CHECKSUM_BYTES).putLong(crc.getValue()).array());
        });
    }

    /**
     * Reads a file written by {@link #write} and returns its body.
     *
     * @param file the file
     * @param kind the kind it must be
     * @return the body
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws CorruptedFileException if it is of another kind, truncated or damaged
     * @throws IOException if it cannot be read
     */
    public static byte[] read(Path file, String kind) throws IOException {
        byte[] header = header(kind);
        byte[] all = Files.readAllBytes(file);
        if (all.length < header.length || !Arrays.equals(Arrays.copyOf(all, header.length), header)) {
            throw new CorruptedFileException(file, "it is not a " + kind + " file");
        }
        if (all.length < header.length + CHECKSUM_BYTES) {
            throw new CorruptedFileException(file, "it is truncated");
        }
        byte[] body = Arrays.copyOfRange(all, header.length, all.length - CHECKSUM_BYTES);
        long stored = ByteBuffer.wrap(all, all.length - CHECKSUM_BYTES, CHECKSUM_BYTES).getLong();
        if (stored != checksum(header, body, body.length)) {
            throw new CorruptedFileException(file, "it is corrupted or truncated (checksum mismatch)");
        }
        return body;
    }

    private static byte[] header(String kind) {
        if (kind.isEmpty() || kind.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a file kind is one non-empty line, got \"" + kind + "\"");
        }
        return (kind + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static long checksum(byte[] header, byte[] body, int length) {
        CRC32C crc = new CRC32C();
        crc.update(header);
        crc.update(body, 0, length);
        return crc.getValue();
    }
}

package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header alone, read from a raw or gzipped file, and a gzipped payload read only as far as the header says. */
class IdxHeaderTest {

    @TempDir
    Path dir;

    @Test
    void theHeaderIsReadWithoutThePayloadFromRawAndGzippedFiles() throws IOException {
        byte[] header = ByteBuffer.allocate(16).putInt(0x803).putInt(60_000).putInt(64).putInt(64).array();
        Path raw = Files.write(dir.resolve("raw"), header);
        Path gzipped = Files.write(dir.resolve("gzipped"), gzip(header, 0));
        assertArrayEquals(new int[] {60_000, 64, 64}, IdxReader.readImageHeader(raw));
        assertArrayEquals(new int[] {60_000, 64, 64}, IdxReader.readImageHeader(gzipped));
        byte[] side = ByteBuffer.allocate(16).putInt(0x803).putInt(1).putInt(5000).putInt(5000).array();
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> IdxReader.readImageHeader(Files.write(dir.resolve("wide"), side)));
        assertTrue(e.getMessage().contains("implausible image size 5000×5000"), e.getMessage());
    }

    @Test
    void aGzippedFileWithFarMoreDataThanItsHeaderSaysStopsEarly() throws IOException {
        byte[] small = ByteBuffer.allocate(16 + 64).putInt(0x803).putInt(1).putInt(8).putInt(8).array();
        Path file = Files.write(dir.resolve("bomb.gz"), gzip(small, 64 << 20)); // 64 MiB of zeros after
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("trailing bytes") && e.getMessage().contains("found at least"),
                e.getMessage());
    }

    private static byte[] gzip(byte[] content, int zeros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
            byte[] block = new byte[1 << 16];
            for (int written = 0; written < zeros; written += block.length) {
                out.write(block);
            }
        }
        return bytes.toByteArray();
    }
}

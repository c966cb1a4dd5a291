package org.ganbook.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX file contents for tests. */
final class IdxBytes {

    private IdxBytes() {}

    static byte[] images(int count, int rows, int cols, byte[] pixels) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + pixels.length);
        buffer.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols).put(pixels);
        return buffer.array();
    }

    static byte[] labels(int[] labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(0x00000801).putInt(labels.length);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    /** Returns images whose pixel p of image i is (7i + p) mod 256. */
    static byte[] patternPixels(int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                pixels[i * rows * cols + p] = (byte) (7 * i + p);
            }
        }
        return pixels;
    }

    static byte[] gzip(byte[] content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(content);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}

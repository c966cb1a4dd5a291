package org.ganbook.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX data sets for the command-line tests. */
final class Idx {

    private Idx() {}

    /** Image bytes: a bright square whose position depends on the class, on a dark background. */
    static byte[] images(int count, int side, int[] labels) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * side * side);
        buffer.putInt(0x803).putInt(count).putInt(side).putInt(side);
        for (int i = 0; i < count; i++) {
            int label = labels == null ? i % 4 : labels[i];
            int offset = (label * 3) % Math.max(1, side - side / 2);
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    boolean inside = r >= offset && r < offset + side / 2 && c >= offset && c < offset + side / 2;
                    buffer.put((byte) (inside ? 230 - (i % 7) : 10 + (r + c) % 5));
                }
            }
        }
        return buffer.array();
    }

    static byte[] labels(int[] labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(0x801).putInt(labels.length);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    static int[] cycle(int count, int classes) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
        }
        return labels;
    }

    /** Writes train-images-idx3-ubyte (and the labels file when {@code classes > 0}) into {@code dir}. */
    static Path directory(Path dir, int count, int side, int classes) throws IOException {
        Files.createDirectories(dir);
        int[] labels = classes > 0 ? cycle(count, classes) : null;
        Files.write(dir.resolve("train-images-idx3-ubyte"), images(count, side, labels));
        if (labels != null) {
            Files.write(dir.resolve("train-labels-idx1-ubyte"), labels(labels));
        }
        return dir;
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}

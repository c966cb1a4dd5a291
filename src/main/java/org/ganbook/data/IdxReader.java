package org.ganbook.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files in the MNIST layout, raw or gzipped: images (magic number {@code 0x00000803},
 * dimensions n, rows, cols, then n·rows·cols unsigned bytes) and labels ({@code 0x00000801},
 * dimension n, then n unsigned bytes). Dimensions are big-endian 32-bit integers.
 *
 * <p>A gzipped file is recognised by its first two bytes ({@code 1f 8b}), whatever its name. The
 * reader trusts nothing in the header: it checks the magic number, the data type, the number of
 * dimensions, that each dimension is positive and plausible, and that the payload is exactly as long
 * as the header says. It never allocates more than the data actually present. Every problem is a
 * {@link DatasetFormatException} whose message names the file and the exact problem.
 */
public final class IdxReader {

    /** The largest payload accepted, in bytes (1 GiB); MNIST's training images take 47 MB. */
    public static final long MAX_PAYLOAD_BYTES = 1L << 30;

    /** The largest image side accepted, in pixels. */
    public static final int MAX_IMAGE_SIDE = 4096;

    /** The largest file accepted, in bytes: the largest payload plus a header. */
    public static final long MAX_FILE_BYTES = MAX_PAYLOAD_BYTES + 64;

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int IMAGE_DIMENSIONS = 3;
    private static final int LABEL_DIMENSIONS = 1;
    private static final int FIRST_BUFFER_BYTES = 1 << 20;
    private static final long MAX_TRAILING_BYTES_COUNTED = 1 << 20;

    private IdxReader() {}

    /**
     * Reads an IDX images file (raw or gzipped).
     *
     * @param file the file
     * @return the images
     * @throws DatasetFormatException if the content is not a valid IDX images file
     * @throws DatasetNotFoundException if the file does not exist
     * @throws DatasetException if the file cannot be read
     */
    public static ImageBytes readImages(Path file) {
        Parsed parsed = readStreaming(file, IMAGE_DIMENSIONS);
        int[] dims = parsed.dims;
        return new ImageBytes(dims[0], dims[1], dims[2], parsed.payload);
    }

    /**
     * Reads only the header of an IDX images file (raw or gzipped), checked as {@link #readImages}
     * checks it, so that a caller can estimate the memory the images need before reading them.
     *
     * @param file the file
     * @return the number of images, rows and cols
     * @throws DatasetFormatException if the header is not a valid IDX images header
     * @throws DatasetNotFoundException if the file does not exist
     * @throws DatasetException if the file cannot be read
     */
    public static int[] readImageHeader(Path file) {
        String source = file.toString();
        try (InputStream in = open(file)) {
            int[] dims = header(in, source, in instanceof GZIPInputStream ? "decompressed content" : "file",
                    IMAGE_DIMENSIONS);
            checkDimensions(source, dims);
            return dims;
        } catch (NoSuchFileException e) {
            throw new DatasetNotFoundException("no such file: " + file, List.of(file.toString()));
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DatasetFormatException(source, "corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e, e);
        }
    }

    /** Opens a file, decompressing it on the fly if it starts with the gzip magic bytes. */
    private static InputStream open(Path file) throws IOException {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            return first == 0x1F && second == 0x8B ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads a file as a stream: a gzipped file is decompressed on the fly, never held whole, and
     * reading stops at the payload the header announces (plus a bounded look for trailing bytes).
     */
    private static Parsed readStreaming(Path file, int expectedDimensions) {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new DatasetFormatException(source, String.format(Locale.ROOT,
                        "file is %d bytes, more than the %d-byte limit", size, MAX_FILE_BYTES));
            }
            try (InputStream in = open(file)) {
                boolean gzip = in instanceof GZIPInputStream;
                return parse(in, gzip ? -1 : size, gzip, source, expectedDimensions);
            }
        } catch (NoSuchFileException e) {
            throw new DatasetNotFoundException("no such file: " + file, List.of(file.toString()));
        } catch (DatasetException e) {
            throw e;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DatasetFormatException(source, "corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e, e);
        }
    }

    /**
     * Reads an IDX labels file (raw or gzipped).
     *
     * @param file the file
     * @return the labels, each 0..255
     * @throws DatasetFormatException if the content is not a valid IDX labels file
     * @throws DatasetNotFoundException if the file does not exist
     * @throws DatasetException if the file cannot be read
     */
    public static int[] readLabels(Path file) {
        return labels(readStreaming(file, LABEL_DIMENSIONS).payload);
    }

    /**
     * Parses the content of an IDX images file (raw or gzipped) held in memory.
     *
     * @param content the bytes of the file
     * @param source the name to use in error messages, usually the file name
     * @return the images
     * @throws DatasetFormatException if the content is not a valid IDX images file
     */
    public static ImageBytes parseImages(byte[] content, String source) {
        Parsed parsed = parse(content, source, IMAGE_DIMENSIONS);
        int[] dims = parsed.dims;
        return new ImageBytes(dims[0], dims[1], dims[2], parsed.payload);
    }

    /**
     * Parses the content of an IDX labels file (raw or gzipped) held in memory.
     *
     * @param content the bytes of the file
     * @param source the name to use in error messages, usually the file name
     * @return the labels, each 0..255
     * @throws DatasetFormatException if the content is not a valid IDX labels file
     */
    public static int[] parseLabels(byte[] content, String source) {
        return labels(parse(content, source, LABEL_DIMENSIONS).payload);
    }

    private static int[] labels(byte[] payload) {
        int[] labels = new int[payload.length];
        for (int i = 0; i < payload.length; i++) {
            labels[i] = Byte.toUnsignedInt(payload[i]);
        }
        return labels;
    }

    /** Returns whether {@code content} starts with the gzip magic bytes {@code 1f 8b}. */
    static boolean isGzip(byte[] content) {
        return content.length >= 2 && (content[0] & 0xFF) == 0x1F && (content[1] & 0xFF) == 0x8B;
    }

    static byte[] readFile(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new DatasetFormatException(file.toString(), String.format(Locale.ROOT,
                        "file is %d bytes, more than the %d-byte limit", size, MAX_FILE_BYTES));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetNotFoundException("no such file: " + file, List.of(file.toString()));
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e, e);
        }
    }

    private record Parsed(int[] dims, byte[] payload) {}

    private static Parsed parse(byte[] content, String source, int expectedDimensions) {
        boolean gzip = isGzip(content);
        try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(content))
                : new ByteArrayInputStream(content)) {
            return parse(in, gzip ? -1 : content.length, gzip, source, expectedDimensions);
        } catch (IOException e) {
            // Reading from memory cannot fail, so this is the gzip layer rejecting its input.
            throw new DatasetFormatException(source, "corrupt gzip data: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a stream: the header, checked against {@code rawLength} (the file's length, or -1 for
     * decompressed content) before anything is allocated, then exactly the payload it announces.
     */
    private static Parsed parse(InputStream in, long rawLength, boolean gzip, String source, int expectedDimensions)
            throws IOException {
        int[] dims = header(in, source, gzip ? "decompressed content" : "file", expectedDimensions);
        long payloadBytes = checkDimensions(source, dims);
        int headerBytes = 4 + 4 * expectedDimensions;
        if (rawLength >= 0 && rawLength - headerBytes != payloadBytes) {
            throw new DatasetFormatException(source, payloadMismatch(dims, payloadBytes, rawLength - headerBytes));
        }
        return new Parsed(dims, readPayload(in, source, dims, (int) payloadBytes));
    }

    /** Reads and checks the magic number and the dimensions. */
    private static int[] header(InputStream in, String source, String what, int expectedDimensions)
            throws IOException {
        {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4) {
                throw new DatasetFormatException(source, String.format(Locale.ROOT,
                        "too short: %s is %d bytes, an IDX file starts with a 4-byte magic number",
                        what, magic.length));
            }
            checkMagic(source, magic, expectedDimensions);
            byte[] dimensionBytes = in.readNBytes(4 * expectedDimensions);
            if (dimensionBytes.length < 4 * expectedDimensions) {
                throw new DatasetFormatException(source, String.format(Locale.ROOT,
                        "truncated header: expected %d bytes of dimensions after the magic number, found %d",
                        4 * expectedDimensions, dimensionBytes.length));
            }
            int[] dims = new int[expectedDimensions];
            for (int i = 0; i < expectedDimensions; i++) {
                dims[i] = ((dimensionBytes[4 * i] & 0xFF) << 24) | ((dimensionBytes[4 * i + 1] & 0xFF) << 16)
                        | ((dimensionBytes[4 * i + 2] & 0xFF) << 8) | (dimensionBytes[4 * i + 3] & 0xFF);
            }
            return dims;
        }
    }

    private static void checkMagic(String source, byte[] magic, int expectedDimensions) {
        int value = ((magic[0] & 0xFF) << 24) | ((magic[1] & 0xFF) << 16) | ((magic[2] & 0xFF) << 8)
                | (magic[3] & 0xFF);
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDimensions;
        String kind = expectedDimensions == IMAGE_DIMENSIONS ? "images" : "labels";
        if (magic[0] != 0 || magic[1] != 0) {
            String hint = (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B ? " (gzipped twice?)" : "";
            throw new DatasetFormatException(source, String.format(Locale.ROOT,
                    "bad magic number 0x%08X: not an IDX file%s (IDX %s start with 0x%08X)",
                    value, hint, kind, expectedMagic));
        }
        int dataType = magic[2] & 0xFF;
        if (dataType != UNSIGNED_BYTE) {
            throw new DatasetFormatException(source, String.format(Locale.ROOT,
                    "wrong data type 0x%02X (%s) in magic number 0x%08X: only 0x08 (unsigned byte) is supported",
                    dataType, dataTypeName(dataType), value));
        }
        int dimensions = magic[3] & 0xFF;
        if (dimensions != expectedDimensions) {
            String hint = dimensions == LABEL_DIMENSIONS ? " (is this a labels file?)"
                    : dimensions == IMAGE_DIMENSIONS ? " (is this an images file?)" : "";
            throw new DatasetFormatException(source, String.format(Locale.ROOT,
                    "wrong number of dimensions: magic number 0x%08X says %d, %s need %d%s",
                    value, dimensions, kind, expectedDimensions, hint));
        }
    }

    private static String dataTypeName(int dataType) {
        return switch (dataType) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "not an IDX data type";
        };
    }

    /** Checks each dimension and returns the payload size in bytes. */
    private static long checkDimensions(String source, int[] dims) {
        String[] names = dims.length == IMAGE_DIMENSIONS
                ? new String[] {"number of images", "rows", "cols"} : new String[] {"number of labels"};
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] <= 0) {
                throw new DatasetFormatException(source, String.format(Locale.ROOT,
                        "dimension %d (%s) is %d: must be positive", i, names[i], dims[i]));
            }
        }
        if (dims.length == IMAGE_DIMENSIONS && (dims[1] > MAX_IMAGE_SIDE || dims[2] > MAX_IMAGE_SIDE)) {
            throw new DatasetFormatException(source, String.format(Locale.ROOT,
                    "implausible image size %d×%d: at most %d pixels a side", dims[1], dims[2], MAX_IMAGE_SIDE));
        }
        long total = 1;
        for (int dim : dims) {
            total *= dim; // at most 2^31 · 2^12 · 2^12 = 2^55: no overflow
        }
        if (total > MAX_PAYLOAD_BYTES) {
            throw new DatasetFormatException(source, String.format(Locale.ROOT,
                    "implausible size: header says %s = %d bytes, more than the %d-byte limit",
                    product(dims), total, MAX_PAYLOAD_BYTES));
        }
        return total;
    }

    private static String product(int[] dims) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            text.append(i == 0 ? "" : "×").append(dims[i]);
        }
        return text.toString();
    }

    private static String payloadMismatch(int[] dims, long expected, long found) {
        String said = dims.length == IMAGE_DIMENSIONS
                ? String.format(Locale.ROOT, "%s = %d bytes of pixels", product(dims), expected)
                : String.format(Locale.ROOT, "%d labels (%d bytes)", dims[0], expected);
        if (found < expected) {
            return String.format(Locale.ROOT, "truncated: header says %s, found %d", said, found);
        }
        return String.format(Locale.ROOT, "trailing bytes: header says %s, found %d (%d too many)",
                said, found, found - expected);
    }

    /** Reads exactly {@code expected} bytes, growing the buffer only as data arrives. */
    private static byte[] readPayload(InputStream in, String source, int[] dims, int expected)
            throws IOException {
        byte[] buffer = new byte[Math.min(expected, FIRST_BUFFER_BYTES)];
        int filled = 0;
        while (filled < expected) {
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(expected, 2L * buffer.length));
            }
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                throw new DatasetFormatException(source, payloadMismatch(dims, expected, filled));
            }
            filled += n;
        }
        if (in.read() >= 0) {
            long extra = 1 + in.skip(MAX_TRAILING_BYTES_COUNTED);
            String found = extra > MAX_TRAILING_BYTES_COUNTED
                    ? payloadMismatch(dims, expected, expected + extra).replace("found ", "found at least ")
                    : payloadMismatch(dims, expected, expected + extra);
            throw new DatasetFormatException(source, found);
        }
        return buffer;
    }
}

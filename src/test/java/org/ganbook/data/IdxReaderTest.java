package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path folder;

    private static final String IMAGES = "t10k-images-idx3-ubyte";

    @Test
    void rawImagesRoundTrip() throws IOException {
        byte[] pixels = IdxBytes.patternPixels(5, 3, 4);
        Path file = Files.write(folder.resolve(IMAGES), IdxBytes.images(5, 3, 4, pixels));

        ImageBytes images = IdxReader.readImages(file);

        assertEquals(5, images.count());
        assertEquals(3, images.rows());
        assertEquals(4, images.cols());
        assertArrayEquals(pixels, images.pixels());
        assertEquals((7 * 2 + 1 * 4 + 3) % 256, images.pixel(2, 1, 3));
    }

    @Test
    void gzippedImagesAreDetectedByContentNotName() throws IOException {
        byte[] pixels = IdxBytes.patternPixels(6, 28, 28);
        // No .gz in the name: the reader must look at the magic bytes.
        Path file = Files.write(folder.resolve("images.bin"), IdxBytes.gzip(IdxBytes.images(6, 28, 28, pixels)));

        ImageBytes images = IdxReader.readImages(file);

        assertEquals(6, images.count());
        assertArrayEquals(pixels, images.pixels());
    }

    @Test
    void rawFileNamedGzIsStillRead() throws IOException {
        byte[] pixels = IdxBytes.patternPixels(2, 2, 2);
        Path file = Files.write(folder.resolve(IMAGES + ".gz"), IdxBytes.images(2, 2, 2, pixels));
        assertArrayEquals(pixels, IdxReader.readImages(file).pixels());
    }

    @Test
    void labelsRoundTripRawAndGzipped() throws IOException {
        int[] labels = {0, 9, 3, 255, 7};
        Path raw = Files.write(folder.resolve("labels"), IdxBytes.labels(labels));
        Path gzipped = Files.write(folder.resolve("labels.gz"), IdxBytes.gzip(IdxBytes.labels(labels)));
        assertArrayEquals(labels, IdxReader.readLabels(raw));
        assertArrayEquals(labels, IdxReader.readLabels(gzipped));
    }

    @Test
    void badMagicIsRejected() throws IOException {
        byte[] content = IdxBytes.images(1, 2, 2, new byte[4]);
        content[0] = 0x12;
        DatasetFormatException e = rejectImages(content);
        assertMessage(e, "bad magic number 0x12000803");
    }

    @Test
    void doublyGzippedFileGetsAHint() throws IOException {
        byte[] content = IdxBytes.gzip(IdxBytes.gzip(IdxBytes.images(1, 2, 2, new byte[4])));
        assertMessage(rejectImages(content), "gzipped twice");
    }

    @Test
    void wrongDataTypeIsRejected() throws IOException {
        byte[] content = IdxBytes.images(1, 2, 2, new byte[4]);
        content[2] = 0x0D;
        assertMessage(rejectImages(content), "wrong data type 0x0D (float)");
    }

    @Test
    void wrongNumberOfDimensionsIsRejected() throws IOException {
        byte[] labels = IdxBytes.labels(new int[] {1, 2, 3});
        DatasetFormatException e = rejectImages(labels);
        assertMessage(e, "wrong number of dimensions");
        assertMessage(e, "is this a labels file?");

        Path file = Files.write(folder.resolve("train-labels-idx1-ubyte"), IdxBytes.images(1, 2, 2, new byte[4]));
        DatasetFormatException other = assertThrows(DatasetFormatException.class, () -> IdxReader.readLabels(file));
        assertTrue(other.getMessage().startsWith(file.toString() + ": wrong number of dimensions"), other.getMessage());
    }

    @Test
    void truncatedPayloadIsRejectedWithTheExactCounts() throws IOException {
        byte[] full = IdxBytes.images(10, 28, 28, new byte[10 * 28 * 28]);
        byte[] truncated = Arrays.copyOf(full, 16 + 1234);
        assertMessage(rejectImages(truncated), "truncated: header says 10×28×28 = 7840 bytes of pixels, found 1234");
        assertMessage(rejectImages(IdxBytes.gzip(truncated)),
                "truncated: header says 10×28×28 = 7840 bytes of pixels, found 1234");
    }

    @Test
    void truncatedGzipStreamIsRejected() throws IOException {
        byte[] gzipped = IdxBytes.gzip(IdxBytes.images(10, 28, 28, IdxBytes.patternPixels(10, 28, 28)));
        DatasetFormatException e = rejectImages(Arrays.copyOf(gzipped, gzipped.length / 2));
        assertTrue(e.problem().contains("corrupt gzip data") || e.problem().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsRejected() throws IOException {
        byte[] content = Arrays.copyOf(IdxBytes.images(1, 2, 2, new byte[4]), 9);
        assertMessage(rejectImages(content), "truncated header: expected 12 bytes of dimensions");
        assertMessage(rejectImages(new byte[] {0, 0}), "too short");
        assertMessage(rejectImages(new byte[0]), "too short");
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] content = IdxBytes.concat(IdxBytes.images(2, 2, 2, new byte[8]), new byte[3]);
        assertMessage(rejectImages(content), "trailing bytes: header says 2×2×2 = 8 bytes of pixels, found 11 (3 too many)");
        assertMessage(rejectImages(IdxBytes.gzip(content)), "trailing bytes: header says 2×2×2 = 8 bytes of pixels");
        Path labels = Files.write(folder.resolve("labels"), IdxBytes.concat(IdxBytes.labels(new int[] {1, 2}), new byte[1]));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.readLabels(labels));
        assertMessage(e, "trailing bytes: header says 2 labels (2 bytes), found 3");
    }

    @Test
    void absurdHeaderSizesAreRejectedBeforeAllocating() throws IOException {
        byte[] huge = ByteBuffer.allocate(16).putInt(0x803).putInt(Integer.MAX_VALUE).putInt(4096).putInt(4096).array();
        assertMessage(rejectImages(huge), "implausible size: header says 2147483647×4096×4096");
        assertMessage(rejectImages(IdxBytes.gzip(huge)), "implausible size");

        byte[] wide = ByteBuffer.allocate(16).putInt(0x803).putInt(1).putInt(100_000).putInt(28).array();
        assertMessage(rejectImages(wide), "implausible image size 100000×28");

        byte[] negative = ByteBuffer.allocate(16).putInt(0x803).putInt(-5).putInt(28).putInt(28).array();
        assertMessage(rejectImages(negative), "dimension 0 (number of images) is -5: must be positive");

        byte[] zeroRows = ByteBuffer.allocate(16).putInt(0x803).putInt(1).putInt(0).putInt(28).array();
        assertMessage(rejectImages(zeroRows), "dimension 1 (rows) is 0");

        // Plausible header, tiny file: rejected by the length check, nothing big allocated.
        byte[] claimsALot = ByteBuffer.allocate(16).putInt(0x803).putInt(1_000_000).putInt(28).putInt(28).array();
        assertMessage(rejectImages(claimsALot), "truncated: header says 1000000×28×28 = 784000000 bytes of pixels, found 0");
        assertMessage(rejectImages(IdxBytes.gzip(claimsALot)), "found 0");
    }

    @Test
    void missingFileIsNotFound() {
        Path missing = folder.resolve("nothing-here");
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> IdxReader.readImages(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    private DatasetFormatException rejectImages(byte[] content) throws IOException {
        Path file = Files.write(folder.resolve(IMAGES + ".gz"), content);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().startsWith(file + ": "), "message must start with the file: " + e.getMessage());
        assertEquals(file.toString(), e.source());
        return e;
    }

    private static void assertMessage(DatasetFormatException e, String expected) {
        assertTrue(e.getMessage().contains(expected), "expected «" + expected + "» in «" + e.getMessage() + "»");
    }
}

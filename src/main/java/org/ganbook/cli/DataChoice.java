package org.ganbook.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ganbook.data.SampleBatch;
import org.ganbook.data.BatchStream;
import org.ganbook.data.DataSource;
import org.ganbook.data.DatasetNotFoundException;
import org.ganbook.data.Datasets;
import org.ganbook.data.ImageDataset;
import org.ganbook.data.MappedData;
import org.ganbook.data.Similarity2d;
import org.ganbook.data.Toys;

/** Turns the {@code --data} value into a data source, and checks that data fits a run. */
final class DataChoice {

    private DataChoice() {}

    /** The 2-D toy data generated in code (no files, no --limit, no --data-dir). */
    static final java.util.List<String> GENERATED = java.util.List.of("ring", "grid", "spiral-arm", "spiral-arm-turned");

    /** Notebook 10's hidden truth T: spiral-arm-turned is the spiral arm turned by 60°, scaled by 1.2 and shifted. */
    static final Similarity2d SPIRAL_TURN = new Similarity2d(60, 1.2, 1, 0.5);

    /** Returns whether the named data is generated in code. */
    static boolean generated(String data) {
        return GENERATED.contains(data);
    }

    /**
     * Records the data named on the command line in {@code config}: a known name, or else a
     * directory of IDX files.
     *
     * @param config where to record it
     * @param value the value of {@code --data}
     * @param dataDir the value of {@code --data-dir}, or null
     * @throws UserException if the value is neither a known name nor a directory
     */
    static void choose(RunConfig config, String value, Path dataDir) {
        String[] choice = pick("--data", value, dataDir);
        config.data = choice[0];
        config.dataPath = choice[1];
    }

    /** Records domain Y of a CycleGAN, given as {@code --data-y}, like {@link #choose}. */
    static void chooseY(RunConfig config, String value, Path dataDir) {
        String[] choice = pick("--data-y", value, dataDir);
        config.dataY = choice[0];
        config.dataYPath = choice[1];
    }

    /** Returns the data kind and its path (or null) for the value of {@code option}. */
    private static String[] pick(String option, String value, Path dataDir) {
        if (RunConfig.NAMED_DATA.contains(value)) {
            if (dataDir != null && generated(value)) {
                throw new UserException("--data-dir is for mnist and fashion-mnist; " + value + " is generated in code");
            }
            return new String[] {value, dataDir == null ? null : dataDir.toAbsolutePath().normalize().toString()};
        }
        if (dataDir != null) {
            throw new UserException("--data-dir is for mnist and fashion-mnist; for a directory of IDX files pass"
                    + " it as " + option + " DIR");
        }
        Path path = Path.of(value);
        if (Files.isRegularFile(path)) {
            throw new UserException(option + " " + value + " is a file; pass the directory that holds"
                    + " train-images-idx3-ubyte[.gz]");
        }
        if (!Files.isDirectory(path)) {
            throw new UserException("unknown data '" + value + "': use one of " + String.join(", ",
                    RunConfig.NAMED_DATA) + ", or a directory of IDX files (no such directory)");
        }
        return new String[] {RunConfig.IDX, path.toAbsolutePath().normalize().toString()};
    }

    /**
     * A run's data: domain X (the only one of a GAN) and, for a CycleGAN, domain Y.
     *
     * @param x the GAN's data, or CycleGAN's X
     * @param y CycleGAN's Y, or null
     */
    record Domains(DataSource x, DataSource y) {}

    /**
     * Loads the data a configuration names.
     *
     * @param config the configuration
     * @return the data source (X for a CycleGAN), limited to {@code config.limit} images if set
     * @throws UserException if the data cannot be found
     * @throws org.ganbook.data.DatasetFormatException if a file is malformed
     */
    static DataSource load(RunConfig config) {
        return loadDomains(config).x();
    }

    /**
     * Loads the run's data: for a CycleGAN both domains, checked to have samples of one shape. When X and Y
     * read the same images (mnist and inverted-mnist, say), X takes the first half and Y the second, so that
     * no image is in both.
     *
     * @throws UserException if the data cannot be found or the domains do not fit together
     */
    static Domains loadDomains(RunConfig config) {
        DataSource x = source(config.data, config.dataPath);
        if (config.dataY == null) {
            return new Domains(finish(config.data, limit(config, x, config.data)), null);
        }
        DataSource y = source(config.dataY, config.dataYPath);
        if (x instanceof ImageDataset a && y instanceof ImageDataset b && sameImages(config)) {
            int half = a.size() / 2;
            if (half < 1) {
                throw new UserException(config.data + " has too few images to split into two domains");
            }
            x = a.slice(0, half);
            y = b.slice(half, b.size() - half);
        }
        x = finish(config.data, limit(config, x, config.data));
        y = finish(config.dataY, limit(config, y, config.dataY));
        if (!x.sampleShape().equals(y.sampleShape())) {
            throw new UserException("the cyclegan model needs two domains of one sample shape, but " + what(config, false)
                    + " has " + describe(x) + " and " + what(config, true) + " has " + describe(y));
        }
        return new Domains(x, y);
    }

    /** Whether X and Y read the same image files: the same data set (inverted or not) from the same place. */
    private static boolean sameImages(RunConfig config) {
        return plain(config.data).equals(plain(config.dataY)) && java.util.Objects.equals(config.dataPath,
                config.dataYPath);
    }

    private static String plain(String data) {
        return data.startsWith("inverted-") ? data.substring("inverted-".length()) : data;
    }

    private static DataSource source(String data, String where) {
        Path path = where == null ? null : Path.of(where);
        return switch (plain(data)) {
            case "ring" -> Toys.ring();
            case "grid" -> Toys.grid();
            case "spiral-arm" -> Toys.spiralArm();
            case "spiral-arm-turned" -> SPIRAL_TURN.apply(Toys.spiralArm());
            case "mnist" -> path == null ? Datasets.mnist() : Datasets.mnist(path);
            case "fashion-mnist" -> path == null ? Datasets.fashionMnist() : Datasets.fashionMnist(path);
            default -> idx(path);
        };
    }

    private static DataSource limit(RunConfig config, DataSource data, String name) {
        if (config.limit <= 0) {
            return data;
        }
        if (!(data instanceof ImageDataset images)) {
            throw new UserException("--limit is for image data; " + name + " is generated in code");
        }
        return images.limit(config.limit);
    }

    /** Inverts the images of an inverted-... data set (pixels in [−1, 1]: −x), after any slicing and limit. */
    private static DataSource finish(String name, DataSource data) {
        return name.startsWith("inverted-") ? new Inverted((ImageDataset) data) : data;
    }

    /** Names the data of X or Y for a message. */
    private static String what(RunConfig config, boolean y) {
        String data = y ? config.dataY : config.data;
        String path = y ? config.dataYPath : config.dataPath;
        return (y ? "Y, " : "X, ") + (RunConfig.IDX.equals(data) ? "the images in " + path : data) + ",";
    }

    private static String describe(DataSource data) {
        long[] shape = data.sampleShape().getShape();
        return shape.length == 1 && shape[0] == 2 ? "2-D points" : "samples of shape " + shapeText(shape);
    }

    private static String shapeText(long[] shape) {
        return new Shape(shape).toString().replace(", ", "×").replace("(", "").replace(")", "");
    }

    /** An image data set with every pixel negated; knows its size, for epochs and the batch-size check. */
    static final class Inverted implements DataSource {
        private final ImageDataset images;
        private final DataSource inverted;

        Inverted(ImageDataset images) {
            this.images = images;
            this.inverted = MappedData.negated(images, "inverted " + images.name());
        }

        ImageDataset images() {
            return images;
        }

        @Override
        public String name() {
            return inverted.name();
        }

        @Override
        public Shape sampleShape() {
            return inverted.sampleShape();
        }

        @Override
        public int numClasses() {
            return inverted.numClasses();
        }

        @Override
        public BatchStream sampler(long seed) {
            return inverted.sampler(seed);
        }
    }

    /** The images behind a data source (inverted or not), or null for data generated in code. */
    static ImageDataset images(DataSource data) {
        return data instanceof ImageDataset images ? images : data instanceof Inverted inverted ? inverted.images() : null;
    }

    private static ImageDataset idx(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UserException("the data directory " + directory + " does not exist (any more)");
        }
        for (String name : new String[] {"train-images-idx3-ubyte", "train-images-idx3-ubyte.gz",
            "train-images.idx3-ubyte", "train-images.idx3-ubyte.gz"}) {
            Path file = directory.resolve(name);
            if (Files.isRegularFile(file)) {
                // the header alone says how much memory the images need: refuse before reading them
                Resources.checkImages(file, org.ganbook.data.IdxReader.readImageHeader(file));
                break;
            }
        }
        try {
            return Datasets.idxDirectory(directory);
        } catch (DatasetNotFoundException e) {
            throw new UserException("no IDX images in " + directory + ": expected train-images-idx3-ubyte or"
                    + " train-images-idx3-ubyte.gz (labels, optional: train-labels-idx1-ubyte[.gz])", e);
        }
    }

    /** Records the data's sample shape, classes and size in {@code config}. */
    static void describe(RunConfig config, DataSource data) {
        config.sampleShape = data.sampleShape().getShape();
        config.numClasses = data.numClasses();
        ImageDataset images = images(data);
        config.datasetSize = images != null ? images.size() : 0;
    }

    /**
     * Checks that the data suits the run's settings: at least a batch of images, and labels that
     * number the classes 0..K-1.
     *
     * @throws UserException saying what was found and what to do
     */
    static void checkData(RunConfig config, DataSource data) {
        ImageDataset images = images(data);
        if (images == null) {
            return;
        }
        if (images.size() < config.batchSize) {
            throw new UserException("the data has " + images.size() + " images, fewer than the batch size "
                    + config.batchSize + "; use --batch-size " + images.size() + " or less (or more images)");
        }
        if (!images.hasLabels() || config.model.cycle()) {
            return; // a CycleGAN uses no labels
        }
        int[] counts = images.labelCounts();
        StringBuilder found = new StringBuilder();
        int distinct = 0;
        for (int label = 0; label < counts.length; label++) {
            if (counts[label] > 0) {
                distinct++;
                if (distinct <= 10) {
                    found.append(distinct > 1 ? ", " : "").append(label);
                } else if (distinct == 11) {
                    found.append(", ...");
                }
            }
        }
        int empty = counts.length - distinct;
        if (empty > distinct) {
            throw new UserException(labelsName(config) + ": the labels found are " + found + "; " + empty + " of the "
                    + counts.length + " classes 0.." + (counts.length - 1) + " have no image: number the classes 0, 1,"
                    + " 2, ... (or remove the labels file to train an unconditional model)");
        }
    }

    private static String labelsName(RunConfig config) {
        if (config.data.equals(RunConfig.IDX) && config.dataPath != null) {
            for (String name : new String[] {"train-labels-idx1-ubyte", "train-labels.idx1-ubyte",
                "train-labels-idx1-ubyte.gz", "train-labels.idx1-ubyte.gz"}) {
                Path file = Path.of(config.dataPath, name);
                if (Files.isRegularFile(file)) {
                    return file.toString();
                }
            }
        }
        return "the labels of " + config.data;
    }

    /**
     * Says which file is read when a directory of IDX files holds both the raw and the gzipped one.
     *
     * @return the notes to print, possibly none
     */
    static java.util.List<String> notes(RunConfig config) {
        java.util.List<String> notes = new java.util.ArrayList<>();
        if (!config.data.equals(RunConfig.IDX) || config.dataPath == null) {
            return notes;
        }
        for (String kind : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"}) {
            Path raw = Path.of(config.dataPath, kind);
            if (Files.isRegularFile(raw) && Files.isRegularFile(Path.of(config.dataPath, kind + ".gz"))) {
                notes.add("note: reading " + raw + "; " + kind + ".gz beside it is not used");
            }
        }
        return notes;
    }

    /**
     * Checks that data given to an existing run fits its networks.
     *
     * @throws UserException naming both shapes if not
     */
    static void checkFits(RunConfig config, DataSource data) {
        long[] shape = data.sampleShape().getShape();
        String what = config.data.equals(RunConfig.IDX) ? "the images in " + config.dataPath : config.data;
        if (!Arrays.equals(shape, config.sampleShape)) {
            throw new UserException("the run's model works on samples of shape " + config.shapeText() + " but "
                    + what + " has samples of shape " + new Shape(shape).toString().replace(", ", "×")
                            .replace("(", "").replace(")", "")
                    + "; use data of the same size, or start a new run");
        }
        if (config.model.conditional() && data.numClasses() != config.numClasses) {
            throw new UserException("the run's conditional model knows " + config.numClasses + " classes but "
                    + what + " has " + data.numClasses());
        }
    }

    /**
     * A stand-in for a run's data that knows only the sample shape and the number of classes, for
     * sampling from a checkpoint without loading the data set. Its batches are zeros.
     */
    static DataSource shapeOnly(RunConfig config) {
        Shape shape = new Shape(config.sampleShape);
        return new DataSource() {
            @Override
            public String name() {
                return config.data.equals(RunConfig.IDX) ? config.dataPath : config.data;
            }

            @Override
            public Shape sampleShape() {
                return shape;
            }

            @Override
            public int numClasses() {
                return config.numClasses;
            }

            @Override
            public BatchStream sampler(long seed) {
                // only ever asked for batches when a checkpoint is loaded, to replay the batch count
                return (NDManager manager, int batchSize) ->
                        new SampleBatch(manager.zeros(new Shape(1).addAll(shape)), config.numClasses > 0
                                ? manager.zeros(new Shape(1), ai.djl.ndarray.types.DataType.INT32) : null);
            }
        };
    }
}

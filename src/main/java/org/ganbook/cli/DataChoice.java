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
import org.ganbook.data.Toys;

/** Turns the {@code --data} value into a data source, and checks that data fits a run. */
final class DataChoice {

    private DataChoice() {}

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
        if (RunConfig.NAMED_DATA.contains(value)) {
            config.data = value;
            if (dataDir != null) {
                if (!value.equals("mnist") && !value.equals("fashion-mnist")) {
                    throw new UserException("--data-dir is for mnist and fashion-mnist; " + value + " is generated"
                            + " in code");
                }
                config.dataPath = dataDir.toAbsolutePath().normalize().toString();
            }
            return;
        }
        if (dataDir != null) {
            throw new UserException("--data-dir is for mnist and fashion-mnist; for a directory of IDX files pass"
                    + " it as --data DIR");
        }
        Path path = Path.of(value);
        if (Files.isRegularFile(path)) {
            throw new UserException("--data " + value + " is a file; pass the directory that holds"
                    + " train-images-idx3-ubyte[.gz]");
        }
        if (!Files.isDirectory(path)) {
            throw new UserException("unknown data '" + value + "': use one of " + String.join(", ",
                    RunConfig.NAMED_DATA) + ", or a directory of IDX files (no such directory)");
        }
        config.data = RunConfig.IDX;
        config.dataPath = path.toAbsolutePath().normalize().toString();
    }

    /**
     * Loads the data a configuration names.
     *
     * @param config the configuration
     * @return the data source, limited to {@code config.limit} images if set
     * @throws UserException if the data cannot be found
     * @throws org.ganbook.data.DatasetFormatException if a file is malformed
     */
    static DataSource load(RunConfig config) {
        Path path = config.dataPath == null ? null : Path.of(config.dataPath);
        DataSource data = switch (config.data) {
            case "ring" -> Toys.ring();
            case "grid" -> Toys.grid();
            case "mnist" -> path == null ? Datasets.mnist() : Datasets.mnist(path);
            case "fashion-mnist" -> path == null ? Datasets.fashionMnist() : Datasets.fashionMnist(path);
            default -> idx(path);
        };
        if (config.limit > 0) {
            if (!(data instanceof ImageDataset images)) {
                throw new UserException("--limit is for image data; " + config.data + " is generated in code");
            }
            data = images.limit(config.limit);
        }
        return data;
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
        config.datasetSize = data instanceof ImageDataset images ? images.size() : 0;
    }

    /**
     * Checks that the data suits the run's settings: at least a batch of images, and labels that
     * number the classes 0..K-1.
     *
     * @throws UserException saying what was found and what to do
     */
    static void checkData(RunConfig config, DataSource data) {
        if (!(data instanceof ImageDataset images)) {
            return;
        }
        if (images.size() < config.batchSize) {
            throw new UserException("the data has " + images.size() + " images, fewer than the batch size "
                    + config.batchSize + "; use --batch-size " + images.size() + " or less (or more images)");
        }
        if (!images.hasLabels()) {
            return;
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

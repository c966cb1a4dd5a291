package org.ganbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ganbook.data.DataSource;
import org.ganbook.nn.Upsampling;
import org.ganbook.train.ToyRecipe;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ganbook train}: starts a run. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Trains a GAN (or a CycleGAN) from scratch into a new run directory.",
        description = {
            "Writes into the run directory:",
            "  config.json      what is needed to rebuild the networks (resume, sample)",
            "  history.csv      one row per step: losses, D(x), D(G(z)), V(D,G), epoch,",
            "                   seconds",
            "                   (cyclegan: D_Y, D_X and G+F losses, cycle losses, means",
            "                   of D_Y and D_X on real and translated samples)",
            "  losses.png       the losses; d-outputs.png: D(x) and D(G(z))",
            "  grids/           fixed-noise samples every --grid-every steps (scatter",
            "                   plots for 2-D data)",
            "  samples.png      samples from the final generator",
            "  checkpoint.ckpt  networks, optimizer state, history: every",
            "                   --checkpoint-every steps and at the end, always whole",
            "",
            "A step is k discriminator steps (--d-steps) then one generator step.",
            "With --model cyclegan a step is a D_Y step, a D_X step and one joint step of",
            "G (X -> Y) and F (Y -> X); X is --data, Y is --data-y; the grids and",
            "samples.png show samples of X and their translations G(x).",
            "Ctrl-C stops after the current step, saves a checkpoint and exits with 130;",
            "continue with `ganbook resume`. The same options and seed give the same",
            "history.csv, except for its wall-clock 'seconds' column.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ganbook train --data ring --steps 3000 --out runs/ring",
            "  ganbook train --model dcgan --data fashion-mnist --epochs 1 --out runs/fashion",
            "  ganbook train --model conditional-mlp --data mnist --steps 2000 \\",
            "                --out runs/digits",
            "  ganbook train --model mlp --data path/to/idx-dir --steps 500 --out runs/mine",
            "  ganbook train --model cyclegan --data spiral-arm --data-y spiral-arm-turned --out runs/arm",
            "  ganbook train --model cyclegan --data mnist --data-y inverted-mnist --steps 150 --out runs/inverted"
        })
final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    GanbookCli cli;

    @Option(names = "--data", required = true, paramLabel = "NAME|DIR", order = 1,
            description = "ring (8 Gaussians on a circle), grid (25 on a square), spiral-arm (three quarters of a"
                    + " spiral turn), spiral-arm-turned (the arm turned by 60°, scaled by 1.2 and shifted by (1, 0.5)),"
                    + " mnist, fashion-mnist, inverted-mnist, inverted-fashion-mnist (pixels negated), or a directory of"
                    + " IDX files: train-images-idx3-ubyte[.gz] and, optionally, train-labels-idx1-ubyte[.gz]. For"
                    + " cyclegan: domain X.")
    String data;

    @Option(names = "--data-y", paramLabel = "NAME|DIR", order = 2,
            description = "cyclegan only: domain Y, any --data value with samples of X's shape. When X and Y read"
                    + " the same images (mnist and inverted-mnist), X takes the first half and Y the second,"
                    + " so no image is in both.")
    String dataY;

    @Option(names = "--out", required = true, paramLabel = "DIR", order = 2,
            description = "The run directory to create (refused if it already holds a run; see --force).")
    Path out;

    @Option(names = "--model", defaultValue = "mlp", converter = Converters.ModelConverter.class,
            paramLabel = "MODEL", order = 3,
            description = "mlp, dcgan, conditional-mlp, conditional-dcgan or cyclegan (default: ${DEFAULT-VALUE})."
                    + " DCGAN needs square images with a side divisible by 4; conditional models need labels;"
                    + " cyclegan needs --data-y and translates X to Y (its G and F start as the identity for points,"
                    + " two 3×3 convolutions for images).")
    RunConfig.Model model;

    @ArgGroup(exclusive = true, multiplicity = "0..1", order = 4)
    Length length;

    /** --steps or --epochs. */
    static final class Length {
        @Option(names = "--steps", paramLabel = "N", required = true, order = 4,
                description = "Training steps (default: 5000 for 2-D points, the standard 2-D recipe's, one epoch for"
                        + " images; cyclegan: 600 for points, notebook 10's, one epoch of X for images).")
        Long steps;

        @Option(names = "--epochs", paramLabel = "E", required = true, order = 5,
                description = "Passes over the images instead of --steps (image data only; may be fractional).")
        Double epochs;
    }

    @Option(names = "--lambda", paramLabel = "L", order = 14,
            description = "cyclegan: the weight λ of the cycle-consistency loss (default: notebook 10's, 0.1 for points,"
                    + " where the paper's 10 recovered the true mapping on no seed, and 1 for images).")
    Float lambda;

    @Option(names = "--batch-size", paramLabel = "N", order = 15,
            description = "Real (and fake) samples per step (default: 256 for 2-D points, 64 for images; cyclegan:"
                    + " 128 for points, 32 for images).")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "RATE", order = 16,
            description = "Learning rate of both networks, Adam with beta1 = 0.5 (default: 1e-3 for ring and"
                    + " grid, ten times smaller from step 2500 on, as in the standard 2-D recipe;"
                    + " 2e-4 for images; cyclegan: 3e-3 for points, 2e-3 for images).")
    Float lr;

    @Option(names = "--lr-g", paramLabel = "RATE", order = 17, description = "The generator's learning rate (cyclegan: G's and F's).")
    Float lrG;

    @Option(names = "--lr-d", paramLabel = "RATE", order = 18, description = "The discriminator's learning rate (cyclegan: D_X's and D_Y's).")
    Float lrD;

    @Option(names = "--loss", converter = Converters.LossConverter.class,
            paramLabel = "LOSS", order = 19,
            description = "non-saturating, minimax or least-squares (default: non-saturating; least-squares for"
                    + " cyclegan, as CycleGAN uses).")
    RunConfig.Loss loss;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", order = 20,
            description = "Seed of everything random: weights, noise, batches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--coding-size", paramLabel = "N", order = 21,
            description = "Length of the noise vector (default: 2 for ring and grid, 100 for images).")
    Integer codingSize;

    @Option(names = "--hidden", split = ",", paramLabel = "N,N", order = 22,
            description = "MLP hidden layer widths of G, reversed for D (default for 2-D points: eight layers"
                    + " of 64 for G, three for D, the standard 2-D recipe's; 256,512 for images). cyclegan: the"
                    + " widths of all four networks for points (default 32,32), of D_X and D_Y for images (64).")
    int[] hidden;

    @Option(names = "--channels", paramLabel = "C", order = 23,
            description = "DCGAN base channels (default: 32); cyclegan on images: the channels between the"
                    + " translators' two convolutions (default: 8).")
    Integer channels;

    @Option(names = "--upsampling", defaultValue = "nearest-conv", converter = Converters.UpsamplingConverter.class,
            paramLabel = "KIND", order = 24,
            description = "How the DCGAN generator doubles its size: nearest-conv or transposed-conv (default:"
                    + " nearest-conv).")
    Upsampling upsampling;

    @Option(names = "--label-embedding", defaultValue = "0", paramLabel = "N", order = 25,
            description = "Conditional models: a learned label embedding of this size instead of one-hot codes.")
    int labelEmbedding;

    @Option(names = "--d-steps", defaultValue = "1", paramLabel = "K", order = 26,
            description = "Discriminator steps per generator step (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--label-smoothing", defaultValue = "0", paramLabel = "S", order = 27,
            description = "One-sided label smoothing: real samples are labelled 1 - S (default: 0).")
    float labelSmoothing;

    @Option(names = "--data-dir", paramLabel = "DIR", order = 28,
            description = "Where to look first for mnist or fashion-mnist (then $GANBOOK_DATA, the project's"
                    + " .data/, the data shipped in src/data/, Debian's dataset-fashion-mnist).")
    Path dataDir;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", order = 29,
            description = "Use only the first N images (default: all); cyclegan: of each domain.")
    int limit;

    @Option(names = "--checkpoint-every", defaultValue = "1000", paramLabel = "N", order = 30,
            description = "Save a checkpoint every N steps, besides at the end (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--grid-every", paramLabel = "N", order = 31,
            description = "Draw the fixed-noise grid every N steps; 0 for none (default: a tenth of the run).")
    Integer gridEvery;

    @Option(names = "--grid-count", paramLabel = "N", order = 32,
            description = "Samples in each grid (default: 64 images, 8 per class for a conditional model, 32"
                    + " images and their translations for cyclegan, or 512 points for 2-D data).")
    Integer gridCount;

    @Option(names = "--force", order = 33,
            description = "Start over in a directory that already holds a run, replacing its files.")
    boolean force;

    @Mixin
    SessionOptions session;

    @Override
    public Integer call() throws IOException {
        RunDirectory directory = new RunDirectory(out);
        refuseExistingRun(directory);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserException("--out " + out + " is a file, not a directory");
        }
        RunConfig config = new RunConfig();
        config.model = model;
        boolean cycle = model.cycle();
        DataChoice.choose(config, data, dataDir);
        if (dataY != null && !cycle) {
            throw new UserException("--data-y is for --model cyclegan, which translates --data into --data-y");
        }
        if (dataY == null && cycle) {
            throw new UserException("--model cyclegan needs --data-y, domain Y: for example --data spiral-arm --data-y"
                    + " spiral-arm-turned, or --data mnist --data-y inverted-mnist");
        }
        if (cycle) {
            DataChoice.chooseY(config, dataY, dataDir);
            refuseGanOptions();
        } else if (lambda != null) {
            throw new UserException("--lambda is the cycle-consistency weight of --model cyclegan");
        }
        session.applyThreads(DataChoice.generated(config.data), config.model.convolutional());
        config.limit = limit;
        if (limit < 0) {
            throw new UserException("--limit must be positive (or 0 for all images), got " + limit);
        }
        for (String name : cycle ? new String[] {config.data, config.dataY} : new String[] {config.data}) {
            if (limit > 0 && DataChoice.generated(name)) {
                throw new UserException("--limit is for image data; " + name + " is generated in code");
            }
        }
        DataChoice.Domains domains = DataChoice.loadDomains(config);
        DataSource source = domains.x();
        DataChoice.describe(config, source);
        boolean images = config.isImages();

        ToyRecipe recipe = ToyRecipe.standard(); // the defaults for 2-D points
        config.codingSize = codingSize != null ? codingSize : images ? 100 : recipe.codingSize();
        config.hidden = hidden != null ? hidden : cycle ? (images ? new int[] {64} : new int[] {32, 32})
                : images ? new int[] {256, 512} : recipe.generatorHidden();
        if (hidden == null && config.isPoints() && config.model == RunConfig.Model.MLP) {
            config.discriminatorHidden = recipe.discriminatorHidden(); // the recipe's D is shallower than its G
        }
        config.channels = channels != null ? channels : cycle ? 8 : 32;
        config.upsampling = upsampling;
        config.labelEmbedding = labelEmbedding;
        // cyclegan's defaults are notebook 10's, measured there over five seeds (points) and on digits (images)
        config.batchSize = batchSize != null ? batchSize : cycle ? (images ? 32 : 128) : images ? 64 : recipe.batchSize();
        float rate = cycle ? (images ? 2e-3f : 3e-3f) : images ? 2e-4f : Float.NaN;
        config.lrG = lrG != null ? lrG : lr != null ? lr : !Float.isNaN(rate) ? rate : recipe.generatorRate();
        config.lrD = lrD != null ? lrD : lr != null ? lr : !Float.isNaN(rate) ? rate : recipe.discriminatorRate();
        if (config.isPoints() && config.model == RunConfig.Model.MLP) {
            config.packing = config.batchSize % recipe.packing() == 0 ? recipe.packing() : 1;
            config.r1Gamma = recipe.r1Gamma();
        }
        config.cycleWeight = cycle ? (lambda != null ? lambda : images ? 1f : 0.1f) : 0f;
        config.loss = loss != null ? loss : cycle ? RunConfig.Loss.LEAST_SQUARES : RunConfig.Loss.NON_SATURATING;
        config.k = k;
        config.labelSmoothing = labelSmoothing;
        config.seed = seed;
        config.checkpointEvery = checkpointEvery;
        config.gridCount = gridCount != null ? gridCount : config.isPoints() ? 512 : cycle ? 32
                : config.model.conditional() && config.numClasses > 0 && config.numClasses <= 16
                        ? 8 * config.numClasses : 64;

        config.gridEvery = gridEvery != null ? gridEvery : 0;
        config.validate("invalid options");
        DataChoice.checkData(config, source);
        if (cycle) {
            DataChoice.checkData(config, domains.y());
        }
        Resources.checkModel(config);
        long steps = steps(config);
        if (config.isPoints() && !cycle && recipe.dropAt() < 1 && recipe.dropFactor() < 1) {
            // at the recipe's step, whatever --steps says, so that training N then resuming N is training 2N
            config.lrDropAfter = (int) Math.round(recipe.dropAt() * recipe.iterations());
            config.lrDropFactor = recipe.dropFactor();
        }
        config.gridEvery = gridEvery != null ? gridEvery : (int) Math.max(1, Math.min(Integer.MAX_VALUE, steps / 10));

        try (RunLock lock = RunLock.acquire(out)) {
            refuseExistingRun(directory);
            if (force) {
                directory.clearRun();
            }
            directory.removeStalePartials();
            config.write(out);

            DataChoice.notes(config).forEach(cli.out::println);
            cli.out.println("training " + config.summary());
            cli.out.println(steps + " steps into " + out + (config.datasetSize > 0
                    ? String.format(java.util.Locale.ROOT, " (%.2f epochs of %d images)",
                            (double) steps * config.batchSize / config.datasetSize, config.datasetSize) : ""));
            cli.out.println(SessionOptions.threadLine());
            TerminalProgress progress = new TerminalProgress(cli.out, session.progress);
            try (StopSignals stop = StopSignals.install(cli.err);
                    TrainingSession training = new TrainingSession(config, directory, domains, progress, cli.out,
                            cli.err)) {
                return training.train(steps, stop, 0, null);
            }
        }
    }

    /** The options about noise and the GAN's discriminator steps mean nothing to a CycleGAN: say so. */
    private void refuseGanOptions() {
        String option = codingSize != null ? "--coding-size" : k != 1 ? "--d-steps" : labelSmoothing != 0
                ? "--label-smoothing" : labelEmbedding != 0 ? "--label-embedding" : null;
        if (option != null) {
            throw new UserException(option + " is for the GAN models; cyclegan translates samples of X, not noise,"
                    + " and takes --lambda, --lr, --batch-size, --hidden, --channels, --loss and --seed");
        }
    }

    private void refuseExistingRun(RunDirectory directory) {
        if (!directory.holdsRun() || force) {
            return;
        }
        if (!Files.exists(directory.config())) {
            throw new UserException(RunConfig.missingConfig(out));
        }
        throw new UserException(out + " already holds a run; continue it with `ganbook resume --out " + out
                + " --steps N`, or start over with --force");
    }

    private long steps(RunConfig config) {
        if (length != null && length.steps != null) {
            return checkSteps(length.steps);
        }
        if (length != null && length.epochs != null) {
            return epochsToSteps(length.epochs, config);
        }
        return config.isImages() ? epochsToSteps(1, config)
                : config.model.cycle() ? CYCLE_POINT_STEPS : ToyRecipe.standard().iterations();
    }

    /** The default length of a CycleGAN run on 2-D points. */
    static final long CYCLE_POINT_STEPS = 600;

    /** The most steps one command trains: far beyond any real run, and safe from overflow. */
    static final long MAX_STEPS = Integer.MAX_VALUE;

    /** Checks a --steps value: 1..{@link #MAX_STEPS}. */
    static long checkSteps(long steps) {
        if (steps < 1) {
            throw new UserException("--steps must be positive, got " + steps);
        }
        if (steps > MAX_STEPS) {
            throw new UserException("--steps must be at most " + MAX_STEPS + ", got " + steps);
        }
        return steps;
    }

    static long epochsToSteps(double epochs, RunConfig config) {
        if (config.datasetSize <= 0) {
            throw new UserException("--epochs needs an image data set; " + config.data
                    + " is generated in code and has no epochs: use --steps");
        }
        if (!(epochs > 0) || Double.isInfinite(epochs)) {
            throw new UserException("--epochs must be positive, got " + epochs);
        }
        double steps = Math.ceil(epochs * config.datasetSize / config.batchSize);
        if (steps > Integer.MAX_VALUE) {
            throw new UserException("--epochs " + epochs + " is too many steps");
        }
        return (long) steps;
    }
}

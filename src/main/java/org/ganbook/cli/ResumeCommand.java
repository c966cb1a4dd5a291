package org.ganbook.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ganbook.data.DataSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ganbook resume}: continues a run from its checkpoint. */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Continues a run from its checkpoint.",
        description = {
            "Continues a run for N more steps from the networks, optimizer state and",
            "history in its checkpoint. Training N steps and resuming for N more gives",
            "the same history and weights, bit for bit, as training 2N steps at once",
            "(on the same machine and thread count). The settings come from the run's",
            "config.json; only the options below can change.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ganbook resume --out runs/ring --steps 3000",
            "  ganbook resume --out runs/fashion --epochs 0.5 --data /moved/idx-dir"
        })
final class ResumeCommand implements Callable<Integer> {

    @ParentCommand
    GanbookCli cli;

    @Option(names = "--out", required = true, paramLabel = "DIR", order = 1,
            description = "The run directory (made by `ganbook train`).")
    Path out;

    @ArgGroup(exclusive = true, multiplicity = "1", order = 2)
    Length length;

    /** --steps or --epochs. */
    static final class Length {
        @Option(names = "--steps", paramLabel = "N", required = true, order = 2, description = "How many more steps.")
        Long steps;

        @Option(names = "--epochs", paramLabel = "E", required = true, order = 3,
                description = "How many more passes over the images (image data only).")
        Double epochs;
    }

    @Option(names = "--data", paramLabel = "NAME|DIR", order = 3,
            description = "Read the data from here instead (it moved); it must have the run's sample shape.")
    String data;

    @Option(names = "--data-dir", paramLabel = "DIR", order = 4,
            description = "Where to look first for mnist or fashion-mnist.")
    Path dataDir;

    @Option(names = "--checkpoint-every", paramLabel = "N", order = 5,
            description = "Save a checkpoint every N steps from now on.")
    Integer checkpointEvery;

    @Option(names = "--grid-every", paramLabel = "N", order = 6,
            description = "Draw the fixed-noise grid every N steps from now on; 0 for none.")
    Integer gridEvery;

    @Mixin
    SessionOptions session;

    @Override
    public Integer call() throws IOException {
        RunConfig.read(out); // says so at once if this is not a run directory
        try (RunLock lock = RunLock.acquire(out)) {
            return resume();
        }
    }

    private Integer resume() throws IOException {
        RunDirectory directory = new RunDirectory(out);
        RunConfig saved = RunConfig.read(out);
        RunConfig config = saved.copy();
        if (data != null || dataDir != null) {
            DataChoice.choose(config, data != null ? data : saved.data, dataDir);
        }
        session.applyThreads(config.isPoints());
        if (checkpointEvery != null) {
            config.checkpointEvery = checkpointEvery;
        }
        if (gridEvery != null) {
            config.gridEvery = gridEvery;
        }
        config.validate("invalid options");
        DataSource source = DataChoice.load(config);
        DataChoice.checkFits(config, source);
        if (source instanceof org.ganbook.data.ImageDataset images) {
            config.datasetSize = images.size();
        }
        long steps;
        if (length.steps != null) {
            if (length.steps < 1) {
                throw new UserException("--steps must be positive, got " + length.steps);
            }
            steps = length.steps;
        } else {
            steps = TrainCommand.epochsToSteps(length.epochs, config);
        }
        int removed = directory.removeStalePartials();
        if (removed > 0) {
            cli.out.println("removed " + removed + " unfinished temporary file" + (removed > 1 ? "s" : "")
                    + " left by an interrupted save");
        }
        if (!config.toJson().equals(saved.toJson())) {
            config.write(out);
        }
        Progress progress = new Progress(cli.out, session.progress);
        try (StopSignals stop = StopSignals.install(cli.err);
                TrainingSession training = new TrainingSession(config, directory, source, progress, cli.out, cli.err)) {
            training.restore();
            long from = training.trainer().iteration();
            cli.out.println("resuming " + config.summary());
            cli.out.println("from step " + from + ", " + steps + " more steps into " + out);
            return training.train(steps, stop, 0, null);
        }
    }
}

package org.ganbook.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
            "config.json; only the options below can change (learning rates, intervals,",
            "where the data is); a change is saved in config.json and noted in",
            "changes.log.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ganbook resume --out runs/ring --steps 3000",
            "  ganbook resume --out runs/fashion --epochs 0.5 --data /moved/idx-dir",
            "  ganbook resume --out runs/ring --steps 3000 --lr 2e-4   (after a divergence)"
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

    @Option(names = "--data-y", paramLabel = "NAME|DIR", order = 3,
            description = "cyclegan: read domain Y from here instead (it moved); it must have the run's sample shape.")
    String dataY;

    @Option(names = "--data-dir", paramLabel = "DIR", order = 4,
            description = "Where to look first for mnist or fashion-mnist.")
    Path dataDir;

    @Option(names = "--checkpoint-every", paramLabel = "N", order = 5,
            description = "Save a checkpoint every N steps from now on.")
    Integer checkpointEvery;

    @Option(names = "--grid-every", paramLabel = "N", order = 6,
            description = "Draw the fixed-noise grid every N steps from now on; 0 for none.")
    Integer gridEvery;

    @Option(names = "--lr", paramLabel = "RATE", order = 7,
            description = "A new learning rate for both networks from now on (smaller, after a divergence).")
    Float lr;

    @Option(names = "--lr-g", paramLabel = "RATE", order = 8, description = "A new learning rate for the generator.")
    Float lrG;

    @Option(names = "--lr-d", paramLabel = "RATE", order = 9,
            description = "A new learning rate for the discriminator.")
    Float lrD;

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
        if (dataY != null && !config.model.cycle()) {
            throw new UserException("--data-y is for cyclegan runs; this run's model is " + config.model);
        }
        if (dataY != null || (dataDir != null && config.model.cycle())) {
            DataChoice.chooseY(config, dataY != null ? dataY : saved.dataY, dataDir);
        }
        session.applyThreads(config.isPoints(), config.model.convolutional());
        if (checkpointEvery != null) {
            config.checkpointEvery = checkpointEvery;
        }
        if (gridEvery != null) {
            config.gridEvery = gridEvery;
        }
        if (lrG != null || lr != null) {
            config.lrG = lrG != null ? lrG : lr;
        }
        if (lrD != null || lr != null) {
            config.lrD = lrD != null ? lrD : lr;
        }
        config.validate("invalid options");
        DataChoice.Domains domains = DataChoice.loadDomains(config);
        DataSource source = domains.x();
        DataChoice.checkFits(config, source);
        DataChoice.checkData(config, source);
        if (domains.y() != null) {
            DataChoice.checkData(config, domains.y());
        }
        Resources.checkModel(config);
        DataChoice.notes(config).forEach(cli.out::println);
        if (DataChoice.images(source) != null) {
            config.datasetSize = DataChoice.images(source).size();
        }
        long steps;
        if (length.steps != null) {
            steps = TrainCommand.checkSteps(length.steps);
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
        TerminalProgress progress = new TerminalProgress(cli.out, session.progress);
        try (StopSignals stop = StopSignals.install(cli.err);
                TrainingSession training = new TrainingSession(config, directory, domains, progress, cli.out, cli.err)) {
            training.restore();
            long from = training.trainer().iteration();
            cli.out.println("resuming " + config.summary());
            cli.out.println("from step " + from + ", " + steps + " more steps into " + out);
            cli.out.println(SessionOptions.threadLine());
            List<String> changes = changes(saved, config);
            if (!changes.isEmpty()) {
                String note = "at step " + from + ": " + String.join("; ", changes);
                cli.out.println(note + " (recorded in config.json and " + RunDirectory.CHANGES + ")");
                Files.writeString(directory.changes(), Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + note
                        + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            return training.train(steps, stop, 0, null);
        }
    }

    /** The settings that differ between the saved and the new configuration, for the record. */
    static List<String> changes(RunConfig saved, RunConfig now) {
        List<String> changes = new ArrayList<>();
        if (saved.lrG != now.lrG || saved.lrD != now.lrD) {
            changes.add("learning rate changed: G " + plain(saved.lrG) + " -> " + plain(now.lrG) + ", D "
                    + plain(saved.lrD) + " -> " + plain(now.lrD));
        }
        if (saved.checkpointEvery != now.checkpointEvery) {
            changes.add("checkpoint every " + saved.checkpointEvery + " -> " + now.checkpointEvery + " steps");
        }
        if (saved.gridEvery != now.gridEvery) {
            changes.add("grid every " + saved.gridEvery + " -> " + now.gridEvery + " steps");
        }
        if (!java.util.Objects.equals(saved.dataPath, now.dataPath) || !saved.data.equals(now.data)) {
            changes.add("data read from " + (now.dataPath != null ? now.dataPath : now.data));
        }
        if (!java.util.Objects.equals(saved.dataYPath, now.dataYPath) || !java.util.Objects.equals(saved.dataY, now.dataY)) {
            changes.add("data of Y read from " + (now.dataYPath != null ? now.dataYPath : now.dataY));
        }
        return changes;
    }

    private static String plain(float value) {
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }
}

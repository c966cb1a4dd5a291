package org.ganbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ganbook sample}: draws samples from a run's checkpoint. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Draws samples from a run's checkpoint.",
        description = {
            "Draws samples from a run's checkpoint, without its data set: an image grid",
            "(one row per class for a conditional model), or for 2-D data a scatter plot",
            "of generated against real points. The same --seed gives the same samples.",
            "For a cyclegan run: samples of X (read from its data) and G's translations",
            "G(x): for images a grid, each row of x followed by the row of G(x); for",
            "points each x and G(x) in one colour. --csv then writes x's values, then G(x)'s.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ganbook sample --out runs/ring --count 64 --png ring.png",
            "  ganbook sample --out runs/digits --count 100 --png digits.png",
            "  ganbook sample --out runs/digits --count 16 --label 7 --png sevens.png --csv sevens.csv",
            "  ganbook sample --out runs/inverted --count 32 --png translated.png"
        })
final class SampleCommand implements Callable<Integer> {

    @ParentCommand
    GanbookCli cli;

    @Option(names = "--out", required = true, paramLabel = "DIR", order = 1,
            description = "The run directory (made by `ganbook train`).")
    Path out;

    @Option(names = "--count", defaultValue = "64", paramLabel = "N", order = 2,
            description = "How many samples (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--png", paramLabel = "FILE", order = 3,
            description = "Where to write the picture (default: sample.png in the run directory; a bare file name also"
                    + " goes there).")
    Path png;

    @Option(names = "--csv", paramLabel = "FILE", order = 4,
            description = "Also write the samples' values as CSV, one row per sample (a bare file name goes into the run"
                    + " directory).")
    Path csv;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", order = 5,
            description = "Seed of the noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--label", paramLabel = "CLASS", order = 6,
            description = "Conditional models: draw only this class (default: every class in turn).")
    Integer label;

    @Override
    public Integer call() throws IOException {
        if (count < 1 || count > 4096) {
            throw new UserException("--count must be in 1..4096, got " + count);
        }
        RunConfig config = RunConfig.read(out);
        if (png != null && Files.isDirectory(png)) {
            throw new UserException("--png " + png + " is a directory; give a file name, such as "
                    + png.resolve("sample.png"));
        }
        if (config.isPoints()) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        if (label != null) {
            if (!config.model.conditional()) {
                throw new UserException("--label is for conditional models; this run's model is " + config.model);
            }
            if (label < 0 || label >= config.numClasses) {
                throw new UserException("--label must be in 0.." + (config.numClasses - 1) + ", got " + label);
            }
        }
        // 2-D toy data is generated in code: draw real points for the picture; a GAN's images are not needed,
        // a CycleGAN's X is: its samples are what G translates
        DataChoice.Domains data = config.isPoints() || config.model.cycle() ? DataChoice.loadDomains(config)
                : new DataChoice.Domains(DataChoice.shapeOnly(config), null);
        RunDirectory directory = new RunDirectory(out);
        Path picture = png == null ? out.resolve("sample.png") : intoRun(png);
        try (TrainingSession session = new TrainingSession(config, directory, data,
                new TerminalProgress(cli.out, TerminalProgress.Mode.NONE), cli.out, cli.err)) {
            session.restore();
            RunTrainer trainer = session.trainer();
            Pictures.write(trainer.picture(count, seed, label), picture);
            cli.out.println("wrote " + picture + ": " + count + (config.model.cycle() ? " translations" : " samples")
                    + " from step " + trainer.iteration());
            if (csv != null) {
                Path table = intoRun(csv);
                Sampling.writeCsv(trainer.samples(count, seed, label), table);
                cli.out.println("wrote " + table);
            }
        }
        return GanbookCli.EXIT_OK;
    }

    /** A bare file name goes into the run directory, next to the run's other pictures; a path is kept as given. */
    private Path intoRun(Path file) {
        return file.getParent() == null ? out.resolve(file) : file;
    }
}

package org.ganbook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ganbook.data.Toys;
import org.ganbook.train.GanTrainer;

/**
 * Run as a separate process by {@link CliProcessTest}: trains a ring MLP wide enough that a checkpoint
 * takes a measurable time to write (about 14 MB at width 768), saving after every step, forever, and saying so on
 * standard output. It first loads the checkpoint if there is one.
 *
 * <pre>SaveLoop CHECKPOINT_FILE WIDTH</pre>
 */
public final class SaveLoop {

    private SaveLoop() {}

    /** Returns the configuration of the trainer this program runs. */
    static RunConfig config(int width) {
        RunConfig config = new RunConfig();
        config.hidden = new int[] {width, width};
        config.batchSize = 8;
        config.gridEvery = 0;
        return config;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        try (GanTrainer trainer = RunNetworks.trainer(config(Integer.parseInt(args[1])), Toys.ring(), null)) {
            if (Files.exists(file)) {
                trainer.load(file);
                System.out.println("loaded " + trainer.iteration());
            }
            while (true) {
                trainer.fit(1);
                System.out.println("saving " + trainer.iteration());
                long start = System.nanoTime();
                trainer.save(file);
                System.out.println("saved " + trainer.iteration() + " in " + (System.nanoTime() - start) / 1_000_000
                        + " ms");
            }
        }
    }
}

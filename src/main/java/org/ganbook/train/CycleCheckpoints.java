package org.ganbook.train;

import ai.djl.nn.Block;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ganbook.io.ChecksummedFile;

/**
 * The checkpoint file of a {@link CycleGanTrainer}: the four networks, the four optimizers' state, the
 * stream counters and the history, in {@link Checkpoints}' block format inside a checksummed frame written
 * atomically.
 */
final class CycleCheckpoints {

    static final String KIND = "ganbook cyclegan checkpoint 1";
    private static final List<String> NAMES = List.of("G", "F", "D_X", "D_Y");

    private CycleCheckpoints() {}

    static void save(CycleGanTrainer trainer, Path file) throws IOException {
        CycleGanTrainer.State state = trainer.state();
        ChecksummedFile.write(file, KIND, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeLong(state.seed());
            out.writeLong(state.iteration());
            out.writeLong(state.batchesX());
            out.writeLong(state.batchesY());
            out.writeLong(state.samplesDrawn());
            out.writeDouble(state.seconds());
            String part = "";
            try {
                List<Block> networks = trainer.networks();
                for (int i = 0; i < networks.size(); i++) {
                    part = NAMES.get(i) + "'s weights";
                    Checkpoints.writeBlock(out, networks.get(i));
                }
                List<ResumableOptimizer> optimizers = trainer.optimizers();
                for (int i = 0; i < optimizers.size(); i++) {
                    part = NAMES.get(i) + "'s optimizer state";
                    optimizers.get(i).saveState(out);
                }
            } catch (Checkpoints.NonFiniteValue e) {
                throw new NonFiniteStateException(state.iteration(), part + " hold NaN or infinite values");
            }
            trainer.historyRows().write(out);
            out.flush();
        });
    }

    static void load(CycleGanTrainer trainer, Path file) throws IOException {
        Checkpoints.read(file, KIND, in -> {
            long seed = in.readLong();
            long iteration = in.readLong();
            long batchesX = in.readLong();
            long batchesY = in.readLong();
            long samplesDrawn = in.readLong();
            double seconds = in.readDouble();
            List<Block> networks = trainer.networks();
            List<Map<String, float[]>> values = new ArrayList<>();
            for (int i = 0; i < networks.size(); i++) {
                values.add(Checkpoints.readBlock(in, networks.get(i), NAMES.get(i)));
            }
            // the file is intact and fits these networks: apply it
            for (int i = 0; i < networks.size(); i++) {
                Checkpoints.assign(networks.get(i), values.get(i));
            }
            for (ResumableOptimizer optimizer : trainer.optimizers()) {
                optimizer.loadState(in, trainer.manager());
            }
            CycleHistory history = CycleHistory.read(in);
            trainer.restore(
                    new CycleGanTrainer.State(seed, iteration, batchesX, batchesY, samplesDrawn, seconds), history);
        });
    }
}

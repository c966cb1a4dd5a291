package org.ganbook.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A copy of a block's BatchNorm running means and variances, to put them back after a training-mode
 * forward pass that only measures (a training-mode pass moves them).
 */
final class RunningStatistics {

    private final Block block;
    private final Map<String, float[]> values;

    private RunningStatistics(Block block, Map<String, float[]> values) {
        this.block = block;
        this.values = values;
    }

    /** Returns whether the block has BatchNorm layers (running statistics). */
    static boolean present(Block block) {
        return block.getParameters().values().stream().anyMatch(RunningStatistics::isRunning);
    }

    /** Returns whether the block or any block inside it is a dropout layer. */
    static boolean hasDropout(Block block) {
        if (block instanceof Dropout) {
            return true;
        }
        for (Pair<String, Block> child : block.getChildren()) {
            if (hasDropout(child.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** Copies the block's running statistics now. */
    static RunningStatistics of(Block block) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            if (isRunning(pair.getValue()) && pair.getValue().isInitialized()) {
                values.put(pair.getKey(), pair.getValue().getArray().toFloatArray());
            }
        }
        return new RunningStatistics(block, values);
    }

    /** Writes the copied values back, bit for bit. */
    void restore() {
        Checkpoints.assign(block, values);
    }

    private static boolean isRunning(Parameter parameter) {
        return parameter.getType() == Parameter.Type.RUNNING_MEAN || parameter.getType() == Parameter.Type.RUNNING_VAR;
    }
}

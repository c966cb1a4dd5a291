package org.ganbook.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganbook.nn.Networks;

/**
 * A copy of a block's parameter values at one moment, to prove later which ones changed.
 *
 * <pre>{@code
 * var before = ParameterSnapshot.of(discriminator);
 * trainer.generatorStep();
 * before.compareWith(discriminator).unchanged()   // true: D was frozen
 * }</pre>
 */
public final class ParameterSnapshot {

    private final Map<String, float[]> values;
    private final Map<String, Boolean> trainable;

    private ParameterSnapshot(Map<String, float[]> values, Map<String, Boolean> trainable) {
        this.values = values;
        this.trainable = trainable;
    }

    /** Copies every initialized parameter of {@code block} (running statistics included). */
    public static ParameterSnapshot of(Block block) {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, Boolean> trainable = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (parameter.isInitialized()) {
                values.put(pair.getKey(), parameter.getArray().toFloatArray());
                trainable.put(pair.getKey(), Networks.isTrainable(parameter));
            }
        }
        return new ParameterSnapshot(values, trainable);
    }

    /** Returns the number of parameter tensors captured. */
    public int tensorCount() {
        return values.size();
    }

    /** Returns the number of scalar values captured. */
    public long valueCount() {
        return values.values().stream().mapToLong(v -> v.length).sum();
    }

    /**
     * Compares this snapshot with the block's current values, bit for bit.
     *
     * @param block the same block, later
     * @return which parameters changed and by how much
     */
    public Comparison compareWith(Block block) {
        ParameterSnapshot now = of(block);
        List<String> changed = new ArrayList<>();
        List<String> changedTrainable = new ArrayList<>();
        double maxChange = 0;
        for (Map.Entry<String, float[]> entry : values.entrySet()) {
            float[] after = now.values.get(entry.getKey());
            float[] before = entry.getValue();
            if (after == null || after.length != before.length) {
                throw new IllegalArgumentException(
                        "parameter " + entry.getKey() + " is not in the block or changed shape");
            }
            if (!Arrays.equals(before, after)) {
                changed.add(entry.getKey());
                if (trainable.get(entry.getKey())) {
                    changedTrainable.add(entry.getKey());
                }
                for (int i = 0; i < before.length; i++) {
                    maxChange = Math.max(maxChange, Math.abs((double) after[i] - before[i]));
                }
            }
        }
        return new Comparison(values.size(), changed, changedTrainable, maxChange);
    }

    /**
     * The result of comparing a snapshot with the block's current values.
     *
     * @param tensors how many parameter tensors were compared
     * @param changed the names of the parameters whose values differ in any bit
     * @param changedTrainable the changed ones that are learned by gradient descent (not BatchNorm's
     *     running statistics)
     * @param maxAbsoluteChange the largest absolute change of any value
     */
    public record Comparison(
            int tensors, List<String> changed, List<String> changedTrainable, double maxAbsoluteChange) {

        /** Returns whether every value is bit-identical to the snapshot. */
        public boolean unchanged() {
            return changed.isEmpty();
        }

        /** Returns whether every learned value (weights, biases, gamma, beta) is bit-identical. */
        public boolean trainableUnchanged() {
            return changedTrainable.isEmpty();
        }

        @Override
        public String toString() {
            return unchanged()
                    ? "all " + tensors + " parameter tensors bit-identical"
                    : changed.size()
                            + " of "
                            + tensors
                            + " parameter tensors changed (largest change "
                            + String.format("%.3g", maxAbsoluteChange)
                            + ")";
        }
    }
}

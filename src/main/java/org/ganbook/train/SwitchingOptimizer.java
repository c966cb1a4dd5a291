package org.ganbook.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A learning-rate drop: one optimizer for the first updates of each parameter, another after that.
 *
 * <p>GAN recipes often train fast, then polish with a smaller learning rate: the fast phase finds the
 * modes, the slow one stops the samples jittering around them. With this class that is one line:
 *
 * <pre>{@code
 * .optGeneratorOptimizer(SwitchingOptimizer.after(4000, Optimizers.adam(1e-3f, 0.5f), Optimizers.adam(1e-4f, 0.5f)))
 * }</pre>
 *
 * <p>Updates are counted per parameter, so "after 4000" means after each parameter has been updated
 * 4000 times: 4000 generator steps, or 4000 discriminator steps (k per iteration). The second
 * optimizer starts with fresh state (for Adam: zero moments). The counts and both optimizers' state
 * are saved in checkpoints.
 */
public final class SwitchingOptimizer implements ResumableOptimizer {

    private final int switchAfter;
    private final ResumableOptimizer first;
    private final ResumableOptimizer then;
    private final Map<String, Integer> updates = new TreeMap<>();

    private SwitchingOptimizer(int switchAfter, ResumableOptimizer first, ResumableOptimizer then) {
        this.switchAfter = switchAfter;
        this.first = first;
        this.then = then;
    }

    /**
     * Uses {@code first} for the first {@code updates} updates of each parameter, {@code then} for
     * the rest.
     *
     * @param updates how many updates of each parameter {@code first} makes, at least 0
     * @param first the optimizer of the first phase
     * @param then the optimizer of the second phase, a different instance
     * @return the optimizer
     */
    public static SwitchingOptimizer after(int updates, ResumableOptimizer first, ResumableOptimizer then) {
        if (updates < 0) {
            throw new IllegalArgumentException("updates must be >= 0, got " + updates);
        }
        if (first == null || then == null) {
            throw new IllegalArgumentException("both optimizers are needed");
        }
        if (first == then) {
            throw new IllegalArgumentException("the two phases need separate optimizer instances");
        }
        return new SwitchingOptimizer(updates, first, then);
    }

    @Override
    public void update(String name, NDArray weight, NDArray gradient) {
        update(List.of(name), List.of(weight), List.of(gradient));
    }

    @Override
    public void update(List<String> names, List<NDArray> weights, List<NDArray> gradients) {
        List<String> firstNames = new ArrayList<>();
        List<NDArray> firstWeights = new ArrayList<>();
        List<NDArray> firstGradients = new ArrayList<>();
        List<String> thenNames = new ArrayList<>();
        List<NDArray> thenWeights = new ArrayList<>();
        List<NDArray> thenGradients = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            boolean early = updates.merge(names.get(i), 1, Integer::sum) - 1 < switchAfter;
            (early ? firstNames : thenNames).add(names.get(i));
            (early ? firstWeights : thenWeights).add(weights.get(i));
            (early ? firstGradients : thenGradients).add(gradients.get(i));
        }
        if (!firstNames.isEmpty()) {
            first.update(firstNames, firstWeights, firstGradients);
        }
        if (!thenNames.isEmpty()) {
            then.update(thenNames, thenWeights, thenGradients);
        }
    }

    /** Returns the learning rate of the phase the most advanced parameter is in. */
    @Override
    public float learningRate() {
        return inSecondPhase() ? then.learningRate() : first.learningRate();
    }

    /** Returns whether some parameter has already been updated by the second optimizer. */
    public boolean inSecondPhase() {
        return updates.values().stream().anyMatch(n -> n > switchAfter);
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeInt(updates.size());
        for (Map.Entry<String, Integer> entry : updates.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue());
        }
        first.saveState(out);
        then.saveState(out);
    }

    @Override
    public void loadState(DataInputStream in, NDManager manager) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 100_000) {
            throw new IOException("corrupted optimizer state: " + count + " entries");
        }
        Map<String, Integer> loaded = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            loaded.put(in.readUTF(), in.readInt());
        }
        first.loadState(in, manager);
        then.loadState(in, manager);
        updates.clear();
        updates.putAll(loaded);
    }

    @Override
    public String toString() {
        return first + " for " + switchAfter + " updates, then " + then;
    }
}

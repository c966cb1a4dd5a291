package org.ganbook.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adam, keeping its moments by parameter name so they can be saved, updating all of a network's
 * weights in one fused kernel call where the engine is PyTorch ({@link FusedAdam}).
 *
 * <p>DJL's own Adam keeps its state private and keyed by random parameter ids, which cannot be
 * restored in a new process; this one can.
 */
final class ResumableAdam implements ResumableOptimizer {

    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Map<String, NDArray> means = new TreeMap<>();
    private final Map<String, NDArray> variances = new TreeMap<>();
    private final Map<String, Integer> steps = new TreeMap<>();

    ResumableAdam(float learningRate, float beta1, float beta2, float epsilon) {
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam's betas must be in [0, 1)");
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void update(String name, NDArray weight, NDArray gradient) {
        update(List.of(name), List.of(weight), List.of(gradient));
    }

    /**
     * The update of {@code torch.optim.Adam}: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², w ← w − lr ·
     * (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε), for every weight in one call of libtorch's fused
     * kernel where the engine is PyTorch; elsewhere the same formula through DJL's update, weight by
     * weight.
     */
    @Override
    public void update(List<String> names, List<NDArray> weights, List<NDArray> gradients) {
        int count = names.size();
        int[] t = new int[count];
        List<NDArray> meanList = new ArrayList<>(count);
        List<NDArray> varianceList = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = names.get(i);
            NDArray weight = weights.get(i);
            t[i] = steps.merge(name, 1, Integer::sum);
            meanList.add(means.computeIfAbsent(name, k -> weight.zerosLike()));
            varianceList.add(variances.computeIfAbsent(name, k -> weight.zerosLike()));
        }
        if (FusedAdam.supports(weights)) {
            FusedAdam.update(weights, gradients, meanList, varianceList, t, learningRate, beta1, beta2, epsilon);
            return;
        }
        for (int i = 0; i < count; i++) {
            NDArray weight = weights.get(i);
            double correction1 = 1.0 - Math.pow(beta1, t[i]);
            double correction2 = 1.0 - Math.pow(beta2, t[i]);
            float correctedRate = (float) (learningRate * Math.sqrt(correction2) / correction1);
            // DJL adds ε to √v before the bias correction; ε·√(1 − β₂ᵗ) there is torch's ε after it
            float correctedEpsilon = (float) (epsilon * Math.sqrt(correction2));
            weight.getNDArrayInternal()
                    .adamUpdate(
                            new NDList(weight, gradients.get(i), meanList.get(i), varianceList.get(i)),
                            new NDList(weight),
                            learningRate,
                            correctedRate,
                            0f,
                            1f,
                            -1f,
                            beta1,
                            beta2,
                            correctedEpsilon,
                            false, // lazy update: ignored by the PyTorch engine
                            false); // plain Adam, not AdamW: no weight decay
        }
    }

    @Override
    public float learningRate() {
        return learningRate;
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeInt(steps.size());
        for (Map.Entry<String, Integer> entry : steps.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue());
            Checkpoints.writeArray(out, means.get(entry.getKey()));
            Checkpoints.writeArray(out, variances.get(entry.getKey()));
        }
    }

    @Override
    public void loadState(DataInputStream in, NDManager manager) throws IOException {
        clear();
        int count = in.readInt();
        if (count < 0 || count > 100_000) {
            throw new IOException("corrupted optimizer state: " + count + " entries");
        }
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            steps.put(name, in.readInt());
            means.put(name, Checkpoints.readArray(in, manager));
            variances.put(name, Checkpoints.readArray(in, manager));
        }
    }

    private void clear() {
        means.values().forEach(NDArray::close);
        variances.values().forEach(NDArray::close);
        means.clear();
        variances.clear();
        steps.clear();
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ")";
    }
}

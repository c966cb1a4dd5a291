package org.ganbook.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ganbook.nn.Networks;

/**
 * Updates one network's parameters from their gradients, and keeps its state (moments, step counts)
 * in a form a checkpoint can save, so that a resumed run continues exactly where it stopped. Ours
 * rather than DJL's {@code Optimizer}, whose state is private and keyed by per-process parameter ids;
 * make one with {@link Optimizers}.
 *
 * <p>Each update also clears the parameter's gradient, as PyTorch's optimizers do in DJL.
 */
public interface ResumableOptimizer {

    /**
     * Applies one update to {@code weight} from {@code gradient}, in place.
     *
     * @param name the parameter's stable name (its path in the block), the key of its state
     * @param weight the parameter array
     * @param gradient its gradient
     */
    void update(String name, NDArray weight, NDArray gradient);

    /**
     * Applies one update to each weight, in place: the same as {@link #update(String, NDArray,
     * NDArray)} on each in turn, which is what this default does; an optimizer may do it in fewer
     * passes over memory.
     *
     * @param names the parameters' stable names, in the same order as the weights
     * @param weights the parameter arrays
     * @param gradients their gradients
     */
    default void update(List<String> names, List<NDArray> weights, List<NDArray> gradients) {
        for (int i = 0; i < names.size(); i++) {
            update(names.get(i), weights.get(i), gradients.get(i));
        }
    }

    /**
     * One optimizer step on a network after its backward pass: every trainable parameter of {@code
     * block} that is not frozen is updated from the gradient it holds, under its name in the block, and
     * its gradient is cleared. The trainer's steps end with the same update.
     *
     * @param block the network that learns in this step
     */
    default void step(Block block) {
        List<Pair<String, Parameter>> trainable = new ArrayList<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            if (Networks.isTrainable(pair.getValue())) {
                trainable.add(pair);
            }
        }
        update(trainable);
    }

    /**
     * Updates each of the named parameters that requires a gradient from the gradient it holds.
     *
     * @param parameters the parameters with their stable names
     */
    default void update(List<Pair<String, Parameter>> parameters) {
        List<String> names = new ArrayList<>(parameters.size());
        List<NDArray> weights = new ArrayList<>(parameters.size());
        List<NDArray> gradients = new ArrayList<>(parameters.size());
        try {
            for (Pair<String, Parameter> pair : parameters) {
                Parameter parameter = pair.getValue();
                if (parameter.requiresGradient()) {
                    names.add(pair.getKey());
                    weights.add(parameter.getArray());
                    gradients.add(parameter.getArray().getGradient());
                }
            }
            update(names, weights, gradients);
        } finally {
            gradients.forEach(NDArray::close);
        }
    }

    /** Writes the optimizer's state (not its settings). */
    void saveState(DataOutputStream out) throws IOException;

    /**
     * Reads state written by {@link #saveState}; arrays are created in {@code manager}.
     *
     * @param in the stream
     * @param manager the manager that owns the parameters
     */
    void loadState(DataInputStream in, NDManager manager) throws IOException;

    /** Returns the learning rate. */
    float learningRate();
}

package org.ganbook.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

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

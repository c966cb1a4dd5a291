package org.ganbook.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Updates one network's parameters from their gradients, and keeps its state (moments, step counts)
 * in a form a checkpoint can save, so that a resumed run continues exactly where it stopped.
 *
 * <p>Each update also clears the parameter's gradient, as PyTorch's optimizers do in DJL.
 */
public interface Optimizer {

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

    /**
     * Adam (Kingma and Ba 2015).
     *
     * @param learningRate the step size, e.g. 2e-4
     * @param beta1 the first-moment decay, 0.5 in DCGAN practice, 0.9 by default elsewhere
     * @return the optimizer
     */
    static Optimizer adam(float learningRate, float beta1) {
        return new Adam(learningRate, beta1, 0.999f, 1e-8f);
    }

    /**
     * Plain stochastic gradient descent.
     *
     * @param learningRate the step size
     * @return the optimizer
     */
    static Optimizer sgd(float learningRate) {
        return new Sgd(learningRate);
    }
}

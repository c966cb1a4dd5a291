package org.ganbook.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;

/** Plain stochastic gradient descent, stateless; ours rather than DJL's Sgd because the trainer updates through {@link ResumableOptimizer} (list updates, savable state). */
final class PlainSgd implements ResumableOptimizer {

    private final float learningRate;

    PlainSgd(float learningRate) {
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public void update(String name, NDArray weight, NDArray gradient) {
        weight.getNDArrayInternal()
                .sgdUpdate(new NDList(weight, gradient), new NDList(weight), learningRate, 0f, 1f, -1f, 0f, true);
    }

    @Override
    public float learningRate() {
        return learningRate;
    }

    @Override
    public void saveState(DataOutputStream out) {}

    @Override
    public void loadState(DataInputStream in, NDManager manager) {}

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate + ")";
    }
}

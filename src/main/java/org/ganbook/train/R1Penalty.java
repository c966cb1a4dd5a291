package org.ganbook.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import java.util.List;

/**
 * The R1 gradient penalty of Mescheder, Geiger and Nowozin (2018, "Which training methods for GANs do
 * actually converge?"): D's loss gains (γ/2) · E[‖∇ₓ D(x)‖²] over real samples x, D(x) being its logit.
 * It damps the rotation of the two players around the equilibrium (notebook 9's Dirac GAN) and keeps
 * D from growing steep walls around the data.
 *
 * <p>The penalty's own gradient with respect to D's weights is a second derivative. DJL's {@code
 * GradientCollector} has no call for one, so the first gradient is taken with the engine's backward
 * pass asked to build a graph ({@code create_graph} in PyTorch), through {@link JniUtils}: PyTorch
 * engine only.
 */
final class R1Penalty {

    private R1Penalty() {}

    /**
     * Returns (γ/2) · mean over the batch of ‖∇ₓ logit‖², as an array the caller adds to D's loss and
     * back-propagates. Inside a gradient collector; {@code realInput} must require a gradient and {@code
     * realLogits} be computed from it. The gradients this leaves in D's weights are zeroed, so that only
     * the caller's backward pass counts.
     *
     * @param realInput the real samples (or packs) D judged, shape (n, ...)
     * @param realLogits D's logits on them, shape (n, 1)
     * @param gamma γ, positive
     * @param discriminatorParameters D's trainable parameters
     * @return the penalty, a scalar array
     */
    static NDArray of(NDArray realInput, NDArray realLogits, float gamma,
            List<Pair<String, Parameter>> discriminatorParameters) {
        NDArray sum = realLogits.sum();
        JniUtils.backward((PtNDArray) sum, (PtNDArray) sum.onesLike(), true, true);
        NDArray gradient = realInput.getGradient();
        for (Pair<String, Parameter> pair : discriminatorParameters) {
            NDArray weight = pair.getValue().getArray();
            if (weight.hasGradient()) {
                JniUtils.zeroGrad((PtNDArray) weight);
            }
        }
        long n = gradient.getShape().get(0);
        return gradient.reshape(n, -1).square().sum(new int[] {1}).mean().mul(gamma / 2);
    }
}

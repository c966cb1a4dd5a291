package org.ganbook.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.util.Pair;
import java.util.List;
import org.ganbook.data.NativeArrays;
import org.ganbook.io.BundledModule;

/**
 * The R1 gradient penalty of Mescheder, Geiger and Nowozin (2018, "Which training methods for GANs do
 * actually converge?"): D's loss gains (γ/2) · E[‖∇ₓ D(x)‖²] over real samples x, D(x) being its logit.
 * It damps the rotation of the two players around the equilibrium (notebook 9's Dirac GAN) and keeps
 * D from growing steep walls around the data.
 *
 * <p>The penalty's own gradient with respect to D's weights is a second derivative. DJL's {@code
 * GradientCollector} has no call for one, and a backward pass asked to build a graph leaves in the input
 * (and in D's weights) a gradient that holds a graph back to that array, a reference cycle that is never
 * freed (the leak PyTorch's documentation warns of). So ∇ₓ is taken with {@code torch.autograd.grad(...,
 * create_graph=True)}, which sets no gradient anywhere, through a tiny TorchScript module shipped in the
 * jar ({@code r1-gradient.pt}, made and checked by {@code src/scripts/make_r1_gradient.py}): PyTorch
 * engine only.
 */
final class R1Penalty {

    private static final BundledModule MODULE =
            new BundledModule(R1Penalty.class, "r1-gradient.pt", "no R1 penalty (it needs the PyTorch engine)");

    private R1Penalty() {}

    /**
     * Returns (γ/2) · mean over the batch of ‖∇ₓ logit‖², as an array the caller adds to D's loss and
     * back-propagates. Inside a gradient collector; {@code realInput} must require a gradient and {@code
     * realLogits} be computed from it. It leaves no gradient in D's weights nor in the input, so that only
     * the caller's backward pass counts.
     *
     * @param realInput the real samples (or packs) D judged, shape (n, ...)
     * @param realLogits D's logits on them, shape (n, 1)
     * @param gamma γ, positive
     * @param discriminatorParameters D's trainable parameters (none of them is touched)
     * @return the penalty, a scalar array
     * @throws IllegalStateException if the engine is not PyTorch
     */
    static NDArray of(NDArray realInput, NDArray realLogits, float gamma,
            List<Pair<String, Parameter>> discriminatorParameters) {
        PtSymbolBlock gradientModule = MODULE.get();
        if (gradientModule == null) {
            throw new IllegalStateException("the R1 penalty needs the PyTorch engine (its input-gradient module did"
                    + " not load on " + Engine.getDefaultEngineName() + ")");
        }
        // forward(.., true): run with autograd recording, so that the penalty's backward reaches D's weights
        NDArray gradient = IValueUtils.forward(gradientModule, new NDList(realInput, realLogits), true)
                .singletonOrThrow();
        long n = gradient.getShape().get(0);
        return NativeArrays.times(gradient.reshape(n, -1).square().sum(new int[] {1}).mean(), gamma / 2);
    }
}

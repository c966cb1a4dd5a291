package org.ganbook.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.ganbook.nn.Networks;

/**
 * The blog walkthroughs' "combined model": the generator followed by the discriminator, trained
 * with the discriminator frozen so that only the generator learns.
 *
 * <p>Noise goes in, D's verdict on G's output comes out. In the generator step the fakes are
 * labelled "real" and the error flows back through D into G; D's trainable parameters are frozen
 * for that pass, so D's weights cannot move and collect no gradient. {@link GanTrainer} builds one
 * and uses it in every generator step; a notebook can print it or call it.
 */
public final class CombinedModel {

    private final Block generator;
    private final Block discriminator;
    private final ParameterStore parameterStore;
    /** PacGAN's m, set by the trainer: G's outputs reach D in packs of this many. */
    int packing = 1;

    CombinedModel(Block generator, Block discriminator, ParameterStore parameterStore) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.parameterStore = parameterStore;
    }

    /** Returns the generator, the part that learns. */
    public Block generator() {
        return generator;
    }

    /** Returns the discriminator, frozen while the combined model trains. */
    public Block discriminator() {
        return discriminator;
    }

    /**
     * Runs noise (and labels, for a conditional GAN) through G and then D.
     *
     * @param noise the noise, shape (n, coding size)
     * @param labels the class labels for a conditional GAN, or {@code null}
     * @param training whether layers such as BatchNorm run in training mode
     * @return D's logits on G's output, shape (n, 1)
     */
    public NDArray forward(NDArray noise, NDArray labels, boolean training) {
        return forward(noise, labels, training, training);
    }

    /**
     * Runs noise (and labels) through G and then D, each in its own mode: the generator step runs G in
     * training mode and D in training mode or, by {@link BatchNormConvention#KERAS}, in inference mode.
     *
     * @param noise the noise, shape (n, coding size)
     * @param labels the class labels for a conditional GAN, or {@code null}
     * @param generatorTraining whether G's layers such as BatchNorm run in training mode
     * @param discriminatorTraining whether D's do
     * @return D's logits on G's output, shape (n, 1)
     */
    public NDArray forward(NDArray noise, NDArray labels, boolean generatorTraining, boolean discriminatorTraining) {
        NDArray fake = generator.forward(parameterStore, inputs(noise, labels), generatorTraining).singletonOrThrow();
        fake = Packing.pack(fake, packing);
        return discriminator.forward(parameterStore, inputs(fake, labels), discriminatorTraining).singletonOrThrow();
    }

    static NDList inputs(NDArray x, NDArray labels) {
        return labels == null ? new NDList(x) : new NDList(x, labels);
    }

    @Override
    public String toString() {
        long g = Networks.parameterCount(generator);
        long d = Networks.parameterCount(discriminator);
        return "combined model: noise -> generator (" + g + " trainable parameters, updated) -> discriminator ("
                + d + " trainable parameters, "
                + (Freezing.isFrozen(discriminator) ? "frozen now" : "frozen during the generator step")
                + ") -> D(G(z))";
    }
}

package org.ganbook.notebook;

import ai.djl.ndarray.types.Shape;
import org.ganbook.data.Toys;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.ganbook.nn.OutputActivation;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.GanTrainerBuilder;

/**
 * The ring GAN of notebooks 2 and 3, for cells that need several of them (seeds, settings side by
 * side): noise of length 8, G an MLP 8 → 128 → 128 → 2 with a linear output, D an MLP 2 → 128 → 128 →
 * 1, the 8-Gaussian ring, batches of 256, Adam with learning rate 10⁻³ (β₁ = 0.5), seed 42.
 */
public final class RingGan {

    /** The length of G's noise vector. */
    public static final int CODING_SIZE = 8;

    private RingGan() {}

    /**
     * A builder with fresh networks and the settings above; add to it ({@code .optSeed(2)}) and build.
     *
     * @return the builder
     */
    public static GanTrainerBuilder builder() {
        MlpGenerator generator = MlpGenerator.builder()
                .setCodingSize(CODING_SIZE).setOutputShape(new Shape(2))
                .optHidden(128, 128).optOutput(OutputActivation.LINEAR).build();
        MlpDiscriminator discriminator = MlpDiscriminator.builder()
                .setInputShape(new Shape(2)).optHidden(128, 128).build();
        return GanTrainer.builder(generator, discriminator)
                .setData(Toys.ring()).setCodingSize(CODING_SIZE)
                .optBatchSize(256).optLearningRate(1e-3f);
    }
}

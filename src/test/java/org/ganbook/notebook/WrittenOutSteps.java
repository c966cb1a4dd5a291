package org.ganbook.notebook;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.ganbook.train.Freezing;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.StepInputs;

/**
 * The two steps as notebooks 2 and 3 write them out in a cell, line for line between the markers.
 * {@link WrittenOutStepsTest} holds these lines equal to the notebooks' cells and their result
 * bit-identical to the library's steps.
 */
final class WrittenOutSteps {

    private WrittenOutSteps() {}

    /** Notebook 2's cell: one discriminator step; returns its loss. */
    static double discriminatorStep(GanTrainer trainer, Block generator, Block discriminator) {
        // cell 02: begin
        double writtenLoss;
        try (NDManager step = NDManager.newBaseManager()) {
            StepInputs drawn = trainer.nextDiscriminatorInputs(step);          // the next real batch, and noise for the fakes
            NDArray real = drawn.real();
            long n = real.getShape().get(0);
            ParameterStore store = new ParameterStore(step, false);
            NDArray fake = generator.forward(store, new NDList(drawn.noise()), true)
                    .singletonOrThrow().stopGradient();                         // G's fakes, detached: G learns nothing here
            NDArray samples = real.concat(fake, 0);                             // 2n rows, the real ones on top
            NDArray labels = step.ones(new Shape(n, 1)).concat(step.zeros(new Shape(n, 1)), 0);   // 1 real, 0 fake
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = discriminator.forward(store, new NDList(samples), true).singletonOrThrow();
                NDArray loss = trainer.loss().discriminatorLoss(logits, labels);   // binary cross-entropy on the logits
                collector.backward(loss);                                       // the gradient of the loss for D's weights
                writtenLoss = loss.getFloat();
            }
            trainer.discriminatorOptimizer().step(discriminator);              // one Adam step on D's weights
        }
        // cell 02: end
        return writtenLoss;
    }

    /** Notebook 3's cell: one generator step through the combined model with D frozen; returns its loss. */
    static double generatorStep(GanTrainer trainer, Block generator, Block discriminator) {
        // cell 03: begin
        double writtenLoss;
        try (NDManager step = NDManager.newBaseManager()) {
            NDArray noise = trainer.nextGeneratorInputs(step).noise();          // this iteration's noise for G
            Freezing.setTrainable(discriminator, false);                        // D frozen: its weights get no gradient
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = trainer.combinedModel().forward(noise, null, true);   // G, then D: D's verdict on G(z)
                NDArray loss = trainer.loss().generatorLoss(logits);            // the fakes labelled 1: -mean log D(G(z))
                collector.backward(loss);                                       // back through D into G
                writtenLoss = loss.getFloat();
            } finally {
                Freezing.setTrainable(discriminator, true);
            }
            trainer.generatorOptimizer().step(generator);                      // one Adam step on G's weights
        }
        // cell 03: end
        return writtenLoss;
    }
}

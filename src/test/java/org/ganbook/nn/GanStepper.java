package org.ganbook.nn;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.function.Function;

/**
 * Plain-DJL GAN steps for the smoke tests: one model and trainer per network, binary cross-entropy on
 * logits, the fakes detached for D's step, D's trainable parameters frozen for G's step.
 */
final class GanStepper implements AutoCloseable {

    private final Loss loss = Loss.sigmoidBinaryCrossEntropyLoss();
    private final Block discriminator;
    private final Model generatorModel;
    private final Model discriminatorModel;
    private final Trainer generatorTrainer;
    private final Trainer discriminatorTrainer;
    /** Turns a batch of samples into D's input: the samples alone, or the samples and labels. */
    private final Function<NDArray, NDList> discriminatorInput;

    GanStepper(
            Block generator,
            Block discriminator,
            Function<NDArray, NDList> discriminatorInput,
            Shape[] generatorInputShapes,
            Shape[] discriminatorInputShapes) {
        this.discriminator = discriminator;
        this.discriminatorInput = discriminatorInput;
        generatorModel = Model.newInstance("generator");
        generatorModel.setBlock(generator);
        discriminatorModel = Model.newInstance("discriminator");
        discriminatorModel.setBlock(discriminator);
        generatorTrainer = generatorModel.newTrainer(config());
        discriminatorTrainer = discriminatorModel.newTrainer(config());
        generatorTrainer.initialize(generatorInputShapes);
        discriminatorTrainer.initialize(discriminatorInputShapes);
    }

    private DefaultTrainingConfig config() {
        return new DefaultTrainingConfig(loss)
                .optOptimizer(
                        Optimizer.adam()
                                .optLearningRateTracker(Tracker.fixed(1e-3f))
                                .optBeta1(0.5f)
                                .build());
    }

    /** D's loss on real samples (label 1) and the generator's fakes (label 0), in training mode. */
    float discriminatorLoss(NDList generatorInput, NDArray real) {
        NDArray fake = generatorTrainer.forward(generatorInput).head().stopGradient();
        return discriminatorLossOn(real, fake).getFloat();
    }

    /** One D step on real and (detached) fake samples; returns the loss before the update. */
    float discriminatorStep(NDList generatorInput, NDArray real) {
        NDArray fake = generatorTrainer.forward(generatorInput).head().stopGradient();
        float value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray lossValue = discriminatorLossOn(real, fake);
            collector.backward(lossValue);
            value = lossValue.getFloat();
        }
        discriminatorTrainer.step();
        return value;
    }

    private NDArray discriminatorLossOn(NDArray real, NDArray fake) {
        NDManager manager = real.getManager();
        long n = real.getShape().get(0);
        NDArray realLogits = discriminatorTrainer.forward(discriminatorInput.apply(real)).head();
        NDArray fakeLogits = discriminatorTrainer.forward(discriminatorInput.apply(fake)).head();
        NDArray realLoss =
                loss.evaluate(new NDList(manager.ones(new Shape(n, 1))), new NDList(realLogits));
        NDArray fakeLoss =
                loss.evaluate(new NDList(manager.zeros(new Shape(n, 1))), new NDList(fakeLogits));
        return realLoss.add(fakeLoss);
    }

    /** G's non-saturating loss: its fakes labelled "real" (1), judged by D. */
    float generatorLoss(NDList generatorInput) {
        return generatorLossOn(generatorInput).getFloat();
    }

    /** One G step with D's trainable parameters frozen; returns the loss before the update. */
    float generatorStep(NDList generatorInput) {
        freezeDiscriminator(true);
        float value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray lossValue = generatorLossOn(generatorInput);
            collector.backward(lossValue);
            value = lossValue.getFloat();
        } finally {
            freezeDiscriminator(false);
        }
        generatorTrainer.step();
        return value;
    }

    private NDArray generatorLossOn(NDList generatorInput) {
        NDArray fake = generatorTrainer.forward(generatorInput).head();
        NDArray logits = discriminatorTrainer.forward(discriminatorInput.apply(fake)).head();
        NDManager manager = fake.getManager();
        return loss.evaluate(
                new NDList(manager.ones(new Shape(fake.getShape().get(0), 1))), new NDList(logits));
    }

    /** A copy of every trainable parameter value of D, flattened and concatenated. */
    float[] discriminatorWeights() {
        int total = 0;
        java.util.List<float[]> parts = new java.util.ArrayList<>();
        for (Parameter parameter : discriminator.getParameters().values()) {
            if (isTrainable(parameter)) {
                float[] values = parameter.getArray().toFloatArray();
                parts.add(values);
                total += values.length;
            }
        }
        float[] all = new float[total];
        int offset = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    private void freezeDiscriminator(boolean freeze) {
        for (Parameter parameter : discriminator.getParameters().values()) {
            if (isTrainable(parameter)) {
                parameter.freeze(freeze);
            }
        }
    }

    private static boolean isTrainable(Parameter parameter) {
        return parameter.getType() != Parameter.Type.RUNNING_MEAN
                && parameter.getType() != Parameter.Type.RUNNING_VAR;
    }

    @Override
    public void close() {
        generatorTrainer.close();
        discriminatorTrainer.close();
        generatorModel.close();
        discriminatorModel.close();
    }
}

package org.ganbook.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trainer's whole state at one moment, in memory, from {@link GanTrainer#snapshot()}: both networks'
 * parameters (running statistics included), both optimizers' state, the random streams' positions,
 * the history, and where the current iteration stands. {@link GanTrainer#restore(TrainerState)} goes
 * back to it, so that two ways of taking the same step can be compared from one starting point.
 */
public final class TrainerState {

    private final Map<String, float[]> generator;
    private final Map<String, float[]> discriminator;
    private final byte[] generatorOptimizer;
    private final byte[] discriminatorOptimizer;
    private final GanTrainer.State counters;
    private final History history = new History();
    private final int discriminatorStepsThisIteration;
    private final DiscriminatorStep lastDiscriminatorStep;

    private TrainerState(GanTrainer trainer, GanTrainer.State counters, int discriminatorSteps, DiscriminatorStep last) {
        this.generator = values(trainer.generator());
        this.discriminator = values(trainer.discriminator());
        this.generatorOptimizer = bytes(trainer.generatorOptimizer());
        this.discriminatorOptimizer = bytes(trainer.discriminatorOptimizer());
        this.counters = counters;
        this.history.replaceWith(trainer.historyRows());
        this.discriminatorStepsThisIteration = discriminatorSteps;
        this.lastDiscriminatorStep = last;
    }

    static TrainerState of(GanTrainer trainer, GanTrainer.State counters, int discriminatorSteps, DiscriminatorStep last) {
        return new TrainerState(trainer, counters, discriminatorSteps, last);
    }

    /** Returns the number of iterations completed when the state was taken. */
    public long iteration() {
        return counters.iteration();
    }

    void restoreInto(GanTrainer trainer) {
        requireSameNames(trainer.generator(), generator, "generator");
        requireSameNames(trainer.discriminator(), discriminator, "discriminator");
        Checkpoints.assign(trainer.generator(), generator);
        Checkpoints.assign(trainer.discriminator(), discriminator);
        Gradients.clear(trainer.generator());
        Gradients.clear(trainer.discriminator());
        try {
            trainer.generatorOptimizer().loadState(
                    new DataInputStream(new ByteArrayInputStream(generatorOptimizer)), trainer.manager());
            trainer.discriminatorOptimizer().loadState(
                    new DataInputStream(new ByteArrayInputStream(discriminatorOptimizer)), trainer.manager());
        } catch (IOException e) {
            throw new UncheckedIOException("an optimizer state in memory could not be read back", e);
        }
        History copy = new History();
        copy.replaceWith(history);
        trainer.restore(counters, copy);
        trainer.restoreStepCounters(discriminatorStepsThisIteration, lastDiscriminatorStep);
    }

    private static Map<String, float[]> values(Block block) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> entry : Checkpoints.parameters(block).entrySet()) {
            values.put(entry.getKey(), entry.getValue().getArray().toFloatArray());
        }
        return values;
    }

    private static byte[] bytes(ResumableOptimizer optimizer) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            optimizer.saveState(out);
        } catch (IOException e) {
            throw new UncheckedIOException("the optimizer state could not be copied (" + e.getMessage() + ")", e);
        }
        return buffer.toByteArray();
    }

    private static void requireSameNames(Block block, Map<String, float[]> values, String name) {
        if (!Checkpoints.parameters(block).keySet().equals(values.keySet())) {
            throw new IllegalArgumentException("this state was taken from a trainer whose " + name
                    + " has other parameters: restore it into the trainer it came from");
        }
    }
}

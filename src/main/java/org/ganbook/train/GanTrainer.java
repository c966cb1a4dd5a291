package org.ganbook.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ganbook.data.BatchStream;
import org.ganbook.data.SampleBatch;
import org.ganbook.loss.GanLoss;
import org.ganbook.loss.ValueFunction;
import org.ganbook.nn.Networks;

/**
 * Trains a generator G against a discriminator D, one readable phase at a time.
 *
 * <p>The two phases of GAN training are two public calls:
 *
 * <ul>
 *   <li>{@link #discriminatorStep()}: a batch of real samples (label 1) and an equal batch of G's
 *       fakes (label 0, detached, so G's weights do not change) are concatenated and D takes one step
 *       on them;
 *   <li>{@link #generatorStep()}: fresh noise goes through the {@linkplain #combinedModel() combined
 *       model} G then D with D's weights frozen; the fakes are labelled 1 and the error flows through D
 *       into G, so only G's weights change.
 * </ul>
 *
 * <p>What happens to the BatchNorm layers of the network that does not train is a convention
 * ({@link BatchNormConvention}): by default PyTorch's (it runs in training mode, so its running
 * statistics move while its weights stay), or Keras's (inference mode: it is bit-identical after the
 * step).
 *
 * <p>This file is the training; what a notebook asks of the networks (fresh and fixed samples, D's
 * verdict, the history) comes from {@link GanModel}, which a trainer is, and ways to look inside D and G
 * from {@link Probes}.
 *
 * <p>Notebooks 2 and 3 write each step out in a cell with DJL and prove it bit-identical to the call:
 * {@link #nextDiscriminatorInputs} and {@link #nextGeneratorInputs} give a written-out step the numbers
 * the library's step would draw, {@link #loss()} and the optimizers are the step's own, and {@link
 * #snapshot()} / {@link #restore(TrainerState)} run both from the same state.
 *
 * <p>The trainer's methods are synchronized: when a notebook's stop button interrupts {@link #fit},
 * a call from the next cell waits until the interrupted iteration has finished.
 *
 * <p>{@link #fit(int)} is nothing but those two calls in a loop, k discriminator steps per generator
 * step (Algorithm 1 of Goodfellow et al. 2014). Every step returns its numbers and every iteration
 * adds a row to the {@linkplain #history() history table}. All randomness comes from the seed: the
 * same seed and settings give the same history, and a run resumed from a checkpoint continues
 * exactly as if it had never stopped.
 *
 * <pre>{@code
 * var trainer = GanTrainer.builder(generator, discriminator)
 *         .setData(Toys.ring())
 *         .setCodingSize(2)
 *         .optBatchSize(256)
 *         .build();
 * trainer.fit(3000);
 * }</pre>
 */
public final class GanTrainer extends GanModel {

    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(GanTrainer.class);

    private static final long PHASE_DISCRIMINATOR = 1;
    private static final long PHASE_GENERATOR = 2;

    private final GanLoss loss;
    private final int batchSize;
    private final int discriminatorSteps;
    private final float realLabel;
    private final ResumableOptimizer generatorOptimizer;
    private final ResumableOptimizer discriminatorOptimizer;
    private final boolean freezeDiscriminator;
    private final DiscriminatorInGeneratorStep discriminatorInGeneratorStep;
    private final DiscriminatorBatches discriminatorBatches;
    /** Whether the network that does not train runs in training mode: {@link BatchNormConvention#PYTORCH}. */
    private final boolean otherInTraining;
    private final boolean measureAfterUpdate;
    /** PacGAN's m: D judges packs of this many samples; 1 for one sample at a time. */
    private final int packing;
    /** R1's γ: D's loss gains (γ/2) E‖∇ₓD(x)‖² on real samples; 0 for none. */
    private final float r1Gamma;
    private final int progressLines;
    private final TrainingProgress progress;
    private final List<Pair<Integer, IterationListener>> listeners;

    private final List<Pair<String, Parameter>> generatorParameters;
    private final List<Pair<String, Parameter>> discriminatorParameters;
    private final boolean discriminatorHasBatchNorm;
    private final boolean generatorHasBatchNorm;
    /** Whether either network has dropout: a training-mode measurement would then draw random masks. */
    private final boolean anyDropout;

    private BatchStream sampler;
    private long realBatchesDrawn;
    private volatile long iteration; // written only under the lock, with the history row it counts
    private int discriminatorStepsThisIteration;
    private DiscriminatorStep lastDiscriminatorStep;
    private final TrainingClock clock = new TrainingClock();
    private volatile boolean stopRequested;

    GanTrainer(GanTrainerBuilder builder) {
        super(builder.generator, builder.discriminator, builder.data, builder.codingSize, builder.noise, builder.seed,
                builder.conditional, builder.device, builder.packing);
        this.loss = builder.loss;
        this.batchSize = builder.batchSize;
        this.discriminatorSteps = builder.discriminatorSteps;
        this.realLabel = 1f - builder.labelSmoothing;
        this.generatorOptimizer = builder.generatorOptimizer;
        this.discriminatorOptimizer = builder.discriminatorOptimizer;
        this.discriminatorInGeneratorStep = builder.discriminatorInGeneratorStep;
        this.freezeDiscriminator = discriminatorInGeneratorStep == DiscriminatorInGeneratorStep.FROZEN;
        this.discriminatorBatches = builder.discriminatorBatches;
        this.otherInTraining = builder.batchNormConvention == BatchNormConvention.PYTORCH;
        this.measureAfterUpdate = builder.measureAfterUpdate;
        this.packing = builder.packing;
        this.r1Gamma = builder.r1Gamma;
        combinedModel.packing = builder.packing;
        this.progressLines = builder.progressLines;
        this.progress = builder.progress;
        this.listeners = List.copyOf(builder.listeners);
        this.generatorParameters = trainable(generator);
        this.discriminatorParameters = trainable(discriminator);
        this.discriminatorHasBatchNorm = RunningStatistics.present(discriminator);
        this.generatorHasBatchNorm = RunningStatistics.present(generator);
        this.anyDropout = RunningStatistics.hasDropout(generator) || RunningStatistics.hasDropout(discriminator);
        this.sampler = data.sampler(seed);
    }

    /**
     * Starts building a trainer for the given networks.
     *
     * @param generator G: noise (and a label, if conditional) in, a sample out
     * @param discriminator D: a sample (and a label, if conditional) in, one logit out
     * @return the builder
     */
    public static GanTrainerBuilder builder(Block generator, Block discriminator) {
        return new GanTrainerBuilder(generator, discriminator);
    }

    static List<Pair<String, Parameter>> trainable(Block block) {
        List<Pair<String, Parameter>> list = new ArrayList<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            if (Networks.isTrainable(pair.getValue())) {
                list.add(pair);
            }
        }
        return list;
    }

    // ---------------------------------------------------------------- the two phases

    /**
     * The discriminator phase: one step of D on real samples (label 1) and G's fakes (label 0),
     * concatenated into one batch. The fakes are detached, so G does not change. D's forward pass runs
     * over the real and the fake half separately, so that a BatchNorm layer in D normalises each half
     * on its own; for a D without BatchNorm that is the same as one pass over the whole batch. With
     * {@link DiscriminatorBatches#REAL_THEN_FAKE} D takes two updates instead, one per half.
     *
     * <p>The "after" numbers are D's outputs on the same batch after the update, judged as the step
     * judged it: in inference mode for a D without BatchNorm (the same numbers), in training mode for a D
     * with BatchNorm, whose running statistics are then put back, so that measuring changes nothing.
     *
     * @return the step's loss and D's outputs before and after the update
     * @throws DivergedException if the loss is NaN or infinite (nothing is updated)
     */
    public synchronized DiscriminatorStep discriminatorStep() {
        ensureOpen();
        clock.start();
        if (discriminatorInGeneratorStep == DiscriminatorInGeneratorStep.GRADIENT_DISCARDED) {
            zeroGradients(discriminatorParameters);   // PyTorch's netD.zero_grad(): the G step's gradient goes
        }
        try (NDManager step = manager.newSubManager()) {
            StepInputs drawn = drawDiscriminatorInputs(step);
            SampleBatch real = new SampleBatch(drawn.real(), drawn.realLabels());
            int n = real.size();
            NDArray noise = drawn.noise();
            NDArray fakeLabels = drawn.noiseLabels();
            NDArray fake =
                    generator
                            .forward(parameterStore, CombinedModel.inputs(noise, fakeLabels), otherInTraining)
                            .singletonOrThrow()
                            .stopGradient();

            // with packing (PacGAN), D judges n / m packs of m samples each, real packs and fake packs
            NDArray realIn = Packing.pack(real.samples(), packing);
            NDArray fakeIn = Packing.pack(fake, packing);
            int packs = n / packing;
            if (r1Gamma > 0) {
                realIn.setRequiresGradient(true); // R1 needs the gradient of D's output with respect to it
            }
            NDArray samples = realIn.concat(fakeIn, 0);
            NDArray labels = conditional ? requireLabels(real).concat(fakeLabels, 0) : null;
            NDArray targets = step.full(new Shape(packs, 1), realLabel).concat(step.zeros(new Shape(packs, 1)), 0);
            NDList inputs = CombinedModel.inputs(samples, labels);

            float[] logits;
            double lossValue;
            NDList realInputs = CombinedModel.inputs(realIn, conditional ? requireLabels(real) : null);
            NDList fakeInputs = CombinedModel.inputs(fakeIn, fakeLabels);
            if (discriminatorBatches == DiscriminatorBatches.REAL_THEN_FAKE) {
                NDArray realLogits = separateUpdate(realInputs, step.full(new Shape(packs, 1), realLabel));
                NDArray fakeLogits = separateUpdate(fakeInputs, step.zeros(new Shape(packs, 1)));
                NDArray both = realLogits.concat(fakeLogits, 0);
                lossValue = loss.discriminatorLoss(both, targets).getFloat();
                logits = both.toFloatArray();
            } else {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray output;
                    if (discriminatorHasBatchNorm) {
                        // D judges the two halves in separate passes, as the DCGAN reference does: BatchNorm then
                        // normalises an all-real and an all-fake batch, the same kind of batch D sees in the
                        // generator step (all fake); over a mixed batch its statistics would come from a mix D
                        // never meets there. The loss is the same mean over 2n.
                        NDArray realLogits = discriminator.forward(parameterStore, realInputs, true).singletonOrThrow();
                        NDArray fakeLogits = discriminator.forward(parameterStore, fakeInputs, true).singletonOrThrow();
                        output = realLogits.concat(fakeLogits, 0);
                    } else {
                        // without BatchNorm, one pass over the concatenated batch computes the same numbers; for R1
                        // the concatenation is made again here, where autograd records it, to reach the real samples
                        NDList judged = r1Gamma > 0 ? CombinedModel.inputs(realIn.concat(fakeIn, 0), labels) : inputs;
                        output = discriminator.forward(parameterStore, judged, true).singletonOrThrow();
                    }
                    NDArray lossArray = loss.discriminatorLoss(output, targets);
                    if (r1Gamma > 0) {
                        lossArray = lossArray.add(R1Penalty.of(realIn, output.get("0:" + packs), r1Gamma,
                                discriminatorParameters));
                    }
                    lossValue = lossArray.getFloat();
                    if (!Double.isFinite(lossValue)) {
                        throw new DivergedException("discriminator", iteration, lossValue);
                    }
                    collector.backward(lossArray);
                    logits = output.toFloatArray();
                }
                applyUpdate(discriminatorParameters, discriminatorOptimizer);
            }

            double realAfter = Double.NaN;
            double fakeAfter = Double.NaN;
            if (measureAfterUpdate && !discriminatorHasBatchNorm) {
                float[] after = discriminator.forward(parameterStore, inputs, false).singletonOrThrow().toFloatArray();
                realAfter = meanSigmoid(after, 0, packs);
                fakeAfter = meanSigmoid(after, packs, 2 * packs);
            } else if (measureAfterUpdate && !anyDropout) {
                // a BatchNorm D in inference mode would judge with running statistics that lag far behind (all
                // its answers near 1/2): measure as the step judged, each half in training mode, and put the
                // running statistics back so that the measurement changes nothing
                RunningStatistics saved = RunningStatistics.of(discriminator);
                try {
                    realAfter = meanSigmoid(
                            discriminator.forward(parameterStore, realInputs, true).singletonOrThrow().toFloatArray(), 0, packs);
                    fakeAfter = meanSigmoid(
                            discriminator.forward(parameterStore, fakeInputs, true).singletonOrThrow().toFloatArray(), 0, packs);
                } finally {
                    saved.restore();
                }
            }
            DiscriminatorStep result =
                    new DiscriminatorStep(
                            iteration,
                            lossValue,
                            meanSigmoid(logits, 0, packs),
                            meanSigmoid(logits, packs, 2 * packs),
                            realAfter,
                            fakeAfter,
                            ValueFunction.fromLogits(logits, packs));
            discriminatorStepsThisIteration++;
            lastDiscriminatorStep = result;
            return result;
        }
    }

    /**
     * The frozen-discriminator phase: fresh noise through the combined model G then D, the fakes
     * labelled "real", and one step of G. D's trainable parameters are frozen for the pass, so only
     * G's weights change. Completes the current iteration and adds a row to the history.
     *
     * <p>The "after" number is D's verdict on the same noise after G's update, in inference mode when
     * neither network has BatchNorm, else in the step's own modes with the running statistics put back.
     *
     * @return the step's loss and D(G(z)) before and after G's update
     * @throws DivergedException if the loss is NaN or infinite (nothing is updated)
     */
    public synchronized GeneratorStep generatorStep() {
        return trainGenerator().generator();
    }

    /** The generator step; returns the iteration it completes (the row it adds to the history). */
    private Iteration trainGenerator() {
        ensureOpen();
        clock.start();
        try (NDManager step = manager.newSubManager()) {
            StepInputs drawn = nextGeneratorInputs(step);
            NDArray noise = drawn.noise();
            NDArray labels = drawn.noiseLabels();

            float[] logits;
            double lossValue;
            if (freezeDiscriminator) {
                setTrainable(discriminatorParameters, false);
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray output = combinedModel.forward(noise, labels, true, otherInTraining);
                NDArray lossArray = loss.generatorLoss(output);
                lossValue = lossArray.getFloat();
                if (!Double.isFinite(lossValue)) {
                    throw new DivergedException("generator", iteration, lossValue);
                }
                collector.backward(lossArray);
                logits = output.toFloatArray();
            } finally {
                if (freezeDiscriminator) {
                    setTrainable(discriminatorParameters, true);
                }
            }
            applyUpdate(generatorParameters, generatorOptimizer);
            if (discriminatorInGeneratorStep == DiscriminatorInGeneratorStep.UPDATED) {
                // the Keras mistake: the combined model's optimizer also updates D, towards "fakes are real"
                applyUpdate(prefixed(discriminatorParameters), generatorOptimizer);
            }

            double fakeAfter = Double.NaN;
            if (measureAfterUpdate && !generatorHasBatchNorm && !discriminatorHasBatchNorm) {
                float[] after = combinedModel.forward(noise, labels, false).toFloatArray();
                fakeAfter = meanSigmoid(after, 0, after.length);
            } else if (measureAfterUpdate && !anyDropout) {
                // with BatchNorm, inference mode would measure another function than the one the step trained:
                // measure in the step's own modes and put the running statistics back
                RunningStatistics savedG = RunningStatistics.of(generator);
                RunningStatistics savedD = RunningStatistics.of(discriminator);
                try {
                    float[] after = combinedModel.forward(noise, labels, true, otherInTraining).toFloatArray();
                    fakeAfter = meanSigmoid(after, 0, after.length);
                } finally {
                    savedG.restore();
                    savedD.restore();
                }
            }
            return finishIteration(
                    new GeneratorStep(iteration, lossValue, meanSigmoid(logits, 0, logits.length), fakeAfter));
        }
    }

    /**
     * What {@link Freezing#setTrainable} does, over the trainable parameters listed once at build
     * time instead of a walk of the block tree each step.
     */
    static void setTrainable(List<Pair<String, Parameter>> parameters, boolean trainable) {
        for (Pair<String, Parameter> pair : parameters) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient() != trainable) {
                parameter.freeze(!trainable);
            }
        }
    }

    /** One update of D alone on one half of the batch, for {@link DiscriminatorBatches#REAL_THEN_FAKE}. */
    private NDArray separateUpdate(NDList inputs, NDArray targets) {
        NDArray logits;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            logits = discriminator.forward(parameterStore, inputs, true).singletonOrThrow();
            NDArray lossArray = loss.discriminatorLoss(logits, targets);
            double lossValue = lossArray.getFloat();
            if (!Double.isFinite(lossValue)) {
                throw new DivergedException("discriminator", iteration, lossValue);
            }
            collector.backward(lossArray);
        }
        applyUpdate(discriminatorParameters, discriminatorOptimizer);
        return logits.stopGradient();
    }

    /** D's parameters under names of their own in G's optimizer (for {@link DiscriminatorInGeneratorStep#UPDATED}). */
    private static List<Pair<String, Parameter>> prefixed(List<Pair<String, Parameter>> parameters) {
        List<Pair<String, Parameter>> list = new ArrayList<>(parameters.size());
        for (Pair<String, Parameter> pair : parameters) {
            list.add(new Pair<>("discriminator/" + pair.getKey(), pair.getValue()));
        }
        return list;
    }

    private static void zeroGradients(List<Pair<String, Parameter>> parameters) {
        for (Pair<String, Parameter> pair : parameters) {
            NDArray array = pair.getValue().getArray();
            if (array.hasGradient()) {
                try (NDArray gradient = array.getGradient()) {
                    gradient.muli(0f);
                }
            }
        }
    }

    static void applyUpdate(List<Pair<String, Parameter>> parameters, ResumableOptimizer optimizer) {
        optimizer.update(parameters);
    }

    private Iteration finishIteration(GeneratorStep generatorStep) {
        DiscriminatorStep d = lastDiscriminatorStep;
        if (d == null) {
            d = new DiscriminatorStep(iteration, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Iteration result = new Iteration(iteration, d, generatorStep, sampler.epochs(), clock.seconds());
        history.add(result);
        iteration++;
        discriminatorStepsThisIteration = 0;
        lastDiscriminatorStep = null;
        return result;
    }

    // ---------------------------------------------------------------- the steps' inputs, for steps written out

    /** The real batch and the noise of a discriminator step, without counting the step. */
    private StepInputs drawDiscriminatorInputs(NDManager target) {
        SampleBatch real = sampler.next(target, batchSize);
        realBatchesDrawn++;
        int n = real.size();
        long stepSeed = mix(seed, PHASE_DISCRIMINATOR, iteration, discriminatorStepsThisIteration);
        NDArray noise = latent.reseeded(stepSeed).sample(target, n);
        NDArray fakeLabels = conditional ? randomLabels(target, n, stepSeed) : null;
        return new StepInputs(real.samples(), conditional ? requireLabels(real) : null, noise, fakeLabels);
    }

    /**
     * Draws what the next {@link #discriminatorStep()} would draw: the next real batch of the training
     * stream and the step's noise, for a discriminator step written out in a notebook cell. It counts as
     * that step's draw, so the library's next step draws the batch after it, as if the written-out step
     * had been one of its own. (A written-out step reports no numbers to the trainer: if it is the last
     * discriminator step of an iteration, that iteration's history row has NaN in its D columns.)
     *
     * @param target the manager that owns the arrays, usually the step's own
     * @return the real batch (and its labels) and the noise for the fakes (and their labels)
     */
    public synchronized StepInputs nextDiscriminatorInputs(NDManager target) {
        ensureOpen();
        StepInputs drawn = drawDiscriminatorInputs(target);
        discriminatorStepsThisIteration++;
        return drawn;
    }

    /**
     * The noise (and labels) that this iteration's {@link #generatorStep()} uses, for a generator step
     * written out in a notebook cell. Drawing it advances nothing: every call until the iteration is
     * completed by {@code generatorStep()} returns the same noise.
     *
     * @param target the manager that owns the arrays
     * @return the noise and, for a conditional GAN, the labels; no real batch
     */
    public synchronized StepInputs nextGeneratorInputs(NDManager target) {
        ensureOpen();
        long stepSeed = mix(seed, PHASE_GENERATOR, iteration, 0);
        NDArray noise = latent.reseeded(stepSeed).sample(target, batchSize);
        NDArray labels = conditional ? randomLabels(target, batchSize, stepSeed) : null;
        return new StepInputs(null, null, noise, labels);
    }

    /** Returns the objective both steps use. */
    public GanLoss loss() {
        return loss;
    }

    /** Returns the optimizer that updates G (and, with {@link DiscriminatorInGeneratorStep#UPDATED}, D). */
    public ResumableOptimizer generatorOptimizer() {
        return generatorOptimizer;
    }

    /** Returns the optimizer that updates D. */
    public ResumableOptimizer discriminatorOptimizer() {
        return discriminatorOptimizer;
    }

    /**
     * Copies the trainer's whole state into memory: both networks (BatchNorm's running statistics
     * included), both optimizers, the random streams' positions and the history. {@link
     * #restore(TrainerState)} goes back to it, so that two ways of taking a step can start from the same
     * state. Gradients that a network holds are not part of it (a trainer that freezes D holds none
     * between steps).
     *
     * @return the state
     */
    public synchronized TrainerState snapshot() {
        ensureOpen();
        return TrainerState.of(this, state(), discriminatorStepsThisIteration, lastDiscriminatorStep);
    }

    /**
     * Goes back to a state taken by {@link #snapshot()} of this trainer: training goes on exactly as it
     * went on from there. Gradients left in G or D since (say by a backward pass written out in a notebook)
     * are cleared, as they were between the trainer's steps.
     *
     * @param state the state
     */
    public synchronized void restore(TrainerState state) {
        ensureOpen();
        state.restoreInto(this);
    }

    /** The end of {@link #restore(TrainerState)}: the counters of the middle of an iteration. */
    void restoreStepCounters(int discriminatorSteps, DiscriminatorStep last) {
        discriminatorStepsThisIteration = discriminatorSteps;
        lastDiscriminatorStep = last;
    }

    // ---------------------------------------------------------------- the loop

    /**
     * Trains for {@code iterations} iterations, each k discriminator steps then one generator step.
     *
     * <p>Shows its progress: in a Jupyter notebook a bar and a picture that update in place in the
     * cell (see {@code org.ganbook.notebook.Live}), elsewhere a few plain lines; set with
     * {@link GanTrainerBuilder#optProgress(TrainingProgress)}, off with {@code optProgress(0)}. If
     * {@link #requestStop()} is called, training stops after the current iteration and {@code fit}
     * returns. If the thread is interrupted (the notebook's stop button; in a notebook the cell's
     * cancelled state counts too, see {@link Interrupts}), training stops after the current iteration
     * and {@code fit} throws {@link TrainingInterruptedException}, keeping the thread's interrupt
     * status, so that a loop around {@code fit} stops too; either way the history
     * has one row per finished iteration and the trainer stays usable.
     *
     * @param iterations how many iterations
     * @return the last iteration, or {@code null} if none ran
     * @throws DivergedException if a loss becomes NaN or infinite
     * @throws TrainingInterruptedException if the thread was interrupted
     */
    public synchronized Iteration fit(int iterations) {
        return fit(iterations, progress != null ? progress : TrainingProgress.automatic(progressLines));
    }

    /**
     * {@link #fit(int)} with a progress view of its own for this call, such as a live picture of your
     * choice: {@code trainer.fit(3000, Live.every(100, t -> GanPlots.curves(t)))}.
     *
     * @param iterations how many iterations
     * @param progress what to show while training; {@link TrainingProgress#none()} for nothing
     * @return the last iteration, or {@code null} if none ran
     * @throws DivergedException if a loss becomes NaN or infinite
     */
    public synchronized Iteration fit(int iterations, TrainingProgress progress) {
        ensureOpen();
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (progress == null) {
            throw new IllegalArgumentException("progress is null: pass TrainingProgress.none() to show nothing");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new TrainingInterruptedException(iteration);
        }
        long first = iteration;
        progress.start(this, iterations);
        try {
            return loop(iterations, progress, Interrupts.forThisCall());
        } finally {
            progress.finish(this, iteration > first ? history.last() : null);
        }
    }

    private Iteration loop(int iterations, TrainingProgress progress, BooleanSupplier cancelled) {
        Iteration result = null;
        for (int i = 0; i < iterations; i++) {
            for (int k = 0; k < discriminatorSteps; k++) {
                discriminatorStep();
            }
            result = trainGenerator();
            for (Pair<Integer, IterationListener> listener : listeners) {
                if ((result.iteration() + 1) % listener.getKey() == 0) {
                    if (Interrupts.requested(cancelled)) {
                        // before a listener (often drawing) runs: library code inside it may clear the flag
                        throw new TrainingInterruptedException(iteration);
                    }
                    notify(listener.getValue(), result);
                }
            }
            progress.update(this, result);
            if (Interrupts.requested(cancelled)) {
                // the flag stays set and the exception ends any loop around fit, not only this call
                throw new TrainingInterruptedException(iteration);
            }
            if (stopRequested) {
                stopRequested = false;
                LOGGER.info("stopped on request after iteration {}; the networks are usable", iteration);
                break;
            }
        }
        return result;
    }

    /** Runs a listener; an interrupt it ran into (and perhaps cleared) ends training like the stop button. */
    private void notify(IterationListener listener, Iteration result) {
        try {
            listener.onIteration(this, result);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InterruptedException || cause instanceof java.io.InterruptedIOException
                        || cause instanceof java.nio.channels.ClosedByInterruptException) {
                    Thread.currentThread().interrupt();
                    throw new TrainingInterruptedException(iteration);
                }
            }
            throw e;
        }
    }

    /**
     * Asks {@link #fit} to stop after its current iteration; callable from any thread (a signal
     * handler, a button), without waiting. Unlike {@link Thread#interrupt()} it never disturbs I/O
     * that the training thread is doing (a listener saving a checkpoint, say). The request is used
     * up by the {@code fit} it stops: made while no {@code fit} runs, it stops the next one after
     * one iteration.
     */
    public void requestStop() {
        stopRequested = true;
    }

    // ---------------------------------------------------------------- using the networks

    /** Returns the number of completed iterations (callable from any thread, without waiting). */
    public long iteration() {
        return iteration;
    }

    /** Returns the batch size. */
    public int batchSize() {
        return batchSize;
    }

    // ---------------------------------------------------------------- checkpoints

    /**
     * Saves G, D, both optimizers' state, the random streams' counters and the history to {@code file}
     * (see {@link Checkpoints}): written atomically, checksummed, never from a NaN or infinite state.
     *
     * @param file the checkpoint file
     * @throws NonFiniteStateException if a weight, an optimizer moment or a probe loss is NaN or infinite
     * @throws IOException if writing fails (the previous checkpoint is then unchanged)
     */
    public synchronized void save(Path file) throws IOException {
        ensureOpen();
        Checkpoints.save(this, file);
    }

    /**
     * Restores a checkpoint written by {@link #save(Path)} into this trainer, whose networks must have
     * the same architecture; training then goes on exactly as if it had never stopped. Nothing changes
     * unless the whole file is valid.
     *
     * @param file the checkpoint file
     * @throws IOException if the file is missing, corrupted, or from another architecture; the message
     *     says which
     */
    public synchronized void load(Path file) throws IOException {
        ensureOpen();
        Checkpoints.load(this, file);
    }

    /** The counters a checkpoint needs besides the networks, the optimizers and the history. */
    record State(long seed, long iteration, long realBatchesDrawn, long samplesDrawn, double seconds) {}

    State state() {
        return new State(seed, iteration, realBatchesDrawn, samplesDrawn, clock.seconds());
    }

    /** Continues from a saved state: the counters, the history, and the real-data stream replayed. */
    void restore(State state, History saved) {
        history.replaceWith(saved);
        if (state.seed() != seed) {
            LOGGER.warn("the checkpoint was trained with seed {}, this trainer uses {}; the run continues with this"
                    + " trainer's seed", state.seed(), seed);
        }
        iteration = state.iteration();
        samplesDrawn = state.samplesDrawn();
        clock.restart(state.seconds());
        discriminatorStepsThisIteration = 0;
        lastDiscriminatorStep = null;
        sampler = data.sampler(seed);
        realBatchesDrawn = 0;
        try (NDManager skip = manager.newSubManager()) {
            for (long i = 0; i < state.realBatchesDrawn(); i++) {
                sampler.next(skip, batchSize).samples().close();
                realBatchesDrawn++;
            }
        }
    }

    // ---------------------------------------------------------------- for Probes and Checkpoints

    List<Pair<String, Parameter>> generatorParameters() {
        return generatorParameters;
    }

    // ---------------------------------------------------------------- helpers

    static double meanSigmoid(float[] logits, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += sigmoid(logits[i]);
        }
        return sum / (to - from);
    }

    @Override
    public String toString() {
        return "GanTrainer[" + data.name() + ", " + latent + ", loss " + loss.name() + ", batch " + batchSize
                + ", k " + discriminatorSteps + ", G " + generatorOptimizer + ", D " + discriminatorOptimizer
 + (packing > 1 ? ", packing " + packing : "") + (r1Gamma > 0 ? ", R1 γ " + r1Gamma : "")
                + (conditional ? ", conditional" : "") + ", seed " + seed + ", " + iteration + " iterations done]";
    }

}

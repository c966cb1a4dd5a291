package org.ganbook.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ganbook.data.BatchStream;
import org.ganbook.data.DataSource;
import org.ganbook.data.NativeArrays;
import org.ganbook.data.SampleBatch;
import org.ganbook.loss.GanLoss;
import org.ganbook.loss.ValueFunction;
import org.ganbook.nn.Latent;
import org.ganbook.nn.Networks;
import tech.tablesaw.api.Table;

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
public final class GanTrainer implements AutoCloseable {

    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(GanTrainer.class);

    private static final long PHASE_DISCRIMINATOR = 1;
    private static final long PHASE_GENERATOR = 2;
    private static final long STREAM_FIXED_NOISE = 3;
    private static final long STREAM_SAMPLES = 4;

    private final Block generator;
    private final Block discriminator;
    private final DataSource data;
    private final Latent latent;
    private final GanLoss loss;
    private final int batchSize;
    private final int discriminatorSteps;
    private final float realLabel;
    private final long seed;
    private final ResumableOptimizer generatorOptimizer;
    private final ResumableOptimizer discriminatorOptimizer;
    private final boolean conditional;
    private final boolean freezeDiscriminator;
    /** Whether the network that does not train runs in training mode: {@link BatchNormConvention#PYTORCH}. */
    private final boolean otherInTraining;
    private final boolean measureAfterUpdate;
    private final int progressLines;
    private final TrainingProgress progress;
    private final List<Pair<Integer, IterationListener>> listeners;

    private final NDManager manager;
    private final NDManager results;
    private final ParameterStore parameterStore;
    private final CombinedModel combinedModel;
    private final List<Pair<String, Parameter>> generatorParameters;
    private final List<Pair<String, Parameter>> discriminatorParameters;
    private final boolean discriminatorHasBatchNorm;
    private final History history = new History();

    private BatchStream sampler;
    private long realBatchesDrawn;
    private volatile long iteration; // written only under the lock, with the history row it counts
    private int discriminatorStepsThisIteration;
    private DiscriminatorStep lastDiscriminatorStep;
    private long samplesDrawn;
    private double secondsBefore;
    private long startNanos = -1;
    private volatile boolean stopRequested;
    private boolean closed;

    GanTrainer(GanTrainerBuilder builder) {
        this.generator = builder.generator;
        this.discriminator = builder.discriminator;
        this.data = builder.data;
        this.seed = builder.seed;
        this.latent =
                builder.noise == Latent.Distribution.GAUSSIAN
                        ? Latent.gaussian(builder.codingSize, seed)
                        : Latent.uniform(builder.codingSize, seed);
        this.loss = builder.loss;
        this.batchSize = builder.batchSize;
        this.discriminatorSteps = builder.discriminatorSteps;
        this.realLabel = 1f - builder.labelSmoothing;
        this.generatorOptimizer = builder.generatorOptimizer;
        this.discriminatorOptimizer = builder.discriminatorOptimizer;
        this.conditional = builder.conditional;
        this.freezeDiscriminator = builder.freezeDiscriminator;
        this.otherInTraining = builder.batchNormConvention == BatchNormConvention.PYTORCH;
        this.measureAfterUpdate = builder.measureAfterUpdate;
        this.progressLines = builder.progressLines;
        this.progress = builder.progress;
        this.listeners = List.copyOf(builder.listeners);

        Device device = builder.device != null ? builder.device : Engine.getInstance().defaultDevice();
        this.manager = NDManager.newBaseManager(device);
        this.results = manager.newSubManager();
        this.parameterStore = new ParameterStore(manager, false);
        try {
            initialize();
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.generatorParameters = trainable(generator);
        this.discriminatorParameters = trainable(discriminator);
        this.discriminatorHasBatchNorm = discriminator.getParameters().values().stream()
                .anyMatch(p -> p.getType() == Parameter.Type.RUNNING_MEAN);
        this.combinedModel = new CombinedModel(generator, discriminator, parameterStore);
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

    private void initialize() {
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        Shape labelShape = new Shape(1);
        Shape[] generatorInputs =
                conditional
                        ? new Shape[] {new Shape(1, latent.codingSize()), labelShape}
                        : new Shape[] {new Shape(1, latent.codingSize())};
        Shape[] discriminatorInputs =
                conditional
                        ? new Shape[] {batchShape(1), labelShape}
                        : new Shape[] {batchShape(1)};
        if (!generator.isInitialized()) {
            generator.initialize(manager, DataType.FLOAT32, generatorInputs);
        }
        if (!discriminator.isInitialized()) {
            discriminator.initialize(manager, DataType.FLOAT32, discriminatorInputs);
        }
        Shape judged = discriminator.getOutputShapes(discriminatorInputs)[0];
        if (judged.dimension() < 1 || judged.size() != judged.get(0)) {
            throw new IllegalArgumentException("the discriminator gives " + (judged.size() / Math.max(1, judged.get(0)))
                    + " outputs per sample (output shape " + judged.slice(1) + " per sample); it must give one logit"
                    + " per sample, e.g. a last layer Linear.builder().setUnits(1)");
        }
        Shape produced = generator.getOutputShapes(generatorInputs)[0];
        if (!produced.equals(batchShape(1))) {
            throw new IllegalArgumentException(
                    "the generator makes samples of shape " + produced.slice(1) + " but the data ("
                            + data.name() + ") has samples of shape " + data.sampleShape());
        }
    }

    Shape batchShape(long n) {
        return new Shape(n).addAll(data.sampleShape());
    }

    private static List<Pair<String, Parameter>> trainable(Block block) {
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
     * on its own; for a D without BatchNorm that is the same as one pass over the whole batch.
     *
     * @return the step's loss and D's outputs before and after the update
     * @throws DivergedException if the loss is NaN or infinite (nothing is updated)
     */
    public synchronized DiscriminatorStep discriminatorStep() {
        ensureOpen();
        startClock();
        try (NDManager step = manager.newSubManager()) {
            SampleBatch real = sampler.next(step, batchSize);
            realBatchesDrawn++;
            int n = real.size();
            long stepSeed = mix(seed, PHASE_DISCRIMINATOR, iteration, discriminatorStepsThisIteration);
            NDArray noise = latent.reseeded(stepSeed).sample(step, n);
            NDArray fakeLabels = conditional ? randomLabels(step, n, stepSeed) : null;
            NDArray fake =
                    generator
                            .forward(parameterStore, CombinedModel.inputs(noise, fakeLabels), otherInTraining)
                            .singletonOrThrow()
                            .stopGradient();

            NDArray samples = real.samples().concat(fake, 0);
            NDArray labels = conditional ? requireLabels(real).concat(fakeLabels, 0) : null;
            NDArray targets = step.full(new Shape(n, 1), realLabel).concat(step.zeros(new Shape(n, 1)), 0);
            NDList inputs = CombinedModel.inputs(samples, labels);

            float[] logits;
            double lossValue;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray output;
                if (discriminatorHasBatchNorm) {
                    // D judges the two halves in separate passes, as the DCGAN reference does: BatchNorm then
                    // normalises an all-real and an all-fake batch, the same kind of batch D sees in the
                    // generator step (all fake); over a mixed batch its statistics would come from a mix D
                    // never meets there. The loss is the same mean over 2n.
                    NDList realInputs = CombinedModel.inputs(real.samples(), conditional ? requireLabels(real) : null);
                    NDArray realLogits = discriminator.forward(parameterStore, realInputs, true).singletonOrThrow();
                    NDArray fakeLogits = discriminator
                            .forward(parameterStore, CombinedModel.inputs(fake, fakeLabels), true)
                            .singletonOrThrow();
                    output = realLogits.concat(fakeLogits, 0);
                } else {
                    // without BatchNorm, one pass over the concatenated batch computes the same numbers
                    output = discriminator.forward(parameterStore, inputs, true).singletonOrThrow();
                }
                NDArray lossArray = loss.discriminatorLoss(output, targets);
                lossValue = lossArray.getFloat();
                if (!Double.isFinite(lossValue)) {
                    throw new DivergedException("discriminator", iteration, lossValue);
                }
                collector.backward(lossArray);
                logits = output.toFloatArray();
            }
            applyUpdate(discriminatorParameters, discriminatorOptimizer);

            double realAfter = Double.NaN;
            double fakeAfter = Double.NaN;
            if (measureAfterUpdate) {
                float[] after = discriminator.forward(parameterStore, inputs, false).singletonOrThrow().toFloatArray();
                realAfter = meanSigmoid(after, 0, n);
                fakeAfter = meanSigmoid(after, n, 2 * n);
            }
            DiscriminatorStep result =
                    new DiscriminatorStep(
                            iteration,
                            lossValue,
                            meanSigmoid(logits, 0, n),
                            meanSigmoid(logits, n, 2 * n),
                            realAfter,
                            fakeAfter,
                            ValueFunction.fromLogits(logits, n));
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
     * @return the step's loss and D(G(z)) before and after G's update
     * @throws DivergedException if the loss is NaN or infinite (nothing is updated)
     */
    public synchronized GeneratorStep generatorStep() {
        return trainGenerator().generator();
    }

    /** The generator step; returns the iteration it completes (the row it adds to the history). */
    private Iteration trainGenerator() {
        ensureOpen();
        startClock();
        try (NDManager step = manager.newSubManager()) {
            long stepSeed = mix(seed, PHASE_GENERATOR, iteration, 0);
            NDArray noise = latent.reseeded(stepSeed).sample(step, batchSize);
            NDArray labels = conditional ? randomLabels(step, batchSize, stepSeed) : null;

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

            double fakeAfter = Double.NaN;
            if (measureAfterUpdate) {
                fakeAfter = meanSigmoid(combinedModel.forward(noise, labels, false).toFloatArray(), 0, batchSize);
            }
            return finishIteration(
                    new GeneratorStep(iteration, lossValue, meanSigmoid(logits, 0, batchSize), fakeAfter));
        }
    }

    /**
     * What {@link Freezing#setTrainable} does, over the trainable parameters listed once at build
     * time instead of a walk of the block tree each step.
     */
    private static void setTrainable(List<Pair<String, Parameter>> parameters, boolean trainable) {
        for (Pair<String, Parameter> pair : parameters) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient() != trainable) {
                parameter.freeze(!trainable);
            }
        }
    }

    private void applyUpdate(List<Pair<String, Parameter>> parameters, ResumableOptimizer optimizer) {
        List<String> names = new ArrayList<>(parameters.size());
        List<NDArray> weights = new ArrayList<>(parameters.size());
        List<NDArray> gradients = new ArrayList<>(parameters.size());
        try {
            for (Pair<String, Parameter> pair : parameters) {
                Parameter parameter = pair.getValue();
                if (parameter.requiresGradient()) {
                    names.add(pair.getKey());
                    weights.add(parameter.getArray());
                    gradients.add(parameter.getArray().getGradient());
                }
            }
            optimizer.update(names, weights, gradients);
        } finally {
            gradients.forEach(NDArray::close);
        }
    }

    private Iteration finishIteration(GeneratorStep generatorStep) {
        DiscriminatorStep d = lastDiscriminatorStep;
        if (d == null) {
            d = new DiscriminatorStep(iteration, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Iteration result = new Iteration(iteration, d, generatorStep, sampler.epochs(), seconds());
        history.add(result);
        iteration++;
        discriminatorStepsThisIteration = 0;
        lastDiscriminatorStep = null;
        return result;
    }

    // ---------------------------------------------------------------- the loop

    /**
     * Trains for {@code iterations} iterations, each k discriminator steps then one generator step.
     *
     * <p>Shows its progress: in a Jupyter notebook a bar and a picture that update in place in the
     * cell (see {@code org.ganbook.notebook.Live}), elsewhere a few plain lines; set with
     * {@link GanTrainerBuilder#optProgress(TrainingProgress)}, off with {@code optProgress(0)}. If
     * {@link #requestStop()} is called, training stops after the current iteration and {@code fit}
     * returns. If the thread is interrupted (the notebook's stop button), training stops after the
     * current iteration and {@code fit} throws {@link TrainingInterruptedException}, keeping the
     * thread's interrupt status, so that a loop around {@code fit} stops too; either way the history
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
            return loop(iterations, progress);
        } finally {
            progress.finish(this, iteration > first ? history.last() : null);
        }
    }

    private Iteration loop(int iterations, TrainingProgress progress) {
        Iteration result = null;
        for (int i = 0; i < iterations; i++) {
            for (int k = 0; k < discriminatorSteps; k++) {
                discriminatorStep();
            }
            result = trainGenerator();
            for (Pair<Integer, IterationListener> listener : listeners) {
                if ((result.iteration() + 1) % listener.getKey() == 0) {
                    listener.getValue().onIteration(this, result);
                }
            }
            progress.update(this, result);
            if (Thread.currentThread().isInterrupted()) {
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

    /** Returns the combined model G then D used by every generator step. */
    public CombinedModel combinedModel() {
        return combinedModel;
    }

    /** Returns the generator. */
    public Block generator() {
        return generator;
    }

    /** Returns the discriminator. */
    public Block discriminator() {
        return discriminator;
    }

    /** Returns the noise sampler's kind and coding size. */
    public Latent latent() {
        return latent;
    }

    /** Returns the data source. */
    public DataSource data() {
        return data;
    }

    /** Returns the number of completed iterations (callable from any thread, without waiting). */
    public long iteration() {
        return iteration;
    }

    /** Returns the batch size. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Draws a batch of real samples (a fresh stream, not the training one), as the model sees them.
     *
     * @param n how many
     * @return the samples, owned by the trainer
     */
    public synchronized NDArray realSamples(int n) {
        ensureOpen();
        return data.sample(results, n, mix(seed, STREAM_SAMPLES, samplesDrawn++, 1)).samples();
    }

    /**
     * The same noise every call: watch how G maps it as training goes on.
     *
     * @param n how many noise vectors
     * @return noise of shape (n, coding size), owned by the trainer
     */
    public synchronized NDArray fixedNoise(int n) {
        ensureOpen();
        return latent.reseeded(mix(seed, STREAM_FIXED_NOISE, 0, 0)).sample(results, n);
    }

    /**
     * Generates {@code n} samples from fresh noise (BatchNorm in inference mode).
     *
     * @param n how many
     * @return the samples, owned by the trainer
     */
    public synchronized NDArray generate(int n) {
        ensureOpen();
        NDArray noise = latent.reseeded(mix(seed, STREAM_SAMPLES, samplesDrawn++, 0)).sample(results, n);
        NDArray labels = conditional ? randomLabels(results, n, samplesDrawn) : null;
        return generate(noise, labels);
    }

    /**
     * Runs G on the given noise (and labels, for a conditional GAN) in inference mode.
     *
     * @param noise shape (n, coding size)
     * @param labels int32 class labels of shape (n), or {@code null} for an unconditional GAN
     * @return the samples, owned by the trainer
     */
    public synchronized NDArray generate(NDArray noise, NDArray labels) {
        ensureOpen();
        if (conditional && labels == null) {
            throw new IllegalArgumentException("this GAN is conditional: pass a label for each noise vector");
        }
        NDArray out =
                generator
                        .forward(parameterStore, CombinedModel.inputs(noise, conditional ? labels : null), false)
                        .singletonOrThrow();
        out.attach(results);
        return out;
    }

    /**
     * Runs G on the given noise, for an unconditional GAN (inference mode).
     *
     * @param noise shape (n, coding size)
     * @return the samples, owned by the trainer
     */
    public NDArray generate(NDArray noise) {
        return generate(noise, (NDArray) null);
    }

    /** Returns whether G and D take a class label. */
    public boolean isConditional() {
        return conditional;
    }

    /**
     * Runs G on the given noise with one class label per row, for a conditional GAN.
     *
     * @param noise shape (n, coding size)
     * @param labels one class index per noise vector
     * @return the samples, owned by the trainer
     */
    public NDArray generate(NDArray noise, int... labels) {
        return generate(noise, results.create(labels));
    }

    /**
     * D's probability that each sample is real (inference mode).
     *
     * @param samples shape (n, sample shape...)
     * @param labels int32 labels for a conditional GAN, or {@code null}
     * @return the probabilities, a float array of length n
     */
    public synchronized float[] discriminate(NDArray samples, NDArray labels) {
        ensureOpen();
        try (NDManager scope = manager.newSubManager()) {
            NDList in = CombinedModel.inputs(samples, conditional ? labels : null);
            float[] logits = discriminator.forward(parameterStore, in, false).singletonOrThrow().toFloatArray();
            float[] p = new float[logits.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) sigmoid(logits[i]);
            }
            return p;
        }
    }

    /** D's probability that each sample is real, for an unconditional GAN. */
    public float[] discriminate(NDArray samples) {
        return discriminate(samples, null);
    }

    /**
     * The training history, one row per iteration: {@code iteration}, {@code epoch}, {@code seconds},
     * {@code d_loss}, {@code g_loss}, {@code d_real} (mean D(x)), {@code d_fake} (mean D(G(z)) in the
     * discriminator step), {@code g_fake} (mean D(G(z)) in the generator step), {@code value} (V(D,G)).
     * Export with {@code history().write().csv(path)}.
     */
    public synchronized Table history() {
        ensureOpen();
        return history.toTable();
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
        return new State(seed, iteration, realBatchesDrawn, samplesDrawn, seconds());
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
        secondsBefore = state.seconds();
        startNanos = -1;
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

    NDManager manager() {
        return manager;
    }

    ParameterStore parameterStore() {
        return parameterStore;
    }

    GanLoss loss() {
        return loss;
    }

    ResumableOptimizer generatorOptimizer() {
        return generatorOptimizer;
    }

    ResumableOptimizer discriminatorOptimizer() {
        return discriminatorOptimizer;
    }

    List<Pair<String, Parameter>> generatorParameters() {
        return generatorParameters;
    }

    History historyRows() {
        return history;
    }

    /** A fresh seed from the sample stream, which training never draws from. */
    long nextSampleSeed(long salt) {
        return mix(seed, STREAM_SAMPLES, samplesDrawn++, salt);
    }

    /** The same seed every time, for probe batches that must not advance any stream. */
    long probeSeed() {
        return mix(seed, STREAM_SAMPLES, -1, 3);
    }

    // ---------------------------------------------------------------- helpers

    NDArray randomLabels(NDManager target, int n, long labelSeed) {
        SplittableRandom random = new SplittableRandom(labelSeed ^ 0x5DEECE66DL);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(data.numClasses());
        }
        return NativeArrays.copyOf(target, labels);
    }

    static NDArray requireLabels(SampleBatch batch) {
        if (!batch.hasLabels()) {
            throw new IllegalStateException("a conditional GAN needs labelled data");
        }
        return batch.labels();
    }

    private static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    private static double meanSigmoid(float[] logits, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += sigmoid(logits[i]);
        }
        return sum / (to - from);
    }

    /** SplitMix64 finaliser over the parts: a well-mixed seed for each step's randomness. */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h += part * 0xBF58476D1CE4E5B9L + 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h = h ^ (h >>> 31);
        }
        return h;
    }

    private void startClock() {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
    }

    private double seconds() {
        return startNanos < 0 ? secondsBefore : secondsBefore + (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public String toString() {
        return "GanTrainer[" + data.name() + ", " + latent + ", loss " + loss.name() + ", batch " + batchSize
                + ", k " + discriminatorSteps + ", G " + generatorOptimizer + ", D " + discriminatorOptimizer
                + (conditional ? ", conditional" : "") + ", seed " + seed + ", " + iteration + " iterations done]";
    }

    /**
     * Frees the native memory of the networks and of every array the trainer returned. Afterwards
     * every method that needs them throws {@code IllegalStateException("this trainer is closed")}.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this trainer is closed");
        }
    }
}

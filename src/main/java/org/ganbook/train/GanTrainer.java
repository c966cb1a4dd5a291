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
import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.ganbook.data.Batch;
import org.ganbook.data.BatchSampler;
import org.ganbook.data.DataSource;
import org.ganbook.data.NativeArrays;
import org.ganbook.loss.GanLoss;
import org.ganbook.nn.Latent;
import tech.tablesaw.api.Table;

/**
 * Trains a generator G against a discriminator D, one readable phase at a time.
 *
 * <p>The two phases of GAN training are two public calls:
 *
 * <ul>
 *   <li>{@link #discriminatorStep()}: a batch of real samples (label 1) and an equal batch of G's
 *       fakes (label 0, detached, so G is untouched) are concatenated and D takes one step on them;
 *   <li>{@link #generatorStep()}: fresh noise goes through the {@linkplain #combinedModel() combined
 *       model} G then D with D frozen; the fakes are labelled 1 and the error flows through D into G,
 *       so only G's weights change.
 * </ul>
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
    private final Optimizer generatorOptimizer;
    private final Optimizer discriminatorOptimizer;
    private final boolean conditional;
    private final boolean freezeDiscriminator;
    private final boolean measureAfterUpdate;
    private final int progressLines;
    private final List<Pair<Integer, TrainingListener>> listeners;

    private final NDManager manager;
    private final NDManager results;
    private final ParameterStore parameterStore;
    private final CombinedModel combinedModel;
    private final List<Pair<String, Parameter>> generatorParameters;
    private final List<Pair<String, Parameter>> discriminatorParameters;
    private final boolean discriminatorHasBatchNorm;
    private final History history = new History();

    private BatchSampler sampler;
    private long realBatchesDrawn;
    private long iteration;
    private int discriminatorStepsThisIteration;
    private DiscriminatorStep lastDiscriminatorStep;
    private long samplesDrawn;
    private double secondsBefore;
    private long startNanos = -1;
    private volatile boolean stopRequested;

    private GanTrainer(Builder builder) {
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
        this.measureAfterUpdate = builder.measureAfterUpdate;
        this.progressLines = builder.progressLines;
        this.listeners = List.copyOf(builder.listeners);

        Device device = builder.device != null ? builder.device : Engine.getInstance().defaultDevice();
        this.manager = NDManager.newBaseManager(device);
        this.results = manager.newSubManager();
        this.parameterStore = new ParameterStore(manager, false);
        initialize();
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
    public static Builder builder(Block generator, Block discriminator) {
        return new Builder(generator, discriminator);
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
        Shape produced = generator.getOutputShapes(generatorInputs)[0];
        if (!produced.equals(batchShape(1))) {
            throw new IllegalArgumentException(
                    "the generator makes samples of shape " + produced.slice(1) + " but the data ("
                            + data.name() + ") has samples of shape " + data.sampleShape());
        }
    }

    private Shape batchShape(long n) {
        return new Shape(n).addAll(data.sampleShape());
    }

    private static List<Pair<String, Parameter>> trainable(Block block) {
        List<Pair<String, Parameter>> list = new ArrayList<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            if (Freezing.isTrainableType(pair.getValue())) {
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
     * @throws TrainingDivergedException if the loss is NaN or infinite (nothing is updated)
     */
    public synchronized DiscriminatorStep discriminatorStep() {
        startClock();
        try (NDManager step = manager.newSubManager()) {
            Batch real = sampler.next(step, batchSize);
            realBatchesDrawn++;
            int n = real.size();
            long stepSeed = mix(seed, PHASE_DISCRIMINATOR, iteration, discriminatorStepsThisIteration);
            NDArray noise = latent.reseeded(stepSeed).sample(step, n);
            NDArray fakeLabels = conditional ? randomLabels(step, n, stepSeed) : null;
            NDArray fake =
                    generator
                            .forward(parameterStore, CombinedModel.inputs(noise, fakeLabels), true)
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
                    // D judges the two halves in separate passes, so that BatchNorm normalises the real
                    // and the fake batch each on its own, as the DCGAN reference does (over a mixed batch,
                    // D can tell the halves apart by the batch statistics, and its verdict on an all-fake
                    // batch in the generator step means nothing). The loss is the same mean over 2n.
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
                    throw new TrainingDivergedException("discriminator", iteration, lossValue);
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
                            valueEstimate(logits, n));
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
     * @throws TrainingDivergedException if the loss is NaN or infinite (nothing is updated)
     */
    public synchronized GeneratorStep generatorStep() {
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
                NDArray output = combinedModel.forward(noise, labels, true);
                NDArray lossArray = loss.generatorLoss(output);
                lossValue = lossArray.getFloat();
                if (!Double.isFinite(lossValue)) {
                    throw new TrainingDivergedException("generator", iteration, lossValue);
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
            GeneratorStep result =
                    new GeneratorStep(iteration, lossValue, meanSigmoid(logits, 0, batchSize), fakeAfter);
            finishIteration(result);
            return result;
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

    private void applyUpdate(List<Pair<String, Parameter>> parameters, Optimizer optimizer) {
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
     * <p>Prints a few progress lines unless turned off with {@link Builder#optProgress(int)}. If the
     * thread is interrupted (the notebook's stop button), or {@link #requestStop()} is called,
     * training stops after the current iteration and the networks stay usable.
     *
     * @param iterations how many iterations
     * @return the last iteration, or {@code null} if none ran
     * @throws TrainingDivergedException if a loss becomes NaN or infinite
     */
    public synchronized Iteration fit(int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        long first = iteration;
        long last = first + iterations;
        int every = progressLines > 0 ? Math.max(1, iterations / progressLines) : 0;
        double startSeconds = seconds();
        Iteration result = null;
        for (int i = 0; i < iterations; i++) {
            for (int k = 0; k < discriminatorSteps; k++) {
                discriminatorStep();
            }
            generatorStep();
            result = history.last();
            for (Pair<Integer, TrainingListener> listener : listeners) {
                if ((result.iteration() + 1) % listener.getKey() == 0) {
                    listener.getValue().onIteration(this, result);
                }
            }
            if (every > 0 && ((i + 1) % every == 0 || i + 1 == iterations)) {
                printProgress(result, last, (i + 1) / Math.max(1e-9, seconds() - startSeconds));
            }
            if (Thread.interrupted()) {
                System.out.println("interrupted after iteration " + iteration + "; the networks are usable");
                break;
            }
            if (stopRequested) {
                stopRequested = false;
                if (progressLines > 0) {
                    System.out.println("stopped on request after iteration " + iteration + "; the networks are usable");
                }
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

    private static void printProgress(Iteration it, long total, double perSecond) {
        // one println per line: a notebook kernel turns each write of printf into its own output fragment
        System.out.println(String.format(
                "iteration %d/%d | D loss %.3f | G loss %.3f | D(x) %.3f | D(G(z)) %.3f | %.0f it/s",
                it.iteration() + 1,
                total,
                it.discriminator().loss(),
                it.generator().loss(),
                it.discriminator().realBefore(),
                it.discriminator().fakeBefore(),
                perSecond));
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

    /** Returns the number of completed iterations. */
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
        return data.sample(results, n, mix(seed, STREAM_SAMPLES, samplesDrawn++, 1)).samples();
    }

    /**
     * The same noise every call: watch how G maps it as training goes on.
     *
     * @param n how many noise vectors
     * @return noise of shape (n, coding size), owned by the trainer
     */
    public synchronized NDArray fixedNoise(int n) {
        return latent.reseeded(mix(seed, STREAM_FIXED_NOISE, 0, 0)).sample(results, n);
    }

    /**
     * Generates {@code n} samples from fresh noise (BatchNorm in inference mode).
     *
     * @param n how many
     * @return the samples, owned by the trainer
     */
    public synchronized NDArray generate(int n) {
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
     * D's probability that each sample is real, for samples given as plain numbers: for 1-D data one
     * value per sample, for 2-D data x,y pairs, for images the pixels of each image in turn.
     *
     * @param flatSamples the samples, row-major
     * @return one probability per sample
     */
    public synchronized float[] discriminate(float... flatSamples) {
        long perSample = data.sampleShape().size();
        if (flatSamples.length == 0 || flatSamples.length % perSample != 0) {
            throw new IllegalArgumentException(
                    flatSamples.length + " values do not make whole samples of shape " + data.sampleShape());
        }
        try (NDManager scope = manager.newSubManager()) {
            return discriminate(scope.create(flatSamples, batchShape(flatSamples.length / perSample)), null);
        }
    }

    /**
     * D's probability that each sample is a real sample <i>of the given class</i>, for a conditional GAN,
     * with the samples given as plain numbers (for images, the pixels of each image in turn) and one
     * class label per sample. Presenting a real 3 with the label 7 shows whether D checks the label.
     *
     * @param flatSamples the samples, row-major
     * @param labels one class label per sample
     * @return one probability per sample
     * @throws IllegalStateException if the GAN is not conditional
     */
    public synchronized float[] discriminate(float[] flatSamples, int[] labels) {
        if (!conditional) {
            throw new IllegalStateException("labels are for a conditional GAN; use discriminate(samples)");
        }
        long perSample = data.sampleShape().size();
        if (flatSamples.length == 0 || flatSamples.length % perSample != 0) {
            throw new IllegalArgumentException(
                    flatSamples.length + " values do not make whole samples of shape " + data.sampleShape());
        }
        int n = (int) (flatSamples.length / perSample);
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " samples but " + labels.length + " labels");
        }
        try (NDManager scope = manager.newSubManager()) {
            return discriminate(scope.create(flatSamples, batchShape(n)), scope.create(labels));
        }
    }

    /**
     * Measures how strongly the generator would learn right now: the L2 norm of the gradient of
     * {@code objective}'s generator loss with respect to all of G's weights, on a fresh batch, through
     * the frozen D. Nothing is updated. Comparing the minimax and the non-saturating objective
     * against a strong D shows the vanishing gradient of the former.
     *
     * @param objective the loss whose generator part is differentiated
     * @return the gradient norm
     */
    public synchronized double generatorGradientNorm(GanLoss objective) {
        try (NDManager step = manager.newSubManager()) {
            long stepSeed = mix(seed, STREAM_SAMPLES, samplesDrawn++, 2);
            NDArray noise = latent.reseeded(stepSeed).sample(step, batchSize);
            NDArray labels = conditional ? randomLabels(step, batchSize, stepSeed) : null;
            Freezing.setTrainable(discriminator, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(objective.generatorLoss(combinedModel.forward(noise, labels, true)));
            } finally {
                Freezing.setTrainable(discriminator, true);
            }
            double sumOfSquares = 0;
            for (Pair<String, Parameter> pair : generatorParameters) {
                try (NDArray gradient = pair.getValue().getArray().getGradient()) {
                    sumOfSquares += gradient.square().sum().getFloat();
                    gradient.subi(gradient);
                }
            }
            return Math.sqrt(sumOfSquares);
        }
    }

    /**
     * D's probability over a regular grid of 2-D points, for heat maps of the decision surface.
     *
     * @param xMin left edge
     * @param xMax right edge
     * @param yMin bottom edge
     * @param yMax top edge
     * @param resolution points per side
     * @return values[row][col], row 0 at yMin
     */
    public double[][] discriminatorGrid(double xMin, double xMax, double yMin, double yMax, int resolution) {
        if (!data.sampleShape().equals(new Shape(2))) {
            throw new IllegalStateException("a decision grid needs 2-D samples, the data has " + data.sampleShape());
        }
        float[] points = new float[resolution * resolution * 2];
        for (int row = 0; row < resolution; row++) {
            for (int col = 0; col < resolution; col++) {
                int i = 2 * (row * resolution + col);
                points[i] = (float) (xMin + (xMax - xMin) * col / (resolution - 1.0));
                points[i + 1] = (float) (yMin + (yMax - yMin) * row / (resolution - 1.0));
            }
        }
        float[] p;
        try (NDManager scope = manager.newSubManager()) {
            p = discriminate(scope.create(points, new Shape(resolution * resolution, 2)));
        }
        double[][] grid = new double[resolution][resolution];
        for (int row = 0; row < resolution; row++) {
            for (int col = 0; col < resolution; col++) {
                grid[row][col] = p[row * resolution + col];
            }
        }
        return grid;
    }

    /**
     * The direction in which the generator's loss pushes each sample: minus the gradient of G's loss
     * with respect to the sample, through the frozen D. Arrows along it show where G will move its
     * fakes (in the manner of GAN Lab).
     *
     * @param samples fake samples, shape (n, sample shape...)
     * @return the directions, same shape as the samples, flattened row-major
     */
    public synchronized float[] generatorLossGradient(NDArray samples) {
        if (conditional) {
            throw new UnsupportedOperationException("gradient arrows are for unconditional GANs");
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = samples.duplicate();
            x.attach(scope);
            x.setRequiresGradient(true);
            Freezing.setTrainable(discriminator, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = discriminator.forward(parameterStore, new NDList(x), false).singletonOrThrow();
                // times n: the per-sample gradient, not the gradient of the batch mean
                collector.backward(loss.generatorLoss(logits).mul(samples.getShape().get(0)));
            } finally {
                Freezing.setTrainable(discriminator, true);
            }
            return x.getGradient().neg().toFloatArray();
        }
    }

    /**
     * The training history, one row per iteration: {@code iteration}, {@code epoch}, {@code seconds},
     * {@code d_loss}, {@code g_loss}, {@code d_real} (mean D(x)), {@code d_fake} (mean D(G(z)) in the
     * discriminator step), {@code g_fake} (mean D(G(z)) in the generator step), {@code value} (V(D,G)).
     * Export with {@code history().write().csv(path)}.
     */
    public synchronized Table history() {
        return history.toTable();
    }

    // ---------------------------------------------------------------- checkpoints

    /**
     * Saves G, D, both optimizers' state, the iteration count and the history to {@code file}.
     *
     * <p>The file is written beside the target under a temporary name and renamed over it only when
     * complete, so a crash during the save leaves the previous checkpoint intact. A CRC-32 at the end
     * detects corruption on load.
     *
     * @param file the checkpoint file
     * @throws IOException if writing fails
     */
    public synchronized void save(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        // created like any other file (its mode from the umask), not owner-only as Files.createTempFile makes it
        Path temporary = Files.createFile(directory.resolve(
                absolute.getFileName() + "." + java.util.UUID.randomUUID() + ".partial"));
        try {
            try (OutputStream raw = Files.newOutputStream(temporary);
                    CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw), new CRC32());
                    DataOutputStream out = new DataOutputStream(checked)) {
                out.writeUTF(Checkpoints.MAGIC);
                out.writeInt(Checkpoints.VERSION);
                out.writeLong(seed);
                out.writeLong(iteration);
                out.writeLong(realBatchesDrawn);
                out.writeLong(samplesDrawn);
                out.writeDouble(seconds());
                Checkpoints.writeBlock(out, generator);
                Checkpoints.writeBlock(out, discriminator);
                generatorOptimizer.saveState(out);
                discriminatorOptimizer.saveState(out);
                history.write(out);
                out.flush();
                out.writeLong(checked.getChecksum().getValue());
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Restores a checkpoint written by {@link #save(Path)} into this trainer, whose networks must
     * have the same architecture. Nothing changes unless the whole file is valid.
     *
     * @param file the checkpoint file
     * @throws IOException if the file is missing, corrupted, or from another architecture; the
     *     message says which
     */
    public synchronized void load(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("no checkpoint at " + file, e);
        }
        try (DataInputStream header = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!Checkpoints.MAGIC.equals(header.readUTF())) {
                throw new IOException(file + " is not a ganbook checkpoint");
            }
        } catch (EOFException | java.io.UTFDataFormatException e) {
            throw new IOException(file + " is not a ganbook checkpoint", e);
        }
        if (bytes.length < Long.BYTES) {
            throw new IOException(file + " is truncated");
        }
        int body = bytes.length - Long.BYTES;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, body);
        long stored = ByteBuffer.wrap(bytes, body, Long.BYTES).getLong();
        if (crc.getValue() != stored) {
            throw new IOException(file + " is corrupted or truncated (checksum mismatch); use an earlier checkpoint");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body))) {
            in.readUTF();
            int version = in.readInt();
            if (version != Checkpoints.VERSION) {
                throw new IOException(file + ": unsupported checkpoint version " + version);
            }
            long savedSeed = in.readLong();
            long savedIteration = in.readLong();
            long savedRealBatches = in.readLong();
            long savedSamplesDrawn = in.readLong();
            double savedSeconds = in.readDouble();
            Map<String, float[]> generatorValues = Checkpoints.readBlock(in, generator, "generator");
            Map<String, float[]> discriminatorValues = Checkpoints.readBlock(in, discriminator, "discriminator");
            // the file is intact and fits these networks: apply it
            Checkpoints.assign(generator, generatorValues);
            Checkpoints.assign(discriminator, discriminatorValues);
            generatorOptimizer.loadState(in, manager);
            discriminatorOptimizer.loadState(in, manager);
            history.replaceWith(History.read(in));
            if (savedSeed != seed) {
                System.out.println("note: the checkpoint was trained with seed " + savedSeed
                        + ", this trainer uses " + seed + "; the run continues with this trainer's seed");
            }
            iteration = savedIteration;
            samplesDrawn = savedSamplesDrawn;
            secondsBefore = savedSeconds;
            startNanos = -1;
            discriminatorStepsThisIteration = 0;
            lastDiscriminatorStep = null;
            sampler = data.sampler(seed);
            realBatchesDrawn = 0;
            try (NDManager skip = manager.newSubManager()) {
                for (long i = 0; i < savedRealBatches; i++) {
                    sampler.next(skip, batchSize).samples().close();
                    realBatchesDrawn++;
                }
            }
        } catch (EOFException e) {
            throw new IOException(file + " ends early: the checkpoint is incomplete", e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private NDArray randomLabels(NDManager target, int n, long labelSeed) {
        SplittableRandom random = new SplittableRandom(labelSeed ^ 0x5DEECE66DL);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(data.numClasses());
        }
        return NativeArrays.copyOf(target, labels);
    }

    private static NDArray requireLabels(Batch batch) {
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

    /** V(D,G) on the batch: mean log D(x) over the real half + mean log(1 − D(G(z))) over the fake half. */
    private static double valueEstimate(float[] logits, int n) {
        double real = 0;
        double fake = 0;
        for (int i = 0; i < n; i++) {
            real += -softplus(-logits[i]);
            fake += -softplus(logits[n + i]);
        }
        return real / n + fake / n;
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
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

    /** Frees the native memory of the networks and of every array the trainer returned. */
    @Override
    public synchronized void close() {
        manager.close();
    }

    // ---------------------------------------------------------------- builder

    /** Settings of a {@link GanTrainer}: {@code set…} are required, {@code opt…} have defaults. */
    public static final class Builder {

        private final Block generator;
        private final Block discriminator;
        private DataSource data;
        private int codingSize;
        private Latent.Distribution noise = Latent.Distribution.GAUSSIAN;
        private GanLoss loss = GanLoss.nonSaturating();
        private int batchSize = 64;
        private int discriminatorSteps = 1;
        private float labelSmoothing;
        private long seed = 42;
        private Optimizer generatorOptimizer;
        private Optimizer discriminatorOptimizer;
        private boolean conditional;
        private boolean freezeDiscriminator = true;
        private boolean measureAfterUpdate = true;
        private int progressLines = 10;
        private Device device;
        private final List<Pair<Integer, TrainingListener>> listeners = new ArrayList<>();

        private Builder(Block generator, Block discriminator) {
            if (generator == null || discriminator == null) {
                throw new IllegalArgumentException("both a generator and a discriminator are needed");
            }
            this.generator = generator;
            this.discriminator = discriminator;
        }

        /** Sets where real samples come from (required). */
        public Builder setData(DataSource data) {
            this.data = data;
            return this;
        }

        /** Sets the length of the generator's noise vector (required). */
        public Builder setCodingSize(int codingSize) {
            this.codingSize = codingSize;
            return this;
        }

        /** Sets the noise distribution; Gaussian by default. */
        public Builder optNoise(Latent.Distribution noise) {
            this.noise = noise;
            return this;
        }

        /** Sets the objective; non-saturating by default. */
        public Builder optLoss(GanLoss loss) {
            this.loss = loss;
            return this;
        }

        /** Sets the number of real (and of fake) samples per step; 64 by default. */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Sets k, the discriminator steps per generator step; 1 by default. */
        public Builder optDiscriminatorSteps(int k) {
            this.discriminatorSteps = k;
            return this;
        }

        /** One-sided label smoothing: real samples are labelled 1 − s instead of 1; 0 by default. */
        public Builder optLabelSmoothing(float s) {
            this.labelSmoothing = s;
            return this;
        }

        /** Sets the seed of everything random: initial weights, noise, batches; 42 by default. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets both learning rates, with Adam (beta1 = 0.5) for both networks; 2e-4 by default. */
        public Builder optLearningRate(float learningRate) {
            return optLearningRates(learningRate, learningRate);
        }

        /** Sets each network's learning rate, with Adam (beta1 = 0.5). */
        public Builder optLearningRates(float generator, float discriminator) {
            this.generatorOptimizer = Optimizer.adam(generator, 0.5f);
            this.discriminatorOptimizer = Optimizer.adam(discriminator, 0.5f);
            return this;
        }

        /** Sets the generator's optimizer. */
        public Builder optGeneratorOptimizer(Optimizer optimizer) {
            this.generatorOptimizer = optimizer;
            return this;
        }

        /** Sets the discriminator's optimizer. */
        public Builder optDiscriminatorOptimizer(Optimizer optimizer) {
            this.discriminatorOptimizer = optimizer;
            return this;
        }

        /** Makes the GAN conditional: G and D also take the class label (the data must have labels). */
        public Builder optConditional(boolean conditional) {
            this.conditional = conditional;
            return this;
        }

        /**
         * Whether D is frozen during the generator step; true by default. Turning it off exists only
         * to show what goes wrong: D then collects gradient from G's loss, which leaks into its next
         * update.
         */
        public Builder optFreezeDiscriminator(boolean freeze) {
            this.freezeDiscriminator = freeze;
            return this;
        }

        /**
         * Whether each step measures D's outputs again after its update (one extra forward pass, in
         * inference mode); true by default. Turn off for speed: the training itself is the same.
         */
        public Builder optMeasureAfterUpdate(boolean measure) {
            this.measureAfterUpdate = measure;
            return this;
        }

        /** How many progress lines {@link GanTrainer#fit} prints per call; 10 by default, 0 for none. */
        public Builder optProgress(int lines) {
            this.progressLines = lines;
            return this;
        }

        /** Calls {@code listener} every {@code every} iterations during {@link GanTrainer#fit}. */
        public Builder optListener(int every, TrainingListener listener) {
            if (every <= 0) {
                throw new IllegalArgumentException("every must be positive, got " + every);
            }
            listeners.add(new Pair<>(every, listener));
            return this;
        }

        /** Sets the device; the engine's default (a GPU when one is available) otherwise. */
        public Builder optDevice(Device device) {
            this.device = device;
            return this;
        }

        /**
         * Builds the trainer and initializes the networks (seeded) if they are not yet initialized.
         *
         * @return the trainer
         */
        public GanTrainer build() {
            if (data == null) {
                throw new IllegalArgumentException("setData(...) is required: where do real samples come from?");
            }
            if (codingSize <= 0) {
                throw new IllegalArgumentException("setCodingSize(...) is required and must be positive");
            }
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
            }
            if (discriminatorSteps <= 0) {
                throw new IllegalArgumentException("discriminator steps k must be positive, got " + discriminatorSteps);
            }
            if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
                throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
            }
            if (conditional && data.numClasses() <= 0) {
                throw new IllegalArgumentException("a conditional GAN needs labelled data; " + data.name() + " has none");
            }
            if (generatorOptimizer == null) {
                generatorOptimizer = Optimizer.adam(2e-4f, 0.5f);
            }
            if (discriminatorOptimizer == null) {
                discriminatorOptimizer = Optimizer.adam(2e-4f, 0.5f);
            }
            if (generatorOptimizer == discriminatorOptimizer) {
                throw new IllegalArgumentException("G and D need separate optimizer instances");
            }
            return new GanTrainer(this);
        }
    }
}

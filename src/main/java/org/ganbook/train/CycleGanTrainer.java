package org.ganbook.train;

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
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.ganbook.data.BatchStream;
import org.ganbook.data.DataSource;
import org.ganbook.data.NativeArrays;
import org.ganbook.data.SampleBatch;
import org.ganbook.loss.GanLoss;
import org.ganbook.loss.ValueFunction;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.OutputActivation;
import org.ganbook.nn.Translators;
import tech.tablesaw.api.Table;

/**
 * Trains a CycleGAN (Zhu et al. 2017): G maps domain X to domain Y, F maps Y back to X, D_Y tells real y
 * from G(x) and D_X tells real x from F(y). No pairs (x, y) are ever given; what ties G's output to its
 * input is the cycle-consistency loss, F(G(x)) ≈ x and G(F(y)) ≈ y.
 *
 * <p>An iteration is three public calls, in the manner of {@link GanTrainer}:
 *
 * <ul>
 *   <li>{@link #discriminatorYStep()}: real y (label 1) and G(x) (label 0, detached) concatenated, one step
 *       of D_Y; G and F are not changed;
 *   <li>{@link #discriminatorXStep()}: the same for D_X, with real x and F(y);
 *   <li>{@link #generatorStep()}: one joint step of G and F on both adversarial losses (through D_Y and
 *       D_X, frozen) plus λ times both cycle losses (and, if set, the identity loss); D_X and D_Y are not
 *       changed.
 * </ul>
 *
 * <p>The losses are the {@link GanLoss} of the series (log loss, or least squares as CycleGAN uses in
 * practice); the cycle loss is a mean absolute difference. The networks that do not learn in a step run
 * in inference mode, so they are bit-identical after it, BatchNorm statistics included. Everything random
 * comes from the seed: the same seed and settings give the same history, and a run resumed from a
 * checkpoint continues exactly as if it had never stopped. The reference code's pool of 50 old fakes for
 * the discriminators is left out: each D step judges the current generator's output.
 *
 * <pre>{@code
 * var trainer = CycleGanTrainer.builder(g, f, dX, dY)
 *         .setDataX(x).setDataY(y)
 *         .optCycleWeight(10)
 *         .build();
 * trainer.fit(2000);
 * }</pre>
 */
public final class CycleGanTrainer implements AutoCloseable {

    private static final long STREAM_X = 11;
    private static final long STREAM_Y = 12;
    private static final long STREAM_SAMPLES = 13;

    private final Block generatorG;
    private final Block generatorF;
    private final Block discriminatorX;
    private final Block discriminatorY;
    private final DataSource dataX;
    private final DataSource dataY;
    private final GanLoss loss;
    private final float cycleWeight;
    private final float identityWeight;
    private final int batchSize;
    private final long seed;
    private final ResumableOptimizer optimizerG;
    private final ResumableOptimizer optimizerF;
    private final ResumableOptimizer optimizerDX;
    private final ResumableOptimizer optimizerDY;
    private final int progressLines;
    private final NDManager manager;
    private final NDManager results;
    private final ParameterStore parameterStore;
    private final List<Pair<String, Parameter>> parametersG;
    private final List<Pair<String, Parameter>> parametersF;
    private final List<Pair<String, Parameter>> parametersDX;
    private final List<Pair<String, Parameter>> parametersDY;
    private final CycleHistory history = new CycleHistory();

    private BatchStream samplerX;
    private BatchStream samplerY;
    private long batchesX;
    private long batchesY;
    private long samplesDrawn;
    private volatile long iteration;
    private DiscriminatorStep lastY;
    private DiscriminatorStep lastX;
    private final TrainingClock clock = new TrainingClock();
    private volatile boolean stopRequested;
    private boolean closed;

    CycleGanTrainer(CycleGanBuilder b) {
        generatorG = b.generatorG;
        generatorF = b.generatorF;
        discriminatorX = b.discriminatorX;
        discriminatorY = b.discriminatorY;
        dataX = b.dataX;
        dataY = b.dataY;
        loss = b.loss;
        cycleWeight = b.cycleWeight;
        identityWeight = b.identityWeight;
        batchSize = b.batchSize;
        seed = b.seed;
        optimizerG = b.optimizerG;
        optimizerF = b.optimizerF;
        optimizerDX = b.optimizerDX;
        optimizerDY = b.optimizerDY;
        progressLines = b.progressLines;
        manager = NDManager.newBaseManager(b.device != null ? b.device : Engine.getInstance().defaultDevice());
        results = manager.newSubManager();
        parameterStore = new ParameterStore(manager, false);
        try {
            initialize();
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        parametersG = GanTrainer.trainable(generatorG);
        parametersF = GanTrainer.trainable(generatorF);
        parametersDX = GanTrainer.trainable(discriminatorX);
        parametersDY = GanTrainer.trainable(discriminatorY);
        samplerX = dataX.sampler(GanModel.mix(seed, STREAM_X));
        samplerY = dataY.sampler(GanModel.mix(seed, STREAM_Y));
    }

    /**
     * Starts building a trainer for the four networks.
     *
     * @param generatorG G: a sample of X in, a sample of Y out
     * @param generatorF F: a sample of Y in, a sample of X out
     * @param discriminatorX D_X: a sample of X in, one logit out
     * @param discriminatorY D_Y: a sample of Y in, one logit out
     * @return the builder
     */
    public static CycleGanBuilder builder(Block generatorG, Block generatorF, Block discriminatorX,
            Block discriminatorY) {
        return new CycleGanBuilder(generatorG, generatorF, discriminatorX, discriminatorY);
    }

    /**
     * A builder for the usual small networks: G and F fully connected ({@link Translators#mlp}), D_X and
     * D_Y {@link MlpDiscriminator}s, all with the same hidden widths; fresh networks on every call.
     *
     * @param sampleX the shape of one sample of X
     * @param sampleY the shape of one sample of Y
     * @param output the generators' output activation: LINEAR for points, TANH for images in [−1, 1]
     * @param hidden the hidden widths of all four networks
     * @return the builder, domains still to set
     */
    public static CycleGanBuilder mlpBuilder(Shape sampleX, Shape sampleY, OutputActivation output, int... hidden) {
        return builder(Translators.mlp(sampleX, sampleY, output, hidden), Translators.mlp(sampleY, sampleX, output, hidden),
                MlpDiscriminator.builder().setInputShape(sampleX).optHidden(hidden).build(),
                MlpDiscriminator.builder().setInputShape(sampleY).optHidden(hidden).build());
    }

    /**
     * A builder for points that keep their shape: G and F {@link Translators#residualMlp} (x plus a fully
     * connected change that starts at zero, so both start as the identity), D_X and D_Y
     * {@link MlpDiscriminator}s, all with the same hidden widths; fresh networks on every call.
     *
     * @param sample the shape of one sample of X and of Y, e.g. {@code (2)}
     * @param hidden the hidden widths of all four networks
     * @return the builder, domains still to set
     */
    public static CycleGanBuilder residualBuilder(Shape sample, int... hidden) {
        return builder(Translators.residualMlp(sample, hidden), Translators.residualMlp(sample, hidden),
                MlpDiscriminator.builder().setInputShape(sample).optHidden(hidden).build(),
                MlpDiscriminator.builder().setInputShape(sample).optHidden(hidden).build());
    }

    private void initialize() {
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        Shape x = new Shape(1).addAll(dataX.sampleShape());
        Shape y = new Shape(1).addAll(dataY.sampleShape());
        initialize(generatorG, "G", x, y, true);
        initialize(generatorF, "F", y, x, true);
        initialize(discriminatorX, "D_X", x, null, false);
        initialize(discriminatorY, "D_Y", y, null, false);
    }

    private void initialize(Block block, String name, Shape input, Shape output, boolean generator) {
        if (!block.isInitialized()) {
            block.initialize(manager, DataType.FLOAT32, input);
        }
        Shape produced = block.getOutputShapes(new Shape[] {input})[0];
        if (generator && !produced.equals(output)) {
            throw new IllegalArgumentException(name + " turns samples of shape " + input.slice(1) + " into shape "
                    + produced.slice(1) + ", but its output domain has samples of shape " + output.slice(1));
        }
        if (!generator && (produced.dimension() < 1 || produced.size() != produced.get(0))) {
            throw new IllegalArgumentException(name + " gives " + produced.slice(1) + " outputs per sample; it must"
                    + " give one logit per sample, e.g. a last layer Linear.builder().setUnits(1)");
        }
    }

    // ---------------------------------------------------------------- the three steps

    /**
     * D_Y's step: real y (label 1) and G(x) (label 0, detached) concatenated into one batch of 2n, one
     * update of D_Y. G runs in inference mode and does not change; neither does F.
     *
     * @return the loss and D_Y's mean outputs before and after the update ("fake" is G(x))
     * @throws DivergedException if the loss is NaN or infinite (nothing is updated)
     */
    public synchronized DiscriminatorStep discriminatorYStep() {
        ensureOpen();
        try (NDManager step = manager.newSubManager()) {
            NDArray x = nextX(step);
            NDArray y = nextY(step);
            return lastY = discriminatorStep(step, discriminatorY, parametersDY, optimizerDY, generatorG, x, y, "D_Y");
        }
    }

    /**
     * D_X's step: real x (label 1) and F(y) (label 0, detached), one update of D_X.
     *
     * @return the loss and D_X's mean outputs before and after the update ("fake" is F(y))
     * @throws DivergedException if the loss is NaN or infinite (nothing is updated)
     */
    public synchronized DiscriminatorStep discriminatorXStep() {
        ensureOpen();
        try (NDManager step = manager.newSubManager()) {
            NDArray x = nextX(step);
            NDArray y = nextY(step);
            return lastX = discriminatorStep(step, discriminatorX, parametersDX, optimizerDX, generatorF, y, x, "D_X");
        }
    }

    /**
     * {@link #discriminatorYStep()} on given batches instead of the training streams' next ones (which are
     * not advanced): to hold a step written out by hand equal to this one.
     *
     * @param x a batch of X, G's input
     * @param y a batch of Y, the real samples; the same number as {@code x}
     * @return the step's numbers
     */
    public synchronized DiscriminatorStep discriminatorYStep(NDArray x, NDArray y) {
        ensureOpen();
        try (NDManager step = manager.newSubManager()) {
            return lastY = discriminatorStep(step, discriminatorY, parametersDY, optimizerDY, generatorG,
                    borrow(x, step), borrow(y, step), "D_Y");
        }
    }

    /**
     * {@link #discriminatorXStep()} on given batches (the training streams are not advanced).
     *
     * @param x a batch of X, the real samples
     * @param y a batch of Y, F's input; the same number as {@code x}
     * @return the step's numbers
     */
    public synchronized DiscriminatorStep discriminatorXStep(NDArray x, NDArray y) {
        ensureOpen();
        try (NDManager step = manager.newSubManager()) {
            return lastX = discriminatorStep(step, discriminatorX, parametersDX, optimizerDX, generatorF,
                    borrow(y, step), borrow(x, step), "D_X");
        }
    }

    private DiscriminatorStep discriminatorStep(NDManager step, Block discriminator,
            List<Pair<String, Parameter>> parameters, ResumableOptimizer optimizer, Block generator,
            NDArray input, NDArray real, String name) {
        clock.start();
        int n = (int) real.getShape().get(0);
        if (input.getShape().get(0) != n) {
            throw new IllegalArgumentException("the two batches must have the same size, got "
                    + input.getShape().get(0) + " and " + n);
        }
        NDArray fake = generator.forward(parameterStore, new NDList(input), false).singletonOrThrow().stopGradient();
        NDArray samples = real.concat(fake, 0);
        NDArray targets = step.ones(new Shape(n, 1)).concat(step.zeros(new Shape(n, 1)), 0);
        float[] logits;
        double lossValue;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray output = discriminator.forward(parameterStore, new NDList(samples), true).singletonOrThrow();
            NDArray lossArray = loss.discriminatorLoss(output, targets);
            lossValue = lossArray.getFloat();
            if (!Double.isFinite(lossValue)) {
                throw new DivergedException(name, iteration, lossValue);
            }
            collector.backward(lossArray);
            logits = output.toFloatArray();
        }
        GanTrainer.applyUpdate(parameters, optimizer);
        float[] after = discriminator.forward(parameterStore, new NDList(samples), false).singletonOrThrow()
                .toFloatArray();
        return new DiscriminatorStep(iteration, lossValue, GanTrainer.meanSigmoid(logits, 0, n),
                GanTrainer.meanSigmoid(logits, n, 2 * n), GanTrainer.meanSigmoid(after, 0, n),
                GanTrainer.meanSigmoid(after, n, 2 * n), ValueFunction.fromLogits(logits, n));
    }

    /**
     * The joint generator step: G(x) judged by D_Y and F(y) judged by D_X (both frozen, in inference
     * mode), the two adversarial losses with the fakes labelled real, plus λ times the two cycle losses
     * mean |F(G(x)) − x| and mean |G(F(y)) − y| (plus the identity loss if its weight is set); one update
     * of G and one of F. Completes the iteration and adds a row to the history.
     *
     * @return the step's loss and its parts
     * @throws DivergedException if the loss is NaN or infinite (nothing is updated)
     */
    public synchronized CycleGeneratorStep generatorStep() {
        return trainGenerators().generators();
    }

    /**
     * {@link #generatorStep()} on given batches (the training streams are not advanced).
     *
     * @param x a batch of X
     * @param y a batch of Y
     * @return the step's numbers
     */
    public synchronized CycleGeneratorStep generatorStep(NDArray x, NDArray y) {
        ensureOpen();
        try (NDManager step = manager.newSubManager()) {
            return finishIteration(generatorStep(step, borrow(x, step), borrow(y, step))).generators();
        }
    }

    private CycleIteration trainGenerators() {
        ensureOpen();
        try (NDManager step = manager.newSubManager()) {
            NDArray x = nextX(step);
            NDArray y = nextY(step);
            return finishIteration(generatorStep(step, x, y));
        }
    }

    private CycleGeneratorStep generatorStep(NDManager step, NDArray x, NDArray y) {
        clock.start();
        GanTrainer.setTrainable(parametersDX, false);
        GanTrainer.setTrainable(parametersDY, false);
        CycleGeneratorStep result;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray fakeY = generatorG.forward(parameterStore, new NDList(x), true).singletonOrThrow();
            NDArray fakeX = generatorF.forward(parameterStore, new NDList(y), true).singletonOrThrow();
            NDArray judgedY = discriminatorY.forward(parameterStore, new NDList(fakeY), false).singletonOrThrow();
            NDArray judgedX = discriminatorX.forward(parameterStore, new NDList(fakeX), false).singletonOrThrow();
            NDArray adversarialG = loss.generatorLoss(judgedY);
            NDArray adversarialF = loss.generatorLoss(judgedX);
            NDArray backX = generatorF.forward(parameterStore, new NDList(fakeY), true).singletonOrThrow();
            NDArray backY = generatorG.forward(parameterStore, new NDList(fakeX), true).singletonOrThrow();
            NDArray cycleX = l1(backX, x);
            NDArray cycleY = l1(backY, y);
            NDArray total = adversarialG.add(adversarialF).add(NativeArrays.times(cycleX.add(cycleY), cycleWeight));
            NDArray identity = null;
            if (identityWeight > 0) {
                NDArray sameY = generatorG.forward(parameterStore, new NDList(y), true).singletonOrThrow();
                NDArray sameX = generatorF.forward(parameterStore, new NDList(x), true).singletonOrThrow();
                identity = l1(sameY, y).add(l1(sameX, x));
                total = total.add(NativeArrays.times(identity, identityWeight));
            }
            double lossValue = total.getFloat();
            if (!Double.isFinite(lossValue)) {
                throw new DivergedException("generator", iteration, lossValue);
            }
            collector.backward(total);
            int n = (int) x.getShape().get(0);
            int m = (int) y.getShape().get(0);
            result = new CycleGeneratorStep(iteration, lossValue, adversarialG.getFloat(), adversarialF.getFloat(),
                    cycleX.getFloat(), cycleY.getFloat(), identity == null ? 0 : identity.getFloat(),
                    GanTrainer.meanSigmoid(judgedY.toFloatArray(), 0, n),
                    GanTrainer.meanSigmoid(judgedX.toFloatArray(), 0, m));
        } finally {
            GanTrainer.setTrainable(parametersDX, true);
            GanTrainer.setTrainable(parametersDY, true);
        }
        GanTrainer.applyUpdate(parametersG, optimizerG);
        GanTrainer.applyUpdate(parametersF, optimizerF);
        return result;
    }

    /**
     * The cycle (and identity) loss: the mean absolute difference over every value, PyTorch's
     * {@code L1Loss}.
     *
     * @param reconstructed F(G(x)) or G(F(y))
     * @param original x or y
     * @return the mean of |reconstructed − original|, a scalar
     */
    public static NDArray l1(NDArray reconstructed, NDArray original) {
        return reconstructed.sub(original).abs().mean();
    }

    private CycleIteration finishIteration(CycleGeneratorStep g) {
        DiscriminatorStep none = new DiscriminatorStep(iteration, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
        CycleIteration row = new CycleIteration(iteration, lastY != null ? lastY : none, lastX != null ? lastX : none,
                g, clock.seconds());
        history.add(row);
        iteration++;
        lastY = null;
        lastX = null;
        return row;
    }

    // ---------------------------------------------------------------- the loop

    /**
     * Trains for {@code iterations} iterations, each a D_Y step, a D_X step and a joint generator step.
     * Prints a few plain progress lines (see {@link CycleGanBuilder#optProgress}). After
     * {@link #requestStop()} it stops after the current iteration and returns; if the thread is
     * interrupted (a notebook's stop button) it stops after the current iteration and throws
     * {@link TrainingInterruptedException}, keeping the interrupt status. Either way the history has one
     * row per finished iteration and the trainer stays usable.
     *
     * @param iterations how many iterations
     * @return the last iteration, or {@code null} if none ran
     * @throws DivergedException if a loss becomes NaN or infinite
     * @throws TrainingInterruptedException if the thread was interrupted
     */
    public synchronized CycleIteration fit(int iterations) {
        ensureOpen();
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new TrainingInterruptedException(iteration);
        }
        int every = progressLines == 0 ? 0 : Math.max(1, iterations / progressLines);
        CycleIteration result = null;
        BooleanSupplier cancelled = Interrupts.forThisCall();
        for (int i = 0; i < iterations; i++) {
            discriminatorYStep();
            discriminatorXStep();
            result = trainGenerators();
            if (every > 0 && ((i + 1) % every == 0 || i + 1 == iterations)) {
                System.out.println(progressLine(result, i + 1, iterations));
            }
            if (Interrupts.requested(cancelled)) {
                throw new TrainingInterruptedException(iteration);
            }
            if (stopRequested) {
                stopRequested = false;
                break;
            }
        }
        return result;
    }

    private static String progressLine(CycleIteration row, int done, int of) {
        CycleGeneratorStep g = row.generators();
        return String.format(Locale.ROOT, "%d/%d  D_Y %.3f  D_X %.3f  G+F %.3f (cycle x %.3f, y %.3f)  %.1f s",
                done, of, row.discriminatorY().loss(), row.discriminatorX().loss(), g.loss(), g.cycleX(), g.cycleY(),
                row.seconds());
    }

    /**
     * Asks {@link #fit} to stop after its current iteration; callable from any thread without waiting.
     */
    public void requestStop() {
        stopRequested = true;
    }

    // ---------------------------------------------------------------- using the networks

    /**
     * G applied to samples of X, in inference mode.
     *
     * @param x samples of X
     * @return G(x), owned by the trainer
     */
    public synchronized NDArray mapXtoY(NDArray x) {
        return apply(generatorG, x);
    }

    /**
     * F applied to samples of Y, in inference mode.
     *
     * @param y samples of Y
     * @return F(y), owned by the trainer
     */
    public synchronized NDArray mapYtoX(NDArray y) {
        return apply(generatorF, y);
    }

    private NDArray apply(Block block, NDArray input) {
        ensureOpen();
        NDArray out = block.forward(parameterStore, new NDList(input), false).singletonOrThrow();
        out.attach(results);
        return out;
    }

    /**
     * D_Y's probability that each sample is a real y (inference mode).
     *
     * @param y samples of Y's shape
     * @return one probability per sample
     */
    public synchronized float[] discriminateY(NDArray y) {
        return probabilities(discriminatorY, y);
    }

    /** D_X's probability that each sample is a real x (inference mode). */
    public synchronized float[] discriminateX(NDArray x) {
        return probabilities(discriminatorX, x);
    }

    private float[] probabilities(Block block, NDArray samples) {
        ensureOpen();
        try (NDManager scope = manager.newSubManager()) {
            NDArray in = samples.duplicate();
            in.attach(scope);
            float[] logits = block.forward(parameterStore, new NDList(in), false).singletonOrThrow().toFloatArray();
            float[] p = new float[logits.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) GanModel.sigmoid(logits[i]);
            }
            return p;
        }
    }

    /**
     * Draws samples of X from a fresh stream (never the training one), with labels if X has them.
     *
     * @param n how many
     * @return the batch, owned by the trainer
     */
    public synchronized SampleBatch sampleX(int n) {
        ensureOpen();
        return dataX.sample(results, n, GanModel.mix(seed, STREAM_SAMPLES, samplesDrawn++, 1));
    }

    /** Draws samples of Y from a fresh stream (never the training one), with labels if Y has them. */
    public synchronized SampleBatch sampleY(int n) {
        ensureOpen();
        return dataY.sample(results, n, GanModel.mix(seed, STREAM_SAMPLES, samplesDrawn++, 2));
    }

    /**
     * The training history, one row per iteration: {@code iteration}, {@code seconds}, {@code dy_loss},
     * {@code dx_loss}, {@code g_loss} (the total), its parts {@code adv_g}, {@code adv_f}, {@code cycle_x},
     * {@code cycle_y}, {@code identity}, and the mean probabilities {@code dy_real}, {@code dy_fake},
     * {@code dx_real}, {@code dx_fake} (in the D steps, before the update), {@code g_fake_y},
     * {@code g_fake_x} (in the generator step).
     */
    public synchronized Table history() {
        ensureOpen();
        return history.toTable();
    }

    /** Returns the number of completed iterations (callable from any thread, without waiting). */
    public long iteration() {
        return iteration;
    }

    /** Returns G, X → Y. */
    public Block generatorG() {
        return generatorG;
    }

    /** Returns F, Y → X. */
    public Block generatorF() {
        return generatorF;
    }

    /** Returns D_X, real x against F(y). */
    public Block discriminatorX() {
        return discriminatorX;
    }

    /** Returns D_Y, real y against G(x). */
    public Block discriminatorY() {
        return discriminatorY;
    }

    /** Returns domain X. */
    public DataSource dataX() {
        return dataX;
    }

    /** Returns domain Y. */
    public DataSource dataY() {
        return dataY;
    }

    /** Returns the adversarial objective. */
    public GanLoss loss() {
        return loss;
    }

    /** Returns λ, the weight of the cycle loss. */
    public float cycleWeight() {
        return cycleWeight;
    }

    /** Returns the weight of the identity loss (0: off). */
    public float identityWeight() {
        return identityWeight;
    }

    /** Returns the number of samples of each domain per step. */
    public int batchSize() {
        return batchSize;
    }

    // ---------------------------------------------------------------- checkpoints

    /**
     * Saves the four networks, the four optimizers' state, the streams' counters and the history to
     * {@code file}: written atomically, checksummed, never from a NaN or infinite state.
     *
     * @param file the checkpoint file
     * @throws NonFiniteStateException if a weight or an optimizer moment is NaN or infinite
     * @throws IOException if writing fails (the previous checkpoint is then unchanged)
     */
    public synchronized void save(Path file) throws IOException {
        ensureOpen();
        CycleCheckpoints.save(this, file);
    }

    /**
     * Restores a checkpoint written by {@link #save(Path)} into this trainer, whose networks must have the
     * same architecture; training then goes on exactly as if it had never stopped. Nothing changes unless
     * the whole file is valid.
     *
     * @param file the checkpoint file
     * @throws IOException if the file is missing, corrupted, or from another architecture
     */
    public synchronized void load(Path file) throws IOException {
        ensureOpen();
        CycleCheckpoints.load(this, file);
    }

    /** The counters a checkpoint needs besides the networks, the optimizers and the history. */
    record State(long seed, long iteration, long batchesX, long batchesY, long samplesDrawn, double seconds) {}

    State state() {
        return new State(seed, iteration, batchesX, batchesY, samplesDrawn, clock.seconds());
    }

    void restore(State state, CycleHistory saved) {
        history.replaceWith(saved);
        iteration = state.iteration();
        samplesDrawn = state.samplesDrawn();
        clock.restart(state.seconds());
        lastX = null;
        lastY = null;
        samplerX = dataX.sampler(GanModel.mix(seed, STREAM_X));
        samplerY = dataY.sampler(GanModel.mix(seed, STREAM_Y));
        batchesX = 0;
        batchesY = 0;
        try (NDManager skip = manager.newSubManager()) {
            while (batchesX < state.batchesX()) {
                nextX(skip).close();
            }
            while (batchesY < state.batchesY()) {
                nextY(skip).close();
            }
        }
    }

    List<ResumableOptimizer> optimizers() {
        return List.of(optimizerG, optimizerF, optimizerDX, optimizerDY);
    }

    List<Block> networks() {
        return List.of(generatorG, generatorF, discriminatorX, discriminatorY);
    }

    NDManager manager() {
        return manager;
    }

    CycleHistory historyRows() {
        return history;
    }

    // ---------------------------------------------------------------- helpers

    private NDArray nextX(NDManager step) {
        batchesX++;
        return samplerX.next(step, batchSize).samples();
    }

    private NDArray nextY(NDManager step) {
        batchesY++;
        return samplerY.next(step, batchSize).samples();
    }

    /** The caller's array, attached to the step's manager until the step ends, so intermediates go there. */
    private static NDArray borrow(NDArray array, NDManager step) {
        array.tempAttach(step);
        return array;
    }

    @Override
    public String toString() {
        return "CycleGanTrainer[X " + dataX.name() + ", Y " + dataY.name() + ", loss " + loss.name() + ", λ "
                + cycleWeight + (identityWeight > 0 ? ", identity " + identityWeight : "") + ", batch " + batchSize
                + ", G " + optimizerG + ", D " + optimizerDY + ", seed " + seed + ", " + iteration
                + " iterations done]";
    }

    /** Frees the native memory of the networks and of every array the trainer returned. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this trainer is closed");
        }
    }
}

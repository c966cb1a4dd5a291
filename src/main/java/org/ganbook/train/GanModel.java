package org.ganbook.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.ganbook.data.DataSource;
import org.ganbook.data.NativeArrays;
import org.ganbook.data.SampleBatch;
import org.ganbook.nn.Latent;
import tech.tablesaw.api.Table;

/**
 * A GAN's two networks with what they are trained on and what can be asked of them: G and D, the data,
 * the noise, the training history, fresh and fixed samples, D's verdict. {@link GanTrainer} adds the
 * training; this part is what a notebook samples from and looks at.
 *
 * <p>All randomness comes from the seed, in separate streams (the training's, the samples', the fixed
 * noise), so looking at the networks never changes how they train.
 */
public abstract class GanModel implements AutoCloseable {

    static final long STREAM_FIXED_NOISE = 3;
    static final long STREAM_SAMPLES = 4;

    final Block generator;
    final Block discriminator;
    final DataSource data;
    final Latent latent;
    final long seed;
    final boolean conditional;
    final NDManager manager;
    final NDManager results;
    final ParameterStore parameterStore;
    final CombinedModel combinedModel;
    final History history = new History();
    long samplesDrawn;
    /** PacGAN's m (1: D judges single samples). */
    private int packing = 1;
    private boolean closed;

    GanModel(Block generator, Block discriminator, DataSource data, int codingSize, Latent.Distribution noise,
            long seed, boolean conditional, Device device, int packing) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.data = data;
        this.seed = seed;
        this.latent = noise == Latent.Distribution.GAUSSIAN
                ? Latent.gaussian(codingSize, seed)
                : Latent.uniform(codingSize, seed);
        this.conditional = conditional;
        this.manager = NDManager.newBaseManager(device != null ? device : Engine.getInstance().defaultDevice());
        this.results = manager.newSubManager();
        this.parameterStore = new ParameterStore(manager, false);
        try {
            initialize(packing);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.combinedModel = new CombinedModel(generator, discriminator, parameterStore);
    }

    /** Initializes G and D; with PacGAN's packing m, D takes packs: m samples side by side, flattened. */
    private void initialize(int packing) {
        this.packing = packing;
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        Shape labelShape = new Shape(1);
        Shape[] generatorInputs =
                conditional
                        ? new Shape[] {new Shape(1, latent.codingSize()), labelShape}
                        : new Shape[] {new Shape(1, latent.codingSize())};
        Shape[] discriminatorInputs =
                conditional
                        ? new Shape[] {batchShape(1), labelShape}
                        : new Shape[] {packing > 1 ? new Shape(1, packing * data.sampleShape().size()) : batchShape(1)};
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
     * D's probability that each sample is real (inference mode). With PacGAN's packing m, D judges packs:
     * a sample is judged as a pack of m copies of itself.
     *
     * @param samples shape (n, sample shape...)
     * @param labels int32 labels for a conditional GAN, or {@code null}
     * @return the probabilities, a float array of length n
     */
    public synchronized float[] discriminate(NDArray samples, NDArray labels) {
        ensureOpen();
        try (NDManager scope = manager.newSubManager()) {
            NDArray judged = samples;
            if (packing > 1) {
                NDArray flat = samples.reshape(samples.getShape().get(0), -1);
                NDList copies = new NDList();
                for (int i = 0; i < packing; i++) {
                    copies.add(flat);
                }
                judged = NDArrays.concat(copies, 1);
            }
            NDList in = CombinedModel.inputs(judged, conditional ? labels : null);
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

    NDManager manager() {
        return manager;
    }

    ParameterStore parameterStore() {
        return parameterStore;
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

    static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
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

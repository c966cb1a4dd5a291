package org.ganbook.train;

import ai.djl.Device;
import ai.djl.nn.Block;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.ganbook.data.DataSource;
import org.ganbook.loss.GanLoss;
import org.ganbook.nn.Latent;

/**
 * Settings of a {@link GanTrainer}, in DJL's builder style: {@code set…} are required, {@code opt…}
 * have defaults. Made by {@link GanTrainer#builder(Block, Block)}.
 */
public final class GanTrainerBuilder {

    final Block generator;
    final Block discriminator;
    DataSource data;
    int codingSize;
    Latent.Distribution noise = Latent.Distribution.GAUSSIAN;
    GanLoss loss = GanLoss.nonSaturating();
    int batchSize = 64;
    int discriminatorSteps = 1;
    float labelSmoothing;
    long seed = 42;
    ResumableOptimizer generatorOptimizer;
    ResumableOptimizer discriminatorOptimizer;
    boolean conditional;
    DiscriminatorInGeneratorStep discriminatorInGeneratorStep = DiscriminatorInGeneratorStep.FROZEN;
    DiscriminatorBatches discriminatorBatches = DiscriminatorBatches.CONCATENATED;
    BatchNormConvention batchNormConvention = BatchNormConvention.PYTORCH;
    boolean measureAfterUpdate = true;
    int packing = 1;
    float r1Gamma;
    int progressLines = 10;
    TrainingProgress progress;
    Device device;
    final List<Pair<Integer, IterationListener>> listeners = new ArrayList<>();

    GanTrainerBuilder(Block generator, Block discriminator) {
        if (generator == null || discriminator == null) {
            throw new IllegalArgumentException("both a generator and a discriminator are needed");
        }
        this.generator = generator;
        this.discriminator = discriminator;
    }

    /** Sets where real samples come from (required). */
    public GanTrainerBuilder setData(DataSource data) {
        this.data = data;
        return this;
    }

    /** Sets the length of the generator's noise vector (required). */
    public GanTrainerBuilder setCodingSize(int codingSize) {
        this.codingSize = codingSize;
        return this;
    }

    /** Sets the noise distribution; Gaussian by default. */
    public GanTrainerBuilder optNoise(Latent.Distribution noise) {
        this.noise = noise;
        return this;
    }

    /** Sets the objective; non-saturating by default. */
    public GanTrainerBuilder optLoss(GanLoss loss) {
        this.loss = loss;
        return this;
    }

    /** Sets the number of real (and of fake) samples per step; 64 by default. */
    public GanTrainerBuilder optBatchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** Sets k, the discriminator steps per generator step; 1 by default. */
    public GanTrainerBuilder optDiscriminatorSteps(int k) {
        this.discriminatorSteps = k;
        return this;
    }

    /** One-sided label smoothing: real samples are labelled 1 − s instead of 1; 0 by default. */
    public GanTrainerBuilder optLabelSmoothing(float s) {
        this.labelSmoothing = s;
        return this;
    }

    /** Sets the seed of everything random: initial weights, noise, batches; 42 by default. */
    public GanTrainerBuilder optSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Sets both learning rates, with Adam (beta1 = 0.5) for both networks; 2e-4 by default. */
    public GanTrainerBuilder optLearningRate(float learningRate) {
        return optLearningRates(learningRate, learningRate);
    }

    /** Sets each network's learning rate, with Adam (beta1 = 0.5). */
    public GanTrainerBuilder optLearningRates(float generator, float discriminator) {
        this.generatorOptimizer = Optimizers.adam(generator, 0.5f);
        this.discriminatorOptimizer = Optimizers.adam(discriminator, 0.5f);
        return this;
    }

    /** Sets the generator's optimizer. */
    public GanTrainerBuilder optGeneratorOptimizer(ResumableOptimizer optimizer) {
        this.generatorOptimizer = optimizer;
        return this;
    }

    /** Sets the discriminator's optimizer. */
    public GanTrainerBuilder optDiscriminatorOptimizer(ResumableOptimizer optimizer) {
        this.discriminatorOptimizer = optimizer;
        return this;
    }

    /** Makes the GAN conditional: G and D also take the class label (the data must have labels). */
    public GanTrainerBuilder optConditional(boolean conditional) {
        this.conditional = conditional;
        return this;
    }

    /**
     * Whether D is frozen during the generator step; true by default. Turning it off exists only
     * to show what goes wrong: D then collects gradient from G's loss, which leaks into its next
     * update ({@link DiscriminatorInGeneratorStep#GRADIENT_KEPT}).
     */
    public GanTrainerBuilder optFreezeDiscriminator(boolean freeze) {
        this.discriminatorInGeneratorStep =
                freeze ? DiscriminatorInGeneratorStep.FROZEN : DiscriminatorInGeneratorStep.GRADIENT_KEPT;
        return this;
    }

    /**
     * What happens to D's trainable weights in the generator step: {@link DiscriminatorInGeneratorStep#FROZEN}
     * by default; the others exist to show the PyTorch tutorial's way and two mistakes.
     */
    public GanTrainerBuilder optDiscriminatorInGeneratorStep(DiscriminatorInGeneratorStep mode) {
        if (mode == null) {
            throw new IllegalArgumentException("mode is null: e.g. DiscriminatorInGeneratorStep.FROZEN");
        }
        this.discriminatorInGeneratorStep = mode;
        return this;
    }

    /**
     * How D's step uses the real and the fake half: {@link DiscriminatorBatches#CONCATENATED} (one batch,
     * one update) by default, or {@link DiscriminatorBatches#REAL_THEN_FAKE} (two updates).
     */
    public GanTrainerBuilder optDiscriminatorBatches(DiscriminatorBatches batches) {
        if (batches == null) {
            throw new IllegalArgumentException("batches is null: DiscriminatorBatches.CONCATENATED or REAL_THEN_FAKE");
        }
        this.discriminatorBatches = batches;
        return this;
    }

    /**
     * Sets what the network that does not train does with its BatchNorm layers during the other's step:
     * {@link BatchNormConvention#PYTORCH} by default (training mode: its running statistics move, its
     * weights do not), or {@link BatchNormConvention#KERAS} (inference mode: it is bit-identical after
     * the step). Networks without BatchNorm train the same either way.
     */
    public GanTrainerBuilder optBatchNormConvention(BatchNormConvention convention) {
        if (convention == null) {
            throw new IllegalArgumentException("convention is null: BatchNormConvention.PYTORCH or KERAS");
        }
        this.batchNormConvention = convention;
        return this;
    }

    /**
     * Whether each step measures D's outputs again after its update, on the same batch (one extra forward
     * pass: in inference mode for networks without BatchNorm; in the step's own modes, with the running
     * statistics put back, for networks with BatchNorm); true by default. Turn off for speed: the
     * training itself is the same.
     */
    public GanTrainerBuilder optMeasureAfterUpdate(boolean measure) {
        this.measureAfterUpdate = measure;
        return this;
    }

    /**
     * How many plain progress lines {@link GanTrainer#fit} prints per call where there is no live
     * view (a terminal, a log); 10 by default. 0 turns all progress off, the live view in a notebook
     * included.
     *
     * @throws IllegalArgumentException if {@code lines} is negative
     */
    public GanTrainerBuilder optProgress(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("progress lines must be >= 0, got " + lines);
        }
        this.progressLines = lines;
        this.progress = null;
        return this;
    }

    /**
     * What {@link GanTrainer#fit} shows while it trains, in place of the default (the live view in
     * a notebook, plain lines elsewhere): {@code optProgress(Live.every(100, GanPlots::curves))},
     * {@code optProgress(TrainingProgress.lines(4))}.
     *
     * @throws IllegalArgumentException if {@code progress} is null
     */
    public GanTrainerBuilder optProgress(TrainingProgress progress) {
        if (progress == null) {
            throw new IllegalArgumentException("progress is null: use optProgress(0) or TrainingProgress.none()");
        }
        this.progress = progress;
        return this;
    }

    /** Calls {@code listener} every {@code every} iterations during {@link GanTrainer#fit}. */
    public GanTrainerBuilder optListener(int every, IterationListener listener) {
        if (every <= 0) {
            throw new IllegalArgumentException("every must be positive, got " + every);
        }
        listeners.add(new Pair<>(every, listener));
        return this;
    }

    /**
     * PacGAN's packing (Lin et al. 2018): D judges {@code m} samples at once, its input being the m
     * samples side by side (a D for 2-D points takes 2m numbers); real packs are labelled real, fake
     * packs fake, and a batch of n samples makes n / m packs. 1 (no packing) by default. D's input
     * shape must be m times a sample's; D then cannot judge single samples ({@code discriminate}).
     *
     * @throws IllegalArgumentException if {@code m < 1}
     */
    public GanTrainerBuilder optPacking(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("packing must be at least 1 sample per pack, got " + m);
        }
        this.packing = m;
        return this;
    }

    /**
     * The R1 gradient penalty (Mescheder et al. 2018): D's loss gains (γ/2) · E‖∇ₓ D(x)‖² over the real
     * samples, D(x) being its logit. 0 (none) by default; PyTorch engine only.
     *
     * @throws IllegalArgumentException if {@code gamma} is negative or not finite
     */
    public GanTrainerBuilder optR1Penalty(float gamma) {
        if (!(gamma >= 0) || Float.isInfinite(gamma)) {
            throw new IllegalArgumentException("R1 gamma must be >= 0 and finite, got " + gamma);
        }
        this.r1Gamma = gamma;
        return this;
    }

    /** Sets the device; the engine's default (a GPU when one is available) otherwise. */
    public GanTrainerBuilder optDevice(Device device) {
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
        if (batchSize % packing != 0) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not a multiple of the packing "
                    + packing + ": D judges whole packs");
        }
        if (packing > 1 && conditional) {
            throw new IllegalArgumentException("packing is for unconditional GANs: a pack would mix labels");
        }
        if (generatorOptimizer == null) {
            generatorOptimizer = Optimizers.adam(2e-4f, 0.5f);
        }
        if (discriminatorOptimizer == null) {
            discriminatorOptimizer = Optimizers.adam(2e-4f, 0.5f);
        }
        if (generatorOptimizer == discriminatorOptimizer) {
            throw new IllegalArgumentException("G and D need separate optimizer instances");
        }
        return new GanTrainer(this);
    }
}

package org.ganbook.train;

import ai.djl.Device;
import ai.djl.nn.Block;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.ganbook.data.DataSource;
import org.ganbook.loss.GanLoss;

/**
 * Settings of a {@link CycleGanTrainer}, in the style of {@link GanTrainerBuilder}: {@code set…} are
 * required, {@code opt…} have defaults (those of the CycleGAN paper where it gives one: λ = 10, Adam 2e-4
 * with β1 = 0.5). Made by {@link CycleGanTrainer#builder}.
 */
public final class CycleGanBuilder {

    final Block generatorG;
    final Block generatorF;
    final Block discriminatorX;
    final Block discriminatorY;
    DataSource dataX;
    DataSource dataY;
    GanLoss loss = GanLoss.nonSaturating();
    float cycleWeight = 10f;
    float identityWeight;
    int batchSize = 64;
    long seed = 42;
    ResumableOptimizer optimizerG;
    ResumableOptimizer optimizerF;
    ResumableOptimizer optimizerDX;
    ResumableOptimizer optimizerDY;
    int progressLines = 10;
    Device device;

    CycleGanBuilder(Block generatorG, Block generatorF, Block discriminatorX, Block discriminatorY) {
        if (generatorG == null || generatorF == null || discriminatorX == null || discriminatorY == null) {
            throw new IllegalArgumentException("four networks are needed: G (X → Y), F (Y → X), D_X and D_Y");
        }
        if (generatorG == generatorF || discriminatorX == discriminatorY) {
            throw new IllegalArgumentException("G and F (and D_X and D_Y) must be separate networks");
        }
        this.generatorG = generatorG;
        this.generatorF = generatorF;
        this.discriminatorX = discriminatorX;
        this.discriminatorY = discriminatorY;
    }

    /** Sets domain X, where G's inputs and D_X's real samples come from (required). */
    public CycleGanBuilder setDataX(DataSource data) {
        this.dataX = data;
        return this;
    }

    /** Sets domain Y, where F's inputs and D_Y's real samples come from (required). */
    public CycleGanBuilder setDataY(DataSource data) {
        this.dataY = data;
        return this;
    }

    /** Sets the adversarial objective of both games; non-saturating log loss by default. */
    public CycleGanBuilder optLoss(GanLoss loss) {
        if (loss == null) {
            throw new IllegalArgumentException("loss is null: GanLoss.nonSaturating() or GanLoss.leastSquares()");
        }
        this.loss = loss;
        return this;
    }

    /** Sets λ, the weight of the cycle-consistency loss; 10 by default, 0 trains two separate GANs. */
    public CycleGanBuilder optCycleWeight(float lambda) {
        this.cycleWeight = lambda;
        return this;
    }

    /**
     * Sets the weight of the identity loss, mean |G(y) − y| + mean |F(x) − x| (it asks each generator to
     * leave a sample of its own output domain alone); 0 by default (off). Needs X and Y of the same shape.
     */
    public CycleGanBuilder optIdentityWeight(float weight) {
        this.identityWeight = weight;
        return this;
    }

    /** Sets the number of samples of each domain per step; 64 by default. */
    public CycleGanBuilder optBatchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** Sets the seed of the initial weights and of the batches; 42 by default. */
    public CycleGanBuilder optSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Sets every learning rate, with Adam (β1 = 0.5) for all four networks; 2e-4 by default. */
    public CycleGanBuilder optLearningRate(float learningRate) {
        return optLearningRates(learningRate, learningRate);
    }

    /** Sets the generators' and the discriminators' learning rates, with Adam (β1 = 0.5). */
    public CycleGanBuilder optLearningRates(float generators, float discriminators) {
        this.optimizerG = Optimizers.adam(generators, 0.5f);
        this.optimizerF = Optimizers.adam(generators, 0.5f);
        this.optimizerDX = Optimizers.adam(discriminators, 0.5f);
        this.optimizerDY = Optimizers.adam(discriminators, 0.5f);
        return this;
    }

    /**
     * Sets the four optimizers, one instance each. (One Adam over G's and F's weights together, as the
     * reference code has it, is the same as one Adam each: Adam works parameter by parameter.)
     */
    public CycleGanBuilder optOptimizers(ResumableOptimizer g, ResumableOptimizer f, ResumableOptimizer dX,
            ResumableOptimizer dY) {
        this.optimizerG = g;
        this.optimizerF = f;
        this.optimizerDX = dX;
        this.optimizerDY = dY;
        return this;
    }

    /** How many plain progress lines {@link CycleGanTrainer#fit} prints per call; 10 by default, 0 for none. */
    public CycleGanBuilder optProgress(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("progress lines must be >= 0, got " + lines);
        }
        this.progressLines = lines;
        return this;
    }

    /** Sets the device; the engine's default otherwise. */
    public CycleGanBuilder optDevice(Device device) {
        this.device = device;
        return this;
    }

    /**
     * Builds the trainer and initializes the networks (seeded) if they are not yet initialized.
     *
     * @return the trainer
     */
    public CycleGanTrainer build() {
        if (dataX == null || dataY == null) {
            throw new IllegalArgumentException("setDataX(...) and setDataY(...) are required: the two domains");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (!(cycleWeight >= 0) || !Float.isFinite(cycleWeight)) {
            throw new IllegalArgumentException("the cycle weight λ must be >= 0 and finite, got " + cycleWeight);
        }
        if (!(identityWeight >= 0) || !Float.isFinite(identityWeight)) {
            throw new IllegalArgumentException("the identity weight must be >= 0 and finite, got " + identityWeight);
        }
        if (identityWeight > 0 && !dataX.sampleShape().equals(dataY.sampleShape())) {
            throw new IllegalArgumentException("the identity loss needs X and Y of the same shape, got "
                    + dataX.sampleShape() + " and " + dataY.sampleShape());
        }
        if (optimizerG == null) {
            optLearningRate(2e-4f);
        }
        if (optimizerG == null || optimizerF == null || optimizerDX == null || optimizerDY == null) {
            throw new IllegalArgumentException("all four optimizers are needed");
        }
        Set<ResumableOptimizer> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(List.of(optimizerG, optimizerF, optimizerDX, optimizerDY));
        if (distinct.size() != 4) {
            throw new IllegalArgumentException("the four networks need separate optimizer instances");
        }
        return new CycleGanTrainer(this);
    }
}

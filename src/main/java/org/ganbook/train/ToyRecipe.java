package org.ganbook.train;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import org.ganbook.data.DataSource;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.ganbook.nn.OutputActivation;

/**
 * A complete recipe for a GAN on 2-D points: the two networks, the learning rates and their drop at the
 * end, the batch size and the length of the run, and optionally PacGAN's packing and the R1 penalty.
 * {@link #standard()} is the default of the notebooks and of {@code ganbook train --data ring}; it was
 * chosen by a seeded sweep ({@code make ring-tables}, results in {@code src/bench/ring/ring-sweep.md}).
 *
 * <pre>{@code
 * ToyRecipe recipe = ToyRecipe.standard();
 * GanTrainer trainer = recipe.builder(Toys.ring()).optSeed(1).build();
 * trainer.fit(recipe.iterations());
 * }</pre>
 *
 * <p>Every setting has a {@code with…} method that returns a changed copy, so that a notebook changes
 * one thing and keeps the rest: {@code ToyRecipe.standard().withPacking(2)}.
 */
public final class ToyRecipe {

    // not final: a with… method changes one field of a fresh copy before anyone sees it (see with(...))
    private String name;
    private int codingSize;
    private int[] generatorHidden;
    private int[] discriminatorHidden;
    private float generatorRate;
    private float discriminatorRate;
    private int batchSize;
    private int iterations;
    private double dropAt;
    private float dropFactor;
    private int packing;
    private float r1Gamma;
    private float dropout;
    private int discriminatorSteps;

    private ToyRecipe(String name, int codingSize, int[] generatorHidden, int[] discriminatorHidden,
            float generatorRate, float discriminatorRate, int batchSize, int iterations, double dropAt,
            float dropFactor, int packing, float r1Gamma, float dropout, int discriminatorSteps) {
        this.name = name;
        this.codingSize = codingSize;
        this.generatorHidden = generatorHidden.clone();
        this.discriminatorHidden = discriminatorHidden.clone();
        this.generatorRate = generatorRate;
        this.discriminatorRate = discriminatorRate;
        this.batchSize = batchSize;
        this.iterations = iterations;
        this.dropAt = dropAt;
        this.dropFactor = dropFactor;
        this.packing = packing;
        this.r1Gamma = r1Gamma;
        this.dropout = dropout;
        this.discriminatorSteps = discriminatorSteps;
        validate();
    }

    private void validate() {
        if (codingSize < 1 || batchSize < 1 || iterations < 1 || packing < 1) {
            throw new IllegalArgumentException("coding size, batch size, iterations and packing must be positive");
        }
        if (!(dropAt > 0 && dropAt <= 1) || !(dropFactor > 0 && dropFactor <= 1)) {
            throw new IllegalArgumentException("the learning-rate drop needs 0 < at <= 1 and 0 < factor <= 1, got "
                    + dropAt + " and " + dropFactor);
        }
        if (!(r1Gamma >= 0) || !(generatorRate > 0) || !(discriminatorRate > 0)) {
            throw new IllegalArgumentException("learning rates must be positive and R1's gamma >= 0");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (discriminatorSteps < 1) {
            throw new IllegalArgumentException("discriminator steps k must be positive, got " + discriminatorSteps);
        }
    }

    /** A copy with one change, checked like a new recipe. */
    private ToyRecipe with(Consumer<ToyRecipe> change) {
        ToyRecipe copy = new ToyRecipe(name, codingSize, generatorHidden, discriminatorHidden, generatorRate,
                discriminatorRate, batchSize, iterations, dropAt, dropFactor, packing, r1Gamma, dropout, discriminatorSteps);
        change.accept(copy);
        copy.validate();
        return copy;
    }

    /**
     * The default for 2-D data: noise of 2 numbers, G with eight hidden layers of 64 units and D with three
     * (LeakyReLU 0.2), D judging packs of 2 samples (PacGAN), Adam (beta1 = 0.5) with learning rate 1e-3
     * for both networks, ten times smaller for the second half of the run, batches of 256, 5,000
     * iterations, the non-saturating loss. The deep G is what makes the modes sharp: G maps its noise
     * continuously, so it must pass from one mode to the next somewhere, and more layers make those
     * passages steeper, leaving fewer samples on the bridges between modes (the sweep's table shows
     * the share of samples near a mode rising with G's depth).
     *
     * @return the recipe
     */
    public static ToyRecipe standard() {
        return new ToyRecipe("standard", 2, new int[] {64, 64, 64, 64, 64, 64, 64, 64}, new int[] {64, 64, 64},
                1e-3f, 1e-3f, 256, 5000, 0.5, 0.1f, 2, 0f, 0f, 1);
    }

    /**
     * A plain first attempt, the baseline the remedies are measured against: noise of 2 numbers, two
     * hidden layers of 128 units, Adam 1e-3 throughout, batches of 256, 3,000 iterations (the command
     * line's defaults before {@link #standard()}).
     *
     * @return the recipe
     */
    public static ToyRecipe plain() {
        return new ToyRecipe("plain", 2, new int[] {128, 128}, new int[] {128, 128}, 1e-3f, 1e-3f, 256, 3000, 1.0,
                1f, 1, 0f, 0f, 1);
    }

    /** Returns a copy with another name (for tables). */
    public ToyRecipe named(String newName) {
        return with(r -> r.name = newName);
    }

    /** Returns a copy with another noise length. */
    public ToyRecipe withCodingSize(int size) {
        return with(r -> r.codingSize = size);
    }

    /** Returns a copy with other hidden layers: G's widths first to last, D's first to last. */
    public ToyRecipe withHidden(int[] generator, int[] discriminator) {
        return with(r -> {
            r.generatorHidden = generator.clone();
            r.discriminatorHidden = discriminator.clone();
        });
    }

    /** Returns a copy with other learning rates (Adam, beta1 = 0.5). */
    public ToyRecipe withLearningRates(float generator, float discriminator) {
        return with(r -> {
            r.generatorRate = generator;
            r.discriminatorRate = discriminator;
        });
    }

    /** Returns a copy with another batch size. */
    public ToyRecipe withBatchSize(int size) {
        return with(r -> r.batchSize = size);
    }

    /** Returns a copy with another run length; the learning-rate drop stays at the same fraction of it. */
    public ToyRecipe withIterations(int count) {
        return with(r -> r.iterations = count);
    }

    /**
     * Returns a copy whose learning rates are multiplied by {@code factor} from the fraction {@code at}
     * of the run on; {@code withRateDrop(1, 1)} for no drop.
     */
    public ToyRecipe withRateDrop(double at, float factor) {
        return with(r -> {
            r.dropAt = at;
            r.dropFactor = factor;
        });
    }

    /** Returns a copy with PacGAN's packing m (see {@link GanTrainerBuilder#optPacking}); 1 for none. */
    public ToyRecipe withPacking(int m) {
        return with(r -> r.packing = m);
    }

    /** Returns a copy with the R1 penalty's γ (see {@link GanTrainerBuilder#optR1Penalty}); 0 for none. */
    public ToyRecipe withR1Penalty(float gamma) {
        return with(r -> r.r1Gamma = gamma);
    }

    /** Returns a copy with dropout at this rate after each of D's hidden layers; 0 for none. */
    public ToyRecipe withDropout(float rate) {
        return with(r -> r.dropout = rate);
    }

    /**
     * Returns a copy with k discriminator steps per generator step; D's learning-rate drop then comes after
     * k times as many of its updates, at the same iteration as G's.
     */
    public ToyRecipe withDiscriminatorSteps(int k) {
        return with(r -> r.discriminatorSteps = k);
    }

    /** Returns the name, e.g. "standard". */
    public String name() {
        return name;
    }

    /** Returns the length of the noise vector. */
    public int codingSize() {
        return codingSize;
    }

    /** Returns how many iterations the recipe trains. */
    public int iterations() {
        return iterations;
    }

    /** Returns the batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** Returns PacGAN's m (1: no packing). */
    public int packing() {
        return packing;
    }

    /** Returns R1's γ (0: no penalty). */
    public float r1Gamma() {
        return r1Gamma;
    }

    /** Returns G's hidden widths, first to last. */
    public int[] generatorHidden() {
        return generatorHidden.clone();
    }

    /** Returns D's hidden widths, first to last. */
    public int[] discriminatorHidden() {
        return discriminatorHidden.clone();
    }

    /** Returns G's learning rate before the drop. */
    public float generatorRate() {
        return generatorRate;
    }

    /** Returns D's learning rate before the drop. */
    public float discriminatorRate() {
        return discriminatorRate;
    }

    /** Returns the fraction of the run after which the learning rates drop (1: never). */
    public double dropAt() {
        return dropAt;
    }

    /** Returns the factor the learning rates are multiplied by at the drop. */
    public float dropFactor() {
        return dropFactor;
    }

    /** Returns the generator: noise in, a 2-D point out (linear output, so it can reach any point). */
    public MlpGenerator generator() {
        return MlpGenerator.builder().setCodingSize(codingSize).setOutputShape(new Shape(2)).optHidden(generatorHidden)
                .optOutput(OutputActivation.LINEAR).build();
    }

    /** Returns k, the discriminator steps per generator step. */
    public int discriminatorSteps() {
        return discriminatorSteps;
    }

    /** Returns the discriminator: a 2-D point in (2m numbers with packing m), one logit out. */
    public MlpDiscriminator discriminator() {
        return MlpDiscriminator.builder().setInputShape(new Shape(2L * packing)).optHidden(discriminatorHidden)
                .optDropout(dropout).build();
    }

    /**
     * Returns a trainer builder with fresh networks and every setting of the recipe; set the seed (and
     * anything else) on it, then {@code build()} and {@code fit(recipe.iterations())}.
     *
     * @param data 2-D points
     * @return the builder
     * @throws IllegalArgumentException if the data are not 2-D points
     */
    public GanTrainerBuilder builder(DataSource data) {
        if (data == null || !data.sampleShape().equals(new Shape(2))) {
            throw new IllegalArgumentException("a ToyRecipe is for 2-D points; "
                    + (data == null ? "no data given" : data.name() + " has samples of shape " + data.sampleShape()));
        }
        return GanTrainer.builder(generator(), discriminator())
                .setData(data)
                .setCodingSize(codingSize)
                .optBatchSize(batchSize)
                .optGeneratorOptimizer(generatorOptimizer())
                .optDiscriminatorOptimizer(discriminatorOptimizer())
                .optDiscriminatorSteps(discriminatorSteps)
                .optPacking(packing)
                .optR1Penalty(r1Gamma);
    }

    /** Returns a fresh optimizer for G: Adam (beta1 = 0.5) at G's rate, with the recipe's drop. */
    public ResumableOptimizer generatorOptimizer() {
        return optimizer(generatorRate, 1);
    }

    /** Returns a fresh optimizer for D (one D step per iteration): Adam (beta1 = 0.5), with the drop. */
    public ResumableOptimizer discriminatorOptimizer() {
        return optimizer(discriminatorRate, discriminatorSteps);
    }

    /** Adam with beta1 = 0.5; with a drop, a {@link SwitchingOptimizer} after {@code dropAt} of the updates. */
    ResumableOptimizer optimizer(float rate, int updatesPerIteration) {
        int switchAt = (int) Math.round(dropAt * iterations) * updatesPerIteration;
        if (dropAt >= 1 || dropFactor >= 1) {
            return Optimizers.adam(rate, 0.5f);
        }
        return SwitchingOptimizer.after(switchAt, Optimizers.adam(rate, 0.5f), Optimizers.adam(rate * dropFactor, 0.5f));
    }

    /** One line: every setting, for a table or a log. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: noise %d, G %s, D %s, Adam lr G %s D %s%s, batch %d, %d iterations%s%s",
                name, codingSize, Arrays.toString(generatorHidden), Arrays.toString(discriminatorHidden),
                generatorRate, discriminatorRate,
                dropAt < 1 && dropFactor < 1 ? String.format(Locale.ROOT, " (x%s from %.0f%% of the run)", dropFactor,
                        100 * dropAt) : "",
                batchSize, iterations, packing > 1 ? ", packing " + packing : "",
                r1Gamma > 0 ? ", R1 gamma " + r1Gamma : "") + (dropout > 0 ? ", dropout " + dropout + " in D" : "")
                + (discriminatorSteps > 1 ? ", k = " + discriminatorSteps : "");
    }
}

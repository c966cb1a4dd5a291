package org.ganbook.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import org.ganbook.data.NativeArrays;
import org.ganbook.data.SampleBatch;
import org.ganbook.loss.GanLoss;

/**
 * Ways to look inside a {@link GanTrainer} without training it: D's verdict on numbers you type, D's
 * decision surface over a grid, the direction G's loss pushes each sample, and how strongly G would
 * learn right now. Nothing here updates a weight or advances the training's random streams.
 *
 * <pre>{@code
 * float[] p = Probes.discriminate(trainer, 0f, 2f, 1.4f, 1.4f);           // two 2-D points
 * double vanishing = Probes.generatorGradientNorm(trainer, GanLoss.minimax());
 * }</pre>
 */
public final class Probes {

    private Probes() {}

    /**
     * D's probability that each sample is real, for samples given as plain numbers: for 1-D data one
     * value per sample, for 2-D data x,y pairs, for images the pixels of each image in turn.
     *
     * @param trainer the trainer whose D is asked
     * @param flatSamples the samples, row-major
     * @return one probability per sample
     */
    public static float[] discriminate(GanTrainer trainer, float... flatSamples) {
        synchronized (trainer) {
            trainer.ensureOpen();
            int n = wholeSamples(trainer, flatSamples);
            try (NDManager scope = trainer.manager().newSubManager()) {
                return trainer.discriminate(scope.create(flatSamples, trainer.batchShape(n)), null);
            }
        }
    }

    /**
     * D's probability that each sample is a real sample <i>of the given class</i>, for a conditional
     * GAN, with the samples given as plain numbers and one class label per sample. Presenting a real 3
     * with the label 7 shows whether D checks the label.
     *
     * @param trainer the trainer whose D is asked
     * @param flatSamples the samples, row-major
     * @param labels one class label per sample
     * @return one probability per sample
     * @throws IllegalStateException if the GAN is not conditional
     */
    public static float[] discriminate(GanTrainer trainer, float[] flatSamples, int[] labels) {
        synchronized (trainer) {
            trainer.ensureOpen();
            if (!trainer.isConditional()) {
                throw new IllegalStateException("labels are for a conditional GAN; use discriminate(trainer, samples)");
            }
            int n = wholeSamples(trainer, flatSamples);
            if (labels.length != n) {
                throw new IllegalArgumentException(n + " samples but " + labels.length + " labels");
            }
            try (NDManager scope = trainer.manager().newSubManager()) {
                return trainer.discriminate(scope.create(flatSamples, trainer.batchShape(n)), scope.create(labels));
            }
        }
    }

    private static int wholeSamples(GanTrainer trainer, float[] flatSamples) {
        Shape shape = trainer.data().sampleShape();
        long perSample = shape.size();
        if (flatSamples.length == 0 || flatSamples.length % perSample != 0) {
            throw new IllegalArgumentException(flatSamples.length + " values do not make whole samples of shape " + shape);
        }
        return (int) (flatSamples.length / perSample);
    }

    /**
     * D's probability over a regular grid of 2-D points, for heat maps of the decision surface.
     *
     * @param trainer the trainer whose D is asked
     * @param xMin left edge
     * @param xMax right edge
     * @param yMin bottom edge
     * @param yMax top edge
     * @param resolution points per side
     * @return values[row][col], row 0 at yMin
     */
    public static double[][] discriminatorGrid(
            GanTrainer trainer, double xMin, double xMax, double yMin, double yMax, int resolution) {
        if (!trainer.data().sampleShape().equals(new Shape(2))) {
            throw new IllegalStateException(
                    "a decision grid needs 2-D samples, the data has " + trainer.data().sampleShape());
        }
        float[] points = new float[resolution * resolution * 2];
        for (int row = 0; row < resolution; row++) {
            for (int col = 0; col < resolution; col++) {
                int i = 2 * (row * resolution + col);
                points[i] = (float) (xMin + (xMax - xMin) * col / (resolution - 1.0));
                points[i + 1] = (float) (yMin + (yMax - yMin) * row / (resolution - 1.0));
            }
        }
        float[] p = discriminate(trainer, points);
        double[][] grid = new double[resolution][resolution];
        for (int row = 0; row < resolution; row++) {
            for (int col = 0; col < resolution; col++) {
                grid[row][col] = p[row * resolution + col];
            }
        }
        return grid;
    }

    /**
     * Measures how strongly the generator would learn right now: the L2 norm of the gradient of
     * {@code objective}'s generator loss with respect to all of G's weights, on a fresh batch, through
     * the frozen D. Nothing is updated. Comparing the minimax and the non-saturating objective
     * against a strong D shows the vanishing gradient of the former.
     *
     * @param trainer the trainer whose G is measured
     * @param objective the loss whose generator part is differentiated
     * @return the gradient norm
     */
    public static double generatorGradientNorm(GanTrainer trainer, GanLoss objective) {
        synchronized (trainer) {
            trainer.ensureOpen();
            try (NDManager step = trainer.manager().newSubManager()) {
                long stepSeed = trainer.nextSampleSeed(2);
                NDArray noise = trainer.latent().reseeded(stepSeed).sample(step, trainer.batchSize());
                NDArray labels = trainer.isConditional() ? trainer.randomLabels(step, trainer.batchSize(), stepSeed) : null;
                Freezing.setTrainable(trainer.discriminator(), false);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(objective.generatorLoss(trainer.combinedModel().forward(noise, labels, true)));
                } finally {
                    Freezing.setTrainable(trainer.discriminator(), true);
                }
                double sumOfSquares = 0;
                for (Pair<String, Parameter> pair : trainer.generatorParameters()) {
                    try (NDArray gradient = pair.getValue().getArray().getGradient()) {
                        sumOfSquares += gradient.square().sum().getFloat();
                        gradient.subi(gradient);
                    }
                }
                return Math.sqrt(sumOfSquares);
            }
        }
    }

    /**
     * The direction in which the generator's loss pushes each sample: minus the gradient of G's loss
     * with respect to the sample, through the frozen D. Arrows along it show where G will move its
     * fakes (in the manner of GAN Lab).
     *
     * @param trainer the trainer whose D and loss are used
     * @param samples fake samples, shape (n, sample shape...)
     * @return the directions, same shape as the samples, flattened row-major
     */
    public static float[] generatorLossGradient(GanTrainer trainer, NDArray samples) {
        synchronized (trainer) {
            trainer.ensureOpen();
            if (trainer.isConditional()) {
                throw new UnsupportedOperationException("gradient arrows are for unconditional GANs");
            }
            try (NDManager scope = trainer.manager().newSubManager()) {
                NDArray x = samples.duplicate();
                x.attach(scope);
                x.setRequiresGradient(true);
                Freezing.setTrainable(trainer.discriminator(), false);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = trainer.discriminator()
                            .forward(trainer.parameterStore(), new NDList(x), false)
                            .singletonOrThrow();
                    // times n: the per-sample gradient, not the gradient of the batch mean
                    collector.backward(NativeArrays.times(trainer.loss().generatorLoss(logits), samples.getShape().get(0)));
                } finally {
                    Freezing.setTrainable(trainer.discriminator(), true);
                }
                return x.getGradient().neg().toFloatArray();
            }
        }
    }

    /**
     * The losses of the current networks on a fixed probe batch (inference mode, nothing updated, no
     * random stream advanced): weights can be finite yet so large that the next step overflows.
     *
     * @return {@code null} if both losses are finite, else what is wrong
     */
    static String nonFiniteLosses(GanTrainer trainer) {
        try (NDManager probe = trainer.manager().newSubManager()) {
            int m = trainer.combinedModel().packing; // PacGAN: D judges packs of m samples
            int n = Math.min(trainer.batchSize(), 64);
            n -= n % m;
            long probeSeed = trainer.probeSeed();
            SampleBatch real = trainer.data().sample(probe, n, probeSeed);
            NDArray noise = trainer.latent().reseeded(probeSeed).sample(probe, n);
            boolean conditional = trainer.isConditional();
            NDArray labels = conditional ? trainer.randomLabels(probe, n, probeSeed) : null;
            NDArray fakeLogits = trainer.combinedModel().forward(noise, labels, false);
            NDArray realLogits = trainer.discriminator()
                    .forward(trainer.parameterStore(),
                            CombinedModel.inputs(Packing.pack(real.samples(), m),
                                    conditional ? GanTrainer.requireLabels(real) : null),
                            false)
                    .singletonOrThrow();
            NDArray targets = probe.ones(new Shape(n / m, 1)).concat(probe.zeros(new Shape(n / m, 1)), 0);
            double d = trainer.loss().discriminatorLoss(realLogits.concat(fakeLogits, 0), targets).getFloat();
            double g = trainer.loss().generatorLoss(fakeLogits).getFloat();
            if (Double.isFinite(d) && Double.isFinite(g)) {
                return null;
            }
            return "the networks' losses on a probe batch are not finite: D loss " + d + ", G loss " + g;
        }
    }
}

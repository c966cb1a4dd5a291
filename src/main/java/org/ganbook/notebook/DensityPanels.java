package org.ganbook.notebook;

import ai.djl.ndarray.types.Shape;
import org.ganbook.data.Density1d;
import org.ganbook.metrics.KernelDensity;
import org.ganbook.plot.DensityPanel;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Probes;

/**
 * The curves of Goodfellow et al.'s Figure 1 from a trainer on 1-D data, one call each: the data
 * density p_data (exact), the generator's density p_g (a {@link KernelDensity kernel density
 * estimate} from many generated samples) and the discriminator D, all on the same points.
 *
 * <pre>{@code
 * double[] xs = DensityPanels.grid(-3, 5, 200);
 * Plots.densities1d(DensityPanels.of(trainer, Toys.gaussian1d(2, 0.5), xs), "now")
 * }</pre>
 */
public final class DensityPanels {

    /** How many generated samples the p_g estimate uses by default. */
    public static final int DEFAULT_SAMPLES = 20_000;

    private DensityPanels() {}

    /**
     * Evenly spaced points from {@code min} to {@code max}, both included.
     *
     * @param min the first point
     * @param max the last point, larger than min
     * @param points how many, at least 2
     * @return the points
     */
    public static double[] grid(double min, double max, int points) {
        if (points < 2 || !(max > min)) {
            throw new IllegalArgumentException("need at least 2 points and max > min, got " + points + " points on ["
                    + min + ", " + max + "]");
        }
        double[] xs = new double[points];
        for (int i = 0; i < points; i++) {
            xs[i] = min + (max - min) * i / (points - 1);
        }
        return xs;
    }

    /**
     * The generator's density at each point, estimated from {@code samples} generated samples.
     *
     * @param trainer a trainer on 1-D data
     * @param xs the points
     * @param samples how many samples to generate
     * @return p_g at each point
     */
    public static double[] generatorDensity(GanTrainer trainer, double[] xs, int samples) {
        requireOneDimensional(trainer);
        return KernelDensity.of(trainer.generate(samples).toFloatArray()).densities(xs);
    }

    /**
     * D's probability of "real" at each point.
     *
     * @param trainer a trainer on 1-D data
     * @param xs the points
     * @return D at each point
     */
    public static double[] discriminator(GanTrainer trainer, double[] xs) {
        requireOneDimensional(trainer);
        float[] points = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            points[i] = (float) xs[i];
        }
        float[] p = Probes.discriminate(trainer, points);
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = p[i];
        }
        return d;
    }

    /**
     * p_data, p_g (from {@value #DEFAULT_SAMPLES} generated samples) and D on the given points.
     *
     * @param trainer a trainer on 1-D data
     * @param data the data distribution, whose density is known
     * @param xs the points
     * @return the panel, for {@code Plots.densities1d} or {@code Plots.densities1dPanels}
     */
    public static DensityPanel of(GanTrainer trainer, Density1d data, double[] xs) {
        return new DensityPanel(xs, data.densities(xs), generatorDensity(trainer, xs, DEFAULT_SAMPLES),
                discriminator(trainer, xs));
    }

    private static void requireOneDimensional(GanTrainer trainer) {
        if (!trainer.data().sampleShape().equals(new Shape(1))) {
            throw new IllegalArgumentException("density panels need 1-D data, this trainer's samples have shape "
                    + trainer.data().sampleShape());
        }
    }
}

package org.ganbook.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Writes one PNG per figure (and a GIF) from synthetic data, to look at them while working on the
 * styling. Usage: {@code PreviewMain [directory]}, by default {@code target/plots-preview}.
 */
public final class PreviewMain {

    private PreviewMain() {}

    /**
     * Writes the previews.
     *
     * @param args optional output directory
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/plots-preview");
        Random rnd = new Random(7);

        Table h = Samples.history(2000, rnd);
        Plots.save(Plots.losses(h), dir.resolve("losses.png"));
        Plots.save(Plots.discriminatorOutputs(h), dir.resolve("d-outputs.png"));
        Plots.save(Plots.valueEstimate(h), dir.resolve("value.png"));
        Plots.save(Plots.lines(h, "iteration", "d_loss", "g_loss", "value"), dir.resolve("lines.png"));
        Plots.save(Plots.losses(Samples.history(60, rnd)), dir.resolve("losses-short.png"));

        float[] digits = Samples.blobs(40, 28, 28, rnd);
        Plots.save(Plots.imageGrid(digits, 40, 28, 28, 10), dir.resolve("grid.png"));
        String[] labels = {"0", "1", "2", "3"};
        Plots.save(Plots.imageGridByRow(digits, 40, 28, 28, 4, labels), dir.resolve("grid-rows.png"));

        float[] real = Samples.ring(512, 2.0, 0.05, rnd);
        float[] fake = Samples.ring(256, 1.2, 0.35, rnd);
        float[] grads = Samples.towardRing(fake, 2.0);
        Field2d field = Field2d.sample(-3, 3, -3, 3, 80, 80, (x, y) -> {
            double r = Math.hypot(x, y);
            return 1 / (1 + Math.exp(-4 * (0.6 - Math.abs(r - 2.0) * 1.6)));
        });
        Plots.save(Plots.decisionMap(field, real, fake, grads), dir.resolve("decision-map.png"));
        Plots.save(Plots.decisionMap(field, real, fake, null, "step 500"),
                dir.resolve("decision-map-plain.png"));
        Plots.save(Plots.scatter2d(real, fake), dir.resolve("scatter.png"));

        List<DensityPanel> panels = List.of(
                Samples.density(0.0, 1.0, 2.0, 0.6, 0.4),
                Samples.density(0.0, 1.0, 0.9, 0.8, 1.2),
                Samples.density(0.0, 1.0, 0.0, 1.0, 100));
        DensityPanel p0 = panels.get(0);
        Plots.save(Plots.densities1d(p0.xs(), p0.pData(), p0.pG(), p0.d()), dir.resolve("densities.png"));
        Plots.save(Plots.densities1dPanels(panels, new String[] {"before", "during", "after"}),
                dir.resolve("densities-panels.png"));
        Plots.save(Plots.densities1d(Samples.density(0.0, 0.2, 1.0, 0.3, 0.5), "narrow data"),
                dir.resolve("densities-scaled.png"));

        Plots.save(Plots.generatorLossCurves(), dir.resolve("generator-loss.png"));

        Plots.save(Plots.bars("Samples per mode", new String[] {"0", "1", "2", "3", "4", "5", "6", "7"},
                new double[] {31, 28, 0, 35, 29, 2, 33, 30}), dir.resolve("bars.png"));
        double[] a = new double[2000];
        double[] b = new double[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 0.8 + 0.6 * rnd.nextGaussian();
        }
        Plots.save(Plots.histogram("Values", a, 40), dir.resolve("histogram.png"));
        Plots.save(Plots.histogram("Real and fake", a, b, 40), dir.resolve("histogram-2.png"));
        Plots.save(Plots.titled(Plots.sideBySide(Plots.imageGrid(java.util.Arrays.copyOf(digits, 16 * 28 * 28), 16, 28, 28, 4),
                Plots.scatter2d(real, fake)), "Composed"), dir.resolve("composed.png"));

        List<BufferedImage> frames = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            float[] f = Samples.ring(256, 0.4 + 0.32 * k, 0.3 - 0.045 * k, rnd);
            frames.add(Plots.decisionMap(field, real, f, null, "step " + 500 * k));
        }
        Animations.gif(frames, 400, dir.resolve("ring.gif"));
        System.out.println("wrote previews to " + dir.toAbsolutePath());
    }

    /** Synthetic inputs for the previews and the tests. */
    static final class Samples {

        private Samples() {}

        static Table history(int n, Random rnd) {
            IntColumn it = IntColumn.create("iteration");
            DoubleColumn dl = DoubleColumn.create("d_loss");
            DoubleColumn gl = DoubleColumn.create("g_loss");
            DoubleColumn dr = DoubleColumn.create("d_real");
            DoubleColumn df = DoubleColumn.create("d_fake");
            DoubleColumn v = DoubleColumn.create("value");
            for (int i = 0; i < n; i++) {
                double t = (double) i / n;
                double real = 0.5 + 0.4 * Math.exp(-4 * t) + 0.05 * rnd.nextGaussian();
                double fake = 0.5 - 0.4 * Math.exp(-4 * t) + 0.05 * rnd.nextGaussian();
                it.append(i * 10);
                dr.append(real);
                df.append(fake);
                dl.append(0.69 - 0.4 * Math.exp(-5 * t) + 0.08 * rnd.nextGaussian());
                gl.append(0.69 + 1.5 * Math.exp(-4 * t) + 0.15 * rnd.nextGaussian());
                v.append(-Math.log(4) + 1.0 * Math.exp(-4 * t) + 0.1 * rnd.nextGaussian());
            }
            return Table.create("history", it, dl, gl, dr, df, v);
        }

        /** Grey images in [−1, 1]: a bright blob on black at a random place. */
        static float[] blobs(int count, int h, int w, Random rnd) {
            float[] p = new float[count * h * w];
            for (int n = 0; n < count; n++) {
                double cx = 8 + rnd.nextDouble() * (w - 16);
                double cy = 8 + rnd.nextDouble() * (h - 16);
                double r = 3 + rnd.nextDouble() * 4;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double d = Math.hypot(x - cx, y - cy);
                        double ring = Math.exp(-Math.pow((d - r) / 1.4, 2));
                        p[n * h * w + y * w + x] = (float) (2 * ring - 1);
                    }
                }
            }
            return p;
        }

        /** Points on a ring of 8 Gaussians. */
        static float[] ring(int n, double radius, double sd, Random rnd) {
            float[] p = new float[2 * n];
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * (i % 8) / 8;
                p[2 * i] = (float) (radius * Math.cos(a) + sd * rnd.nextGaussian());
                p[2 * i + 1] = (float) (radius * Math.sin(a) + sd * rnd.nextGaussian());
            }
            return p;
        }

        /** Vectors from each point toward the circle of the given radius. */
        static float[] towardRing(float[] pts, double radius) {
            float[] g = new float[pts.length];
            for (int i = 0; i < pts.length; i += 2) {
                double r = Math.hypot(pts[i], pts[i + 1]);
                double k = (radius - r) / Math.max(r, 1e-6);
                g[i] = (float) (pts[i] * k);
                g[i + 1] = (float) (pts[i + 1] * k);
            }
            return g;
        }

        /** Gaussian p_data and p_g and the optimal D = p_data / (p_data + p_g), blended toward 1/2. */
        static DensityPanel density(double mData, double sData, double mG, double sG, double sharp) {
            int n = 301;
            double[] xs = new double[n];
            double[] pd = new double[n];
            double[] pg = new double[n];
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = -4 + 8.0 * i / (n - 1);
                pd[i] = gauss(xs[i], mData, sData);
                pg[i] = gauss(xs[i], mG, sG);
                double opt = pd[i] / (pd[i] + pg[i] + 1e-12);
                double f = Math.min(1, sharp);
                d[i] = 0.5 + (opt - 0.5) * f;
            }
            return new DensityPanel(xs, pd, pg, d);
        }

        static double gauss(double x, double m, double s) {
            return Math.exp(-0.5 * Math.pow((x - m) / s, 2)) / (s * Math.sqrt(2 * Math.PI));
        }
    }
}

package org.ganbook.notebook;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ganbook.data.DatasetArrays;
import org.ganbook.data.ImageDataset;
import org.ganbook.metrics.ImageClassifier;
import org.ganbook.plot.Plots;
import org.ganbook.plot.Titles;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Iteration;
import org.ganbook.train.IterationListener;
import org.ganbook.train.Probes;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * How much each player of a conditional GAN uses the label, measured during training:
 *
 * <ul>
 *   <li><b>G obeys</b>: the share of G's samples (labels 0, 1, …, 9, 0, … on the fixed noise) that a
 *       classifier recognises as the requested digit; 10 % if G ignored the label;</li>
 *   <li><b>D checks the label</b>: the share of real digits for which D finds the true label more
 *       believable than a wrong one (each label shifted by one: a 3 shown as "4"); 50 % if D ignored
 *       the label.</li>
 * </ul>
 *
 * <pre>{@code
 * var labelUse = new LabelUse(classifier, digits, 500);
 * var trainer = GanTrainer.builder(g, d)....optConditional(true).optListener(250, labelUse).build();
 * trainer.fit(5_000);
 * labelUse.plot()
 * }</pre>
 */
public final class LabelUse implements IterationListener {

    /** Where G's curve sits if G ignores the label: one class in ten. */
    public static final double G_AT_CHANCE = 0.1;

    /** Where D's curve sits if D ignores the label: a coin toss. */
    public static final double D_AT_CHANCE = 0.5;

    private final ImageClassifier classifier;
    private final ImageDataset data;
    private final int n;
    private final List<double[]> rows = new ArrayList<>();   // {iteration, obeys, checks}

    /**
     * A recorder that measures both shares on {@code n} samples each time it is called.
     *
     * @param classifier a classifier trained on the real digits
     * @param data the labelled real digits (D is asked about the first {@code n})
     * @param n samples per measurement, at least 10
     */
    public LabelUse(ImageClassifier classifier, ImageDataset data, int n) {
        if (n < 10) {
            throw new IllegalArgumentException("n must be at least 10, got " + n);
        }
        this.classifier = classifier;
        this.data = data;
        this.n = n;
    }

    @Override
    public void onIteration(GanTrainer trainer, Iteration iteration) {
        rows.add(new double[] {trainer.iteration(), obeys(trainer, classifier, n), checksLabels(trainer, data, n)});
    }

    /**
     * The share of {@code n} samples, requested as labels 0, 1, …, 9, 0, … on the fixed noise, that
     * the classifier recognises as the requested digit.
     */
    public static double obeys(GanTrainer trainer, ImageClassifier classifier, int n) {
        int[] requested = cycle(n);
        float[] images = trainer.generate(trainer.fixedNoise(n), requested).toFloatArray();
        return classifier.accuracy(images, requested);
    }

    /**
     * The share of requested digits recognised, digit by digit: {@code perDigit} samples of each of
     * the ten digits, from as many fixed noise vectors.
     *
     * @return ten shares, for digits 0 to 9
     */
    public static double[] obeysPerDigit(GanTrainer trainer, ImageClassifier classifier, int perDigit) {
        int[] requested = cycle(10 * perDigit);
        int[] seen = classifier.predict(trainer.generate(trainer.fixedNoise(requested.length), requested).toFloatArray());
        double[] share = new double[10];
        for (int i = 0; i < requested.length; i++) {
            if (seen[i] == requested[i]) {
                share[requested[i]] += 1.0 / perDigit;
            }
        }
        return share;
    }

    /**
     * The share of the first {@code n} real digits for which D's probability of "real" is higher
     * with the true label than with the label shifted by one.
     */
    public static double checksLabels(GanTrainer trainer, ImageDataset data, int n) {
        float[] images = DatasetArrays.pixels(data, 0, n);
        int[] trueLabels = DatasetArrays.labels(data, 0, n);
        int[] wrongLabels = Arrays.stream(trueLabels).map(y -> (y + 1) % 10).toArray();
        float[] pTrue = Probes.discriminate(trainer, images, trueLabels);
        float[] pWrong = Probes.discriminate(trainer, images, wrongLabels);
        int prefer = 0;
        for (int i = 0; i < n; i++) {
            if (pTrue[i] > pWrong[i]) {
                prefer++;
            }
        }
        return (double) prefer / n;
    }

    /** The measurement taken at the k-th call (0 is the first), as {iteration, G obeys, D checks}. */
    public double[] at(int k) {
        if (k < 0 || k >= rows.size()) {
            throw new IllegalArgumentException("no measurement " + k + ": " + rows.size() + " taken");
        }
        return rows.get(k).clone();
    }

    /** The first measurement, as {iteration, G obeys, D checks}. */
    public double[] first() {
        return at(0);
    }

    /** The last measurement, as {iteration, G obeys, D checks}. */
    public double[] last() {
        return at(rows.size() - 1);
    }

    /** The highest share of label checks by D over all measurements. */
    public double peakCheck() {
        return rows.stream().mapToDouble(r -> r[2]).max().orElse(Double.NaN);
    }

    /**
     * Whether D used the label before G did at the first measurement: D preferred the true label
     * for more than 60 % of real digits while G's samples showed the requested digit less than
     * 20 % of the time (chance: 10 %).
     */
    public boolean dLearnedLabelFirst() {
        double[] f = first();
        return f[2] > 0.6 && f[1] < 0.2;
    }

    /**
     * Several runs side by side, one row each: the first and the last measurement of both shares.
     *
     * @param runs a name for each run (e.g. its seed and learning rate) and its recorder
     * @return the table, in percent
     */
    public static Table compare(java.util.Map<String, LabelUse> runs) {
        Table t = Table.create("runs", tech.tablesaw.api.StringColumn.create("run"),
                DoubleColumn.create("first at iteration"), DoubleColumn.create("G obeys (%)"),
                DoubleColumn.create("D checks (%)"), DoubleColumn.create("last at iteration"),
                DoubleColumn.create("G obeys at last (%)"), DoubleColumn.create("D checks at last (%)"));
        for (var run : runs.entrySet()) {
            double[] f = run.getValue().first();
            double[] l = run.getValue().last();
            t.stringColumn("run").append(run.getKey());
            t.doubleColumn("first at iteration").append(f[0]);
            t.doubleColumn("G obeys (%)").append(Math.round(1000 * f[1]) / 10.0);
            t.doubleColumn("D checks (%)").append(Math.round(1000 * f[2]) / 10.0);
            t.doubleColumn("last at iteration").append(l[0]);
            t.doubleColumn("G obeys at last (%)").append(Math.round(1000 * l[1]) / 10.0);
            t.doubleColumn("D checks at last (%)").append(Math.round(1000 * l[2]) / 10.0);
        }
        return t;
    }

    /** One row per measurement: iteration, G obeys (%), D checks the label (%). */
    public Table table() {
        return Table.create("label use",
                DoubleColumn.create("iteration", rows.stream().mapToDouble(r -> r[0])),
                DoubleColumn.create("G obeys (%)", rows.stream().mapToDouble(r -> Math.round(1000 * r[1]) / 10.0)),
                DoubleColumn.create("D checks the label (%)", rows.stream().mapToDouble(r -> Math.round(1000 * r[2]) / 10.0)));
    }

    /** Both curves in percent against the iteration, with the two chance levels. */
    public BufferedImage plot() {
        String gChance = "G at chance (10 %)";
        String dChance = "D guessing (~50 %)";
        Table t = table();
        t.addColumns(
                DoubleColumn.create(gChance, rows.stream().mapToDouble(r -> 100 * G_AT_CHANCE)),
                DoubleColumn.create(dChance, rows.stream().mapToDouble(r -> 100 * D_AT_CHANCE)));
        t.column("G obeys (%)").setName("G obeys");
        t.column("D checks the label (%)").setName("D checks the label");
        return Plots.lines(t, Titles.of("Which player uses the label, and when").xAxis("iteration")
                        .yAxis("% of samples or digits"), 0, 100,
                "iteration", "G obeys", "D checks the label", gChance, dChance);
    }

    /** The per-digit shares of {@link #obeysPerDigit} as a bar chart in percent. */
    public static BufferedImage plotPerDigit(double[] shares) {
        String[] names = new String[shares.length];
        double[] percent = new double[shares.length];
        for (int d = 0; d < shares.length; d++) {
            names[d] = String.valueOf(d);
            percent[d] = Math.round(100 * shares[d]);
        }
        return Plots.bars(Titles.of("How often G draws the digit it is asked for").xAxis("requested digit")
                .yAxis("% recognised as that digit"), names, percent);
    }

    /**
     * How much of a generated digit's style the noise decides, label by label: the share of the
     * variation in slant and in ink (how much of the frame the strokes cover) that the noise vector
     * explains once each digit's own average is removed.
     *
     * @param slant share of the slant's variation explained by the noise vector
     * @param ink share of the ink's variation explained by the noise vector
     * @param chance what either share would be on average if style and noise were unrelated
     * @param noiseVectors how many noise vectors (each drawn as all ten digits)
     */
    public record NoiseStyle(double slant, double ink, double chance, int noiseVectors) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "over %d noise vectors × 10 digits, the noise vector explains "
                    + "%.0f %% of the slant's and %.0f %% of the ink's variation within a digit "
                    + "(%.0f %% if they were unrelated)", noiseVectors, 100 * slant, 100 * ink, 100 * chance);
        }
    }

    /**
     * Draws each of {@code noiseVectors} fixed noise vectors as all ten digits and measures how much
     * of the slant and ink that remain after removing each digit's mean is shared by the images of
     * one noise vector (a two-way analysis of variance: the noise vector's sum of squares over the
     * residual sum of squares after the digit means).
     *
     * @param trainer a conditional GAN on 28×28 digits
     * @param noiseVectors how many noise vectors, at least 2
     * @return the two shares and their chance level, 1/10
     */
    public static NoiseStyle styleSharedByNoise(GanTrainer trainer, int noiseVectors) {
        if (noiseVectors < 2) {
            throw new IllegalArgumentException("need at least 2 noise vectors, got " + noiseVectors);
        }
        int side = ImageClassifier.SIDE;
        int size = side * side;
        var noise = trainer.fixedNoise(noiseVectors).tile(new long[] {10, 1});   // row d: all vectors, digit d
        int[] labels = new int[10 * noiseVectors];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / noiseVectors;
        }
        float[] images = trainer.generate(noise, labels).toFloatArray();
        noise.close();
        double[][] slant = new double[10][noiseVectors];
        double[][] ink = new double[10][noiseVectors];
        for (int d = 0; d < 10; d++) {
            for (int v = 0; v < noiseVectors; v++) {
                int offset = (d * noiseVectors + v) * size;
                double mass = 0;
                double sx = 0;
                double sy = 0;
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        double w = (images[offset + y * side + x] + 1) / 2;
                        mass += w;
                        sx += w * x;
                        sy += w * y;
                    }
                }
                double cx = sx / Math.max(mass, 1e-9);
                double cy = sy / Math.max(mass, 1e-9);
                double mu11 = 0;
                double mu02 = 0;
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        double w = (images[offset + y * side + x] + 1) / 2;
                        mu11 += w * (x - cx) * (y - cy);
                        mu02 += w * (y - cy) * (y - cy);
                    }
                }
                slant[d][v] = mu02 > 0 ? mu11 / mu02 : 0;
                ink[d][v] = mass / size;
            }
        }
        return new NoiseStyle(sharedByColumn(slant), sharedByColumn(ink), 1.0 / 10, noiseVectors);
    }

    /** Column (noise vector) sum of squares over the residual after row (digit) means. */
    static double sharedByColumn(double[][] values) {
        int rows = values.length;
        int cols = values[0].length;
        double[][] residual = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            double mean = Arrays.stream(values[r]).average().orElse(0);
            for (int c = 0; c < cols; c++) {
                residual[r][c] = values[r][c] - mean;
            }
        }
        double total = 0;
        double columns = 0;
        for (int c = 0; c < cols; c++) {
            double colMean = 0;
            for (int r = 0; r < rows; r++) {
                colMean += residual[r][c] / rows;
                total += residual[r][c] * residual[r][c];
            }
            columns += rows * colMean * colMean;
        }
        return total == 0 ? 0 : columns / total;
    }

    private static int[] cycle(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return labels;
    }
}

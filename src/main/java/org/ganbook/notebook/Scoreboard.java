package org.ganbook.notebook;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.ganbook.metrics.ImageClassifier;
import org.ganbook.metrics.ImageQuality;
import org.ganbook.train.GanTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Trains image GANs for given numbers of iterations and scores each stopping point with a
 * classifier, so that a notebook can compare GANs at equal iterations, equal samples or equal time
 * with one call per row, the training time of every trainer measured along the way.
 *
 * <pre>{@code
 * var board = new Scoreboard(classifier, realDigits, 0.9);
 * board.fit("DCGAN", dcgan, 900);    // trains 900 more iterations, then scores 2,000 samples
 * board.row("DCGAN").confident()     // share of samples recognised with probability >= 0.9
 * board.table()                      // one row per stopping point
 * }</pre>
 */
public final class Scoreboard {

    /**
     * One stopping point of one trainer.
     *
     * @param name the row's name
     * @param iterations the trainer's iterations so far
     * @param samplesSeen real samples D has seen so far (iterations × batch size)
     * @param seconds training time so far (scoring excluded)
     * @param cpuSeconds the process's CPU time spent training so far (scoring excluded): unlike the wall time,
     *     it hardly moves when other programs share the machine
     * @param quality Fréchet distance, score and classes of the generated images
     * @param confident share of generated images the classifier recognises with at least the
     *     board's confidence
     */
    public record Row(
            String name,
            long iterations,
            long samplesSeen,
            double seconds,
            double cpuSeconds,
            ImageQuality quality,
            double confident) {

        /** Returns the training time per iteration, in seconds. */
        public double secondsPerIteration() {
            return iterations == 0 ? Double.NaN : seconds / iterations;
        }

        /** Returns the process's CPU time per training iteration, in seconds. */
        public double cpuSecondsPerIteration() {
            return iterations == 0 ? Double.NaN : cpuSeconds / iterations;
        }

        /** Returns the Fréchet distance to the real images' features (lower is better). */
        public double frechetDistance() {
            return quality.frechetDistance();
        }
    }

    private final ImageClassifier classifier;
    private final float[] real;
    private final int count;
    private final double minProbability;
    private final Map<GanTrainer, Double> trainingSeconds = new IdentityHashMap<>();
    private final Map<GanTrainer, Double> trainingCpuSeconds = new IdentityHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    /**
     * Creates an empty board.
     *
     * @param classifier the classifier trained on the real data set
     * @param realImages the real images every row is compared with ({@code N·784} pixels in [−1, 1]);
     *     each row scores as many generated images
     * @param minProbability the confidence a sample needs to count as recognised, in (0, 1]
     */
    public Scoreboard(ImageClassifier classifier, float[] realImages, double minProbability) {
        if (classifier == null || realImages == null || realImages.length < 2 * ImageClassifier.PIXELS) {
            throw new IllegalArgumentException("a classifier and at least two real images are needed");
        }
        if (!(minProbability > 0 && minProbability <= 1)) {
            throw new IllegalArgumentException("minProbability must be in (0, 1], got " + minProbability);
        }
        this.classifier = classifier;
        this.real = realImages.clone();
        this.count = realImages.length / ImageClassifier.PIXELS;
        this.minProbability = minProbability;
    }

    /**
     * Trains {@code iterations} more iterations ({@link GanTrainer#fit(int)}), timing them, then
     * scores the generator and adds a row.
     *
     * @param name the row's name, unique on this board
     * @param trainer the trainer
     * @param iterations how many more iterations, 0 to score only
     * @return the new row
     */
    public Row fit(String name, GanTrainer trainer, int iterations) {
        if (rows.stream().anyMatch(r -> r.name().equals(name))) {
            throw new IllegalArgumentException("the board already has a row named " + name);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        if (iterations > 0) {
            trainer.fit(iterations);
        }
        double seconds = trainingSeconds.merge(trainer, (System.nanoTime() - start) / 1e9, Double::sum);
        double cpuSeconds = trainingCpuSeconds.merge(trainer, (processCpuNanos() - cpuStart) / 1e9, Double::sum);
        float[] fake = trainer.generate(count).toFloatArray();
        Row row =
                new Row(
                        name,
                        trainer.iteration(),
                        trainer.iteration() * trainer.batchSize(),
                        seconds,
                        cpuSeconds,
                        ImageQuality.of(classifier, real, fake),
                        classifier.confidentShare(fake, minProbability));
        rows.add(row);
        return row;
    }

    /**
     * Returns the row of that name.
     *
     * @param name a row's name
     * @return the row
     * @throws IllegalArgumentException if there is none
     */
    public Row row(String name) {
        return rows.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row named " + name));
    }

    /** Returns the rows in the order they were added. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /**
     * Returns the board as a table: name, iterations, samples seen, training seconds, milliseconds
     * per iteration (wall time and the process's CPU time), Fréchet distance, score, classes produced and the recognised share in %.
     */
    public Table table() {
        return Table.create(
                "scored on " + count + " samples each",
                StringColumn.create("GAN", rows.stream().map(Row::name).toArray(String[]::new)),
                LongColumn.create("iterations", rows.stream().mapToLong(Row::iterations).toArray()),
                LongColumn.create("samples seen", rows.stream().mapToLong(Row::samplesSeen).toArray()),
                DoubleColumn.create("training s", rows.stream().mapToDouble(r -> round(r.seconds(), 1))),
                DoubleColumn.create("ms per iteration",
                        rows.stream().mapToDouble(r -> round(1000 * r.secondsPerIteration(), 1))),
                DoubleColumn.create("CPU ms per iteration",
                        rows.stream().mapToDouble(r -> round(1000 * r.cpuSecondsPerIteration(), 1))),
                DoubleColumn.create("Fréchet distance", rows.stream().mapToDouble(r -> round(r.frechetDistance(), 1))),
                DoubleColumn.create("score", rows.stream().mapToDouble(r -> round(r.quality().score(), 2))),
                IntColumn.create("classes", rows.stream().mapToInt(r -> r.quality().classesProduced()).toArray()),
                DoubleColumn.create("recognised % (p ≥ " + minProbability + ")",
                        rows.stream().mapToDouble(r -> round(100 * r.confident(), 1))));
    }

    /** The CPU time of the whole process (every thread, libtorch's workers included), in nanoseconds. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            if (nanos >= 0) {
                return nanos;
            }
        }
        throw new IllegalStateException("this Java runtime does not report the process's CPU time");
    }

    /** Rounds as {@code String.format("%.Nf")} does, so that the table and a cell's printed figure agree. */
    static double round(double value, int digits) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%." + digits + "f", value));
    }

    @Override
    public String toString() {
        return table().print();
    }
}

package org.ganbook.notebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.ganbook.data.Mixture2d;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Iteration;
import org.ganbook.train.IterationListener;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Measures a ring run while it trains, so that what a film strip of it shows can be checked: at each
 * call, G's {@link RingScore} on the fixed noise and D's probability of "real" at the centre of every
 * spot and at the points of the ring half-way between neighbouring spots. Pass it to the trainer with
 * the same period as the {@link Frames}, and {@link #add} it before training as the frames are:
 *
 * <pre>{@code
 * var watch = new RingWatch(2500);
 * var trainer = RingGan.builder().optListener(600, frames).optListener(600, watch).build();
 * watch.add(trainer);
 * }</pre>
 *
 * Measuring changes none of the trainer's streams.
 */
public final class RingWatch implements IterationListener {

    private final int samples;
    private final List<Moment> moments = new ArrayList<>();

    /**
     * One measurement.
     *
     * @param iteration iterations done when it was taken
     * @param score G's score on the fixed noise
     * @param atCentres D's probability of "real" at each spot's centre, in the mixture's order of modes
     * @param between D's probability of "real" on the ring half-way between spot k and spot k + 1
     */
    public record Moment(long iteration, RingScore score, float[] atCentres, float[] between) {

        /** The lowest of D's probabilities at the spots' centres. */
        public double lowestAtCentres() {
            double m = Double.POSITIVE_INFINITY;
            for (float p : atCentres) {
                m = Math.min(m, p);
            }
            return m;
        }

        /** The highest of D's probabilities half-way between spots. */
        public double highestBetween() {
            double m = Double.NEGATIVE_INFINITY;
            for (float p : between) {
                m = Math.max(m, p);
            }
            return m;
        }
    }

    /**
     * Creates an empty watch.
     *
     * @param samples how many fixed-noise samples each score uses
     */
    public RingWatch(int samples) {
        if (samples <= 0) {
            throw new IllegalArgumentException("samples must be positive, got " + samples);
        }
        this.samples = samples;
    }

    @Override
    public void onIteration(GanTrainer trainer, Iteration iteration) {
        add(trainer);
    }

    /** Measures the trainer's current state now (e.g. before training starts). */
    public RingWatch add(GanTrainer trainer) {
        if (!(trainer.data() instanceof Mixture2d mixture)) {
            throw new IllegalArgumentException("a ring watch needs a 2-D mixture such as Toys.ring(); the data is "
                    + trainer.data().name());
        }
        double[][] centres = mixture.modes();
        double[][] between = new double[centres.length][];
        for (int k = 0; k < centres.length; k++) {
            double[] a = centres[k];
            double[] b = centres[(k + 1) % centres.length];
            double mx = (a[0] + b[0]) / 2;
            double my = (a[1] + b[1]) / 2;
            double scale = Math.hypot(a[0], a[1]) / Math.max(1e-12, Math.hypot(mx, my));
            between[k] = new double[] {mx * scale, my * scale};
        }
        DecisionMap map = DecisionMap.of(trainer);
        moments.add(new Moment(trainer.iteration(), RingScore.of(trainer, samples), map.at(centres), map.at(between)));
        return this;
    }

    /** The measurements so far, in order. */
    public List<Moment> moments() {
        return List.copyOf(moments);
    }

    /** The measurement taken after {@code iteration} iterations. */
    public Moment at(long iteration) {
        return moments.stream().filter(m -> m.iteration() == iteration).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no measurement after " + iteration + " iterations; there are "
                        + moments.stream().map(Moment::iteration).toList()));
    }

    /** One row per measurement. */
    public Table table() {
        Table table = Table.create("the ring run, frame by frame",
                LongColumn.create("iteration", moments.stream().mapToLong(Moment::iteration).toArray()),
                DoubleColumn.create("share within 0.3", moments.stream()
                        .mapToDouble(m -> Math.round(m.score().shareNear() * 1e4) / 1e4).toArray()),
                IntColumn.create("modes within 0.3", moments.stream().mapToInt(m -> m.score().modesNear()).toArray()),
                StringColumn.create("samples within 0.3, per mode", moments.stream()
                        .map(m -> Arrays.stream(m.score().near().countsPerMode()).mapToObj(String::valueOf)
                                .collect(Collectors.joining(", "))).toList()),
                DoubleColumn.create("lowest D at a centre", moments.stream()
                        .mapToDouble(m -> Math.round(m.lowestAtCentres() * 1e3) / 1e3).toArray()),
                DoubleColumn.create("highest D between spots", moments.stream()
                        .mapToDouble(m -> Math.round(m.highestBetween() * 1e3) / 1e3).toArray()));
        return table;
    }
}

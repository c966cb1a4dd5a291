package org.ganbook.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganbook.data.Mixture2d;
import org.ganbook.train.GanTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runs of several settings and seeds side by side, one row per run, for claims of the form "n of N
 * seeds". Rows of one comparison carry the same measurements.
 *
 * <pre>{@code
 * var runs = new RunComparison("D frozen or not, 600 iterations");
 * runs.add("frozen", seed, trainer, 100);        // from the last 100 rows of the history, and a ring score
 * runs.table()
 * runs.countHigher("frozen", "not frozen", "gap")   // seeds where the first's gap is the larger
 * }</pre>
 */
public final class RunComparison {

    private final String title;
    private final List<String> settings = new ArrayList<>();
    private final List<Long> seeds = new ArrayList<>();
    private final List<Map<String, Double>> measurements = new ArrayList<>();

    /** An empty comparison with a title for its table. */
    public RunComparison(String title) {
        this.title = title;
    }

    /**
     * Adds a training run: D(x) and D(G(z)) averaged over the last {@code lastIterations} rows of the
     * history, their gap, and for a 2-D mixture G's JS divergence and modes covered within 0.3.
     *
     * @param setting the run's setting, as the table shows it
     * @param seed the run's seed
     * @param trainer the trained trainer
     * @param lastIterations how many of the last history rows to average
     * @return this
     */
    public RunComparison add(String setting, long seed, GanTrainer trainer, int lastIterations) {
        Table history = trainer.history();
        if (history.rowCount() < lastIterations || lastIterations <= 0) {
            throw new IllegalArgumentException("the history has " + history.rowCount() + " rows; cannot average the last "
                    + lastIterations);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        double real = history.doubleColumn("d_real").last(lastIterations).mean();
        double fake = history.doubleColumn("d_fake").last(lastIterations).mean();
        m.put("D(x)", real);
        m.put("D(G(z))", fake);
        m.put("gap", real - fake);
        if (trainer.data() instanceof Mixture2d) {
            RingScore score = RingScore.of(trainer, 2500);
            m.put("JS", score.js());
            m.put("share within 0.3", score.shareNear());
            m.put("modes within 0.3", (double) score.modesNear());
        }
        return add(setting, seed, m);
    }

    /** Adds D's score on an evaluation set: mean D(x), mean D(G(z)), their gap, accuracy. */
    public RunComparison add(String setting, long seed, EvaluationSet.Score score) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("D(x)", score.meanReal());
        m.put("D(G(z))", score.meanFake());
        m.put("gap", score.gap());
        m.put("accuracy", score.accuracy());
        return add(setting, seed, m);
    }

    private RunComparison add(String setting, long seed, Map<String, Double> m) {
        if (!measurements.isEmpty() && !measurements.get(0).keySet().equals(m.keySet())) {
            throw new IllegalArgumentException("this comparison measures " + measurements.get(0).keySet()
                    + "; a run with " + m.keySet() + " does not fit in it");
        }
        settings.add(setting);
        seeds.add(seed);
        measurements.add(m);
        return this;
    }

    /** The values of one measurement for one setting, in the order the runs were added. */
    public double[] values(String setting, String measurement) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            if (settings.get(i).equals(setting)) {
                Double v = measurements.get(i).get(measurement);
                if (v == null) {
                    throw new IllegalArgumentException("no measurement '" + measurement + "'; there are "
                            + measurements.get(i).keySet());
                }
                out.add(v);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no run with setting '" + setting + "'; there are " + settings);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The number of seeds (paired in the order added) where setting {@code a} measures more than {@code b}. */
    public int countHigher(String a, String b, String measurement) {
        double[] x = values(a, measurement);
        double[] y = values(b, measurement);
        if (x.length != y.length) {
            throw new IllegalArgumentException(a + " has " + x.length + " runs, " + b + " has " + y.length);
        }
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            count += x[i] > y[i] ? 1 : 0;
        }
        return count;
    }

    /** The mean of one measurement over the runs of one setting. */
    public double mean(String setting, String measurement) {
        return java.util.Arrays.stream(values(setting, measurement)).average().orElseThrow();
    }

    /** One row per setting, in the order first added: the number of runs and each measurement's mean. */
    public Table summary() {
        List<String> distinct = settings.stream().distinct().toList();
        Table table = Table.create(title + ": means over the seeds", StringColumn.create("setting", distinct),
                tech.tablesaw.api.IntColumn.create("runs", distinct.stream().mapToInt(this::runs).toArray()));
        if (!measurements.isEmpty()) {
            for (String name : measurements.get(0).keySet()) {
                table.addColumns(DoubleColumn.create(name,
                        distinct.stream().mapToDouble(s -> Math.round(mean(s, name) * 1e4) / 1e4).toArray()));
            }
        }
        return table;
    }

    /** The number of runs of a setting. */
    public int runs(String setting) {
        return values(setting, measurements.get(0).keySet().iterator().next()).length;
    }

    /** One row per run: setting, seed and the measurements (rounded to 4 decimals). */
    public Table table() {
        Table table = Table.create(title, StringColumn.create("setting", settings),
                LongColumn.create("seed", seeds.stream().mapToLong(Long::longValue).toArray()));
        if (!measurements.isEmpty()) {
            for (String name : measurements.get(0).keySet()) {
                double[] v = measurements.stream().mapToDouble(m -> Math.round(m.get(name) * 1e4) / 1e4).toArray();
                table.addColumns(DoubleColumn.create(name, v));
            }
        }
        return table;
    }
}

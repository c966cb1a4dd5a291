package org.ganbook.notebook;

import ai.djl.ndarray.NDArray;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.ganbook.data.Similarity2d;
import org.ganbook.data.SpiralArm;
import org.ganbook.metrics.Pairing;
import org.ganbook.train.CycleGanTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * CycleGAN runs between two spiral arms, each measured against the truth T on the same points of X, one row per
 * run: for claims of the form "n of N seeds" about a setting.
 *
 * <pre>{@code
 * var runs = new PairingRuns("2-D runs", truth, domainX, testX);
 * runs.add("identity", 0.1f, seed, trainer);          // measures the trained G and F
 * runs.count("identity", 0.1f, r -> r.recovers(0.1))  // how many seeds recovered T within 10% of Y's span
 * }</pre>
 */
public final class PairingRuns {

    private final String title;
    private final Similarity2d truth;
    private final SpiralArm domainX;
    private final NDArray testX;
    private final List<String> starts = new ArrayList<>();
    private final List<Float> lambdas = new ArrayList<>();
    private final List<Long> seeds = new ArrayList<>();
    private final List<Pairing.Report> reports = new ArrayList<>();
    private final List<Double> seconds = new ArrayList<>();

    /**
     * An empty set of runs.
     *
     * @param title the table's title
     * @param truth T
     * @param domainX X; Y is T(X)
     * @param testX the points of X every run is measured on
     */
    public PairingRuns(String title, Similarity2d truth, SpiralArm domainX, NDArray testX) {
        this.title = title;
        this.truth = truth;
        this.domainX = domainX;
        this.testX = testX;
    }

    /**
     * Measures a trained G (and F) against T on the test points: {@link Pairing#evaluate} of x, G(x), F(G(x)).
     *
     * @param trainer the trained CycleGAN
     * @param x points of X
     * @param truth T
     * @param domainX X
     * @return the report
     */
    public static Pairing.Report measure(CycleGanTrainer trainer, NDArray x, Similarity2d truth, SpiralArm domainX) {
        NDArray mapped = trainer.mapXtoY(x);
        return Pairing.evaluate(x.toFloatArray(), mapped.toFloatArray(), trainer.mapYtoX(mapped).toFloatArray(), truth,
                domainX);
    }

    /**
     * Measures a trained run and adds it as a row.
     *
     * @param start how G and F started, e.g. "identity" or "random map"
     * @param lambda the run's λ
     * @param seed the run's seed
     * @param trainer the trained CycleGAN
     * @return the run's report
     */
    public Pairing.Report add(String start, float lambda, long seed, CycleGanTrainer trainer) {
        Pairing.Report report = measure(trainer, testX, truth, domainX);
        starts.add(start);
        lambdas.add(lambda);
        seeds.add(seed);
        reports.add(report);
        seconds.add(trainer.history().doubleColumn("seconds").max());
        return report;
    }

    /**
     * The reports of one setting, in the order the seeds were added.
     *
     * @param start how G and F started
     * @param lambda λ
     * @return the reports
     */
    public List<Pairing.Report> reports(String start, float lambda) {
        List<Pairing.Report> out = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            if (starts.get(i).equals(start) && lambdas.get(i) == lambda) {
                out.add(reports.get(i));
            }
        }
        return out;
    }

    /**
     * How many runs of one setting meet a condition.
     *
     * @param start how G and F started
     * @param lambda λ
     * @param condition e.g. {@code r -> r.recovers(0.1)}
     * @return the count
     */
    public int count(String start, float lambda, Predicate<Pairing.Report> condition) {
        return (int) reports(start, lambda).stream().filter(condition).count();
    }

    /**
     * The runs as a table: start, λ, seed, mean ‖G(x) − T(x)‖ as a share of Y's span, how far along the arm G
     * misplaces x, the share of G(x) in Y, the sections of Y reached, mean ‖F(G(x)) − x‖, seconds.
     *
     * @return the table
     */
    public Table table() {
        StringColumn start = StringColumn.create("start");
        StringColumn lambda = StringColumn.create("λ");
        IntColumn seed = IntColumn.create("seed");
        DoubleColumn distance = DoubleColumn.create("‖G(x) − T(x)‖ / span");
        DoubleColumn place = DoubleColumn.create("place off");
        DoubleColumn inY = DoubleColumn.create("in Y");
        IntColumn sections = IntColumn.create("sections of Y");
        DoubleColumn cycle = DoubleColumn.create("‖F(G(x)) − x‖");
        DoubleColumn time = DoubleColumn.create("seconds");
        for (int i = 0; i < reports.size(); i++) {
            Pairing.Report r = reports.get(i);
            start.append(starts.get(i));
            lambda.append(new BigDecimal(Float.toString(lambdas.get(i))).stripTrailingZeros().toPlainString());
            seed.append(seeds.get(i).intValue());
            distance.append(r.relativeDistance());
            place.append(r.positionError());
            inY.append(r.inY());
            sections.append(r.sectionsReached());
            cycle.append(r.cycleError());
            time.append(seconds.get(i));
        }
        for (DoubleColumn c : List.of(distance, place, inY, cycle, time)) {
            c.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        }
        return Table.create(title, start, lambda, seed, distance, place, inY, sections, cycle, time);
    }
}

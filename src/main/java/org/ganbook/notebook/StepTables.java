package org.ganbook.notebook;

import org.ganbook.train.DiscriminatorStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A training step's numbers as small tables, for a notebook cell to show instead of lines of printing. */
public final class StepTables {

    private StepTables() {}

    /**
     * D(x), D(G(z)) and the gap D(x) − D(G(z)) on the step's own batch, before and after its update.
     *
     * @param step a discriminator step
     * @return three rows: what, before, after, change
     */
    public static Table beforeAndAfter(DiscriminatorStep step) {
        double gapBefore = step.realBefore() - step.fakeBefore();
        double gapAfter = step.realAfter() - step.fakeAfter();
        return Table.create(
                "discriminator step " + step.iteration() + " on its own batch",
                StringColumn.create("", "D(x)", "D(G(z))", "gap D(x) − D(G(z))"),
                DoubleColumn.create("before", round(step.realBefore()), round(step.fakeBefore()), round(gapBefore)),
                DoubleColumn.create("after", round(step.realAfter()), round(step.fakeAfter()), round(gapAfter)),
                DoubleColumn.create("change", round(step.realAfter() - step.realBefore()),
                        round(step.fakeAfter() - step.fakeBefore()), round(gapAfter - gapBefore)));
    }

    /**
     * A few fakes with D's verdict, the label they get in the generator step (1, "real") and each one's
     * term of the non-saturating generator loss, −log D(G(z)).
     *
     * @param xy the fakes, x,y pairs
     * @param d D's probability of "real" for each
     * @return one row per fake
     */
    public static Table generatorLossTerms(float[] xy, float[] d) {
        if (xy.length != 2 * d.length) {
            throw new IllegalArgumentException("expected " + 2 * d.length + " coordinates for " + d.length
                    + " verdicts, got " + xy.length);
        }
        int n = d.length;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] p = new double[n];
        double[] term = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = round(xy[2 * i]);
            y[i] = round(xy[2 * i + 1]);
            p[i] = round(d[i]);
            label[i] = 1;
            term[i] = round(-Math.log(d[i]));
        }
        return Table.create("fakes in the generator step",
                DoubleColumn.create("x", x), DoubleColumn.create("y", y), DoubleColumn.create("D(G(z))", p),
                IntColumn.create("label", label), DoubleColumn.create("−log D(G(z))", term));
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}

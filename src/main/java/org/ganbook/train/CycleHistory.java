package org.ganbook.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The per-iteration record behind {@link CycleGanTrainer#history()}. */
final class CycleHistory {

    /** The table's number columns after {@code iteration}, in order. */
    static final List<String> COLUMNS = List.of("seconds", "dy_loss", "dx_loss", "g_loss", "adv_g", "adv_f",
            "cycle_x", "cycle_y", "identity", "dy_real", "dy_fake", "dx_real", "dx_fake", "g_fake_y", "g_fake_x");

    private final List<CycleIteration> rows = new ArrayList<>();

    void add(CycleIteration row) {
        rows.add(row);
    }

    CycleIteration last() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }

    int size() {
        return rows.size();
    }

    void replaceWith(CycleHistory other) {
        rows.clear();
        rows.addAll(other.rows);
    }

    private static double[] values(CycleIteration row) {
        DiscriminatorStep dy = row.discriminatorY();
        DiscriminatorStep dx = row.discriminatorX();
        CycleGeneratorStep g = row.generators();
        return new double[] {row.seconds(), dy.loss(), dx.loss(), g.loss(), g.adversarialG(), g.adversarialF(),
            g.cycleX(), g.cycleY(), g.identity(), dy.realBefore(), dy.fakeBefore(), dx.realBefore(), dx.fakeBefore(),
            g.fakeYBefore(), g.fakeXBefore()};
    }

    Table toTable() {
        int n = rows.size();
        int[] iteration = new int[n];
        double[][] columns = new double[COLUMNS.size()][n];
        for (int i = 0; i < n; i++) {
            iteration[i] = Math.toIntExact(rows.get(i).iteration());
            double[] v = values(rows.get(i));
            for (int c = 0; c < v.length; c++) {
                columns[c][i] = v[c];
            }
        }
        Table table = Table.create("cyclegan history", IntColumn.create("iteration", iteration));
        for (int c = 0; c < COLUMNS.size(); c++) {
            table.addColumns(DoubleColumn.create(COLUMNS.get(c), columns[c]));
        }
        return table;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(rows.size());
        for (CycleIteration row : rows) {
            out.writeLong(row.iteration());
            out.writeDouble(row.seconds());
            writeStep(out, row.discriminatorY());
            writeStep(out, row.discriminatorX());
            CycleGeneratorStep g = row.generators();
            for (double v : new double[] {g.loss(), g.adversarialG(), g.adversarialF(), g.cycleX(), g.cycleY(),
                g.identity(), g.fakeYBefore(), g.fakeXBefore()}) {
                out.writeDouble(v);
            }
        }
    }

    private static void writeStep(DataOutputStream out, DiscriminatorStep d) throws IOException {
        for (double v : new double[] {d.loss(), d.realBefore(), d.fakeBefore(), d.realAfter(), d.fakeAfter(), d.value()}) {
            out.writeDouble(v);
        }
    }

    private static DiscriminatorStep readStep(DataInputStream in, long iteration) throws IOException {
        return new DiscriminatorStep(iteration, in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readDouble());
    }

    static CycleHistory read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000_000) {
            throw new IOException("corrupted history length " + n);
        }
        CycleHistory history = new CycleHistory();
        for (int i = 0; i < n; i++) {
            long it = in.readLong();
            double seconds = in.readDouble();
            DiscriminatorStep dy = readStep(in, it);
            DiscriminatorStep dx = readStep(in, it);
            CycleGeneratorStep g = new CycleGeneratorStep(it, in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
            history.add(new CycleIteration(it, dy, dx, g, seconds));
        }
        return history;
    }
}

package org.ganbook.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The per-iteration record behind {@link GanTrainer#history()}. */
final class History {

    private final List<Iteration> rows = new ArrayList<>();

    void add(Iteration iteration) {
        rows.add(iteration);
    }

    Iteration last() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }

    void replaceWith(History other) {
        rows.clear();
        rows.addAll(other.rows);
    }

    Table toTable() {
        int n = rows.size();
        int[] iteration = new int[n];
        double[] epoch = new double[n];
        double[] seconds = new double[n];
        double[] dLoss = new double[n];
        double[] gLoss = new double[n];
        double[] dReal = new double[n];
        double[] dFake = new double[n];
        double[] gFake = new double[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            Iteration row = rows.get(i);
            iteration[i] = Math.toIntExact(row.iteration());
            epoch[i] = row.epochs();
            seconds[i] = row.seconds();
            dLoss[i] = row.discriminator().loss();
            gLoss[i] = row.generator().loss();
            dReal[i] = row.discriminator().realBefore();
            dFake[i] = row.discriminator().fakeBefore();
            gFake[i] = row.generator().fakeBefore();
            value[i] = row.discriminator().value();
        }
        return Table.create(
                "history",
                IntColumn.create("iteration", iteration),
                DoubleColumn.create("epoch", epoch),
                DoubleColumn.create("seconds", seconds),
                DoubleColumn.create("d_loss", dLoss),
                DoubleColumn.create("g_loss", gLoss),
                DoubleColumn.create("d_real", dReal),
                DoubleColumn.create("d_fake", dFake),
                DoubleColumn.create("g_fake", gFake),
                DoubleColumn.create("value", value));
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(rows.size());
        for (Iteration row : rows) {
            DiscriminatorStep d = row.discriminator();
            GeneratorStep g = row.generator();
            out.writeLong(row.iteration());
            out.writeDouble(row.epochs());
            out.writeDouble(row.seconds());
            for (double v : new double[] {d.loss(), d.realBefore(), d.fakeBefore(), d.realAfter(), d.fakeAfter(), d.value()}) {
                out.writeDouble(v);
            }
            for (double v : new double[] {g.loss(), g.fakeBefore(), g.fakeAfter()}) {
                out.writeDouble(v);
            }
        }
    }

    static History read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000_000) {
            throw new IOException("corrupted history length " + n);
        }
        History history = new History();
        for (int i = 0; i < n; i++) {
            long it = in.readLong();
            double epochs = in.readDouble();
            double seconds = in.readDouble();
            DiscriminatorStep d =
                    new DiscriminatorStep(it, in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                            in.readDouble(), in.readDouble());
            GeneratorStep g = new GeneratorStep(it, in.readDouble(), in.readDouble(), in.readDouble());
            history.add(new Iteration(it, d, g, epochs, seconds));
        }
        return history;
    }
}

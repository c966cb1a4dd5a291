package org.ganbook.notebook;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * The discriminator's training batch as a table, the way {@code GanTrainer.discriminatorStep()}
 * builds it: the real samples with label 1 on top, the fake samples with label 0 below.
 *
 * <pre>{@code
 * Table batch = BatchTable.concatenate(trainer.realSamples(4).toFloatArray(),
 *                                      trainer.generate(4).toFloatArray(), 2);
 * System.out.println(batch.print());   // 8 rows: x, y, label
 * }</pre>
 */
public final class BatchTable {

    private BatchTable() {}

    /**
     * Concatenates real and fake samples into one labelled table.
     *
     * @param real real samples, row-major, {@code dimension} values each
     * @param fake fake samples, row-major, {@code dimension} values each
     * @param dimension values per sample; the columns are named {@code x} (1-D), {@code x, y} (2-D)
     *     or {@code x1 … xd}
     * @return a table with one row per sample, real rows first, and an integer column {@code label}:
     *     1 for real, 0 for fake; the sample columns print with 4 decimals (their values are exact)
     * @throws IllegalArgumentException if an array is null or not made of whole samples
     */
    public static Table concatenate(float[] real, float[] fake, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        check(real, "real", dimension);
        check(fake, "fake", dimension);
        int nReal = real.length / dimension;
        int nFake = fake.length / dimension;
        Table table = Table.create("discriminator batch");
        for (int j = 0; j < dimension; j++) {
            double[] column = new double[nReal + nFake];
            for (int i = 0; i < nReal; i++) {
                column[i] = real[i * dimension + j];
            }
            for (int i = 0; i < nFake; i++) {
                column[nReal + i] = fake[i * dimension + j];
            }
            DoubleColumn values = DoubleColumn.create(columnName(j, dimension), column);
            values.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
            table.addColumns(values);
        }
        int[] labels = new int[nReal + nFake];
        for (int i = 0; i < nReal; i++) {
            labels[i] = 1;
        }
        table.addColumns(IntColumn.create("label", labels));
        return table;
    }

    private static String columnName(int j, int dimension) {
        if (dimension == 1) {
            return "x";
        }
        if (dimension == 2) {
            return j == 0 ? "x" : "y";
        }
        return "x" + (j + 1);
    }

    private static void check(float[] samples, String name, int dimension) {
        if (samples == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (samples.length % dimension != 0) {
            throw new IllegalArgumentException(name + " has " + samples.length
                    + " values, not whole samples of " + dimension);
        }
    }
}

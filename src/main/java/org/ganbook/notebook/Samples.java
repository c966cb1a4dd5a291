package org.ganbook.notebook;

import java.util.function.DoubleUnaryOperator;
import org.ganbook.metrics.Divergence;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Looks at flat arrays of samples (row after row, as {@code NDArray.toFloatArray()} returns them):
 * a few rows as a table, their mean, and how far their histogram is from a density.
 *
 * <pre>{@code
 * Samples.table("z", latent.values(3), 8)            // rows z0, z1, z2 with 8 columns
 * double[] centre = Samples.mean(fakePoints, 2);      // the centroid of 2-D points
 * }</pre>
 */
public final class Samples {

    private Samples() {}

    /**
     * The samples as a table, one row each, named {@code prefix0, prefix1, …}, with columns
     * {@code 1 … dimension}, rounded to two decimals for reading.
     *
     * @param prefix the row names' prefix
     * @param values the samples, row after row
     * @param dimension values per sample
     * @return the table
     * @throws IllegalArgumentException if the values do not make whole samples
     */
    public static Table table(String prefix, float[] values, int dimension) {
        int n = rows(values, dimension);
        Table t = Table.create(n + " samples of dimension " + dimension);
        StringColumn names = StringColumn.create("sample");
        for (int i = 0; i < n; i++) {
            names.append(prefix + i);
        }
        t.addColumns(names);
        for (int j = 0; j < dimension; j++) {
            DoubleColumn c = DoubleColumn.create(String.valueOf(j + 1));
            for (int i = 0; i < n; i++) {
                c.append(Math.round(values[i * dimension + j] * 100) / 100.0);
            }
            t.addColumns(c);
        }
        return t;
    }

    /** The mean of each coordinate over the samples. */
    public static double[] mean(float[] values, int dimension) {
        int n = rows(values, dimension);
        double[] mean = new double[dimension];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dimension; j++) {
                mean[j] += values[i * dimension + j] / (double) n;
            }
        }
        return mean;
    }

    /**
     * The largest difference between a histogram of 1-D samples, scaled to a density, and a density
     * at the bins' centres: how closely the histogram follows the curve.
     *
     * @param values the samples
     * @param density the density to compare with
     * @param min lower edge of the first bin
     * @param max upper edge of the last bin
     * @param bins how many bins
     * @return the largest absolute difference over the bins
     */
    public static double largestDensityGap(float[] values, DoubleUnaryOperator density, double min, double max,
            int bins) {
        double[] freq = Divergence.histogram1d(values, min, max, bins);
        double width = (max - min) / bins;
        double largest = 0;
        for (int b = 0; b < bins; b++) {
            double centre = min + (b + 0.5) * width;
            largest = Math.max(largest, Math.abs(freq[b] / width - density.applyAsDouble(centre)));
        }
        return largest;
    }

    private static int rows(float[] values, int dimension) {
        if (dimension < 1 || values == null || values.length == 0 || values.length % dimension != 0) {
            throw new IllegalArgumentException("expected whole samples of dimension " + dimension + ", got "
                    + (values == null ? "null" : values.length + " values"));
        }
        return values.length / dimension;
    }
}

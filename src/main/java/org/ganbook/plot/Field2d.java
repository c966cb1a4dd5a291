package org.ganbook.plot;

import java.util.function.DoubleBinaryOperator;

/**
 * The discriminator's probability D(x, y) sampled on a regular grid over a rectangle, the
 * background of {@link Plots#decisionMap}.
 *
 * <p>{@code values[row][col]} is the value at {@code x = x(col)}, {@code y = y(row)}: rows go up in
 * y (row 0 is at {@code yMin}, the last row at {@code yMax}) and columns go up in x (column 0 at
 * {@code xMin}, the last column at {@code xMax}). The grid includes both edges of the rectangle.
 *
 * <p>To evaluate a discriminator in one batch: pass {@link #gridPoints} to D, then rebuild the field
 * from its flat output with {@link #of(double, double, double, double, int, int, float[])}.
 *
 * @param xMin left edge
 * @param xMax right edge, greater than {@code xMin}
 * @param yMin bottom edge
 * @param yMax top edge, greater than {@code yMin}
 * @param values the grid of values, at least 1×1, all rows of equal length (copied)
 */
public record Field2d(double xMin, double xMax, double yMin, double yMax, double[][] values) {

    /**
     * Checks the rectangle and the grid and copies the grid.
     *
     * @param xMin left edge
     * @param xMax right edge
     * @param yMin bottom edge
     * @param yMax top edge
     * @param values the grid, {@code values[row][col]}, row 0 at {@code yMin}
     * @throws IllegalArgumentException if an edge is not finite, the rectangle is empty, or the grid
     *     is empty or ragged
     */
    public Field2d {
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin)
                && Double.isFinite(yMax))) {
            throw new IllegalArgumentException("field edges must be finite numbers");
        }
        if (!(xMin < xMax)) {
            throw new IllegalArgumentException("field needs xMin < xMax, got " + xMin + " and " + xMax);
        }
        if (!(yMin < yMax)) {
            throw new IllegalArgumentException("field needs yMin < yMax, got " + yMin + " and " + yMax);
        }
        if (values == null || values.length == 0 || values[0] == null || values[0].length == 0) {
            throw new IllegalArgumentException("field values must be a non-empty grid");
        }
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r] == null || values[r].length != values[0].length) {
                throw new IllegalArgumentException("field values are ragged: row " + r + " has "
                        + (values[r] == null ? "no" : String.valueOf(values[r].length))
                        + " values, row 0 has " + values[0].length);
            }
            copy[r] = values[r].clone();
        }
        values = copy;
    }

    /**
     * Samples a function on a {@code rows × cols} grid.
     *
     * @param xMin left edge
     * @param xMax right edge
     * @param yMin bottom edge
     * @param yMax top edge
     * @param rows number of grid rows (y values), at least 1
     * @param cols number of grid columns (x values), at least 1
     * @param f the function of (x, y), for example a discriminator's probability
     * @return the sampled field
     */
    public static Field2d sample(double xMin, double xMax, double yMin, double yMax, int rows,
            int cols, DoubleBinaryOperator f) {
        checkGrid(rows, cols);
        double[][] v = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            double y = coordinate(yMin, yMax, rows, r);
            for (int c = 0; c < cols; c++) {
                v[r][c] = f.applyAsDouble(coordinate(xMin, xMax, cols, c), y);
            }
        }
        return new Field2d(xMin, xMax, yMin, yMax, v);
    }

    /**
     * Builds a field from values in row-major order, in the order of {@link #gridPoints}.
     *
     * @param xMin left edge
     * @param xMax right edge
     * @param yMin bottom edge
     * @param yMax top edge
     * @param rows number of grid rows (y values)
     * @param cols number of grid columns (x values)
     * @param rowMajor {@code rows * cols} values, row 0 (at {@code yMin}) first
     * @return the field
     * @throws IllegalArgumentException if the number of values is not {@code rows * cols}
     */
    public static Field2d of(double xMin, double xMax, double yMin, double yMax, int rows, int cols,
            float[] rowMajor) {
        checkGrid(rows, cols);
        if (rowMajor == null || rowMajor.length != rows * cols) {
            throw new IllegalArgumentException("field of " + rows + "×" + cols + " needs "
                    + rows * cols + " values, got " + (rowMajor == null ? "null" : rowMajor.length));
        }
        double[][] v = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[r][c] = rowMajor[r * cols + c];
            }
        }
        return new Field2d(xMin, xMax, yMin, yMax, v);
    }

    /**
     * The grid's points as (x, y) pairs in row-major order, ready to be fed to a discriminator as
     * an array of shape ({@code rows * cols}, 2).
     *
     * @param xMin left edge
     * @param xMax right edge
     * @param yMin bottom edge
     * @param yMax top edge
     * @param rows number of grid rows (y values)
     * @param cols number of grid columns (x values)
     * @return {@code 2 * rows * cols} numbers: x0, y0, x1, y1, …
     */
    public static float[] gridPoints(double xMin, double xMax, double yMin, double yMax, int rows,
            int cols) {
        checkGrid(rows, cols);
        float[] p = new float[2 * rows * cols];
        int i = 0;
        for (int r = 0; r < rows; r++) {
            double y = coordinate(yMin, yMax, rows, r);
            for (int c = 0; c < cols; c++) {
                p[i++] = (float) coordinate(xMin, xMax, cols, c);
                p[i++] = (float) y;
            }
        }
        return p;
    }

    /**
     * Returns a copy of the grid of values.
     *
     * @return {@code values[row][col]}, row 0 at {@code yMin}
     */
    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            copy[r] = values[r].clone();
        }
        return copy;
    }

    /**
     * Number of grid rows (y values).
     *
     * @return the row count
     */
    public int rows() {
        return values.length;
    }

    /**
     * Number of grid columns (x values).
     *
     * @return the column count
     */
    public int cols() {
        return values[0].length;
    }

    /**
     * The x coordinate of a grid column.
     *
     * @param col column index
     * @return its x
     */
    public double x(int col) {
        return coordinate(xMin, xMax, cols(), col);
    }

    /**
     * The y coordinate of a grid row.
     *
     * @param row row index
     * @return its y
     */
    public double y(int row) {
        return coordinate(yMin, yMax, rows(), row);
    }

    /**
     * The field at any point of the rectangle, interpolated bilinearly between grid points; points
     * outside the rectangle take the value at the nearest edge.
     *
     * @param x x coordinate
     * @param y y coordinate
     * @return the interpolated value
     */
    public double at(double x, double y) {
        int rows = rows();
        int cols = cols();
        double fc = cols == 1 ? 0 : (x - xMin) / (xMax - xMin) * (cols - 1);
        double fr = rows == 1 ? 0 : (y - yMin) / (yMax - yMin) * (rows - 1);
        fc = Math.max(0, Math.min(cols - 1, fc));
        fr = Math.max(0, Math.min(rows - 1, fr));
        int c0 = Math.min((int) fc, Math.max(0, cols - 2));
        int r0 = Math.min((int) fr, Math.max(0, rows - 2));
        int c1 = Math.min(c0 + 1, cols - 1);
        int r1 = Math.min(r0 + 1, rows - 1);
        double tx = fc - c0;
        double ty = fr - r0;
        double bottom = values[r0][c0] * (1 - tx) + values[r0][c1] * tx;
        double top = values[r1][c0] * (1 - tx) + values[r1][c1] * tx;
        return bottom * (1 - ty) + top * ty;
    }

    /**
     * A short description: the rectangle and the grid size (the values are not printed).
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "Field2d[x " + xMin + ".." + xMax + ", y " + yMin + ".." + yMax + ", " + rows() + "×"
                + cols() + " grid]";
    }

    private static double coordinate(double min, double max, int n, int i) {
        return n == 1 ? (min + max) / 2 : min + (max - min) * i / (n - 1);
    }

    private static void checkGrid(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("field grid needs at least 1 row and 1 column, got "
                    + rows + "×" + cols);
        }
    }
}

package org.ganbook.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Small dense linear algebra on real symmetric matrices, in plain Java: the eigen-decomposition by
 * the cyclic Jacobi method, the square root of a positive semi-definite matrix, and the mean and
 * covariance of a set of feature vectors.
 *
 * <p>Jacobi is slow for large matrices (about {@code 10·n³} operations for {@code n × n}) but it
 * is simple, very accurate and needs no library; the feature spaces here have at most a few hundred
 * dimensions, which takes well under a second.
 */
public final class SymmetricMatrices {

    private static final int MAX_SWEEPS = 100;

    /**
     * Negative eigenvalues larger in magnitude than this fraction of the largest eigenvalue make
     * {@link #sqrt(double[][])} reject a matrix as not positive semi-definite; smaller ones are
     * rounding error and are treated as 0.
     */
    public static final double PSD_TOLERANCE = 1e-8;

    private SymmetricMatrices() {}

    /**
     * The eigen-decomposition {@code A = V · diag(values) · Vᵀ} of a symmetric matrix.
     *
     * @param values the eigenvalues, in ascending order
     * @param vectors the orthonormal eigenvectors, as the columns of an {@code n × n} matrix: column
     *     {@code j} belongs to {@code values[j]}
     */
    public record Eigen(double[] values, double[][] vectors) {}

    /**
     * Computes the eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations.
     * Only the symmetric part {@code (A + Aᵀ)/2} of the input is used.
     *
     * @param a a square symmetric matrix (not modified)
     * @return the eigenvalues (ascending) and the matching orthonormal eigenvectors
     * @throws IllegalArgumentException if the matrix is not square or holds non-finite values
     */
    public static Eigen eigen(double[][] a) {
        int n = checkSquare(a);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("matrix holds a non-finite value");
                }
                m[i][j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        double[][] v = identity(n);
        double total = 0;
        for (double[] row : m) {
            for (double x : row) {
                total += x * x;
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += m[p][q] * m[p][q];
                }
            }
            if (off <= 1e-30 * total || off == 0) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = m[p][q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (m[q][q] - m[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) { // columns p and q: A·J
                        double mkp = m[k][p];
                        double mkq = m[k][q];
                        m[k][p] = c * mkp - s * mkq;
                        m[k][q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) { // rows p and q: Jᵀ·A
                        double mpk = m[p][k];
                        double mqk = m[q][k];
                        m[p][k] = c * mpk - s * mqk;
                        m[q][k] = s * mpk + c * mqk;
                    }
                    m[p][q] = 0;
                    m[q][p] = 0;
                    for (int k = 0; k < n; k++) { // V·J
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order =
                IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> m[i][i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            int src = order[j];
            values[j] = m[src][src];
            for (int i = 0; i < n; i++) {
                vectors[i][j] = v[i][src];
            }
        }
        return new Eigen(values, vectors);
    }

    /**
     * Returns the symmetric positive semi-definite square root {@code S} of a symmetric positive
     * semi-definite matrix {@code A}, so that {@code S · S = A}: {@code S = V · diag(√λ) · Vᵀ} from
     * the eigen-decomposition. Eigenvalues that are negative only by rounding error (see {@link
     * #PSD_TOLERANCE}) are treated as 0.
     *
     * @param a a square symmetric positive semi-definite matrix (not modified)
     * @return its square root
     * @throws IllegalArgumentException if the matrix has a clearly negative eigenvalue
     */
    public static double[][] sqrt(double[][] a) {
        Eigen e = eigen(a);
        int n = e.values().length;
        double[] roots = rootsOf(e.values());
        double[][] v = e.vectors();
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += v[i][k] * roots[k] * v[j][k];
                }
                s[i][j] = sum;
                s[j][i] = sum;
            }
        }
        return s;
    }

    /**
     * Returns the trace of the square root of a symmetric positive semi-definite matrix, the sum of
     * the square roots of its eigenvalues, without forming the square root.
     *
     * @param a a square symmetric positive semi-definite matrix (not modified)
     * @return {@code tr(√A)}
     * @throws IllegalArgumentException if the matrix has a clearly negative eigenvalue
     */
    public static double traceOfSqrt(double[][] a) {
        double sum = 0;
        for (double r : rootsOf(eigen(a).values())) {
            sum += r;
        }
        return sum;
    }

    /**
     * Returns the mean of a set of vectors.
     *
     * @param rows the vectors, one per row, all of the same length
     * @return the mean vector
     */
    public static double[] mean(double[][] rows) {
        int d = checkRows(rows, 1);
        double[] mu = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                mu[j] += r[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mu[j] /= rows.length;
        }
        return mu;
    }

    /**
     * Returns the sample covariance of a set of vectors, with the unbiased {@code 1/(n-1)}
     * normalisation (as {@code numpy.cov} does).
     *
     * @param rows the vectors, one per row, at least two, all of the same length
     * @return the {@code d × d} covariance matrix
     */
    public static double[][] covariance(double[][] rows) {
        int d = checkRows(rows, 2);
        double[] mu = mean(rows);
        double[][] c = new double[d][d];
        double[] x = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                x[j] = r[j] - mu[j];
            }
            for (int i = 0; i < d; i++) {
                double xi = x[i];
                if (xi == 0) {
                    continue;
                }
                double[] ci = c[i];
                for (int j = i; j < d; j++) {
                    ci[j] += xi * x[j];
                }
            }
        }
        double scale = 1.0 / (rows.length - 1);
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] *= scale;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /**
     * Returns the matrix product {@code a · b}.
     *
     * @param a an {@code n × m} matrix
     * @param b an {@code m × p} matrix
     * @return the {@code n × p} product
     */
    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b.length;
        int p = b[0].length;
        double[][] c = new double[n][p];
        for (int i = 0; i < n; i++) {
            if (a[i].length != m) {
                throw new IllegalArgumentException("inner dimensions differ");
            }
            for (int k = 0; k < m; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                double[] bk = b[k];
                double[] ci = c[i];
                for (int j = 0; j < p; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    /**
     * Returns the trace of a square matrix.
     *
     * @param a a square matrix
     * @return the sum of its diagonal
     */
    public static double trace(double[][] a) {
        int n = checkSquare(a);
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += a[i][i];
        }
        return t;
    }

    private static double[] rootsOf(double[] values) {
        double largest = 0;
        for (double x : values) {
            largest = Math.max(largest, Math.abs(x));
        }
        double[] roots = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (x < -PSD_TOLERANCE * Math.max(largest, 1e-300)) {
                throw new IllegalArgumentException(
                        "matrix is not positive semi-definite: eigenvalue " + x
                                + " against a largest magnitude of " + largest);
            }
            roots[i] = Math.sqrt(Math.max(0.0, x));
        }
        return roots;
    }

    private static double[][] identity(int n) {
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        return v;
    }

    private static int checkSquare(double[][] a) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException("empty matrix");
        }
        for (double[] row : a) {
            if (row == null || row.length != a.length) {
                throw new IllegalArgumentException("matrix is not square");
            }
        }
        return a.length;
    }

    private static int checkRows(double[][] rows, int minRows) {
        if (rows == null || rows.length < minRows) {
            throw new IllegalArgumentException(
                    "need at least " + minRows + " vectors, got " + (rows == null ? 0 : rows.length));
        }
        int d = rows[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("vectors have no components");
        }
        for (double[] r : rows) {
            if (r.length != d) {
                throw new IllegalArgumentException("vectors differ in length");
            }
        }
        return d;
    }
}

package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricMatricesTest {

    /** A random symmetric positive semi-definite matrix B·Bᵀ of rank r. */
    static double[][] randomPsd(int n, int rank, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] b = new double[n][rank];
        for (double[] row : b) {
            for (int j = 0; j < rank; j++) {
                row[j] = ModeCoverageTest.gaussian(random);
            }
        }
        return SymmetricMatrices.multiply(b, transpose(b));
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static void assertMatrixEquals(double[][] expected, double[][] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[i][j], actual[i][j], tol, "entry " + i + "," + j);
            }
        }
    }

    @Test
    void eigenDecompositionReconstructsTheMatrix() {
        double[][] a = randomPsd(12, 12, 1);
        a[0][0] -= 30; // make it indefinite too
        SymmetricMatrices.Eigen e = SymmetricMatrices.eigen(a);
        double[][] v = e.vectors();
        double[][] d = new double[12][12];
        for (int i = 0; i < 12; i++) {
            d[i][i] = e.values()[i];
            if (i > 0) {
                assertEquals(true, e.values()[i] >= e.values()[i - 1], "ascending");
            }
        }
        double[][] back = SymmetricMatrices.multiply(SymmetricMatrices.multiply(v, d), transpose(v));
        assertMatrixEquals(a, back, 1e-10);
        double[][] identity = new double[12][12];
        for (int i = 0; i < 12; i++) {
            identity[i][i] = 1;
        }
        assertMatrixEquals(identity, SymmetricMatrices.multiply(transpose(v), v), 1e-12);
    }

    @Test
    void knownEigenvalues() {
        double[][] a = {{2, 1}, {1, 2}};
        SymmetricMatrices.Eigen e = SymmetricMatrices.eigen(a);
        assertEquals(1, e.values()[0], 1e-14);
        assertEquals(3, e.values()[1], 1e-14);
        // equal diagonal (theta = 0) needs a 45° rotation
        assertEquals(Math.abs(e.vectors()[0][1]), Math.sqrt(0.5), 1e-14);
    }

    @Test
    void squareRootSquaresBackToTheMatrix() {
        for (int rank : new int[] {30, 10}) { // full rank and singular
            double[][] a = randomPsd(30, rank, 2 + rank);
            double[][] s = SymmetricMatrices.sqrt(a);
            assertMatrixEquals(a, SymmetricMatrices.multiply(s, s), 1e-9);
            assertMatrixEquals(s, transpose(s), 0);
            double traceOfRoot = SymmetricMatrices.trace(s);
            assertEquals(traceOfRoot, SymmetricMatrices.traceOfSqrt(a), 1e-9);
        }
    }

    @Test
    void squareRootOfADiagonalMatrix() {
        double[][] a = {{4, 0, 0}, {0, 9, 0}, {0, 0, 0}};
        assertMatrixEquals(
                new double[][] {{2, 0, 0}, {0, 3, 0}, {0, 0, 0}}, SymmetricMatrices.sqrt(a), 1e-15);
    }

    @Test
    void rejectsAClearlyNegativeMatrix() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SymmetricMatrices.sqrt(new double[][] {{1, 0}, {0, -1}}));
        assertThrows(
                IllegalArgumentException.class,
                () -> SymmetricMatrices.eigen(new double[][] {{1, 0}}));
    }

    @Test
    void meanAndUnbiasedCovariance() {
        double[][] x = {{1, 2}, {3, 6}, {5, 10}};
        double[] mu = SymmetricMatrices.mean(x);
        assertEquals(3, mu[0], 0);
        assertEquals(6, mu[1], 0);
        double[][] c = SymmetricMatrices.covariance(x);
        assertMatrixEquals(new double[][] {{4, 8}, {8, 16}}, c, 1e-12);
    }
}

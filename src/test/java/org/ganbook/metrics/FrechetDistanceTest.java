package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    /** n samples of N(mean, diag(std²)). */
    static double[][] gaussian(int n, double[] mean, double[] std, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][mean.length];
        for (double[] row : x) {
            for (int j = 0; j < mean.length; j++) {
                row[j] = mean[j] + std[j] * ModeCoverageTest.gaussian(r);
            }
        }
        return x;
    }

    static double[][] diag(double... v) {
        double[][] d = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            d[i][i] = v[i];
        }
        return d;
    }

    /** A rotation in the plane of axes 0 and 1 of a d-dimensional space, composed with others. */
    static double[][] rotation(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] q = diag(new double[d]);
        for (int i = 0; i < d; i++) {
            q[i][i] = 1;
        }
        for (int k = 0; k < 3 * d; k++) {
            int a = r.nextInt(d);
            int b = (a + 1 + r.nextInt(d - 1)) % d;
            double t = 2 * Math.PI * r.nextDouble();
            double[][] g = diag(new double[d]);
            for (int i = 0; i < d; i++) {
                g[i][i] = 1;
            }
            g[a][a] = Math.cos(t);
            g[b][b] = Math.cos(t);
            g[a][b] = -Math.sin(t);
            g[b][a] = Math.sin(t);
            q = SymmetricMatrices.multiply(q, g);
        }
        return q;
    }

    @Test
    void aSetAgainstItselfIsZero() {
        double[][] x = gaussian(500, new double[] {1, 2, 3, 4}, new double[] {1, 0.5, 2, 1}, 1);
        assertEquals(0, FrechetDistance.between(x, x), 1e-9);
    }

    @Test
    void diagonalGaussiansMatchTheClosedForm() {
        double[] m1 = {0, 1, -2};
        double[] m2 = {1, 1, 0};
        double[] v1 = {1, 4, 0.25};
        double[] v2 = {4, 1, 0.25};
        // ‖m1 − m2‖² + Σ (σ1 − σ2)² = (1 + 0 + 4) + (1 + 1 + 0) = 7
        assertEquals(7, FrechetDistance.ofGaussians(m1, diag(v1), m2, diag(v2)), 1e-12);
        assertEquals(7, FrechetDistance.ofGaussians(m2, diag(v2), m1, diag(v1)), 1e-12);
    }

    @Test
    void rotatedCommutingCovariancesMatchTheClosedForm() {
        // Same eigenvectors Q: d² = Σ (√λ1 − √λ2)², for any Q.
        double[][] q = rotation(5, 3);
        double[] l1 = {1, 2, 3, 4, 5};
        double[] l2 = {5, 1, 0.5, 4, 0};
        double[][] c1 = SymmetricMatrices.multiply(SymmetricMatrices.multiply(q, diag(l1)), SymmetricMatricesTest.transpose(q));
        double[][] c2 = SymmetricMatrices.multiply(SymmetricMatrices.multiply(q, diag(l2)), SymmetricMatricesTest.transpose(q));
        double expected = 0;
        for (int i = 0; i < 5; i++) {
            expected += Math.pow(Math.sqrt(l1[i]) - Math.sqrt(l2[i]), 2);
        }
        double[] zero = new double[5];
        // The zero eigenvalue is ~1e-15 after rotation, and √1e-15 ≈ 3e-8: hence the tolerance.
        assertEquals(expected, FrechetDistance.ofGaussians(zero, c1, zero, c2), 1e-6);
    }

    @Test
    void generalCovariancesMatchAnIndependentComputation() {
        // tr((Σ1Σ2)^½) = Σ √eig(Σ1Σ2): check with commons-math's general eigen solver.
        double[][] c1 = SymmetricMatricesTest.randomPsd(6, 6, 11);
        double[][] c2 = SymmetricMatricesTest.randomPsd(6, 4, 12);
        RealMatrix product = MatrixUtils.createRealMatrix(c1).multiply(MatrixUtils.createRealMatrix(c2));
        double[] eig = new EigenDecomposition(product).getRealEigenvalues();
        double cross = 0;
        for (double e : eig) {
            cross += Math.sqrt(Math.max(0, e));
        }
        double[] m1 = {1, 0, 0, 0, 0, 2};
        double[] m2 = {0, 0, 1, 0, 0, 0};
        double expected =
                6 + SymmetricMatrices.trace(c1) + SymmetricMatrices.trace(c2) - 2 * cross;
        double ab = FrechetDistance.ofGaussians(m1, c1, m2, c2);
        double ba = FrechetDistance.ofGaussians(m2, c2, m1, c1);
        assertEquals(expected, ab, 1e-8 * expected);
        assertEquals(ab, ba, 1e-8 * ab);
    }

    @Test
    void sampledGaussiansApproachTheClosedFormAndAreSymmetric() {
        double[] m1 = {0, 0, 0};
        double[] m2 = {1, -1, 0.5};
        double[] s1 = {1, 2, 0.5};
        double[] s2 = {2, 1, 0.5};
        double[][] a = gaussian(20_000, m1, s1, 21);
        double[][] b = gaussian(20_000, m2, s2, 22);
        // 2.25 + (1 + 1 + 0) = 4.25
        double ab = FrechetDistance.between(a, b);
        assertEquals(4.25, ab, 0.1);
        assertEquals(ab, FrechetDistance.between(b, a), 1e-9);
        // Two draws of one Gaussian: small.
        double same = FrechetDistance.between(a, gaussian(20_000, m1, s1, 23));
        assertTrue(same < 0.01, "same = " + same);
    }

    @Test
    void rejectsMismatchedSets() {
        assertThrows(
                IllegalArgumentException.class,
                () -> FrechetDistance.between(new double[][] {{1, 2}, {3, 4}}, new double[][] {{1}, {2}}));
        assertThrows(
                IllegalArgumentException.class,
                () -> FrechetDistance.between(new double[][] {{1, 2}}, new double[][] {{1, 2}, {3, 4}}));
    }
}

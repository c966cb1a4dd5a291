package org.ganbook.metrics;

/**
 * The Fréchet distance between two sets of feature vectors, each summarised by a Gaussian with
 * its sample mean and covariance:
 *
 * <pre>
 *   d² = ‖μ_A − μ_B‖² + tr(Σ_A) + tr(Σ_B) − 2·tr((Σ_A·Σ_B)^½)
 * </pre>
 *
 * <p>This is the formula of the Fréchet Inception Distance (Heusel et al., 2017); like FID it
 * returns the squared distance {@code d²}. The trace of the square root is computed in the
 * symmetric form {@code tr((Σ_A^½ · Σ_B · Σ_A^½)^½)}, which has the same eigenvalues as {@code
 * Σ_A·Σ_B} and needs only eigen-decompositions of symmetric matrices ({@link SymmetricMatrices}).
 *
 * <p><b>Not FID.</b> In this project the features come from {@link ImageClassifier}, a small
 * network trained on the data set at hand, not from Inception-v3. The numbers are useful to compare
 * generators (or training steps) with each other on the same data set and the same classifier,
 * and are not comparable with FID values published in papers. Like FID, the estimate is biased
 * upwards for small sample sets: compare values computed from equal numbers of samples.
 */
public final class FrechetDistance {

    private FrechetDistance() {}

    /**
     * Returns the Fréchet distance (squared, as FID) between the Gaussians fitted to two sets of
     * feature vectors (sample means, unbiased sample covariances).
     *
     * @param featuresA the first set, one feature vector per row, at least two rows
     * @param featuresB the second set, one feature vector per row, at least two rows, of the same
     *     dimension
     * @return {@code d² >= 0}; 0 for identical sets
     * @throws IllegalArgumentException if a set has fewer than two vectors or the dimensions differ
     */
    public static double between(double[][] featuresA, double[][] featuresB) {
        double[] muA = SymmetricMatrices.mean(featuresA);
        double[] muB = SymmetricMatrices.mean(featuresB);
        if (muA.length != muB.length) {
            throw new IllegalArgumentException(
                    "feature dimensions differ: " + muA.length + " and " + muB.length);
        }
        return ofGaussians(
                muA,
                SymmetricMatrices.covariance(featuresA),
                muB,
                SymmetricMatrices.covariance(featuresB));
    }

    /**
     * Returns the Fréchet distance (squared) between two Gaussians given by their means and
     * covariances; for two Gaussians this is the squared 2-Wasserstein distance.
     *
     * @param meanA the mean of the first Gaussian
     * @param covA the covariance of the first Gaussian (symmetric positive semi-definite)
     * @param meanB the mean of the second Gaussian
     * @param covB the covariance of the second Gaussian (symmetric positive semi-definite)
     * @return {@code d² >= 0}
     * @throws IllegalArgumentException if the dimensions differ or a covariance is not positive
     *     semi-definite
     */
    public static double ofGaussians(
            double[] meanA, double[][] covA, double[] meanB, double[][] covB) {
        int d = meanA.length;
        if (meanB.length != d || covA.length != d || covB.length != d) {
            throw new IllegalArgumentException("dimensions of the means and covariances differ");
        }
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            double diff = meanA[i] - meanB[i];
            meanTerm += diff * diff;
        }
        double[][] rootA = SymmetricMatrices.sqrt(covA);
        double[][] inner =
                SymmetricMatrices.multiply(SymmetricMatrices.multiply(rootA, covB), rootA);
        double crossTerm = SymmetricMatrices.traceOfSqrt(inner);
        double value =
                meanTerm
                        + SymmetricMatrices.trace(covA)
                        + SymmetricMatrices.trace(covB)
                        - 2 * crossTerm;
        // Rounding can leave a tiny negative number for identical inputs.
        return Math.max(0.0, value);
    }
}

package org.ganbook.metrics;

/**
 * The Inception-style score of a set of class-probability vectors: {@code exp(E_x KL(p(y|x) ||
 * p(y)))}, where {@code p(y|x)} is a classifier's prediction for sample {@code x} and {@code p(y)}
 * the average prediction over the set.
 *
 * <p>It is high when each sample is classified confidently (low-entropy {@code p(y|x)}) and the
 * predicted classes are spread evenly (high-entropy {@code p(y)}). It lies between 1 (every sample
 * gets the same prediction, e.g. a fully collapsed generator) and the number of classes {@code C}
 * (confident predictions, all classes equally often).
 *
 * <p>The formula is that of the Inception Score (Salimans et al., 2016), computed here over the
 * whole set at once (the paper averages over 10 splits). <b>Not the Inception Score:</b> in this
 * project the probabilities come from {@link ImageClassifier}, a small network trained on the data
 * set at hand, not from Inception-v3; the values are bounded by that data set's number of classes
 * and are not comparable with Inception Scores published in papers.
 */
public final class InceptionStyleScore {

    private InceptionStyleScore() {}

    /**
     * Computes the score from class probabilities.
     *
     * @param probabilities one row per sample, each a probability vector over the same classes
     *     (non-negative; rows are renormalised if they do not sum exactly to 1)
     * @return the score, in {@code [1, number of classes]}
     * @throws IllegalArgumentException if there is no row, rows differ in length or a row has no
     *     positive entry
     */
    public static double fromProbabilities(double[][] probabilities) {
        if (probabilities == null || probabilities.length == 0) {
            throw new IllegalArgumentException("no probability vectors");
        }
        int c = probabilities[0].length;
        int n = probabilities.length;
        double[][] p = new double[n][];
        double[] marginal = new double[c];
        for (int i = 0; i < n; i++) {
            double[] row = probabilities[i];
            if (row.length != c) {
                throw new IllegalArgumentException("probability vectors differ in length");
            }
            double sum = 0;
            for (double v : row) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("row " + i + " holds " + v);
                }
                sum += v;
            }
            if (sum <= 0) {
                throw new IllegalArgumentException("row " + i + " has no positive probability");
            }
            p[i] = new double[c];
            for (int j = 0; j < c; j++) {
                p[i][j] = row[j] / sum;
                marginal[j] += p[i][j] / n;
            }
        }
        double meanKl = 0;
        for (double[] row : p) {
            double kl = 0;
            for (int j = 0; j < c; j++) {
                if (row[j] > 0) {
                    kl += row[j] * Math.log(row[j] / marginal[j]);
                }
            }
            meanKl += kl / n;
        }
        return Math.exp(Math.max(0.0, meanKl));
    }
}

package org.ganbook.metrics;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Locale;

/**
 * A one-call summary of how a generator's images compare with real ones, as seen by an {@link
 * ImageClassifier}: the Fréchet distance between their features, the Inception-style score of both
 * sets, and the share of each predicted class, which shows mode collapse at a glance (a generator
 * that only draws ones puts nearly all its images in class 1).
 *
 * <pre>{@code
 * ImageQuality q = ImageQuality.of(classifier, realImages, fakeImages);
 * System.out.println(q);
 * }</pre>
 *
 * <p><b>Not FID or IS.</b> The distance and score come from the small classifier of this project,
 * trained on the data set at hand, not from Inception-v3; compare them between generators on the
 * same data set and classifier only, never with values published in papers. The Fréchet distance
 * also depends on the number of images: compare values computed from equal numbers.
 *
 * @param frechetDistance the Fréchet distance (squared, as FID) between the features of the fake
 *     and the real images
 * @param score the Inception-style score of the fake images, in [1, number of classes]
 * @param realScore the same score for the real images, the value a perfect generator would reach
 * @param classShares the share of fake images predicted as each class (sums to 1)
 * @param realClassShares the share of real images predicted as each class
 * @param realCount the number of real images
 * @param fakeCount the number of fake images
 * @param datasetName the data set the classifier was trained on
 */
public record ImageQuality(
        double frechetDistance,
        double score,
        double realScore,
        double[] classShares,
        double[] realClassShares,
        int realCount,
        int fakeCount,
        String datasetName) {

    /**
     * Copies the arrays so that the summary stays immutable.
     *
     * @param frechetDistance the Fréchet distance between fake and real features
     * @param score the Inception-style score of the fake images
     * @param realScore the Inception-style score of the real images
     * @param classShares the share of fake images per predicted class
     * @param realClassShares the share of real images per predicted class
     * @param realCount the number of real images
     * @param fakeCount the number of fake images
     * @param datasetName the data set the classifier was trained on
     */
    public ImageQuality {
        classShares = classShares.clone();
        realClassShares = realClassShares.clone();
    }

    /**
     * Compares fake images with real ones through a classifier.
     *
     * @param classifier a classifier trained on the real data set
     * @param realImages real images, shape {@code (N, 1, 28, 28)}, {@code (N, 28, 28)} or {@code
     *     (N, 784)}, values in [−1, 1], at least two
     * @param fakeImages generated images of the same kind, at least two
     * @return the summary
     */
    public static ImageQuality of(
            ImageClassifier classifier, NDArray realImages, NDArray fakeImages) {
        return of(
                classifier,
                ImageClassifier.pixelsOf(realImages),
                ImageClassifier.pixelsOf(fakeImages));
    }

    /**
     * Compares fake images with real ones through a classifier.
     *
     * @param classifier a classifier trained on the real data set
     * @param realImages real images, {@code N·784} pixels in [−1, 1], at least two images
     * @param fakeImages generated images, {@code M·784} pixels in [−1, 1], at least two images
     * @return the summary
     */
    public static ImageQuality of(
            ImageClassifier classifier, float[] realImages, float[] fakeImages) {
        float[][] real = classifier.compute(realImages, true);
        float[][] fake = classifier.compute(fakeImages, true);
        int f = classifier.featureDimension();
        int c = classifier.numClasses();
        double[][] realFeatures = ImageClassifier.rows(real[0], f);
        double[][] fakeFeatures = ImageClassifier.rows(fake[0], f);
        double[][] realProbs = ImageClassifier.rows(real[1], c);
        double[][] fakeProbs = ImageClassifier.rows(fake[1], c);
        return new ImageQuality(
                FrechetDistance.between(fakeFeatures, realFeatures),
                InceptionStyleScore.fromProbabilities(fakeProbs),
                InceptionStyleScore.fromProbabilities(realProbs),
                shares(ImageClassifier.argmax(fake[1], c), c),
                shares(ImageClassifier.argmax(real[1], c), c),
                realFeatures.length,
                fakeFeatures.length,
                classifier.datasetName());
    }

    /**
     * Returns a copy of the share of fake images predicted as each class.
     *
     * @return one share per class, summing to 1
     */
    @Override
    public double[] classShares() {
        return classShares.clone();
    }

    /**
     * Returns a copy of the share of real images predicted as each class.
     *
     * @return one share per class, summing to 1
     */
    @Override
    public double[] realClassShares() {
        return realClassShares.clone();
    }

    /**
     * Counts the classes the generator produces at a noticeable rate.
     *
     * @param minShare the smallest share of fake images a class needs to count, e.g. 0.02
     * @return how many classes receive at least {@code minShare} of the fake images
     */
    public int classesProduced(double minShare) {
        int count = 0;
        for (double s : classShares) {
            if (s >= minShare) {
                count++;
            }
        }
        return count;
    }

    /**
     * Counts the classes the generator produces at a noticeable rate: at least a quarter of the
     * share each class would get if all were equally frequent.
     *
     * @return how many classes receive at least {@code 1 / (4·C)} of the fake images
     */
    public int classesProduced() {
        return classesProduced(0.25 / classShares.length);
    }

    /**
     * Describes the summary in a few lines, ready to print in a notebook.
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(
                String.format(
                        Locale.ROOT,
                        "Image quality of %d generated vs %d real images (small '%s' classifier,"
                                + " not Inception-v3: not comparable with published FID/IS)%n",
                        fakeCount,
                        realCount,
                        datasetName));
        sb.append(
                String.format(
                        Locale.ROOT,
                        "  Frechet distance to real features: %.3f%n",
                        frechetDistance));
        sb.append(
                String.format(
                        Locale.ROOT,
                        "  classifier score: %.2f (real images: %.2f, at most %d)%n",
                        score,
                        realScore,
                        classShares.length));
        sb.append(
                String.format(
                        Locale.ROOT,
                        "  classes produced: %d of %d%n",
                        classesProduced(),
                        classShares.length));
        sb.append("  class   generated   real\n");
        for (int k = 0; k < classShares.length; k++) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "  %5d   %8.1f%%   %5.1f%%%n",
                            k,
                            100 * classShares[k],
                            100 * realClassShares[k]));
        }
        return sb.toString();
    }

    /**
     * Compares by value, including the per-class shares.
     *
     * @param o the other object
     * @return true if {@code o} is a summary with the same numbers
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ImageQuality q
                && Double.compare(frechetDistance, q.frechetDistance) == 0
                && Double.compare(score, q.score) == 0
                && Double.compare(realScore, q.realScore) == 0
                && Arrays.equals(classShares, q.classShares)
                && Arrays.equals(realClassShares, q.realClassShares)
                && realCount == q.realCount
                && fakeCount == q.fakeCount
                && datasetName.equals(q.datasetName);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = Double.hashCode(frechetDistance);
        h = 31 * h + Double.hashCode(score);
        h = 31 * h + Double.hashCode(realScore);
        h = 31 * h + Arrays.hashCode(classShares);
        h = 31 * h + Arrays.hashCode(realClassShares);
        h = 31 * h + realCount;
        h = 31 * h + fakeCount;
        return 31 * h + datasetName.hashCode();
    }

    private static double[] shares(int[] predicted, int classes) {
        double[] shares = new double[classes];
        for (int p : predicted) {
            shares[p] += 1.0 / predicted.length;
        }
        return shares;
    }
}

package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ganbook.data.DatasetArrays;
import org.ganbook.data.Datasets;
import org.ganbook.data.ImageDataset;
import org.ganbook.data.NoiseImages;
import org.ganbook.nn.DcganDiscriminator;
import org.ganbook.nn.DcganGenerator;
import org.ganbook.train.GanTrainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The classifier the notebooks use (the default settings on the shipped 10,000 MNIST digits, loaded from the
 * project's cache or trained, about 45 s of one core, and cached): accurate and confident on digits it was not
 * trained on, and not confident on images that are no digits, none of which it saw in training except where said.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageClassifierMnistTest {

    private static final int P = ImageClassifier.PIXELS;

    ImageDataset digits;
    ImageClassifier classifier;
    float[] heldOut;
    int[] heldOutLabels;

    @BeforeAll
    void load() {
        digits = Datasets.mnist();
        float[] all = DatasetArrays.pixels(digits);
        int[] labels = DatasetArrays.labels(digits);
        classifier = ImageClassifier.trainOrLoad("mnist", all, labels);
        System.out.println(classifier);
        int[] idx = ClassifierTraining.heldOutIndices(labels.length, 42);
        heldOut = new float[idx.length * P];
        heldOutLabels = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(all, idx[i] * P, heldOut, i * P, P);
            heldOutLabels[i] = labels[idx[i]];
        }
    }

    @AfterAll
    void close() {
        classifier.close();
    }

    @Test
    void accurateAndConfidentOnHeldOutDigits() {
        assertEquals(1000, heldOutLabels.length);
        assertEquals(9000, classifier.trainCount());
        double accuracy = classifier.accuracy(heldOut, heldOutLabels);
        double confident = classifier.confidentShare(heldOut, 0.9);
        System.out.printf("held-out digits: accuracy %.3f, recognised with p >= 0.9: %.3f%n", accuracy, confident);
        assertEquals(classifier.heldOutAccuracy(), accuracy, 1e-9, "the split is the one the classifier held out");
        assertTrue(accuracy >= 0.98, "held-out accuracy " + accuracy);
        assertTrue(confident >= 0.95, "held-out digits recognised with p >= 0.9: " + confident);
    }

    @Test
    void notConfidentOnNoise() {
        float[] gaussian = NoiseImages.gaussian(1000, P, 7);
        float[] dark = NoiseImages.dark(1000, P, 8);
        double onGaussian = classifier.confidentShare(gaussian, 0.9);
        double onDark = classifier.confidentShare(dark, 0.9);
        System.out.printf("recognised with p >= 0.9: Gaussian noise %.3f, dark noise %.3f%n", onGaussian, onDark);
        assertTrue(onGaussian < 0.01, "Gaussian noise recognised: " + onGaussian);
        assertTrue(onDark < 0.01, "dark noise recognised: " + onDark);
        // The features (before the ReLU) still tell one kind of non-digit from another: the two noises are
        // farther apart than two sets of real digits are.
        double[][] real = classifier.featureVectors(DatasetArrays.pixels(digits, 0, 1000));
        double realVsReal = FrechetDistance.between(real, classifier.featureVectors(DatasetArrays.pixels(digits, 1000, 1000)));
        double noiseVsNoise = FrechetDistance.between(classifier.featureVectors(gaussian), classifier.featureVectors(dark));
        double realVsNoise = FrechetDistance.between(real, classifier.featureVectors(gaussian));
        System.out.printf("Fréchet distance: real/real %.1f, Gaussian/dark noise %.1f, real/Gaussian noise %.1f%n",
                realVsReal, noiseVsNoise, realVsNoise);
        assertTrue(noiseVsNoise > 10 * realVsReal, noiseVsNoise + " vs " + realVsReal);
        assertTrue(realVsNoise > 50 * realVsReal, realVsNoise + " vs " + realVsReal);
    }

    @Test
    void notConfidentOnSmoothBlobs() {
        // Not in training: Gaussian noise smoothed three times by a 3 × 3 mean, white above one standard deviation.
        SplittableRandom random = new SplittableRandom(8);
        float[] blobs = new float[1000 * P];
        for (int i = 0; i < 1000; i++) {
            float[] f = new float[P];
            for (int j = 0; j < P; j++) {
                f[j] = (float) gaussian(random);
            }
            for (int pass = 0; pass < 3; pass++) {
                float[] g = new float[P];
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        float sum = 0;
                        int n = 0;
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                if (y + dy >= 0 && y + dy < 28 && x + dx >= 0 && x + dx < 28) {
                                    sum += f[(y + dy) * 28 + x + dx];
                                    n++;
                                }
                            }
                        }
                        g[y * 28 + x] = sum / n;
                    }
                }
                f = g;
            }
            double sd = 0;
            for (float v : f) {
                sd += v * v;
            }
            sd = Math.sqrt(sd / P);
            for (int j = 0; j < P; j++) {
                blobs[i * P + j] = f[j] > sd ? 1f : -1f;
            }
        }
        double share = classifier.confidentShare(blobs, 0.9);
        System.out.printf("recognised with p >= 0.9: smooth blobs %.3f%n", share);
        assertTrue(share < 0.05, "blobs recognised: " + share);
    }

    @Test
    void notConfidentOnScrambledHeldOutDigits() {
        // The kind of outlier it was trained on, made from digits it never saw.
        float[] scrambled = new float[heldOutLabels.length * P];
        SplittableRandom random = new SplittableRandom(9);
        int[] all = new int[heldOutLabels.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        int written = 0;
        while (written < all.length) {
            float[] one = new float[P];
            ClassifierTraining.outlier(random, heldOut, all, one, 0);
            System.arraycopy(one, 0, scrambled, written * P, P);
            written++;
        }
        double share = classifier.confidentShare(scrambled, 0.9);
        System.out.printf("recognised with p >= 0.9: outliers from held-out digits %.3f%n", share);
        assertTrue(share < 0.02, "outliers recognised: " + share);
    }

    @Test
    void notConfidentOnAnUntrainedGeneratorsSamples() {
        try (GanTrainer dcgan = GanTrainer.builder(
                        DcganGenerator.builder().setCodingSize(100).optChannels(16).build(),
                        DcganDiscriminator.builder().build())
                .setData(digits).setCodingSize(100).optBatchSize(64).optSeed(42).optProgress(0).build()) {
            float[] samples = dcgan.generate(1000).toFloatArray();
            double share = classifier.confidentShare(samples, 0.9);
            System.out.printf("recognised with p >= 0.9: an untrained DCGAN generator's samples %.3f%n", share);
            assertTrue(share < 0.01, "untrained generator's samples recognised: " + share);
        }
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}

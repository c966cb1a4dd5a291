package org.ganbook.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ganbook.data.DatasetArrays;
import org.ganbook.data.Datasets;
import org.ganbook.data.ImageDataset;
import org.ganbook.data.NoiseImages;
import org.ganbook.metrics.ImageClassifier;
import org.ganbook.metrics.ImageQuality;
import org.ganbook.nn.DcganDiscriminator;
import org.ganbook.nn.DcganGenerator;
import org.ganbook.nn.Upsampling;
import org.ganbook.plot.Plots;
import org.ganbook.train.GanTrainer;

/**
 * Reads the quality classifier against notebook 7's DCGAN and against controls that are no digits: the share of
 * 2,000 images it recognises with p ≥ 0.9 and their Fréchet distance (FD) to 2,000 real digits, for real digits
 * (the classifier's held-out images, and the notebook's), Gaussian noise, the samples of an untrained generator,
 * and notebook 7's DCGAN (seed 42) after 1, 200 and 2,000 iterations. Writes the DCGAN's last grid as a PNG into
 * the folder given as first argument (default {@code target/bench}). Run with one thread:
 * {@code src/bench/classifier-controls.sh}.
 */
public final class ClassifierControls {

    private ClassifierControls() {}

    public static void main(String[] args) throws java.io.IOException {
        Path out = java.nio.file.Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench"));
        ImageDataset digits = Datasets.mnist();
        float[] all = DatasetArrays.pixels(digits);
        var bean = ManagementFactory.getThreadMXBean();
        long cpu = bean.getCurrentThreadCpuTime();
        try (ImageClassifier classifier = ImageClassifier.trainOrLoad("mnist", all, DatasetArrays.labels(digits))) {
            System.out.printf(Locale.ROOT, "%s (CPU s of this call: %.1f)%n", classifier,
                    (bean.getCurrentThreadCpuTime() - cpu) / 1e9);
            float[] real = DatasetArrays.pixels(digits, 0, 2000);
            System.out.println("| images | recognised % (p ≥ 0.9) | FD | score | classes |");
            System.out.println("|---|---|---|---|---|");
            // The classifier's held-out digits: the same split as its training (seed 42, 10 %).
            int[] heldOut = heldOutIndices(all.length / ImageClassifier.PIXELS, 42, 1000);
            float[] held = new float[heldOut.length * ImageClassifier.PIXELS];
            for (int i = 0; i < heldOut.length; i++) {
                System.arraycopy(all, heldOut[i] * ImageClassifier.PIXELS, held, i * ImageClassifier.PIXELS,
                        ImageClassifier.PIXELS);
            }
            System.out.printf(Locale.ROOT, "| real, the classifier's 1,000 held-out digits | %.1f | | | |%n",
                    100 * classifier.confidentShare(held, 0.9));
            row("real digits 2,000 to 3,999 (notebook 7's figure)", classifier, real, DatasetArrays.pixels(digits, 2000, 2000));
            row("Gaussian noise N(0, 1) clipped to [−1, 1]", classifier, real, NoiseImages.gaussian(2000, ImageClassifier.PIXELS, 7));
            row("dark Gaussian noise −1 + 0.5·|N(0, 1)|", classifier, real, NoiseImages.dark(2000, ImageClassifier.PIXELS, 8));
            GanTrainer dcgan = GanTrainer.builder(
                            DcganGenerator.builder().setCodingSize(100).optUpsampling(Upsampling.TRANSPOSED_CONV)
                                    .optChannels(16).build(),
                            DcganDiscriminator.builder().build())
                    .setData(digits)
                    .setCodingSize(100)
                    .optBatchSize(64)
                    .optLearningRate(1e-3f)
                    .optMeasureAfterUpdate(false)
                    .optSeed(42)
                    .optProgress(0)
                    .build();
            row("DCGAN, untrained G", classifier, real, dcgan.generate(2000).toFloatArray());
            for (int target : new int[] {1, 200, 2000}) {
                long begin = bean.getCurrentThreadCpuTime();
                dcgan.fit(target - (int) dcgan.iteration());
                System.out.printf(Locale.ROOT, "(trained to %d iterations, %.1f CPU s of this thread)%n", target,
                        (bean.getCurrentThreadCpuTime() - begin) / 1e9);
                row("DCGAN, " + target + " iterations", classifier, real, dcgan.generate(2000).toFloatArray());
            }
            Plots.save(Plots.titled(Plots.imageGrid(dcgan.generate(64), 8), "DCGAN after " + dcgan.iteration()
                    + " iterations"), out.resolve("dcgan-grid.png"));
        }
    }

    private static void row(String name, ImageClassifier classifier, float[] real, float[] images) {
        ImageQuality q = ImageQuality.of(classifier, real, images);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %d |%n", name,
                100 * classifier.confidentShare(images, 0.9), q.frechetDistance(), q.score(), q.classesProduced());
    }

    /** The classifier's held-out split (ImageClassifier's training: a seeded shuffle, the first tenth held out). */
    private static int[] heldOutIndices(int n, long seed, int count) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return java.util.Arrays.copyOf(order, count);
    }
}

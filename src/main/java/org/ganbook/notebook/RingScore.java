package org.ganbook.notebook;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;
import org.ganbook.data.Mixture2d;
import org.ganbook.metrics.Divergence;
import org.ganbook.metrics.ModeCoverage;
import org.ganbook.train.GanTrainer;

/**
 * How close G's samples are to a 2-D mixture such as the ring: the Jensen–Shannon divergence between
 * histograms (30 × 30 bins over [−3, 3]²) and the modes covered, counted loosely (a sample within 0.3
 * of a centre, 3 × 0.1) and strictly (within 3 standard deviations of the data, 0.06 for the ring).
 *
 * @param js the Jensen–Shannon divergence to the data, 0 (same) to ln 2
 * @param near the coverage within 0.3 of a centre
 * @param strict the coverage within 3 data standard deviations of a centre
 * @param samples how many of G's samples were scored
 */
public record RingScore(double js, ModeCoverage.Result near, ModeCoverage.Result strict, int samples) {

    private static final long REAL_SEED = 7_770_001L;
    private static final double NEAR_STD = 0.1;

    /**
     * Scores G's output on the first {@code n} vectors of the trainer's fixed noise (so that two scores
     * of an unchanged G are equal, and scoring changes none of the trainer's streams).
     *
     * @param trainer a trainer on a 2-D mixture
     * @param n how many samples
     * @return the score
     */
    public static RingScore of(GanTrainer trainer, int n) {
        if (!(trainer.data() instanceof Mixture2d mixture)) {
            throw new IllegalArgumentException("a ring score needs a 2-D mixture such as Toys.ring(); the data is "
                    + trainer.data().name());
        }
        return of(FixedFakes.of(trainer, n), mixture);
    }

    /** Scores the given samples (x,y pairs) against the mixture. */
    public static RingScore of(float[] samples, Mixture2d mixture) {
        int n = samples.length / 2;
        float[] real;
        try (NDManager manager = NDManager.newBaseManager()) {
            real = mixture.sample(manager, n, REAL_SEED).samples().toFloatArray();
        }
        double js = Divergence.js(real, samples, Divergence.Bounds.square(3), 30);
        return new RingScore(js, ModeCoverage.evaluate(samples, mixture.modes(), NEAR_STD),
                ModeCoverage.evaluate(samples, mixture.modes(), mixture.std()), n);
    }

    /** Returns how many modes have samples within 0.3 of their centre. */
    public int modesNear() {
        return near.modesCovered();
    }

    /** Returns the share of samples within 0.3 of a centre. */
    public double shareNear() {
        return near.highQualityShare();
    }

    /**
     * Returns the {@code k} modes with the most samples within 0.3 of their centre, the fullest first (on a tie,
     * the lower index first).
     */
    public int[] fullest(int k) {
        int[] counts = near.countsPerMode();
        if (k < 1 || k > counts.length) {
            throw new IllegalArgumentException("k must be from 1 to " + counts.length + ", got " + k);
        }
        return IntStream.range(0, counts.length).boxed()
                .sorted(Comparator.comparingInt((Integer m) -> -counts[m]).thenComparingInt(m -> m))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** Returns the share of all samples that lie within 0.3 of the centre of one of the {@code k} fullest modes. */
    public double shareNearFullest(int k) {
        int[] counts = near.countsPerMode();
        return Arrays.stream(fullest(k)).map(m -> counts[m]).sum() / (double) near.sampleCount();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "JS to the data %.3f | within 0.3 of a centre: %.1f%% of %d samples, %d of %d modes, per mode %s"
                        + " | within 3 std: %d of %d modes",
                js, 100 * near.highQualityShare(), samples, near.modesCovered(), near.modeCount(),
                Arrays.toString(near.countsPerMode()), strict.modesCovered(), strict.modeCount());
    }
}

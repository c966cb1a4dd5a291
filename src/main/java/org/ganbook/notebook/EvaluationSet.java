package org.ganbook.notebook;

import ai.djl.ndarray.NDManager;
import java.util.Locale;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Probes;

/**
 * A fixed set of real points and of G's fakes on which to score D again and again: the real points
 * come from a seed of their own, the fakes are G's output on the trainer's fixed noise when the set is
 * made (kept as they are, even if G changes later). Making it changes none of the trainer's streams.
 *
 * <pre>{@code
 * var eval = EvaluationSet.of(trainer, 1000);
 * eval.score()   // mean D(x) 0.534 | mean D(G(z)) 0.575 | accuracy 0.443 (1000 real, 1000 fake points)
 * }</pre>
 */
public final class EvaluationSet {

    private final GanTrainer trainer;
    private final float[] real;
    private final float[] fake;

    private EvaluationSet(GanTrainer trainer, float[] real, float[] fake) {
        this.trainer = trainer;
        this.real = real;
        this.fake = fake;
    }

    /**
     * Draws {@code n} real points and {@code n} of G's fakes.
     *
     * @param trainer the trainer whose D will be scored
     * @param n how many of each
     * @return the set
     */
    public static EvaluationSet of(GanTrainer trainer, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, got " + n);
        }
        float[] real;
        try (NDManager manager = NDManager.newBaseManager()) {
            real = trainer.data().sample(manager, n, DecisionMap.REAL_POINTS_SEED).samples().toFloatArray();
        }
        return new EvaluationSet(trainer, real, FixedFakes.of(trainer, n));
    }

    /** Returns the real points, flat (x0, y0, x1, y1, ... for 2-D data). */
    public float[] real() {
        return real.clone();
    }

    /** Returns the fakes, flat. */
    public float[] fake() {
        return fake.clone();
    }

    /** Scores the trainer's D as it is now. */
    public Score score() {
        return Score.of(Probes.discriminate(trainer, real), Probes.discriminate(trainer, fake));
    }

    /**
     * D's verdict on an evaluation set.
     *
     * @param meanReal D's mean probability of "real" on the real points, mean D(x)
     * @param meanFake the same on the fakes, mean D(G(z))
     * @param accuracy the share of all points on the right side of 1/2 (real above, fake below)
     * @param count how many points of each kind
     */
    public record Score(double meanReal, double meanFake, double accuracy, int count) {

        static Score of(float[] onReal, float[] onFake) {
            int right = 0;
            double sumReal = 0;
            double sumFake = 0;
            for (float p : onReal) {
                sumReal += p;
                right += p > 0.5f ? 1 : 0;
            }
            for (float p : onFake) {
                sumFake += p;
                right += p < 0.5f ? 1 : 0;
            }
            return new Score(sumReal / onReal.length, sumFake / onFake.length,
                    right / (double) (onReal.length + onFake.length), onReal.length);
        }

        /** Returns mean D(x) − mean D(G(z)), how far apart D puts the two kinds. */
        public double gap() {
            return meanReal - meanFake;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "mean D(x) %.3f | mean D(G(z)) %.3f | accuracy %.3f (%d real, %d fake points)",
                    meanReal, meanFake, accuracy, count, count);
        }
    }
}

package org.ganbook.notebook;

import ai.djl.ndarray.NDArray;
import java.util.Locale;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Probes;

/**
 * A test that G's gradient arrows mean what they say: move each fake a short distance along its arrow
 * (minus the gradient of G's loss with respect to the point) and ask D again.
 */
public final class GeneratorPush {

    private GeneratorPush() {}

    /**
     * Moves G's output on the first {@code n} fixed-noise vectors {@code distance} along each one's arrow.
     *
     * @param trainer a trainer on 2-D data
     * @param n how many fakes
     * @param distance how far to move each (in data units)
     * @return how many fakes D rates higher after the move
     */
    public static Result alongArrows(GanTrainer trainer, int n, double distance) {
        NDArray noise = trainer.fixedNoise(n);
        NDArray fakes = trainer.generate(noise);
        try {
            float[] at = fakes.toFloatArray();
            float[] push = Probes.generatorLossGradient(trainer, fakes);
            float[] moved = new float[at.length];
            for (int i = 0; i < at.length; i += 2) {
                double length = Math.hypot(push[i], push[i + 1]);
                double scale = length > 0 ? distance / length : 0;
                moved[i] = (float) (at[i] + scale * push[i]);
                moved[i + 1] = (float) (at[i + 1] + scale * push[i + 1]);
            }
            float[] before = Probes.discriminate(trainer, at);
            float[] after = Probes.discriminate(trainer, moved);
            int raised = 0;
            double sumX = 0;
            double sumY = 0;
            for (int i = 0; i < before.length; i++) {
                raised += after[i] > before[i] ? 1 : 0;
                double length = Math.hypot(push[2 * i], push[2 * i + 1]);
                if (length > 0) {
                    sumX += push[2 * i] / length;
                    sumY += push[2 * i + 1] / length;
                }
            }
            // the mean direction, the share of arrows within 45 degrees of it, and how much longer the arrows
            // are on the half of the fakes D rates lowest than on the half it rates highest
            double meanAngle = Math.atan2(sumY, sumX);
            int aligned = 0;
            Integer[] order = new Integer[before.length];
            for (int i = 0; i < before.length; i++) {
                order[i] = i;
                double angle = Math.atan2(push[2 * i + 1], push[2 * i]);
                double difference = Math.abs(Math.IEEEremainder(angle - meanAngle, 2 * Math.PI));
                aligned += difference <= Math.PI / 4 ? 1 : 0;
            }
            java.util.Arrays.sort(order, (x, y) -> Float.compare(before[x], before[y]));
            double lowHalf = 0;
            double highHalf = 0;
            int half = before.length / 2;
            for (int k = 0; k < before.length; k++) {
                int i = order[k];
                double length = Math.hypot(push[2 * i], push[2 * i + 1]);
                if (k < half) {
                    lowHalf += length;
                } else if (k >= before.length - half) {
                    highHalf += length;
                }
            }
            return new Result(raised, before.length, distance, Math.toDegrees(meanAngle),
                    aligned / (double) before.length, half == 0 ? Double.NaN : lowHalf / highHalf);
        } finally {
            fakes.close();
            noise.close();
        }
    }

    /**
     * @param raised how many fakes D rated higher after the move
     * @param total how many were moved
     * @param distance how far each moved
     * @param meanDirectionDegrees the direction of the mean arrow, in degrees counter-clockwise from the x axis
     * @param alignedShare the share of arrows within 45 degrees of that direction
     * @param lengthRatio the mean arrow length on the half of the fakes D rates lowest over that on the half
     *     it rates highest
     */
    public record Result(int raised, int total, double distance, double meanDirectionDegrees, double alignedShare,
            double lengthRatio) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "D's output rose for %d of %d fakes moved %.2g along their arrow; mean arrow direction %.0f"
                            + " degrees, %.1f%% of the arrows within 45 degrees of it; arrows %.2f times as long on the"
                            + " half of the fakes D rates lowest as on the half it rates highest",
                    raised, total, distance, meanDirectionDegrees, 100 * alignedShare, lengthRatio);
        }
    }
}

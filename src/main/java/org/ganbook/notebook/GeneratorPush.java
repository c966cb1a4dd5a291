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
            for (int i = 0; i < before.length; i++) {
                raised += after[i] > before[i] ? 1 : 0;
            }
            return new Result(raised, before.length, distance);
        } finally {
            fakes.close();
            noise.close();
        }
    }

    /**
     * @param raised how many fakes D rated higher after the move
     * @param total how many were moved
     * @param distance how far each moved
     */
    public record Result(int raised, int total, double distance) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "D's output rose for %d of %d fakes moved %.2g along their arrow",
                    raised, total, distance);
        }
    }
}

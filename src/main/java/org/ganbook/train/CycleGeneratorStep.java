package org.ganbook.train;

import java.util.Locale;

/**
 * What one joint generator step of a CycleGAN did: the total loss both generators minimise and its parts.
 *
 * <p>{@code loss = adversarialG + adversarialF + λ·(cycleX + cycleY) + λ_id·identity}, each part a mean
 * over the batch (the cycle and identity terms are mean absolute differences per value, PyTorch's
 * {@code L1Loss}).
 *
 * @param iteration the training iteration the step belongs to (0-based)
 * @param loss the total loss
 * @param adversarialG G's adversarial loss against D_Y, on G(x)
 * @param adversarialF F's adversarial loss against D_X, on F(y)
 * @param cycleX mean |F(G(x)) − x|, the forward cycle
 * @param cycleY mean |G(F(y)) − y|, the backward cycle
 * @param identity mean |G(y) − y| + mean |F(x) − x|, or 0 when the identity weight is 0
 * @param fakeYBefore mean D_Y(G(x)) before the update, as a probability
 * @param fakeXBefore mean D_X(F(y)) before the update, as a probability
 */
public record CycleGeneratorStep(
        long iteration,
        double loss,
        double adversarialG,
        double adversarialF,
        double cycleX,
        double cycleY,
        double identity,
        double fakeYBefore,
        double fakeXBefore) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "generator step %d: loss %.4f = adversarial G %.4f + F %.4f, cycle x %.4f y %.4f, identity %.4f"
                        + " | D_Y(G(x)) %.4f, D_X(F(y)) %.4f",
                iteration, loss, adversarialG, adversarialF, cycleX, cycleY, identity, fakeYBefore, fakeXBefore);
    }
}

package org.ganbook.train;

/**
 * What one discriminator step did: its loss and D's mean outputs before and after the update.
 *
 * <p>D(x) is the mean probability D gives the real half of the batch, D(G(z)) the mean it gives the
 * fake half. A step that works pushes D(x) up and D(G(z)) down.
 *
 * @param iteration the training iteration the step belongs to (0-based)
 * @param loss the discriminator's loss on the concatenated batch (real labelled 1, fake 0)
 * @param realBefore mean D(x) before the update
 * @param fakeBefore mean D(G(z)) before the update
 * @param realAfter mean D(x) after the update, on the same batch (NaN if not measured)
 * @param fakeAfter mean D(G(z)) after the update, on the same batch (NaN if not measured)
 * @param value V(D, G) estimated on the batch before the update: mean log D(x) + mean log(1 − D(G(z)))
 */
public record DiscriminatorStep(
        long iteration,
        double loss,
        double realBefore,
        double fakeBefore,
        double realAfter,
        double fakeAfter,
        double value) {

    @Override
    public String toString() {
        return String.format(
                "discriminator step %d: loss %.4f | D(x) %.4f -> %.4f | D(G(z)) %.4f -> %.4f",
                iteration, loss, realBefore, realAfter, fakeBefore, fakeAfter);
    }
}

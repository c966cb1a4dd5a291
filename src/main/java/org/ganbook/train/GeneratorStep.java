package org.ganbook.train;

/**
 * What one generator step did: its loss and D's mean output on the fresh fakes before and after G's
 * update (D itself frozen). A step that works pushes D(G(z)) up.
 *
 * @param iteration the training iteration the step belongs to (0-based)
 * @param loss the generator's loss on fakes labelled "real"
 * @param fakeBefore mean D(G(z)) before the update
 * @param fakeAfter mean D(G(z)) after the update, same noise (NaN if not measured)
 */
public record GeneratorStep(long iteration, double loss, double fakeBefore, double fakeAfter) {

    @Override
    public String toString() {
        return String.format(
                "generator step %d: loss %.4f | D(G(z)) %.4f -> %.4f", iteration, loss, fakeBefore, fakeAfter);
    }
}

package org.ganbook.train;

/**
 * One finished CycleGAN iteration: the D_Y step, the D_X step, the joint generator step.
 *
 * @param iteration the iteration's number (0-based)
 * @param discriminatorY D_Y's step: real y (1) against G(x) (0)
 * @param discriminatorX D_X's step: real x (1) against F(y) (0)
 * @param generators the joint step of G and F
 * @param seconds training time since the start, checkpointed runs included
 */
public record CycleIteration(
        long iteration,
        DiscriminatorStep discriminatorY,
        DiscriminatorStep discriminatorX,
        CycleGeneratorStep generators,
        double seconds) {}

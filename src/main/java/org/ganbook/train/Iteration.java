package org.ganbook.train;

/**
 * One training iteration: k discriminator steps followed by one generator step.
 *
 * @param iteration the iteration number (0-based)
 * @param discriminator the last discriminator step of the iteration
 * @param generator the generator step
 * @param epochs passes over the data so far (0 for toy distributions)
 * @param seconds wall-clock seconds since training started in this trainer
 */
public record Iteration(
        long iteration, DiscriminatorStep discriminator, GeneratorStep generator, double epochs, double seconds) {}

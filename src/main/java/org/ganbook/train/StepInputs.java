package org.ganbook.train;

import ai.djl.ndarray.NDArray;

/**
 * What a training step draws before it computes anything: for the discriminator step the next real
 * batch of the training stream and the noise for the fakes, for the generator step the noise. A
 * notebook cell that writes a step out gets them from {@link GanTrainer#nextDiscriminatorInputs} or
 * {@link GanTrainer#nextGeneratorInputs}, so that its step and the library's see the same numbers.
 *
 * @param real the real samples, shape (n, sample shape...); {@code null} for the generator step
 * @param realLabels their class labels for a conditional GAN, else {@code null}
 * @param noise the noise for G, shape (n, coding size)
 * @param noiseLabels the labels G is asked for, for a conditional GAN, else {@code null}
 */
public record StepInputs(NDArray real, NDArray realLabels, NDArray noise, NDArray noiseLabels) {}

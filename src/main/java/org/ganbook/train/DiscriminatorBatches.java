package org.ganbook.train;

/**
 * How the discriminator step feeds D the real and the fake half of its batch. The blog walkthroughs
 * show both; ganbook's default is the first.
 */
public enum DiscriminatorBatches {

    /**
     * Real (label 1) and fake (label 0) concatenated into one batch of 2n rows, one loss (the mean over
     * 2n) and one update of D.
     */
    CONCATENATED,

    /**
     * The other variant: one update of D on the real half (label 1), then a second update on the fake
     * half (label 0), each with the mean loss over its n rows, as two Keras {@code train_on_batch}
     * calls do. D takes two optimizer steps per discriminator step; the fake half is judged by the D
     * that the real half has already updated. (PyTorch's DCGAN tutorial is neither: two backward passes,
     * one update.)
     */
    REAL_THEN_FAKE
}

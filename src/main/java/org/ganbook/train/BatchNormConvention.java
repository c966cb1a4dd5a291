package org.ganbook.train;

/**
 * What "the other network is untouched" means for its BatchNorm layers while one network trains. The
 * trainable weights of the other network never change either way; the conventions differ in the
 * BatchNorm layers' mode, and so in their running mean and variance.
 */
public enum BatchNormConvention {

    /**
     * PyTorch's, the default: the other network runs in training mode. In the discriminator step G's
     * BatchNorm normalises the fake batch with its own statistics and updates its running mean and
     * variance; in the generator step D's does the same on the all-fake batch (D's weights are frozen,
     * its running statistics are not). This is what PyTorch's DCGAN tutorial does.
     */
    PYTORCH,

    /**
     * Keras's, as in the walkthroughs' {@code discriminator.trainable = False}: the other network runs
     * in inference mode. Its BatchNorm layers normalise with their running statistics and leave them as
     * they are, so the network that does not train is bit-identical after the step, statistics included.
     */
    KERAS
}

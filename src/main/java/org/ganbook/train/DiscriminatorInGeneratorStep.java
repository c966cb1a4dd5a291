package org.ganbook.train;

/**
 * What happens to D's trainable weights in the generator step, where G's loss is computed through D.
 * Only {@link #FROZEN} and {@link #GRADIENT_DISCARDED} are correct; the other two are the mistakes
 * notebook 3 measures.
 */
public enum DiscriminatorInGeneratorStep {

    /**
     * D's trainable weights are frozen for the pass: they take part in the computation but collect no
     * gradient and are not updated. ganbook's default, and what the walkthroughs' {@code
     * discriminator.trainable = False} means when it is done right.
     */
    FROZEN("D frozen"),

    /**
     * Not frozen: D collects a gradient of G's loss, which is thrown away ({@code netD.zero_grad()})
     * at the start of D's next step, as in PyTorch's DCGAN tutorial. G learns exactly what it learns with
     * {@link #FROZEN}; the cost is one needless gradient computation per step.
     */
    GRADIENT_DISCARDED("D's gradient zeroed (PyTorch)"),

    /**
     * Not frozen and never zeroed, a bug: the gradient of G's loss stays in D's parameters, where
     * gradients accumulate, and D's next update applies it with D's own, pushing D to call fakes real.
     */
    GRADIENT_KEPT("gradient left in D"),

    /**
     * Not frozen and updated, the Keras bug (the combined model compiled while D is trainable): the
     * combined model's optimizer, G's, updates D's weights too, towards calling fakes real, in every
     * generator step.
     */
    UPDATED("D updated in G's step (Keras)");

    private final String label;

    DiscriminatorInGeneratorStep(String label) {
        this.label = label;
    }

    /** A few words for a table or a picture's title, such as "gradient left in D". */
    public String label() {
        return label;
    }
}

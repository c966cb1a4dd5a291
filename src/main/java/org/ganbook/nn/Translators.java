package org.ganbook.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;

/**
 * Generators that take a sample rather than noise, as CycleGAN's G: X → Y and F: Y → X do: the input is
 * flattened and goes through an {@link MlpGenerator} whose "coding size" is the number of input values.
 */
public final class Translators {

    private Translators() {}

    /**
     * A fully connected network from samples of shape {@code input} to samples of shape {@code output}.
     *
     * @param input the shape of one input sample, e.g. {@code (2)} or {@code (1, 28, 28)}
     * @param output the shape of one output sample
     * @param activation the output activation: {@link OutputActivation#LINEAR} for points, {@code TANH}
     *     for images in [−1, 1]
     * @param hidden the widths of the hidden layers (LeakyReLU 0.2)
     * @return the network: flatten, then the MLP, reshaped to {@code output}
     */
    public static SequentialBlock mlp(Shape input, Shape output, OutputActivation activation, int... hidden) {
        Layers.requireShape("input", input);
        MlpGenerator body = MlpGenerator.builder().setCodingSize(Math.toIntExact(input.size())).setOutputShape(output)
                .optHidden(hidden).optOutput(activation).build();
        return new SequentialBlock().add(Blocks.batchFlattenBlock()).add(body);
    }
}

package org.ganbook.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;

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

    /**
     * A tiny convolutional translator for images: two 3×3 convolutions with padding (so the size stays),
     * {@code filters} channels in between with LeakyReLU 0.2, then tanh. Each output pixel sees only a 5×5
     * neighbourhood of the input, the locality that makes CycleGAN's image generators keep the picture's
     * layout.
     *
     * @param channels the number of image channels, in and out (1 for grey digits)
     * @param filters the number of channels in between
     * @return the network, (N, channels, H, W) in and out, values in [−1, 1]
     */
    public static SequentialBlock conv(int channels, int filters) {
        Layers.requirePositive("channels", channels);
        Layers.requirePositive("filters", filters);
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters)
                        .build())
                .add(Layers.leakyRelu(0.2f))
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(channels)
                        .build())
                .add(Layers.output(OutputActivation.TANH));
    }
}

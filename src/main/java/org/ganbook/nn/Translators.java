package org.ganbook.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.List;

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
     * A fully connected network plus its input, x + mlp(x), for samples that keep their shape (2-D points).
     * The mlp's last layer starts at zero, so the network starts as the identity map: it begins by keeping a
     * shape's orientation, and learns only the change. (The skip connection is the one CycleGAN's residual
     * generators have inside each block, here around the whole network, started at zero as in Goyal et al.
     * 2017's zero-initialised residual branches.)
     *
     * @param sample the shape of one sample, in and out
     * @param hidden the widths of the hidden layers (LeakyReLU 0.2)
     * @return the network
     */
    public static ParallelBlock residualMlp(Shape sample, int... hidden) {
        Layers.requireShape("sample", sample);
        Layers.requireWidths(hidden);
        SequentialBlock change = new SequentialBlock().add(Blocks.batchFlattenBlock());
        for (int units : hidden) {
            change.add(Linear.builder().setUnits(units).build()).add(Layers.leakyRelu(0.2f));
        }
        Linear last = Linear.builder().setUnits(sample.size()).build();
        last.setInitializer(new ConstantInitializer(0), Parameter.Type.WEIGHT);
        change.add(last).add(new LambdaBlock(list -> new NDList(list.singletonOrThrow()
                .reshape(new Shape(list.singletonOrThrow().getShape().get(0)).addAll(sample)))));
        return new ParallelBlock(
                outputs -> new NDList(outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
                List.of(change, Blocks.identityBlock()));
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

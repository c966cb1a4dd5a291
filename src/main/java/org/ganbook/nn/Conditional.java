package org.ganbook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Makes any generator or discriminator conditional: it encodes the class label, joins the code to the
 * input, and hands the result to the block it wraps. One wrapper serves every network, because a
 * conditional GAN changes only what goes in.
 *
 * <p>Input: {@code NDList(x, labels)}, with {@code x} of shape {@code (N, ...)} (noise for a
 * generator, samples for a discriminator) and {@code labels} class indices of shape {@code (N)}
 * (int32). The wrapped block receives one array and its output is the wrapper's output.
 *
 * <ul>
 *   <li>{@link #concat}: {@code x} is flattened to {@code (N, d)} and the code appended, so the wrapped
 *       block takes {@code d + width} inputs: noise and label for a generator, pixels and label for an
 *       MLP discriminator.
 *   <li>{@link #channels}: the code becomes {@code width} extra image channels, each constant over the
 *       image, stacked onto {@code x} of shape {@code (N, C, H, W)}: the wrapped convolutional
 *       discriminator sees {@code C + width} channels.
 * </ul>
 *
 * <pre>{@code
 * Block g = Conditional.concat(LabelEncoder.oneHot(10),          // noise (N, 100) + one-hot label
 *         MlpGenerator.builder().setCodingSize(100 + 10).setOutputShape(new Shape(1, 28, 28)).build());
 * Block d = Conditional.concat(LabelEncoder.oneHot(10),          // 784 pixels + one-hot label
 *         MlpDiscriminator.builder().setInputShape(new Shape(784 + 10)).build());
 * }</pre>
 */
public final class Conditional extends AbstractBlock {

    private static final byte VERSION = 1;

    /** How the label's code is joined to the input. */
    public enum Join {
        /** Flatten the input and append the code. */
        CONCAT,
        /** Stack the code onto an image as constant channels. */
        CHANNELS
    }

    private final Join join;
    private final LabelEncoder labelEncoder;
    private final Block inner;

    private Conditional(Join join, LabelEncoder labelEncoder, Block inner) {
        super(VERSION);
        if (labelEncoder == null || inner == null) {
            throw new IllegalArgumentException("a label encoder and a block to wrap are needed");
        }
        this.join = join;
        this.labelEncoder = addChildBlock("labelEncoder", labelEncoder);
        this.inner = addChildBlock("inner", inner);
    }

    /**
     * Wraps {@code block} so that it takes the input flattened with the label's code appended.
     *
     * @param labels how labels become vectors (one-hot, or a learned embedding)
     * @param block the network that takes {@code d + labels.getWidth()} inputs
     * @return the conditional network
     */
    public static Conditional concat(LabelEncoder labels, Block block) {
        return new Conditional(Join.CONCAT, labels, block);
    }

    /**
     * Wraps {@code block} so that it takes the image with the label's code stacked on as constant
     * channels.
     *
     * @param labels how labels become vectors (one-hot, or a learned embedding)
     * @param block the network that takes images with {@code C + labels.getWidth()} channels
     * @return the conditional network
     */
    public static Conditional channels(LabelEncoder labels, Block block) {
        return new Conditional(Join.CHANNELS, labels, block);
    }

    /** Returns how many classes the network can be given. */
    public int getNumClasses() {
        return labelEncoder.getNumClasses();
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException(
                    "a conditional network expects NDList(x, labels), got " + inputs.size() + " array(s)");
        }
        NDArray x = inputs.get(0);
        NDArray code = labelEncoder.forward(parameterStore, new NDList(inputs.get(1)), training).head();
        NDArray joined;
        if (join == Join.CONCAT) {
            NDArray flat = x.getShape().dimension() == 2 ? x : x.reshape(x.getShape().get(0), -1);
            joined = flat.concat(code, 1);
        } else {
            Shape s = x.getShape();
            long width = labelEncoder.getWidth();
            joined = x.concat(code.reshape(s.get(0), width, 1, 1).broadcast(new Shape(s.get(0), width, s.get(2), s.get(3))), 1);
        }
        return inner.forward(parameterStore, new NDList(joined), training);
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        Layers.requireDataAndLabels(this, inputShapes);
        if (join == Join.CHANNELS && inputShapes[0].dimension() != 4) {
            throw new IllegalArgumentException(
                    "Conditional.channels expects images (N, channels, H, W), got " + inputShapes[0]);
        }
        super.beforeInitialize(inputShapes);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        labelEncoder.initialize(manager, dataType, inputShapes[1]);
        inner.initialize(manager, dataType, joined(inputShapes[0]));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inner.getOutputShapes(new Shape[] {joined(inputShapes[0])});
    }

    private Shape joined(Shape x) {
        long width = labelEncoder.getWidth();
        if (join == Join.CONCAT) {
            return new Shape(x.get(0), x.slice(1).size() + width);
        }
        return new Shape(x.get(0), x.get(1) + width, x.get(2), x.get(3));
    }

    @Override
    public String toString() {
        String code = labelEncoder.isLearned()
                ? "embedding " + labelEncoder.getNumClasses() + "→" + labelEncoder.getWidth()
                : "one-hot " + labelEncoder.getNumClasses();
        return "Conditional." + join.name().toLowerCase(java.util.Locale.ROOT) + "(" + code + ", "
                + inner.getClass().getSimpleName() + ")";
    }
}

package org.ganbook.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import java.util.Locale;

/**
 * Helpers for looking at and preparing networks: parameter counts, a printable layer table, and
 * the DCGAN weight initialization.
 */
public final class Networks {

    private static final int NAME_WIDTH = 40;
    private static final int SHAPE_WIDTH = 22;
    private static final int COUNT_WIDTH = 12;

    private Networks() {}

    /**
     * Makes {@code block} start from the DCGAN paper's initialization when it is initialized: every
     * parameter of type {@link Parameter.Type#WEIGHT} (convolution and linear kernels) from N(0, 0.02),
     * every BatchNorm gamma from N(1, 0.02); biases and beta keep their zero start. Call it before
     * the block is initialized; parameters that already have values are left alone.
     *
     * @param block the network
     * @return the same network, for chaining
     */
    public static <B extends Block> B useDcganInitialization(B block) {
        block.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        block.setInitializer(normalAroundOne(0.02f), Parameter.Type.GAMMA);
        return block;
    }

    private static Initializer normalAroundOne(float sigma) {
        return (manager, shape, dataType) ->
                manager.randomNormal(1f, sigma, shape, dataType, manager.getDevice());
    }

    /**
     * Counts the trained numbers of a network: weights, biases, BatchNorm gamma and beta, label
     * embeddings. BatchNorm's running mean and variance are not counted (they are statistics, not
     * trained; PyTorch's {@code parameters()} leaves them out too).
     *
     * @param block an initialized network (or one whose parameter shapes are all known)
     * @return the number of trained values
     * @throws IllegalStateException if some parameter's shape is not known yet
     */
    public static long parameterCount(Block block) {
        long count = 0;
        for (Parameter parameter : block.getParameters().values()) {
            if (!isRunningStatistic(parameter)) {
                count += sizeOf(parameter);
            }
        }
        return count;
    }

    /**
     * The mean and standard deviation of all the kernel values (parameters of type {@link
     * Parameter.Type#WEIGHT}: convolution and linear weights) of some initialized networks, taken
     * together: what the DCGAN initialization sets to 0 and 0.02.
     *
     * @param count how many weights
     * @param mean their mean
     * @param standardDeviation their standard deviation
     */
    public record WeightStatistics(long count, double mean, double standardDeviation) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d weights: mean %.5f, standard deviation %.5f",
                    count, mean, standardDeviation);
        }
    }

    /**
     * Returns the mean and standard deviation of the kernel weights of initialized networks.
     *
     * @param blocks initialized networks
     * @return the statistics over all their weights together
     */
    public static WeightStatistics weightStatistics(Block... blocks) {
        double sum = 0;
        double sumOfSquares = 0;
        long n = 0;
        for (Block block : blocks) {
            for (Parameter parameter : block.getParameters().values()) {
                if (parameter.getType() == Parameter.Type.WEIGHT && parameter.isInitialized()) {
                    for (float w : parameter.getArray().toFloatArray()) {
                        sum += w;
                        sumOfSquares += (double) w * w;
                        n++;
                    }
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no initialized weights in these networks");
        }
        double mean = sum / n;
        return new WeightStatistics(n, mean, Math.sqrt(Math.max(0, sumOfSquares / n - mean * mean)));
    }

    /**
     * Returns a table of the network's layers, one line each, with the output shape of every layer
     * ({@code N} for the batch axis) and its number of trained parameters, followed by the total.
     * Composite layers (e.g. the generator inside a conditional generator) are listed with their
     * total and then their own layers, indented.
     *
     * @param block the network; shapes and counts need it to be initialized
     * @return the table, ready to print
     */
    public static String summary(Block block) {
        StringBuilder out = new StringBuilder();
        boolean initialized = block.isInitialized();
        String title = block instanceof Conditional ? block.toString() : block.getClass().getSimpleName();
        if (initialized) {
            title += " " + joinShapes(block.getInputShapes()) + " → "
                    + joinShapes(block.getOutputShapes(block.getInputShapes()));
        }
        out.append(title).append('\n');
        out.append(row("layer", "output shape", "parameters"));
        String rule = "-".repeat(NAME_WIDTH + SHAPE_WIDTH + COUNT_WIDTH + 2) + '\n';
        out.append(rule);
        for (Pair<String, Block> child : block.getChildren()) {
            describe(out, child.getKey(), child.getValue(), 0, initialized);
        }
        out.append(rule);
        if (!initialized) {
            out.append(
                    "not initialized: call block.initialize(manager, DataType.FLOAT32, inputShapes...)"
                            + " to see shapes and parameter counts\n");
            return out.toString();
        }
        long statistics = 0;
        for (Parameter parameter : block.getParameters().values()) {
            if (isRunningStatistic(parameter)) {
                statistics += sizeOf(parameter);
            }
        }
        out.append(String.format(Locale.ROOT, "total: %,d parameters", parameterCount(block)));
        if (statistics > 0) {
            out.append(
                    String.format(
                            Locale.ROOT, " (and %,d BatchNorm running statistics)", statistics));
        }
        return out.append('\n').toString();
    }

    private static void describe(
            StringBuilder out, String key, Block block, int depth, boolean initialized) {
        String name = "  ".repeat(depth) + label(key, block);
        String shape = "?";
        String count = "?";
        if (initialized && block.isInitialized()) {
            shape = joinShapes(block.getOutputShapes(block.getInputShapes()));
            count = String.format(Locale.ROOT, "%,d", parameterCount(block));
        }
        out.append(row(name, shape, count));
        if (!(block instanceof LambdaBlock)) {
            for (Pair<String, Block> child : block.getChildren()) {
                describe(out, child.getKey(), child.getValue(), depth + 1, initialized);
            }
        }
    }

    /** A short, readable label: the layer kind plus its key settings. */
    private static String label(String key, Block block) {
        if (block instanceof LambdaBlock) {
            return ((LambdaBlock) block).getName();
        }
        String kind = block.getClass().getSimpleName();
        if (block instanceof Convolution) {
            Convolution conv = (Convolution) block;
            kind += " " + kernel(conv.getKernelShape(), conv.getStride());
        } else if (block instanceof TransposedConv2d) {
            TransposedConv2d conv = (TransposedConv2d) block;
            kind += " " + kernel(conv.getKernelShape(), conv.getStride());
        } else if (block instanceof Upsample2d) {
            kind += " nearest ×" + ((Upsample2d) block).getFactor();
        } else if (block instanceof LabelEncoder) {
            LabelEncoder encoder = (LabelEncoder) block;
            kind = encoder.isLearned()
                    ? "embedding " + encoder.getNumClasses() + "→" + encoder.getWidth()
                    : "one-hot " + encoder.getNumClasses();
        }
        String name = key.replaceFirst("^\\d+", "");
        if (name.equals(block.getClass().getSimpleName())) {
            return kind;
        }
        return name + ": " + kind;
    }

    private static String kernel(Shape kernel, Shape stride) {
        String text = kernel.get(0) + "×" + kernel.get(1);
        if (stride.get(0) != 1 || stride.get(1) != 1) {
            text += " stride " + (stride.get(0) == stride.get(1) ? stride.get(0) : stride);
        }
        return text;
    }

    private static String row(String name, String shape, String count) {
        String fitted = name.length() > NAME_WIDTH ? name.substring(0, NAME_WIDTH - 1) + "…" : name;
        return String.format(
                Locale.ROOT,
                "%-" + NAME_WIDTH + "s %-" + SHAPE_WIDTH + "s %" + COUNT_WIDTH + "s%n",
                fitted,
                shape,
                count);
    }

    private static String joinShapes(Shape[] shapes) {
        StringBuilder text = new StringBuilder();
        for (Shape shape : shapes) {
            if (text.length() > 0) {
                text.append(" + ");
            }
            text.append("(N");
            for (long size : shape.slice(1).getShape()) {
                text.append(", ").append(size);
            }
            text.append(')');
        }
        return text.toString();
    }

    /**
     * Returns whether a parameter is learned by gradient descent (weights, biases, BatchNorm's gamma and
     * beta, label embeddings), that is, not one of BatchNorm's running statistics.
     *
     * @param parameter the parameter
     * @return whether an optimizer updates it
     */
    public static boolean isTrainable(Parameter parameter) {
        return !isRunningStatistic(parameter);
    }

    private static boolean isRunningStatistic(Parameter parameter) {
        return parameter.getType() == Parameter.Type.RUNNING_MEAN
                || parameter.getType() == Parameter.Type.RUNNING_VAR;
    }

    private static long sizeOf(Parameter parameter) {
        Shape shape = parameter.getShape();
        if (shape == null && parameter.isInitialized()) {
            shape = parameter.getArray().getShape();
        }
        if (shape == null) {
            throw new IllegalStateException(
                    "the shape of parameter \""
                            + parameter.getName()
                            + "\" is not known yet: initialize the block first");
        }
        return shape.size();
    }
}

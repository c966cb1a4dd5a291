package org.ganbook.loss;

import ai.djl.ndarray.NDArray;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.ganbook.data.NativeArrays;

/** The objectives that {@link GanLoss}'s factory methods return. */
final class StandardGanLoss implements GanLoss {

    private static final StandardGanLoss MINIMAX =
            new StandardGanLoss(
                    "minimax",
                    GanLoss::binaryCrossEntropyWithLogits,
                    // log(1 - sigmoid(l)) = -softplus(l)
                    fake -> GanLoss.softplus(fake).neg().mean());

    private static final StandardGanLoss NON_SATURATING =
            new StandardGanLoss(
                    "non-saturating",
                    GanLoss::binaryCrossEntropyWithLogits,
                    // -log(sigmoid(l)) = softplus(-l)
                    fake -> GanLoss.softplus(fake.neg()).mean());

    private static final StandardGanLoss LEAST_SQUARES =
            new StandardGanLoss(
                    "least-squares",
                    (logits, targets) -> NativeArrays.times(logits.sub(targets).square().mean(), 0.5f),
                    fake -> NativeArrays.times(fake.sub(1f).square().mean(), 0.5f));

    private final String name;
    private final BiFunction<NDArray, NDArray, NDArray> discriminator;
    private final Function<NDArray, NDArray> generator;

    private StandardGanLoss(
            String name,
            BiFunction<NDArray, NDArray, NDArray> discriminator,
            Function<NDArray, NDArray> generator) {
        this.name = name;
        this.discriminator = discriminator;
        this.generator = generator;
    }

    static GanLoss minimax() {
        return MINIMAX;
    }

    static GanLoss nonSaturating() {
        return NON_SATURATING;
    }

    static GanLoss leastSquares() {
        return LEAST_SQUARES;
    }

    @Override
    public NDArray discriminatorLoss(NDArray logits, NDArray targets) {
        return discriminator.apply(logits, targets);
    }

    @Override
    public NDArray generatorLoss(NDArray fakeLogits) {
        return generator.apply(fakeLogits);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}

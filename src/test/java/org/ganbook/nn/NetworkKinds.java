package org.ganbook.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import java.util.function.Supplier;
import org.ganbook.data.DataSource;
import org.ganbook.data.ImageBytes;
import org.ganbook.data.ImageDataset;
import org.ganbook.data.LabelledImages;
import org.ganbook.data.Toys;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.GanTrainerBuilder;

/** Every kind of network the library offers, each with small data it fits, for tests through the trainer. */
final class NetworkKinds {

    static final int CODING = 8;

    /** One kind: how to build fresh networks, and the data. */
    record Kind(String name, Supplier<Block> generator, Supplier<Block> discriminator, DataSource data,
            boolean conditional) {

        GanTrainerBuilder trainer(long seed) {
            return GanTrainer.builder(generator.get(), discriminator.get())
                    .setData(data).setCodingSize(CODING).optBatchSize(16).optLearningRate(2e-3f)
                    .optConditional(conditional).optSeed(seed).optProgress(0);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private NetworkKinds() {}

    static List<Kind> all() {
        Shape image = new Shape(1, 16, 16);
        DataSource images = stripes(false);
        DataSource labelled = stripes(true);
        return List.of(
                new Kind("MLP on 2-D points",
                        () -> MlpGenerator.builder().setCodingSize(CODING).setOutputShape(new Shape(2))
                                .optHidden(32, 32).optOutput(OutputActivation.LINEAR).build(),
                        () -> MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(32, 32).build(),
                        Toys.ring(), false),
                new Kind("MLP on images",
                        () -> MlpGenerator.builder().setCodingSize(CODING).setOutputShape(image).optHidden(32, 64).build(),
                        () -> MlpDiscriminator.builder().setInputShape(image).optHidden(64, 32).build(),
                        images, false),
                new Kind("DCGAN, nearest up-sampling",
                        () -> DcganGenerator.builder().setCodingSize(CODING).optChannels(4).optImageSize(16).build(),
                        () -> DcganDiscriminator.builder().optChannels(4).build(),
                        images, false),
                new Kind("DCGAN, transposed convolution",
                        () -> DcganGenerator.builder().setCodingSize(CODING).optChannels(4).optImageSize(16)
                                .optUpsampling(Upsampling.TRANSPOSED_CONV).build(),
                        () -> DcganDiscriminator.builder().optChannels(4).build(),
                        images, false),
                new Kind("conditional MLP (embedding for G, one-hot for D)",
                        () -> Conditional.concat(LabelEncoder.embedding(2, 4), MlpGenerator.builder()
                                .setCodingSize(CODING + 4).setOutputShape(image).optHidden(32, 64).build()),
                        () -> Conditional.concat(LabelEncoder.oneHot(2), MlpDiscriminator.builder()
                                .setInputShape(new Shape(image.size() + 2)).optHidden(64, 32).build()),
                        labelled, true),
                new Kind("conditional DCGAN (label as channels in D)",
                        () -> Conditional.concat(LabelEncoder.oneHot(2), DcganGenerator.builder()
                                .setCodingSize(CODING + 2).optChannels(4).optImageSize(16).build()),
                        () -> Conditional.channels(LabelEncoder.embedding(2, 3),
                                DcganDiscriminator.builder().optChannels(4).build()),
                        labelled, true));
    }

    /** 32 images of 16×16: bright upper halves and dark lower halves; with labels, upside down for label 1. */
    private static DataSource stripes(boolean labelled) {
        int count = 32;
        int side = 16;
        byte[] pixels = new byte[count * side * side];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 2;
            for (int row = 0; row < side; row++) {
                boolean bright = row < side / 2;
                if (labelled && labels[i] == 1) {
                    bright = !bright;
                }
                for (int col = 0; col < side; col++) {
                    pixels[(i * side + row) * side + col] = (byte) (bright ? 230 : 25);
                }
            }
        }
        ImageBytes bytes = new ImageBytes(count, side, side, pixels);
        return labelled
                ? ImageDataset.of("labelled stripes", new LabelledImages(bytes, labels), 2)
                : ImageDataset.of("stripes", bytes);
    }
}

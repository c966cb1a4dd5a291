package org.ganbook.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.SplittableRandom;
import org.ganbook.data.SampleBatch;
import org.ganbook.data.BatchStream;
import org.ganbook.data.DataSource;

/** Small networks and a ring of Gaussians for the trainer's tests, independent of the nn and data packages. */
final class TestData {

    private TestData() {}

    static DataSource ring() {
        return ring(0);
    }

    /** The ring moved {@code offset} to the right, far from where an untrained G puts its samples. */
    static DataSource ring(float offset) {
        return new DataSource() {
            @Override
            public String name() {
                return "test ring";
            }

            @Override
            public Shape sampleShape() {
                return new Shape(2);
            }

            @Override
            public BatchStream sampler(long seed) {
                SplittableRandom random = new SplittableRandom(seed);
                return (NDManager manager, int n) -> {
                    float[] xy = new float[2 * n];
                    for (int i = 0; i < n; i++) {
                        double angle = 2 * Math.PI * random.nextInt(8) / 8;
                        xy[2 * i] = offset + (float) (2 * Math.cos(angle) + 0.02 * (random.nextDouble() - 0.5));
                        xy[2 * i + 1] = (float) (2 * Math.sin(angle) + 0.02 * (random.nextDouble() - 0.5));
                    }
                    return new SampleBatch(manager.create(xy, new Shape(n, 2)), null);
                };
            }
        };
    }

    static Block generator(int codingSize) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(32).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(2).build());
    }

    static Block discriminator(boolean batchNorm) {
        SequentialBlock block = new SequentialBlock().add(Linear.builder().setUnits(32).build());
        if (batchNorm) {
            block.add(BatchNorm.builder().build());
        }
        return block.add(x -> Activation.leakyRelu(x, 0.2f)).add(Linear.builder().setUnits(1).build());
    }

    static GanTrainerBuilder trainer(boolean batchNorm) {
        return GanTrainer.builder(generator(4), discriminator(batchNorm))
                .setData(ring())
                .setCodingSize(4)
                .optBatchSize(32)
                .optProgress(0);
    }
}

package org.ganbook.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.junit.jupiter.api.Test;

class NetworksTest {

    @Test
    void countsTheParametersOfAnMlpByHand() {
        Block g =
                MlpGenerator.builder()
                        .setCodingSize(100)
                        .setOutputShape(new Shape(1, 28, 28))
                        .optHidden(256, 512)
                        .build();
        Block d = MlpDiscriminator.builder().setInputShape(new Shape(1, 28, 28)).optHidden(512, 256).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            g.initialize(manager, DataType.FLOAT32, new Shape(1, 100));
            d.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
        }
        long gExpected = (100 * 256 + 256) + (256 * 512 + 512) + (512 * 784 + 784);
        long dExpected = (784 * 512 + 512) + (512 * 256 + 256) + (256 + 1);
        assertEquals(gExpected, Networks.parameterCount(g));
        assertEquals(dExpected, Networks.parameterCount(d));
    }

    @Test
    void weightStatisticsOfTheDcganStartAreThePapers() {
        Block g = DcganGenerator.builder().setCodingSize(20).optChannels(8).optUpsampling(Upsampling.TRANSPOSED_CONV).build();
        Block d = DcganDiscriminator.builder().optChannels(8).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            g.initialize(manager, DataType.FLOAT32, new Shape(1, 20));
            d.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            Networks.WeightStatistics stats = Networks.weightStatistics(g, d);
            long expected = 20L * 32 * 7 * 7 + 32 * 16 * 16 + 16 * 1 * 16 // G: linear, two 4x4 transposed
                    + 1 * 8 * 16 + 8 * 16 * 16 + 16 * 7 * 7; // D: two 4x4 convolutions, linear
            assertEquals(expected, stats.count());
            assertEquals(0.02, stats.standardDeviation(), 0.002);
            assertEquals(0, stats.mean(), 0.002);
        }
        assertThrows(IllegalArgumentException.class,
                () -> Networks.weightStatistics(DcganDiscriminator.builder().build()));
    }

    @Test
    void leavesBatchNormRunningStatisticsOutOfTheCount() {
        Block d = DcganDiscriminator.builder().optChannels(8).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            d.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            long conv1 = 8 * 1 * 4 * 4 + 8;
            long conv2 = 16 * 8 * 4 * 4; // no bias: BatchNorm follows
            long batchNorm = 2 * 16; // gamma and beta
            long linear = 16 * 7 * 7 + 1;
            assertEquals(conv1 + conv2 + batchNorm + linear, Networks.parameterCount(d));
            String summary = Networks.summary(d);
            assertTrue(summary.contains("and 32 BatchNorm running statistics"), summary);
        }
    }

    @Test
    void summaryListsLayersWithShapesAndCounts() {
        Block g =
                Conditional.concat(LabelEncoder.oneHot(3), DcganGenerator.builder()
                        .setCodingSize(10 + 3)
                        .optChannels(2)
                        .optUpsampling(Upsampling.TRANSPOSED_CONV)
                        .build());
        try (NDManager manager = NDManager.newBaseManager()) {
            g.initialize(manager, DataType.FLOAT32, new Shape(1, 10), new Shape(1));
            String summary = Networks.summary(g);
            String[] lines = summary.split("\n");
            assertTrue(lines[0].startsWith("Conditional.concat(one-hot 3, DcganGenerator) (N, 10) + (N) → (N, 1, 28, 28)"), lines[0]);
            assertTrue(summary.contains("labelEncoder: one-hot 3 "), summary);
            assertTrue(summary.matches("(?s).*\n  TransposedConv2d 4×4 stride 2 +\\(N, 4, 14, 14\\) .*"), summary);
            long total = Networks.parameterCount(g);
            assertTrue(lines[lines.length - 1].startsWith(String.format("total: %,d parameters", total)), summary);
            long linear = 13L * 8 * 7 * 7; // (10 + 3) inputs, 4C·7·7 outputs, no bias
            assertTrue(summary.contains(String.format("%,d", linear)), summary);
        }
    }

    @Test
    void anUninitializedBlockSaysSo() {
        Block g = MlpGenerator.builder().setCodingSize(4).setOutputShape(new Shape(2)).build();
        assertTrue(Networks.summary(g).contains("not initialized"));
        assertThrows(IllegalStateException.class, () -> Networks.parameterCount(g));
    }
}

package org.ganbook.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.engine.Engine;
import java.util.Arrays;
import java.util.Locale;
import org.ganbook.nn.TransposedConv2d;
import org.ganbook.nn.Upsample2d;

/**
 * The DCGAN generator's widest layer on its own (batch 64, 128 → 64 channels, 7×7 → 14×14), forward
 * and backward (input and weight gradient), as a G step runs it: {@code upsample} is nearest ×2 then a
 * 3×3 convolution, {@code tconv} the 4×4 stride-2 transposed convolution; the input is laid out
 * channels-last in memory, as the generator's feature maps are. Prints one line {@code @@
 * {"layer":..,"median_ms":..,"median_cpu_ms":..}} (wall and process CPU time); the FLOPs are counted by the driver.
 */
final class GeneratorLayerBench {

    private GeneratorLayerBench() {}

    static void run(String kind, int repeats) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block;
            if (kind.equals("tconv")) {
                block = TransposedConv2d.builder().setKernelShape(new Shape(4, 4)).setFilters(64)
                        .optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).optBias(false).build();
            } else if (kind.equals("upsample")) {
                block = new SequentialBlock().add(new Upsample2d(2)).add(Conv2d.builder()
                        .setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(64).optBias(false)
                        .build());
            } else {
                throw new IllegalArgumentException("layer kind: upsample or tconv, got " + kind);
            }
            Shape input = new Shape(64, 128, 7, 7);
            block.setInitializer(new NormalInitializer(0.02f), ai.djl.nn.Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, input);
            ParameterStore store = new ParameterStore(manager, false);
            // laid out channels-last, as DcganGenerator lays out its feature maps (the reference keeps PyTorch's
            // default layout, what a PyTorch user's nn.ConvTranspose2d receives)
            NDArray x = manager.randomNormal(new Shape(64, 7, 7, 128)).transpose(0, 3, 1, 2);
            x.setRequiresGradient(true);
            double[] ms = new double[repeats];
            double[] cpuMs = new double[repeats];
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int r = -3; r < repeats; r++) {
                try (NDManager step = manager.newSubManager()) {
                    long t = System.nanoTime();
                    long c = os.getProcessCpuTime();
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray y = block.forward(store, new NDList(x), true).singletonOrThrow();
                        collector.backward(y.sum());
                    }
                    x.getGradient().toFloatArray(); // wait for the result, as a step does
                    if (r >= 0) {
                        ms[r] = (System.nanoTime() - t) / 1e6;
                        cpuMs[r] = (os.getProcessCpuTime() - c) / 1e6;
                    }
                }
            }
            Arrays.sort(ms);
            Arrays.sort(cpuMs);
            System.out.println(String.format(Locale.ROOT,
                    "@@ {\"impl\":\"ganbook\",\"layer\":\"%s\",\"median_ms\":%.3f,\"median_cpu_ms\":%.3f}",
                    kind, ms[repeats / 2], cpuMs[repeats / 2]));
        }
    }
}

package org.ganbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void channelsLastKeepsShapeValuesAndGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            NDArray x = manager.randomNormal(new Shape(3, 5, 4, 2));
            NDArray weights = manager.randomNormal(new Shape(3, 5, 4, 2));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = Layers.channelsLast(x);
                assertEquals(x.getShape(), y.getShape());
                assertArrayEquals(x.toFloatArray(), y.toFloatArray(), 0f);
                // element (n, c, h, w) is still addressed as before: a channel's slice is unchanged
                assertArrayEquals(x.get("1, 3").toFloatArray(), y.get("1, 3").toFloatArray(), 0f);
                collector.backward(y.mul(weights).sum());
            }
            // the layout change is the identity for autograd: d sum(w * y) / dx = w
            assertArrayEquals(weights.toFloatArray(), x.getGradient().toFloatArray(), 0f);
        }
    }

    @Test
    void aConvolutionOverChannelsLastInputComputesTheSameFunction() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(11);
            NDArray x = manager.randomNormal(new Shape(4, 6, 7, 7));
            NDArray w = manager.randomNormal(new Shape(8, 6, 3, 3));
            NDArray plain = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
            NDArray last = Conv2d.conv2d(Layers.channelsLast(x), w, null, new Shape(1, 1), new Shape(1, 1))
                    .singletonOrThrow();
            assertEquals(plain.getShape(), last.getShape());
            assertArrayEquals(plain.toFloatArray(), last.toFloatArray(), 1e-4f);
        }
    }
}

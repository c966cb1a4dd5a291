package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class NativeArraysTest {

    @Test
    void copiesFloatsIntoTheShapeAsked() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] values = {1.5f, -2f, 0f, 3.25f, 7f, -0.5f};
            NDArray array = NativeArrays.copyOf(manager, values, new Shape(2, 3));
            assertEquals(new Shape(2, 3), array.getShape());
            assertEquals(DataType.FLOAT32, array.getDataType());
            assertArrayEquals(values, array.toFloatArray());
        }
    }

    @Test
    void copiesIntsAsInt32Labels() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray labels = NativeArrays.copyOf(manager, new int[] {3, 0, 9});
            assertEquals(DataType.INT32, labels.getDataType());
            assertArrayEquals(new int[] {3, 0, 9}, labels.toIntArray());
        }
    }

    @Test
    void eachArrayOwnsItsMemoryThoughTheStagingBufferIsReused() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray first = NativeArrays.copyOf(manager, new float[] {1, 2, 3}, new Shape(3));
            NDArray second = NativeArrays.copyOf(manager, new float[] {4, 5, 6}, new Shape(3));
            NDArray large = NativeArrays.copyOf(manager, new float[100_000], new Shape(100_000));
            assertArrayEquals(new float[] {1, 2, 3}, first.toFloatArray());
            assertArrayEquals(new float[] {4, 5, 6}, second.toFloatArray());
            assertEquals(0f, large.sum().getFloat());
        }
    }

    @Test
    void handlesEmptyArrays() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertEquals(0, NativeArrays.copyOf(manager, new float[0], new Shape(0, 2)).size());
            assertEquals(0, NativeArrays.copyOf(manager, new int[0]).size());
        }
    }

    @Test
    void rejectsValuesThatDoNotFillTheShape() {
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NativeArrays.copyOf(manager, new float[5], new Shape(2, 3)));
            assertEquals("5 values do not fill an array of shape (2, 3)", e.getMessage());
        }
    }
}

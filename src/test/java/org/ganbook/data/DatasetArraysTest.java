package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetArraysTest {

    /** Five 2×2 images; every pixel of image i is 50·i, and its label is i mod 2. */
    private static ImageDataset fiveImages() {
        byte[] pixels = new byte[5 * 4];
        for (int i = 0; i < 5; i++) {
            Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) (50 * i));
        }
        int[] labels = IntStream.range(0, 5).map(i -> i % 2).toArray();
        return ImageDataset.of("five", new LabelledImages(new ImageBytes(5, 2, 2, pixels), labels), 2);
    }

    @Test
    void pixelsAreTheImagesInOrderScaledToPlusMinusOne() {
        ImageDataset data = fiveImages();
        float[] all = DatasetArrays.pixels(data);
        assertEquals(20, all.length);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(data.image(i), Arrays.copyOfRange(all, 4 * i, 4 * i + 4));
        }
        assertEquals(-1f, all[0]);
        assertEquals(200 / 127.5f - 1, all[16], 1e-6);
    }

    @Test
    void aRangeOfPixelsAndLabels() {
        ImageDataset data = fiveImages();
        float[] some = DatasetArrays.pixels(data, 2, 2);
        assertArrayEquals(Arrays.copyOfRange(DatasetArrays.pixels(data), 8, 16), some);
        assertArrayEquals(new int[] {0, 1}, DatasetArrays.labels(data, 2, 2));
        assertArrayEquals(new int[] {0, 1, 0, 1, 0}, DatasetArrays.labels(data));
    }

    @Test
    void followsViews() {
        ImageDataset odd = fiveImages().onlyLabels(1);
        assertArrayEquals(new int[] {1, 1}, DatasetArrays.labels(odd));
        assertArrayEquals(odd.image(1), DatasetArrays.pixels(odd, 1, 1));
    }

    @Test
    void rejectsBadRangesAndMissingLabels() {
        ImageDataset data = fiveImages();
        assertThrows(IndexOutOfBoundsException.class, () -> DatasetArrays.pixels(data, 4, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> DatasetArrays.labels(data, -1, 1));
        ImageDataset unlabelled = ImageDataset.of("bare", new ImageBytes(1, 2, 2, new byte[4]));
        assertThrows(IllegalStateException.class, () -> DatasetArrays.labels(unlabelled));
        assertEquals(4, DatasetArrays.pixels(unlabelled).length);
    }
}

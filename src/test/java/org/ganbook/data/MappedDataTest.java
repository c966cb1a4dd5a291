package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class MappedDataTest {

    @Test
    void negatedDataIsTheSourcesBatchesNegatedWithTheSameOrder() {
        ToyDistribution ring = Toys.ring();
        MappedData negated = MappedData.negated(ring, "negated ring");
        try (NDManager m = NDManager.newBaseManager()) {
            float[] a = ring.sampler(3).next(m, 5).samples().toFloatArray();
            float[] b = negated.sampler(3).next(m, 5).samples().toFloatArray();
            for (int i = 0; i < a.length; i++) {
                assertEquals(-a[i], b[i]);
            }
        }
        assertEquals(ring.sampleShape(), negated.sampleShape());
        assertThrows(IllegalArgumentException.class, () -> MappedData.of(ring, "x", null));
    }

    @Test
    void slicesOfAnImageSetShareNoImageAndKeepTheirLabels() {
        LabelledImages data = new LabelledImages(new ImageBytes(6, 1, 1, new byte[] {0, 1, 2, 3, 4, 5}),
                new int[] {0, 1, 0, 1, 0, 1});
        ImageDataset all = ImageDataset.of("six", data, 2);
        ImageDataset first = all.slice(0, 3);
        ImageDataset rest = all.slice(3, 3);
        assertEquals(3, first.size());
        assertArrayEquals(new int[] {1, 0, 1}, new int[] {rest.label(0), rest.label(1), rest.label(2)});
        assertEquals(first.image(0)[0] != rest.image(0)[0], true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> all.slice(4, 3));
        assertTrue(e.getMessage().contains("outside the 6 images"), e.getMessage());
    }
}

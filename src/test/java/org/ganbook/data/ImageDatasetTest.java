package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageDatasetTest {

    private static final int COUNT = 10;
    private static NDManager manager;

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    /** Ten 2×3 images; every pixel of image i is 25·i, and its label is i mod 3. */
    private static ImageDataset tenImages() {
        byte[] pixels = new byte[COUNT * 6];
        for (int i = 0; i < COUNT; i++) {
            Arrays.fill(pixels, i * 6, i * 6 + 6, (byte) (25 * i));
        }
        int[] labels = IntStream.range(0, COUNT).map(i -> i % 3).toArray();
        return ImageDataset.of("ten", new LabelledImages(new ImageBytes(COUNT, 2, 3, pixels), labels), 3);
    }

    /** Recovers each image's index from its first pixel. */
    private static int[] imageIndices(SampleBatch batch) {
        float[] values = batch.samples().toFloatArray();
        int[] indices = new int[batch.size()];
        for (int i = 0; i < indices.length; i++) {
            int pixel = Math.round((values[i * 6] + 1) * 127.5f);
            indices[i] = pixel / 25;
        }
        return indices;
    }

    @Test
    void describesItsShapeAndClasses() {
        ImageDataset data = tenImages();
        assertEquals(new Shape(1, 2, 3), data.sampleShape());
        assertEquals(3, data.numClasses());
        assertEquals(COUNT, data.size());
        assertEquals(2, data.rows());
        assertEquals(3, data.cols());
        assertTrue(data.hasLabels());
        assertArrayEquals(new int[] {4, 3, 3}, data.labelCounts());
        assertEquals("ten", data.name());
        assertEquals("in memory", data.origin());
    }

    @Test
    void sharedImagesCountsIdenticalPicturesBetweenSlices() {
        ImageDataset data = tenImages();
        assertEquals(0, data.slice(0, 4).sharedImages(data.slice(4, 6)));
        assertEquals(2, data.slice(0, 5).sharedImages(data.slice(3, 7)));
        assertEquals(10, data.sharedImages(data));
    }

    @Test
    void samplerIsReproducibleForASeed() {
        ImageDataset data = tenImages();
        BatchStream a = data.sampler(42);
        BatchStream b = data.sampler(42);
        List<Integer> firstOrder = new ArrayList<>();
        for (int step = 0; step < 5; step++) {
            SampleBatch x = a.next(manager, 4);
            SampleBatch y = b.next(manager, 4);
            assertArrayEquals(x.samples().toFloatArray(), y.samples().toFloatArray());
            assertArrayEquals(x.labels().toIntArray(), y.labels().toIntArray());
            Arrays.stream(imageIndices(x)).forEach(firstOrder::add);
        }
        List<Integer> otherOrder = new ArrayList<>();
        BatchStream c = data.sampler(43);
        for (int step = 0; step < 5; step++) {
            Arrays.stream(imageIndices(c.next(manager, 4))).forEach(otherOrder::add);
        }
        assertFalse(firstOrder.equals(otherOrder), "seeds 42 and 43 must give different orders");
    }

    @Test
    void samplerVisitsEachImageOncePerEpochAndReshuffles() {
        ImageDataset data = tenImages();
        BatchStream sampler = data.sampler(7);
        int[] drawn = new int[0];
        for (int step = 0; step < 10; step++) {
            SampleBatch batch = sampler.next(manager, 3);
            int[] indices = imageIndices(batch);
            int[] labels = batch.labels().toIntArray();
            for (int i = 0; i < indices.length; i++) {
                assertEquals(indices[i] % 3, labels[i], "label travels with its image");
            }
            drawn = IntStream.concat(Arrays.stream(drawn), Arrays.stream(indices)).toArray();
        }
        assertEquals(3.0, sampler.epochs(), 1e-12);
        int[][] epochs = new int[3][];
        for (int e = 0; e < 3; e++) {
            epochs[e] = Arrays.copyOfRange(drawn, e * COUNT, (e + 1) * COUNT);
            assertArrayEquals(IntStream.range(0, COUNT).toArray(), Arrays.stream(epochs[e]).sorted().toArray(),
                    "epoch " + e + " is a permutation: " + Arrays.toString(epochs[e]));
        }
        assertFalse(Arrays.equals(epochs[0], epochs[1]) && Arrays.equals(epochs[1], epochs[2]),
                "each epoch is reshuffled");
        BatchStream fresh = data.sampler(7);
        fresh.next(manager, 4);
        assertEquals(0.4, fresh.epochs(), 1e-12);
    }

    @Test
    void batchLargerThanTheDataSetSpansEpochs() {
        BatchStream sampler = tenImages().sampler(1);
        int[] indices = imageIndices(sampler.next(manager, 25));
        assertEquals(2.5, sampler.epochs(), 1e-12);
        for (int e = 0; e < 2; e++) {
            assertArrayEquals(IntStream.range(0, COUNT).toArray(),
                    Arrays.stream(Arrays.copyOfRange(indices, e * COUNT, (e + 1) * COUNT)).sorted().toArray());
        }
    }

    @Test
    void valuesAreScaledToMinusOneOne() {
        byte[] pixels = new byte[256];
        for (int p = 0; p < 256; p++) {
            pixels[p] = (byte) p;
        }
        ImageDataset data = ImageDataset.of("ramp", new ImageBytes(1, 16, 16, pixels));
        NDArray images = data.images(manager, 0, 1);
        assertEquals(new Shape(1, 1, 16, 16), images.getShape());
        assertEquals(DataType.FLOAT32, images.getDataType());
        float[] values = images.toFloatArray();
        assertEquals(-1f, values[0]);
        assertEquals(1f, values[255]);
        for (int p = 0; p < 256; p++) {
            assertEquals(p / 127.5 - 1, values[p], 1e-6);
            assertTrue(values[p] >= -1 && values[p] <= 1);
            assertEquals(p, Scaling.fromSymmetric(values[p]));
            assertEquals(values[p], Scaling.toSymmetric((byte) p));
        }
        assertArrayEquals(values, data.image(0));
        assertEquals(0, data.numClasses());
        assertNull(data.sample(manager, 3, 0).labels());
        assertEquals(255, Scaling.fromSymmetric(7.0));
        assertEquals(0, Scaling.fromSymmetric(-3.0));
        float[] unit = Scaling.toUnitRange(manager.create(new float[] {-2, -1, 0, 1, 2})).toFloatArray();
        assertArrayEquals(new float[] {0, 0, 0.5f, 1, 1}, unit);
        assertThrows(IllegalArgumentException.class, () -> Scaling.toSymmetric(256));
    }

    @Test
    void viewsSelectImagesWithoutCopyingThePixels() {
        ImageDataset data = tenImages();
        ImageDataset firstFour = data.limit(4);
        assertEquals(4, firstFour.size());
        assertArrayEquals(new int[] {0, 1, 2, 3}, imageIndices(firstFour.batch(manager, 0, 4)));
        assertSame(data, data.limit(100));

        ImageDataset twos = data.filterLabel(2);
        assertEquals(3, twos.size());
        assertEquals(3, twos.numClasses());
        assertArrayEquals(new int[] {2, 5, 8}, imageIndices(twos.batch(manager, 0, 3)));
        assertArrayEquals(new int[] {2, 2, 2}, twos.batch(manager, 0, 3).labels().toIntArray());
        assertTrue(twos.name().contains("label 2"));
        assertEquals(7, data.onlyLabels(0, 2).size());

        ImageDataset some = data.subset(5, 3);
        assertEquals(5, some.size());
        int[] chosen = imageIndices(some.batch(manager, 0, 5));
        assertEquals(5, Arrays.stream(chosen).distinct().count());
        assertArrayEquals(chosen, imageIndices(data.subset(5, 3).batch(manager, 0, 5)), "subset is seeded");

        BatchStream sampler = twos.sampler(0);
        int[] drawn = imageIndices(sampler.next(manager, 3));
        assertArrayEquals(new int[] {2, 5, 8}, Arrays.stream(drawn).sorted().toArray());
        assertEquals(1.0, sampler.epochs(), 1e-12);
    }

    @Test
    void misuseIsRejected() {
        ImageDataset data = tenImages();
        assertThrows(IllegalArgumentException.class, () -> data.onlyLabels(5));
        assertThrows(IllegalArgumentException.class, () -> data.limit(2).onlyLabels(2));
        assertThrows(IllegalArgumentException.class, () -> data.limit(0));
        assertThrows(IndexOutOfBoundsException.class, () -> data.batch(manager, 8, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> data.label(10));
        assertThrows(IllegalArgumentException.class, () -> data.sampler(0).next(manager, 0));
        ImageBytes images = new ImageBytes(2, 1, 1, new byte[2]);
        assertThrows(IllegalArgumentException.class,
                () -> ImageDataset.of("bad", new LabelledImages(images, new int[] {0, 3}), 3));
        assertThrows(IllegalArgumentException.class, () -> new LabelledImages(images, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new ImageBytes(2, 2, 2, new byte[7]));
        assertThrows(IllegalStateException.class, () -> ImageDataset.of("plain", images).filterLabel(0));
    }
}

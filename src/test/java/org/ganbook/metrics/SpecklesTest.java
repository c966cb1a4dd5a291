package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpecklesTest {

    private static float[] black(int count) {
        float[] images = new float[count * 16];
        Arrays.fill(images, -1f);
        return images;
    }

    @Test
    void aStrokeHasNoSpecklesAndALonePixelIsOne() {
        float[] image = black(1);           // 4×4
        image[1 * 4 + 0] = 1;               // a horizontal stroke of three pixels in row 1
        image[1 * 4 + 1] = 1;
        image[1 * 4 + 2] = 1;
        assertEquals(0, Speckles.share(image, 4, 4));
        image[3 * 4 + 3] = 0.5f;            // a lone pixel in the corner: 1 speckle of 4 bright pixels
        assertEquals(0.25, Speckles.share(image, 4, 4), 1e-12);
    }

    @Test
    void diagonalNeighboursCountAndImagesDoNotTouch() {
        float[] two = black(2);
        two[0] = 1;                         // image 0: (0,0) and (1,1) touch diagonally
        two[5] = 1;
        two[16 + 0] = 1;                    // image 1: (0,0) alone; its "neighbour" in the previous image is not one
        assertEquals(1 / 3.0, Speckles.share(two, 4, 4), 1e-12);
    }

    @Test
    void onlyValuesAboveZeroAreBright() {
        float[] image = black(1);
        image[5] = 0f;                      // mid-grey is not bright
        assertEquals(0, Speckles.share(image, 4, 4));
        float[] wrapped = black(1);
        wrapped[3] = 1;                     // end of row 0 and start of row 1 are not neighbours
        wrapped[4] = 1;
        assertEquals(1, Speckles.share(wrapped, 4, 4), 1e-12);
    }

    @Test
    void rejectsPartialImages() {
        assertThrows(IllegalArgumentException.class, () -> Speckles.share(new float[15], 4, 4));
        assertThrows(IllegalArgumentException.class, () -> Speckles.share(new float[16], 0, 4));
    }
}

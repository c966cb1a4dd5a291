package org.ganbook.data;

import java.util.Locale;

/**
 * Images with one class label each, as read from disk. The arrays are shared, not copied.
 *
 * @param images the images
 * @param labels the class of each image, one per image
 */
public record LabelledImages(ImageBytes images, int[] labels) {

    /** Checks that there is exactly one label per image. */
    public LabelledImages {
        if (labels.length != images.count()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d images but %d labels", images.count(), labels.length));
        }
    }
}

package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void aCellEndingWithAddShowsHowManyFramesAreDrawn() {
        var frames = new Frames(t -> new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
        assertEquals("Frames: 0 frames drawn", frames.toString());
        assertEquals("Frames: 1 frame drawn", frames.add(null).toString());
        assertEquals("Frames: 2 frames drawn", frames.add(null).toString());
        assertEquals(2, frames.frames().size());
    }
}

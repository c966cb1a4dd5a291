package org.ganbook.data;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Feeds both readers thousands of seeded random and mutated inputs: each must either parse or throw
 * {@link DatasetFormatException}, never anything else, and quickly.
 */
class ReaderFuzzTest {

    private static final int IDX_INPUTS = 3000;
    private static final int JSON_INPUTS = 2000;
    private static final long SLOW_NANOS = 500_000_000L;
    private static final int[] SPECIAL_INTS = {0, 1, -1, 28, 255, 256, 4096, 4097, 65536, 1 << 24,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 0x803, 0x801, 1_000_000};

    @Test
    void idxReaderOnlyEverThrowsDatasetFormatException() {
        SplittableRandom random = new SplittableRandom(20240611L);
        List<byte[]> seeds = List.of(
                IdxBytes.images(3, 4, 5, IdxBytes.patternPixels(3, 4, 5)),
                IdxBytes.images(2, 28, 28, IdxBytes.patternPixels(2, 28, 28)),
                IdxBytes.labels(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        Outcomes outcomes = new Outcomes();
        for (int i = 0; i < IDX_INPUTS; i++) {
            byte[] input = mutateIdx(seeds.get(random.nextInt(seeds.size())), random);
            outcomes.run("images", input, bytes -> IdxReader.parseImages(bytes, "fuzz.idx"));
            outcomes.run("labels", input, bytes -> IdxReader.parseLabels(bytes, "fuzz.idx"));
        }
        outcomes.check(2 * IDX_INPUTS);
    }

    @Test
    void mnistJsonReaderOnlyEverThrowsDatasetFormatException() {
        SplittableRandom random = new SplittableRandom(20240612L);
        byte[] seed = MnistJson.digitFile(4, 1).getBytes(StandardCharsets.UTF_8);
        Outcomes outcomes = new Outcomes();
        for (int i = 0; i < JSON_INPUTS; i++) {
            byte[] input = mutateJson(seed, random);
            outcomes.run("json", input, bytes -> MnistJsonReader.parseDigits(bytes, "fuzz.json"));
        }
        outcomes.check(JSON_INPUTS);
    }

    /** Returns a damaged copy of a valid IDX file, gzipped half the time (before or after damage). */
    private static byte[] mutateIdx(byte[] valid, SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> damage(valid, random);
            case 1 -> damage(IdxBytes.gzip(valid), random);
            case 2 -> IdxBytes.gzip(damage(valid, random));
            case 3 -> IdxBytes.gzip(editHeader(valid, random));
            case 4 -> editHeader(valid, random);
            default -> randomBytes(random);
        };
    }

    private static byte[] damage(byte[] valid, SplittableRandom random) {
        byte[] bytes = valid.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] = (byte) (bytes[at] ^ (1 << random.nextInt(8)));
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 2 -> bytes = IdxBytes.concat(bytes, randomBytes(random));
            case 3 -> {
                int at = random.nextInt(Math.min(bytes.length, 20));
                bytes[at] = (byte) random.nextInt(256);
            }
            default -> {
                int from = random.nextInt(bytes.length);
                int to = from + random.nextInt(bytes.length - from + 1);
                byte[] head = Arrays.copyOf(bytes, from);
                bytes = IdxBytes.concat(head, Arrays.copyOfRange(bytes, to, bytes.length));
            }
        }
        return bytes;
    }

    private static byte[] editHeader(byte[] valid, SplittableRandom random) {
        byte[] bytes = valid.clone();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int headerInts = bytes[3] == 3 ? 4 : 2;
        int value = random.nextBoolean() ? SPECIAL_INTS[random.nextInt(SPECIAL_INTS.length)] : random.nextInt();
        buffer.putInt(4 * random.nextInt(headerInts), value);
        return bytes;
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(64)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        if (bytes.length >= 4 && random.nextBoolean()) {
            ByteBuffer.wrap(bytes).putInt(random.nextBoolean() ? 0x803 : 0x801);
        }
        if (bytes.length >= 2 && random.nextInt(4) == 0) {
            bytes[0] = 0x1F;
            bytes[1] = (byte) 0x8B;
        }
        return bytes;
    }

    private static byte[] mutateJson(byte[] valid, SplittableRandom random) {
        String alphabet = "{}[],:\"0123456789.eE-+ \n\tnulltruefalse\\ datax";
        byte[] bytes = valid.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int edits = 1 + random.nextInt(5); edits > 0; edits--) {
                    bytes[random.nextInt(bytes.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 2 -> {
                int at = random.nextInt(bytes.length + 1);
                byte[] snippet = new byte[1 + random.nextInt(12)];
                for (int i = 0; i < snippet.length; i++) {
                    snippet[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
                bytes = IdxBytes.concat(IdxBytes.concat(Arrays.copyOf(bytes, at), snippet),
                        Arrays.copyOfRange(bytes, at, bytes.length));
            }
            case 3 -> bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(128));
            case 4 -> {
                byte[] noise = new byte[random.nextInt(200)];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
                bytes = noise;
            }
            default -> {
                int from = random.nextInt(bytes.length);
                int to = from + random.nextInt(bytes.length - from + 1);
                bytes = IdxBytes.concat(Arrays.copyOf(bytes, from), Arrays.copyOfRange(bytes, to, bytes.length));
            }
        }
        return bytes;
    }

    /** Runs inputs, counting parses and rejections and recording anything else. */
    private static final class Outcomes {
        private int parsed;
        private int rejected;
        private long slowestNanos;
        private final List<String> failures = new ArrayList<>();

        void run(String reader, byte[] input, Function<byte[], Object> parse) {
            long start = System.nanoTime();
            try {
                parse.apply(input);
                parsed++;
            } catch (DatasetFormatException e) {
                rejected++;
                if (!e.getMessage().startsWith(e.source() + ": ") || e.problem().isBlank()) {
                    failures.add(reader + ": message without file or problem: " + e.getMessage());
                }
            } catch (Throwable e) {
                failures.add(reader + ": " + e + " on " + describe(input));
            }
            long elapsed = System.nanoTime() - start;
            slowestNanos = Math.max(slowestNanos, elapsed);
            if (elapsed > SLOW_NANOS) {
                failures.add(reader + ": took " + elapsed / 1_000_000 + " ms on " + describe(input));
            }
        }

        void check(int expectedRuns) {
            if (!failures.isEmpty()) {
                fail(failures.size() + " bad outcomes, first ones:\n" + String.join("\n", failures.subList(0,
                        Math.min(5, failures.size()))));
            }
            assertTrue(parsed + rejected == expectedRuns, "every input ran");
            assertTrue(rejected > expectedRuns / 2, "most damaged inputs are rejected: " + rejected);
            assertTrue(parsed > 0, "some inputs still parse (damage inside pixels or values): " + parsed);
            assertTrue(slowestNanos < SLOW_NANOS, "slowest input took " + slowestNanos / 1_000_000 + " ms");
        }

        private static String describe(byte[] input) {
            byte[] head = Arrays.copyOf(input, Math.min(input.length, 24));
            return input.length + " bytes starting " + HexFormat.of().formatHex(head);
        }
    }
}

package org.ganbook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.ganbook.nn.Upsampling;
import org.junit.jupiter.api.Test;

/** config.json: a lossless round trip, clear messages, and a fuzz test: only ConfigException comes out. */
class RunConfigTest {

    private static final int FUZZ_INPUTS = 4000;
    private static final long SLOW_NANOS = 200_000_000L;

    static RunConfig unusual() {
        RunConfig config = new RunConfig();
        config.model = RunConfig.Model.CONDITIONAL_DCGAN;
        config.data = RunConfig.IDX;
        config.dataPath = "/data/digits \"quoted\" \u00e9";
        config.limit = 500;
        config.sampleShape = new long[] {1, 32, 32};
        config.numClasses = 10;
        config.datasetSize = 500;
        config.codingSize = 64;
        config.hidden = new int[] {300, 200, 100};
        config.channels = 16;
        config.upsampling = Upsampling.TRANSPOSED_CONV;
        config.labelEmbedding = 12;
        config.batchSize = 50;
        config.lrG = 2e-4f;
        config.lrD = 3.3333333e-4f;
        config.loss = RunConfig.Loss.LEAST_SQUARES;
        config.k = 2;
        config.labelSmoothing = 0.1f;
        config.seed = Long.MIN_VALUE + 7;
        config.checkpointEvery = 250;
        config.gridEvery = 0;
        config.gridCount = 100;
        return config;
    }

    @Test
    void everySettingSurvivesTheRoundTripExactly() {
        RunConfig original = unusual();
        RunConfig read = RunConfig.parse(original.toJson().getBytes(StandardCharsets.UTF_8), "config.json");
        assertEquals(original.toJson(), read.toJson());
        assertEquals(2e-4f, read.lrG);
        assertEquals(3.3333333e-4f, read.lrD);
        assertEquals(Long.MIN_VALUE + 7, read.seed);
        assertArrayEquals(new long[] {1, 32, 32}, read.sampleShape);
        assertEquals(original.toJson(), original.copy().toJson());
    }

    @Test
    void dMirrorsGUnlessItsOwnWidthsAreGiven() {
        RunConfig config = new RunConfig();
        config.hidden = new int[] {64, 32, 16};
        assertArrayEquals(new int[] {16, 32, 64}, config.discriminatorWidths());
        config.discriminatorHidden = new int[] {64, 64};
        RunConfig read = RunConfig.parse(config.toJson().getBytes(StandardCharsets.UTF_8), "config.json");
        assertArrayEquals(new int[] {64, 64}, read.discriminatorWidths());
        // a file written before the key existed: D mirrors G, as it did then
        String old = config.toJson().replaceAll("\\s*\"discriminator_hidden\": \\[[^]]*\\],", "");
        assertArrayEquals(new int[] {16, 32, 64}, RunConfig.parse(old.getBytes(StandardCharsets.UTF_8), "config.json")
                .discriminatorWidths());
        assertProblem(config.toJson().replaceAll("\"discriminator_hidden\": \\[[^]]*\\]", "\"discriminator_hidden\": [0]"),
                "discriminator hidden layer widths must be in 1..16384, got [0]");
    }

    @Test
    void problemsAreNamed() {
        String valid = unusual().toJson();
        assertProblem(valid.replace("\"k\": 2", "\"k\": \"two\""), "config.json: \"k\" must be a whole number, found a string");
        assertProblem(valid.replace("\"k\": 2", "\"k\": 2.5"), "\"k\" must be a whole number, got 2.5");
        assertProblem(valid.replace("\"k\": 2", "\"k\": 0"), "discriminator steps k must be in 1..100, got 0");
        assertProblem(valid.replace("\"k\": 2,", "\"k\": 2, \"k\": 3,"), "key \"k\" appears twice");
        assertProblem(valid.replace("\"k\": 2,", "\"kay\": 2,"), "unknown key \"kay\"");
        assertProblem(valid.replace("\"model\": \"conditional-dcgan\",", ""), "key \"model\" is missing");
        assertProblem(valid.replace("\"conditional-dcgan\"", "\"gan\""), "\"model\" must be one of [mlp, dcgan,");
        assertProblem(valid.replace("ganbook-run", "something-else"), "not a ganbook run configuration");
        assertProblem(valid.replace("\"version\": 1", "\"version\": 9"), "unsupported version 9");
        assertProblem(valid + "{}", "unexpected content after the JSON object");
        assertProblem("[1, 2]", "expected a JSON object, found an array");
        assertProblem("", "not valid JSON");
        assertProblem(valid.substring(0, valid.length() / 2), "not valid JSON");
        assertProblem(valid.replace("\"lr_g\": 2.0E-4", "\"lr_g\": 1e99"), "\"lr_g\" is out of range: 1e99");
        assertProblem(valid.replace("\"lr_g\": 2.0E-4", "\"lr_g\": NaN"), "not valid JSON");
        assertProblem(valid.replace("[\n    1,\n    32,\n    32\n  ]", "[1, 30, 30]"),
                "square images whose side is a multiple of 4");
        assertProblem(valid.replace("\"num_classes\": 10", "\"num_classes\": 0"), "needs labelled data");
        assertProblem(valid.replace("\"seed\": -9223372036854775801", "\"seed\": 9223372036854775808"),
                "\"seed\" must be a whole number");
        ConfigException notUtf8 = assertThrows(ConfigException.class,
                () -> RunConfig.parse(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, "config.json"));
        assertTrue(notUtf8.getMessage().contains("not valid UTF-8"), notUtf8.getMessage());
        ConfigException noAdvice = assertThrows(ConfigException.class,
                () -> RunConfig.parse("{'format': 1}".getBytes(StandardCharsets.UTF_8), "config.json"));
        assertTrue(!noAdvice.getMessage().contains("setStrictness") && !noAdvice.getMessage().contains("http"),
                noAdvice.getMessage());
    }

    private static void assertProblem(String json, String fragment) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> RunConfig.parse(json.getBytes(StandardCharsets.UTF_8), "config.json"), fragment);
        assertTrue(e.getMessage().startsWith("config.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> "expected '" + fragment + "' in: " + e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
    }

    @Test
    void fuzzedConfigsOnlyEverThrowConfigException() {
        SplittableRandom random = new SplittableRandom(20240613L);
        List<byte[]> seeds = List.of(unusual().toJson().getBytes(StandardCharsets.UTF_8),
                new RunConfig().toJson().getBytes(StandardCharsets.UTF_8));
        int parsed = 0;
        int rejected = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < FUZZ_INPUTS; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            long start = System.nanoTime();
            try {
                RunConfig config = RunConfig.parse(input, "fuzz.json");
                parsed++;
                // whatever parses is a valid configuration that writes back and reads again the same
                RunConfig again = RunConfig.parse(config.toJson().getBytes(StandardCharsets.UTF_8), "again.json");
                if (!again.toJson().equals(config.toJson())) {
                    failures.add("round trip differs for " + describe(input));
                }
            } catch (ConfigException e) {
                rejected++;
                if (!e.getMessage().startsWith("fuzz.json: ") || e.getMessage().lines().count() != 1) {
                    failures.add("message: " + e.getMessage());
                }
            } catch (Throwable e) {
                failures.add(e + " on " + describe(input));
            }
            if (System.nanoTime() - start > SLOW_NANOS) {
                failures.add("slow: " + describe(input));
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " bad outcomes, first ones:\n" + String.join("\n",
                    failures.subList(0, Math.min(5, failures.size()))));
        }
        assertTrue(rejected > FUZZ_INPUTS / 2, "most mutations are rejected: " + rejected);
        assertTrue(parsed > 0, "some mutations still parse: " + parsed);
    }

    private static byte[] mutate(byte[] valid, SplittableRandom random) {
        String alphabet = "{}[],:\"0123456789.eE-+ \n\tnulltruefalse\\u kxyz";
        byte[] bytes = valid.clone();
        switch (random.nextInt(8)) {
            case 0 -> {
                for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                    bytes[random.nextInt(bytes.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 2 -> {
                int at = random.nextInt(bytes.length + 1);
                byte[] snippet = new byte[1 + random.nextInt(16)];
                for (int i = 0; i < snippet.length; i++) {
                    snippet[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
                bytes = concat(Arrays.copyOf(bytes, at), snippet, Arrays.copyOfRange(bytes, at, bytes.length));
            }
            case 3 -> bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(128));
            case 4 -> {
                bytes = new byte[random.nextInt(300)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256)
                            : (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
            }
            case 5 -> {
                // replace one value by something of another type or out of range
                String text = new String(bytes, StandardCharsets.UTF_8);
                String[] values = {"-1", "0", "1e309", "99999999999999999999", "\"x\"", "null", "true", "[]", "{}",
                    "[1,[2]]", "1.5", "-0", "4097", "[1, 1, 1, 1]", "\"\""};
                String[] lines = text.split("\n");
                int line = random.nextInt(lines.length);
                int colon = lines[line].indexOf(": ");
                if (colon > 0) {
                    lines[line] = lines[line].substring(0, colon + 2) + values[random.nextInt(values.length)]
                            + (lines[line].endsWith(",") ? "," : "");
                }
                bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                StringBuilder deep = new StringBuilder("{\"hidden\": ");
                int depth = random.nextInt(2000);
                deep.append("[".repeat(depth)).append("]".repeat(depth)).append('}');
                bytes = deep.toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                int from = random.nextInt(bytes.length);
                int to = from + random.nextInt(bytes.length - from + 1);
                bytes = concat(Arrays.copyOf(bytes, from), Arrays.copyOfRange(bytes, to, bytes.length));
            }
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String describe(byte[] input) {
        return input.length + " bytes starting " + HexFormat.of().formatHex(Arrays.copyOf(input, Math.min(24,
                input.length)));
    }
}

package org.ganbook.cli;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ganbook.io.AtomicFile;
import org.ganbook.nn.Upsampling;

/**
 * Everything needed to rebuild a run's networks and trainer, saved as {@code config.json} in the run
 * directory: the model, the data, the sizes, the optimizer settings, the seed and the intervals.
 * {@code ganbook resume} and {@code ganbook sample} read it back, so they need no options about the
 * model.
 *
 * <p>The settings are the fields below; Gson binds them to {@code config.json}, each field's name in
 * snake_case ({@code lrG} is {@code lr_g}), so a new setting is one field, its check in {@link
 * #validate} and its command-line option. The reader is strict: the file must be one JSON object with
 * these keys (unknown keys are rejected, so a typo in a hand-edited file is caught), each of the right
 * type and in range. Every problem is a {@link ConfigException} naming the file and the problem.
 */
public final class RunConfig {

    /** The file name inside a run directory. */
    public static final String FILE = "config.json";

    /** The value of the {@code format} key. */
    static final String FORMAT = "ganbook-run";

    /** The version of the layout written. */
    static final int VERSION = 1;

    /** The largest config file read, in bytes. */
    static final int MAX_BYTES = 1 << 20;

    /** The networks a run trains. */
    public enum Model {
        /** Fully connected G and D ({@code MlpGenerator}, {@code MlpDiscriminator}). */
        MLP("mlp"),
        /** Convolutional G and D ({@code DcganGenerator}, {@code DcganDiscriminator}); images only. */
        DCGAN("dcgan"),
        /** Fully connected, conditioned on the class label; labelled data only. */
        CONDITIONAL_MLP("conditional-mlp"),
        /** Convolutional, conditioned on the class label; labelled images only. */
        CONDITIONAL_DCGAN("conditional-dcgan"),
        /** CycleGAN: G (X → Y), F (Y → X), D_X and D_Y ({@code CycleGanTrainer}); two data sources of one shape. */
        CYCLEGAN("cyclegan");

        private final String id;

        Model(String id) {
            this.id = id;
        }

        /** Returns the name used on the command line and in {@code config.json}. */
        public String id() {
            return id;
        }

        /** Returns whether G and D take a class label. */
        public boolean conditional() {
            return this == CONDITIONAL_MLP || this == CONDITIONAL_DCGAN;
        }

        /** Returns whether the networks are convolutional (the DCGANs; CycleGAN's image translators are tiny). */
        public boolean convolutional() {
            return this == DCGAN || this == CONDITIONAL_DCGAN;
        }

        /** Returns whether the run translates between two domains rather than generating from noise. */
        public boolean cycle() {
            return this == CYCLEGAN;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** The GAN objective. */
    public enum Loss {
        /** G maximises log D(G(z)) (the usual choice). */
        NON_SATURATING("non-saturating"),
        /** G minimises log(1 − D(G(z))), the minimax game as written. */
        MINIMAX("minimax"),
        /** Least-squares GAN. */
        LEAST_SQUARES("least-squares");

        private final String id;

        Loss(String id) {
            this.id = id;
        }

        /** Returns the name used on the command line and in {@code config.json}. */
        public String id() {
            return id;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** The data sets known by name; anything else on the command line is a directory of IDX files. */
    public static final List<String> NAMED_DATA = List.of("ring", "grid", "spiral-arm", "spiral-arm-turned", "mnist",
            "fashion-mnist", "inverted-mnist", "inverted-fashion-mnist");

    /** The data kind of a directory of IDX files. */
    public static final String IDX = "idx";

    /** Writes and copies the settings: the fields below in order, named in snake_case, enums by their ids. */
    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .setPrettyPrinting()
            .serializeNulls()
            .disableHtmlEscaping()
            .registerTypeAdapter(Model.class, byId(Model.values(), Model::id))
            .registerTypeAdapter(Loss.class, byId(Loss.values(), Loss::id))
            .registerTypeAdapter(Upsampling.class, byId(Upsampling.values(), RunConfig::upsamplingId))
            .create();

    /** The settings by their key in the file. */
    private static final Map<String, Field> KEYS = keys();

    String format = FORMAT;
    int version = VERSION;
    Model model = Model.MLP;
    /** ring, grid, mnist, fashion-mnist or idx. */
    String data = "ring";
    /** For idx: the directory; for mnist and fashion-mnist: where to look first, or null. */
    String dataPath;
    /** Use only the first this many images; 0 for all. */
    int limit;
    /** CycleGAN: domain Y, named as {@code data} is (X is {@code data}); null for the other models. */
    String dataY;
    /** CycleGAN: for idx: Y's directory; for mnist and its kin: where to look first, or null. */
    String dataYPath;
    /** CycleGAN: λ, the weight of the cycle-consistency loss. */
    float cycleWeight;
    long[] sampleShape = {2};
    int numClasses;
    int datasetSize;
    int codingSize = 2;
    int[] hidden = {128, 128};
    /** D's hidden widths, first to last (MLP models); empty: G's widths reversed. */
    int[] discriminatorHidden = {};
    int channels = 32;
    Upsampling upsampling = Upsampling.NEAREST_CONV;
    int labelEmbedding;
    int batchSize = 256;
    float lrG = 1e-3f;
    float lrD = 1e-3f;
    Loss loss = Loss.NON_SATURATING;
    int k = 1;
    float labelSmoothing;
    long seed = 42;
    /** From this step on (counted in G's steps) both learning rates are multiplied by lr_drop_factor; 0: never. */
    int lrDropAfter;
    float lrDropFactor = 1f;
    /** PacGAN's packing m: D judges m samples at once; 1 for none. */
    int packing = 1;
    /** The R1 penalty's gamma on D; 0 for none. */
    float r1Gamma;
    int checkpointEvery = 1000;
    int gridEvery = 300;
    int gridCount = 64;

    /** Returns D's hidden widths, first to last: {@code discriminatorHidden}, or G's reversed if it is empty. */
    int[] discriminatorWidths() {
        if (discriminatorHidden != null && discriminatorHidden.length > 0) {
            return discriminatorHidden.clone();
        }
        int[] reversed = new int[hidden.length];
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = hidden[hidden.length - 1 - i];
        }
        return reversed;
    }

    /** Returns whether the samples are 2-D points (drawn as scatter plots rather than images). */
    public boolean isPoints() {
        return sampleShape.length == 1 && sampleShape[0] == 2;
    }

    /** Returns whether the samples are images of shape (channels, height, width). */
    public boolean isImages() {
        return sampleShape.length == 3;
    }

    /** Returns a short description of the sample shape, e.g. {@code 1×28×28}. */
    public String shapeText() {
        StringBuilder text = new StringBuilder();
        for (long d : sampleShape) {
            if (text.length() > 0) {
                text.append('×');
            }
            text.append(d);
        }
        return text.toString();
    }

    /** Returns a one-line description of the run, for the start of a training log. */
    public String summary() {
        if (model.cycle()) {
            return String.format(Locale.ROOT, "%s from %s to %s (%s), batch %d, lr G and F %s, D_X and D_Y %s, %s loss,"
                    + " cycle weight λ %s, seed %d", model, data.equals(IDX) ? dataPath : data,
                    dataY.equals(IDX) ? dataYPath : dataY, shapeText(), batchSize, lrG, lrD, loss, cycleWeight, seed);
        }
        return String.format(Locale.ROOT, "%s on %s (%s%s), coding size %d, batch %d, lr G %s D %s, %s loss, seed %d",
                model, data.equals(IDX) ? dataPath : data, shapeText(),
                numClasses > 0 ? ", " + numClasses + " classes" : "", codingSize, batchSize,
                lrG, lrD, loss, seed)
                + (lrDropAfter > 0 && lrDropFactor < 1 ? ", learning rates x" + lrDropFactor + " from step " + lrDropAfter : "")
                + (packing > 1 ? ", packing " + packing + " (PacGAN)" : "")
                + (r1Gamma > 0 ? ", R1 penalty gamma " + r1Gamma : "");
    }

    // ---------------------------------------------------------------- checks

    /**
     * Checks every value and that the model fits the data.
     *
     * @param source the name to use in messages ({@code config.json} or {@code the command line})
     * @throws ConfigException if something is out of range
     */
    void validate(String source) {
        require(source, model != null, "model is missing");
        require(source, data != null && (NAMED_DATA.contains(data) || data.equals(IDX)),
                "data must be one of " + NAMED_DATA + " or idx, got " + quoted(data));
        require(source, !data.equals(IDX) || (dataPath != null && !dataPath.isBlank()),
                "data_path is required for idx data");
        require(source, dataPath == null || dataPath.chars().noneMatch(RunConfig::isControl),
                "data_path must not contain control characters: " + quoted(dataPath));
        require(source, limit >= 0, "limit must be 0 (all) or positive, got " + limit);
        require(source, model.cycle() == (dataY != null), model.cycle() ? "the cyclegan model needs data_y, domain Y"
                : "data_y is for the cyclegan model");
        require(source, dataY == null || NAMED_DATA.contains(dataY) || dataY.equals(IDX),
                "data_y must be one of " + NAMED_DATA + " or idx, got " + quoted(dataY));
        require(source, dataY == null || !dataY.equals(IDX) || (dataYPath != null && !dataYPath.isBlank()),
                "data_y_path is required for idx data");
        require(source, dataYPath == null || dataYPath.chars().noneMatch(RunConfig::isControl),
                "data_y_path must not contain control characters: " + quoted(dataYPath));
        require(source, Float.isFinite(cycleWeight) && cycleWeight >= 0, "the cycle weight λ must be 0 or positive, got "
                + cycleWeight);
        require(source, sampleShape != null && (sampleShape.length == 1 || sampleShape.length == 3),
                "sample_shape must have 1 or 3 dimensions, got " + Arrays.toString(sampleShape));
        long size = 1;
        for (long d : sampleShape) {
            require(source, d >= 1 && d <= 4096, "sample_shape dimensions must be in 1..4096, got "
                    + Arrays.toString(sampleShape));
            size *= d;
        }
        require(source, size <= 1 << 24, "samples of shape " + shapeText() + " are too large");
        require(source, numClasses >= 0 && numClasses <= 1000, "num_classes must be in 0..1000, got " + numClasses);
        require(source, datasetSize >= 0, "dataset_size must not be negative, got " + datasetSize);
        require(source, codingSize >= 1 && codingSize <= 4096, "coding size must be in 1..4096, got " + codingSize);
        require(source, hidden != null && hidden.length >= 1 && hidden.length <= 8,
                "hidden must list 1 to 8 layer widths, got " + (hidden == null ? "none" : Arrays.toString(hidden)));
        for (int units : hidden) {
            require(source, units >= 1 && units <= 16384, "hidden layer widths must be in 1..16384, got "
                    + Arrays.toString(hidden));
        }
        require(source, discriminatorHidden != null && discriminatorHidden.length <= 8,
                "discriminator_hidden must list 0 (D mirrors G) to 8 layer widths, got "
                        + (discriminatorHidden == null ? "none" : Arrays.toString(discriminatorHidden)));
        for (int units : discriminatorHidden) {
            require(source, units >= 1 && units <= 16384, "discriminator hidden layer widths must be in 1..16384, got "
                    + Arrays.toString(discriminatorHidden));
        }
        require(source, channels >= 1 && channels <= 1024, "channels must be in 1..1024, got " + channels);
        require(source, upsampling != null, "upsampling is missing");
        require(source, labelEmbedding >= 0 && labelEmbedding <= 4096,
                "label embedding must be in 0..4096 (0 for one-hot), got " + labelEmbedding);
        require(source, batchSize >= 1 && batchSize <= 65536, "batch size must be in 1..65536, got " + batchSize);
        require(source, Float.isFinite(lrG) && lrG > 0, "the generator's learning rate must be positive, got " + lrG);
        require(source, Float.isFinite(lrD) && lrD > 0,
                "the discriminator's learning rate must be positive, got " + lrD);
        require(source, loss != null, "loss is missing");
        require(source, k >= 1 && k <= 100, "discriminator steps k must be in 1..100, got " + k);
        require(source, labelSmoothing >= 0 && labelSmoothing < 1,
                "label smoothing must be in [0, 1), got " + labelSmoothing);
        require(source, lrDropAfter >= 0, "lr_drop_after must be 0 (never) or a positive step, got " + lrDropAfter);
        require(source, lrDropFactor > 0 && lrDropFactor <= 1, "lr_drop_factor must be in (0, 1], got " + lrDropFactor);
        require(source, packing >= 1 && packing <= 64 && batchSize % packing == 0,
                "packing must be in 1..64 and divide the batch size " + batchSize + ", got " + packing);
        require(source, packing == 1 || (model == Model.MLP && isPoints()), "packing is for the mlp model on 2-D points");
        require(source, Float.isFinite(r1Gamma) && r1Gamma >= 0, "r1_gamma must be 0 (none) or positive, got " + r1Gamma);
        require(source, checkpointEvery >= 1, "checkpoint interval must be positive, got " + checkpointEvery);
        require(source, gridEvery >= 0, "grid interval must be 0 (none) or positive, got " + gridEvery);
        require(source, gridCount >= 1 && gridCount <= 4096, "grid count must be in 1..4096, got " + gridCount);
        checkModelFitsData(source);
    }

    private void checkModelFitsData(String source) {
        String what = data.equals(IDX) ? "the images in " + dataPath : data;
        if (model.convolutional()) {
            if (!isImages()) {
                throw new ConfigException(source, "the " + model + " model needs images, but " + what
                        + (isPoints() ? " gives 2-D points" : " gives samples of shape " + shapeText())
                        + "; use --model mlp");
            }
            long height = sampleShape[1];
            long width = sampleShape[2];
            if (height != width || height % 4 != 0) {
                throw new ConfigException(source, "the " + model + " model needs square images whose side is a"
                        + " multiple of 4, but " + what + " are " + height + "×" + width + "; use --model mlp");
            }
        }
        if (model.conditional() && numClasses < 1) {
            throw new ConfigException(source, "the " + model + " model needs labelled data, but " + what
                    + " has no labels; use --model " + (model.convolutional() ? "dcgan" : "mlp")
                    + (data.equals(IDX) ? " or add a train-labels-idx1-ubyte file" : ""));
        }
    }

    private static void require(String source, boolean condition, String problem) {
        if (!condition) {
            throw new ConfigException(source, problem);
        }
    }

    // ---------------------------------------------------------------- writing

    /**
     * Returns the configuration as an indented JSON object.
     *
     * @return the JSON text
     */
    public String toJson() {
        return GSON.toJson(this) + "\n";
    }

    /**
     * Writes {@code config.json} into the run directory, atomically (a temporary file renamed over the
     * old one).
     *
     * @param directory the run directory
     * @throws IOException if it cannot be written
     */
    public void write(Path directory) throws IOException {
        AtomicFile.write(directory.resolve(FILE), out -> out.write(toJson().getBytes(StandardCharsets.UTF_8)));
    }

    static String upsamplingId(Upsampling upsampling) {
        return upsampling == Upsampling.TRANSPOSED_CONV ? "transposed-conv" : "nearest-conv";
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads {@code config.json} from a run directory.
     *
     * @param directory the run directory
     * @return the configuration, checked
     * @throws UserException if there is no such file (the message says how to start a run)
     * @throws ConfigException if the file is not a valid configuration
     */
    /** The message for a run directory with a checkpoint but no config.json. */
    static String missingConfig(Path directory) {
        return directory + " has a checkpoint but no " + FILE + ", which is needed to rebuild its networks: put"
                + " " + FILE + " back (a copy from the same run), or `ganbook train --force --out " + directory
                + " ...` starts over";
    }

    public static RunConfig read(Path directory) {
        Path file = directory.resolve(FILE);
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(file.toString(), "larger than " + MAX_BYTES + " bytes; not a ganbook config");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            if (Files.exists(directory.resolve(RunDirectory.CHECKPOINT))) {
                throw new UserException(missingConfig(directory), e);
            }
            throw new UserException("no run in " + directory + " (" + FILE + " is missing); start one with"
                    + " `ganbook train --out " + directory + " ...`", e);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
        return parse(bytes, file.toString());
    }

    /**
     * Parses the content of a {@code config.json}.
     *
     * @param bytes the file's bytes (UTF-8)
     * @param source the name to use in error messages
     * @return the configuration, checked
     * @throws ConfigException if the content is not a valid configuration; never anything else
     */
    public static RunConfig parse(byte[] bytes, String source) {
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(source, "larger than " + MAX_BYTES + " bytes; not a ganbook config");
        }
        RunConfig config = new RunConfig();
        Set<String> seen = new HashSet<>();
        try (Reader text = new InputStreamReader(new ByteArrayInputStream(bytes),
                        StandardCharsets.UTF_8.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT));
                JsonReader in = new JsonReader(text)) {
            in.setStrictness(Strictness.STRICT);
            in.setNestingLimit(8);
            if (in.peek() != JsonToken.BEGIN_OBJECT) {
                throw new ConfigException(source, "expected a JSON object, found " + describe(in.peek()));
            }
            in.beginObject();
            while (in.hasNext()) {
                String key = in.nextName();
                if (!seen.add(key)) {
                    throw new ConfigException(source, "key " + quoted(key) + " appears twice");
                }
                config.readValue(in, key, source);
            }
            in.endObject();
            boolean more;
            try {
                more = in.peek() != JsonToken.END_DOCUMENT;
            } catch (IOException e) {
                more = true;
            }
            if (more) {
                throw new ConfigException(source, "unexpected content after the JSON object");
            }
        } catch (ConfigException e) {
            throw e;
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, "not valid UTF-8 text", e);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(source, "not valid JSON (" + firstLine(e) + ")", e);
        }
        for (String required : List.of("format", "version", "model", "data", "sample_shape", "coding_size")) {
            if (!seen.contains(required)) {
                throw new ConfigException(source, "key \"" + required + "\" is missing");
            }
        }
        config.validate(source);
        return config;
    }

    private void readValue(JsonReader in, String key, String source) throws IOException {
        Field field = KEYS.get(key);
        if (field == null) {
            throw new ConfigException(source, "unknown key " + quoted(key));
        }
        Class<?> type = field.getType();
        Object value;
        if (type == String.class) {
            value = string(in, key, source, key.equals("data_path") || key.equals("data_y") || key.equals("data_y_path"));
        } else if (type == int.class) {
            value = integer(in, key, source);
        } else if (type == long.class) {
            value = longInteger(in, key, source);
        } else if (type == float.class) {
            value = number(in, key, source);
        } else if (type == int[].class) {
            value = integers(in, key, source);
        } else if (type == long[].class) {
            value = Arrays.stream(integers(in, key, source)).asLongStream().toArray();
        } else if (type == Model.class) {
            value = choice(string(in, key, source, false), Model.values(), Model::id, key, source);
        } else if (type == Loss.class) {
            value = choice(string(in, key, source, false), Loss.values(), Loss::id, key, source);
        } else if (type == Upsampling.class) {
            value = choice(string(in, key, source, false), Upsampling.values(), RunConfig::upsamplingId, key, source);
        } else {
            throw new IllegalStateException("no reader for the setting " + field.getName() + " of type " + type);
        }
        if (key.equals("format") && !FORMAT.equals(value)) {
            throw new ConfigException(source, "not a ganbook run configuration (format is " + quoted((String) value) + ")");
        }
        if (key.equals("version") && !value.equals(VERSION)) {
            throw new ConfigException(source, "unsupported version " + value + "; this ganbook reads " + VERSION);
        }
        try {
            field.set(this, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Field> keys() {
        Map<String, Field> keys = new LinkedHashMap<>();
        for (Field field : RunConfig.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                keys.put(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES.translateName(field), field);
            }
        }
        return keys;
    }

    /** Writes an enum as its id and reads it back. */
    private static <E extends Enum<E>> TypeAdapter<E> byId(E[] values, Function<E, String> id) {
        return new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, E value) throws IOException {
                out.value(value == null ? null : id.apply(value));
            }

            @Override
            public E read(JsonReader in) throws IOException {
                String text = in.nextString();
                for (E value : values) {
                    if (id.apply(value).equals(text)) {
                        return value;
                    }
                }
                throw new IOException("unknown value " + text);
            }
        };
    }

    private static String string(JsonReader in, String key, String source, boolean nullable) throws IOException {
        JsonToken token = in.peek();
        if (token == JsonToken.NULL && nullable) {
            in.nextNull();
            return null;
        }
        if (token != JsonToken.STRING) {
            throw new ConfigException(source, "\"" + key + "\" must be a string, found " + describe(token));
        }
        return in.nextString();
    }

    private static long longInteger(JsonReader in, String key, String source) throws IOException {
        JsonToken token = in.peek();
        if (token != JsonToken.NUMBER) {
            throw new ConfigException(source, "\"" + key + "\" must be a whole number, found " + describe(token));
        }
        String text = in.nextString();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ConfigException(source, "\"" + key + "\" must be a whole number, got " + text, e);
        }
    }

    private static int integer(JsonReader in, String key, String source) throws IOException {
        long value = longInteger(in, key, source);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ConfigException(source, "\"" + key + "\" is out of range: " + value);
        }
        return (int) value;
    }

    private static float number(JsonReader in, String key, String source) throws IOException {
        JsonToken token = in.peek();
        if (token != JsonToken.NUMBER) {
            throw new ConfigException(source, "\"" + key + "\" must be a number, found " + describe(token));
        }
        String text = in.nextString();
        try {
            float value = Float.parseFloat(text);
            if (!Float.isFinite(value)) {
                throw new ConfigException(source, "\"" + key + "\" is out of range: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(source, "\"" + key + "\" must be a number, got " + text, e);
        }
    }

    private static int[] integers(JsonReader in, String key, String source) throws IOException {
        if (in.peek() != JsonToken.BEGIN_ARRAY) {
            throw new ConfigException(source, "\"" + key + "\" must be an array of whole numbers, found "
                    + describe(in.peek()));
        }
        List<Integer> values = new ArrayList<>();
        in.beginArray();
        while (in.hasNext()) {
            if (values.size() >= 16) {
                throw new ConfigException(source, "\"" + key + "\" has too many entries");
            }
            values.add(integer(in, key, source));
        }
        in.endArray();
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static <E extends Enum<E>> E choice(
            String value, E[] options, Function<E, String> id, String key, String source) {
        List<String> names = new ArrayList<>();
        for (E option : options) {
            if (id.apply(option).equals(value)) {
                return option;
            }
            names.add(id.apply(option));
        }
        throw new ConfigException(source, quoted(key) + " must be one of " + names + ", got " + quoted(value));
    }

    /** A value from the file, quoted for a one-line message: control characters escaped, long ones cut. */
    static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < value.length() && i < 60; i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.append(value.length() > 60 ? "…\"" : "\"").toString();
    }

    private static boolean isControl(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "an array";
            case BEGIN_OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            case END_DOCUMENT -> "the end of the file";
            default -> token.toString();
        };
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        // Gson's advice to turn on lenient parsing is for programmers, not for a ganbook user
        return message.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON ", "")
                .trim();
    }

    /** Returns a copy, for commands that override a few settings. */
    RunConfig copy() {
        return GSON.fromJson(GSON.toJson(this), RunConfig.class);
    }
}

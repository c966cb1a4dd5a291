package org.ganbook.cli;

import java.util.ArrayList;
import java.util.List;
import org.ganbook.nn.Upsampling;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line values with readable names: {@code conditional-mlp}, {@code least-squares}, … */
final class Converters {

    private Converters() {}

    static <E extends Enum<E>> E choose(String value, E[] options) {
        List<String> names = new ArrayList<>();
        for (E option : options) {
            if (option.toString().equalsIgnoreCase(value)) {
                return option;
            }
            names.add(option.toString());
        }
        throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", names));
    }

    /** --model. */
    static final class ModelConverter implements ITypeConverter<RunConfig.Model> {
        @Override
        public RunConfig.Model convert(String value) {
            return choose(value, RunConfig.Model.values());
        }
    }

    /** --loss. */
    static final class LossConverter implements ITypeConverter<RunConfig.Loss> {
        @Override
        public RunConfig.Loss convert(String value) {
            return choose(value, RunConfig.Loss.values());
        }
    }

    /** --upsampling. */
    static final class UpsamplingConverter implements ITypeConverter<Upsampling> {
        @Override
        public Upsampling convert(String value) {
            if (value.equalsIgnoreCase("nearest-conv")) {
                return Upsampling.NEAREST_CONV;
            }
            if (value.equalsIgnoreCase("transposed-conv")) {
                return Upsampling.TRANSPOSED_CONV;
            }
            throw new TypeConversionException("'" + value + "' is not one of nearest-conv, transposed-conv");
        }
    }
}

package org.ganbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the command line in this JVM and captures what it prints. */
final class Cli {

    /** Small, fast settings for the ring, used unless a test says otherwise. */
    static final String[] SMALL_RING = {"--hidden", "16,16", "--batch-size", "32", "--progress", "none"};

    private Cli() {}

    record Result(int code, String out, String err) {

        /** Asserts a user mistake: exit 2, a message on stderr, no stack trace. */
        Result assertUsageError(String... fragments) {
            assertEquals(GanbookCli.EXIT_USAGE, code, () -> "exit code; stderr: " + err + "\nstdout: " + out);
            assertNoStackTrace();
            for (String fragment : fragments) {
                if (!err.contains(fragment)) {
                    throw new AssertionError("stderr should contain '" + fragment + "' but is:\n" + err);
                }
            }
            return this;
        }

        void assertNoStackTrace() {
            assertFalse(err.contains("\tat ") || err.contains("Exception"), () -> "a stack trace or exception name: "
                    + err);
            assertFalse(out.contains("\tat ") || out.contains("Exception"), () -> "a stack trace on stdout: " + out);
        }

        /** Returns the error output's lines, without blank ones. */
        List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = GanbookCli.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code train --data ring --out DIR --steps N} with {@link #SMALL_RING} and extra arguments. */
    static Result trainRing(Path out, int steps, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--data", "ring", "--out", out.toString(),
                "--steps", Integer.toString(steps)));
        args.addAll(Arrays.asList(SMALL_RING));
        args.addAll(Arrays.asList(extra));
        return run(args.toArray(String[]::new));
    }
}

package org.ganbook.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.ganbook.data.DatasetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ganbook} command line: {@code train}, {@code resume}, {@code sample} and {@code soak}.
 *
 * <p>Exit codes: 0 done; 1 an unexpected error (with its stack trace) or an input/output failure; 2
 * a usage or input mistake (an unknown option, bad data, data that does not fit the model; one line,
 * no stack trace); 3 training diverged (the last good checkpoint is kept); 130 stopped by Ctrl-C and
 * 143 by SIGTERM, after saving a checkpoint.
 */
@Command(
        name = "ganbook",
        mixinStandardHelpOptions = true,
        versionProvider = GanbookCli.Version.class,
        description = {
            "Trains generative adversarial networks with the ganbook library, resumes",
            "runs, and draws samples from their checkpoints.",
            ""
        },
        subcommands = {
            TrainCommand.class,
            ResumeCommand.class,
            SampleCommand.class,
            SoakCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    done",
            "  1    unexpected error, or a file could not be read or written",
            "  2    usage or input mistake: an unknown option, bad or missing data,",
            "       data that does not fit the model",
            "  3    training diverged (NaN or infinite loss); the last good checkpoint",
            "       is kept",
            "  130  stopped by Ctrl-C after saving a checkpoint (143: SIGTERM)",
            "",
            "Examples:",
            "  ganbook train --data ring --steps 3000 --out runs/ring",
            "  ganbook resume --out runs/ring --steps 3000",
            "  ganbook sample --out runs/ring --count 64 --png ring.png"
        })
public final class GanbookCli implements Callable<Integer> {

    /** Exit code of a finished command. */
    public static final int EXIT_OK = 0;

    /** Exit code of an unexpected error or a failed read or write. */
    public static final int EXIT_ERROR = 1;

    /** Exit code of a usage or input mistake. */
    public static final int EXIT_USAGE = 2;

    /** Exit code of a run whose training diverged. */
    public static final int EXIT_DIVERGED = 3;

    /** Environment variable that, set to 1, adds stack traces to every error message. */
    public static final String DEBUG_VARIABLE = "GANBOOK_DEBUG";

    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    GanbookCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Without a command: say which commands there are. */
    @Override
    public Integer call() {
        err.println("ganbook: a command is needed: train, resume, sample or soak");
        err.println("Try 'ganbook --help' for more information.");
        return EXIT_USAGE;
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line without exiting.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new GanbookCli(out, err));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine command = ex.getCommandLine();
            PrintWriter writer = command.getErr();
            String name = command.getCommandSpec().qualifiedName();
            // one line: the mistake, a suggestion if picocli has one, and where to look
            java.util.List<String> suggestions = ex instanceof CommandLine.UnmatchedArgumentException unmatched
                    ? unmatched.getSuggestions() : java.util.List.of();
            String message = String.valueOf(ex.getMessage()).replaceAll("\\s*\\R\\s*", " ").trim();
            writer.println(name + ": " + message
                    + (suggestions.isEmpty() ? message.matches(".*[.?!]$") ? "" : "."
                            : "; did you mean " + String.join(" or ", suggestions) + "?")
                    + " Try '" + name + " --help' for the options.");
            writer.flush();
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, command, parseResult) -> report(ex, err));
        return commandLine.execute(args);
    }

    static int report(Exception ex, PrintStream err) {
        boolean debug = "1".equals(System.getenv(DEBUG_VARIABLE));
        int code;
        if (ex instanceof UserException || ex instanceof DatasetException || ex instanceof IllegalArgumentException) {
            err.println("ganbook: error: " + ex.getMessage());
            code = EXIT_USAGE;
        } else if (ex instanceof IOException io) {
            err.println("ganbook: error: " + describe(io));
            code = EXIT_ERROR;
        } else if (ex instanceof UncheckedIOException unchecked) {
            err.println("ganbook: error: " + unchecked.getMessage().replaceAll(": [^:]*Exception: .*", "") + " ("
                    + reason(unchecked.getCause()) + ")");
            code = EXIT_ERROR;
        } else {
            err.println("ganbook: unexpected error: " + ex);
            ex.printStackTrace(err);
            return EXIT_ERROR;
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        return code;
    }

    /**
     * An input/output error in words: the file and the operating system's reason where the
     * exception has them (a bare {@code NoSuchFileException} says only the path).
     */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": " + reason(e);
        }
        return e.getMessage() != null ? e.getMessage() : reason(e);
    }

    /** The reason of an input/output error in a few words. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            if (e instanceof java.nio.file.NoSuchFileException) {
                return "no such file or directory";
            }
            if (e instanceof java.nio.file.AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof java.nio.file.FileAlreadyExistsException) {
                return "a file of that name is in the way";
            }
            if (e instanceof java.nio.file.DirectoryNotEmptyException) {
                return "a non-empty directory is in the way";
            }
            if (e instanceof java.nio.file.NotDirectoryException) {
                return "not a directory";
            }
            return e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Reports the version from the jar's manifest, or the development version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = GanbookCli.class.getPackage().getImplementationVersion();
            return new String[] {"ganbook " + (version != null ? version : "0.1.0-SNAPSHOT")};
        }
    }
}

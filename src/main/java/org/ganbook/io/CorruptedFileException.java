package org.ganbook.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that exists but cannot be used: of another kind, truncated, damaged or from another version. */
public class CorruptedFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * Creates the exception; the message names the file and the reason.
     *
     * @param file the file that cannot be used
     * @param reason what is wrong with it
     */
    public CorruptedFileException(Path file, String reason) {
        this(file, reason, null);
    }

    /**
     * Creates the exception with the error that revealed the problem.
     *
     * @param file the file that cannot be used
     * @param reason what is wrong with it
     * @param cause the underlying error, or null
     */
    public CorruptedFileException(Path file, String reason, Throwable cause) {
        super(file + " cannot be used: " + reason, cause);
        this.file = file;
    }

    /** Returns the file that cannot be used. */
    public Path file() {
        return file;
    }
}

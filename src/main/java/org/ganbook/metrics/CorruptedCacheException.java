package org.ganbook.metrics;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A cached classifier file exists but cannot be used: it is truncated, its checksum does not match,
 * it was written by an incompatible version, or it belongs to other data. {@link
 * ImageClassifier#trainOrLoad} reports it as a warning and trains the classifier again, replacing
 * the file; {@link ImageClassifier#load(Path)} throws it.
 */
public class CorruptedCacheException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file that could not be used. */
    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param file the cached file that could not be used
     * @param reason what is wrong with it
     */
    public CorruptedCacheException(Path file, String reason) {
        this(file, reason, null);
    }

    /**
     * Creates the exception with an underlying cause.
     *
     * @param file the cached file that could not be used
     * @param reason what is wrong with it
     * @param cause the error that revealed the problem, or null
     */
    public CorruptedCacheException(Path file, String reason, Throwable cause) {
        super("Cached classifier file " + file + " is corrupted or unusable: " + reason, cause);
        this.file = file;
    }

    /**
     * Returns the file that could not be used.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }
}

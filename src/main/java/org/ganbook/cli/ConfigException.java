package org.ganbook.cli;

/**
 * A run's {@code config.json} cannot be used: it is not JSON, a key is unknown or missing, or a value
 * has the wrong type or is out of range. The message starts with the file's name and states the
 * exact problem. This is the only exception {@link RunConfig#read} and {@link RunConfig#parse} throw
 * for bad content.
 */
public class ConfigException extends UserException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param source the file, as a name a person recognises
     * @param problem the exact problem
     */
    public ConfigException(String source, String problem) {
        super(source + ": " + problem);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param source the file, as a name a person recognises
     * @param problem the exact problem
     * @param cause the underlying error
     */
    public ConfigException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}

package org.ganbook.cli;

/**
 * A mistake the user can fix: a bad option value, data that does not fit the model, a run directory
 * that is missing or already taken. The command line prints its message on one line, without a
 * stack trace, and exits with {@link GanbookCli#EXIT_USAGE}.
 */
public class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it, for a person to read
     */
    public UserException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong and how to fix it, for a person to read
     * @param cause the underlying error
     */
    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}

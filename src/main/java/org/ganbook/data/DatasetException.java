package org.ganbook.data;

/**
 * The common parent of the data package's errors: a data set that cannot be found or cannot be read.
 *
 * <p>It is unchecked so that a notebook cell or a training loop can load data in one line; every
 * message is written for a person and says what went wrong and where.
 */
public class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for a person to read
     */
    public DatasetException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, for a person to read
     * @param cause the underlying error
     */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}

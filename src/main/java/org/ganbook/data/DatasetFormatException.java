package org.ganbook.data;

/**
 * A data file exists but its content is not what its format requires: a wrong magic number, a header
 * that disagrees with the payload, malformed JSON, a value out of range.
 *
 * <p>The message starts with the file's name and then states the exact problem, for example {@code
 * "t10k-images-idx3-ubyte.gz: truncated: header says 10000×28×28 = 7840000 bytes of pixels, found
 * 1234"}.
 */
public class DatasetFormatException extends DatasetException {

    private static final long serialVersionUID = 1L;

    /** The name of the malformed file or input. */
    private final String source;

    /** The problem, without the file name. */
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param source the file (or other input) that is malformed, as a name a person recognises
     * @param problem the exact problem, without the file name
     */
    public DatasetFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /**
     * Creates the exception with its cause.
     *
     * @param source the file (or other input) that is malformed, as a name a person recognises
     * @param problem the exact problem, without the file name
     * @param cause the underlying error
     */
    public DatasetFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** Returns the name of the malformed file or input. */
    public String source() {
        return source;
    }

    /** Returns the problem, without the file name. */
    public String problem() {
        return problem;
    }
}

package org.ganbook.data;

import java.util.List;

/**
 * A data set was looked for and not found. The message lists every place that was searched, and
 * why each did not qualify, followed by the ways to get the data.
 */
public class DatasetNotFoundException extends DatasetException {

    private static final long serialVersionUID = 1L;

    /** Each place searched, with the reason it did not qualify. */
    private final List<String> placesLooked;

    /**
     * Creates the exception.
     *
     * @param message the full message, including the places looked and how to get the data
     * @param placesLooked each place searched, with the reason it did not qualify
     */
    public DatasetNotFoundException(String message, List<String> placesLooked) {
        super(message);
        this.placesLooked = List.copyOf(placesLooked);
    }

    /** Returns each place searched, with the reason it did not qualify, in search order. */
    public List<String> placesLooked() {
        return placesLooked;
    }
}

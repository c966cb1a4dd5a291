package org.ganbook.notebook;

import java.util.Map;

/**
 * Outputs of the running notebook cell that can be replaced in place (Jupyter's {@code display_data}
 * with a display id, then {@code update_display_data}). Each output is a MIME bundle: MIME type to
 * content ({@code text/plain}, {@code text/html}, base64 {@code image/png}).
 */
public interface CellOutput {

    /**
     * Adds an output to the running cell.
     *
     * @param bundle MIME type to content
     * @return the output's display id, for {@link #update}
     */
    String display(Map<String, String> bundle);

    /**
     * Replaces an output shown earlier, wherever it is.
     *
     * @param id the display id {@link #display} returned
     * @param bundle MIME type to content
     */
    void update(String id, Map<String, String> bundle);
}

package org.ganbook.notebook;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as an HTML table, the way a notebook shows a pandas data frame: the table's name as
 * caption, a header row, numbers right-aligned and printed with the columns' own formatters, and long
 * tables cut to their first and last rows with a "…" row between and the size below. The kernel's
 * start-up script registers it, so a cell ending in a table ({@code trainer.history()}) shows this.
 */
public final class TableHtml {

    /** How many rows a table shows at most before it is cut to its head and tail (as pandas does). */
    public static final int DEFAULT_MAX_ROWS = 20;

    private TableHtml() {}

    /**
     * Renders a table with at most {@link #DEFAULT_MAX_ROWS} rows.
     *
     * @param table the table
     * @return the HTML
     */
    public static String of(Table table) {
        return of(table, DEFAULT_MAX_ROWS);
    }

    /**
     * Renders a table, showing all rows if there are at most {@code maxRows}, else the first and the last
     * {@code maxRows / 2} with a "…" row between.
     *
     * @param table the table
     * @param maxRows the most rows to show, at least 2
     * @return the HTML
     * @throws IllegalArgumentException if the table is null or {@code maxRows} is below 2
     */
    public static String of(Table table, int maxRows) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        if (maxRows < 2) {
            throw new IllegalArgumentException("maxRows must be at least 2, got " + maxRows);
        }
        int rows = table.rowCount();
        int columns = table.columnCount();
        boolean cut = rows > maxRows;
        int head = cut ? maxRows / 2 : rows;
        int tailStart = cut ? rows - (maxRows - head) : rows;

        StringBuilder html = new StringBuilder();
        html.append("<table class=\"dataframe tablesaw\">\n");
        String name = table.name();
        if (name != null && !name.isBlank()) {
            html.append("<caption style=\"caption-side: top; text-align: left; font-weight: bold\">")
                    .append(escape(name)).append("</caption>\n");
        }
        html.append("<thead><tr><th></th>");
        for (int c = 0; c < columns; c++) {
            Column<?> column = table.column(c);
            html.append("<th title=\"").append(escape(typeName(column.type()))).append("\">")
                    .append(escape(column.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < head; r++) {
            row(html, table, r);
        }
        if (cut) {
            html.append("<tr><th>…</th>");
            for (int c = 0; c < columns; c++) {
                html.append("<td>…</td>");
            }
            html.append("</tr>\n");
            for (int r = tailStart; r < rows; r++) {
                row(html, table, r);
            }
        }
        html.append("</tbody>\n</table>\n");
        html.append("<p>").append(rows).append(rows == 1 ? " row" : " rows").append(" × ")
                .append(columns).append(columns == 1 ? " column" : " columns").append("</p>");
        return html.toString();
    }

    private static void row(StringBuilder html, Table table, int r) {
        html.append("<tr><th>").append(r).append("</th>");
        for (int c = 0; c < table.columnCount(); c++) {
            Column<?> column = table.column(c);
            String align = column instanceof NumericColumn<?> ? " style=\"text-align: right\"" : "";
            html.append("<td").append(align).append('>').append(escape(column.getString(r))).append("</td>");
        }
        html.append("</tr>\n");
    }

    private static String typeName(ColumnType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Escapes text for HTML content and attribute values.
     *
     * @param text the text (null gives "")
     * @return the escaped text
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}

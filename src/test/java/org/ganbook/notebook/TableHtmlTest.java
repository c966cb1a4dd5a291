package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableHtmlTest {

    private static Table numbers(int rows) {
        IntColumn k = IntColumn.create("k");
        DoubleColumn x = DoubleColumn.create("x");
        for (int i = 0; i < rows; i++) {
            k.append(i * 10);
            x.append(i + 0.5);
        }
        return Table.create("numbers", k, x);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void escapesNamesAndCells() {
        Table table = Table.create("a <b> & \"c\"", StringColumn.create("<col>", "x<y", "'q'"));
        String html = TableHtml.of(table);
        assertTrue(html.contains("a &lt;b&gt; &amp; &quot;c&quot;"), html);
        assertTrue(html.contains(">&lt;col&gt;</th>"), html);
        assertTrue(html.contains(">x&lt;y</td>"), html);
        assertTrue(html.contains(">&#39;q&#39;</td>"), html);
        assertFalse(html.contains("x<y"), html);
    }

    @Test
    void shortTablesShowEveryRow() {
        String html = TableHtml.of(numbers(20));
        assertEquals(20 + 1, count(html, "<tr><th>"), html);   // the header and one per body row
        assertFalse(html.contains("…"));
        assertTrue(html.contains("20 rows × 2 columns"), html);
    }

    @Test
    void longTablesShowHeadAndTailWithAGap() {
        String html = TableHtml.of(numbers(25), 6);
        assertEquals(1 + 7, count(html, "<tr><th>"), html);    // the header, 3 head + the gap + 3 tail
        assertTrue(html.contains("<tr><th>0</th>") && html.contains("<tr><th>2</th>"), html);
        assertFalse(html.contains("<tr><th>3</th>"), html);
        assertTrue(html.contains("<tr><th>22</th>") && html.contains("<tr><th>24</th>"), html);
        assertTrue(html.contains("<tr><th>…</th>"), html);
        assertTrue(html.contains("25 rows × 2 columns"), html);
    }

    @Test
    void numbersAlignRightAndTypesShowInTheHeader() {
        String html = TableHtml.of(Table.create("t", IntColumn.create("n", new int[] {7}), StringColumn.create("s", "w")));
        assertTrue(html.contains("<td style=\"text-align: right\">7</td>"), html);
        assertTrue(html.contains("<td>w</td>"), html);
        assertTrue(html.contains("title=\"integer\">n</th>") && html.contains("title=\"string\">s</th>"), html);
        assertTrue(html.contains("1 row × 2 columns"), html);
    }

    @Test
    void usesTheColumnsPrintFormat() {
        Table table = numbers(2);
        table.doubleColumn("x").setPrintFormatter(
                tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(3));
        assertTrue(TableHtml.of(table).contains(">1.500</td>"), TableHtml.of(table));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> TableHtml.of(null));
        assertThrows(IllegalArgumentException.class, () -> TableHtml.of(numbers(3), 1));
    }
}

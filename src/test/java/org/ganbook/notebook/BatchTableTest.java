package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class BatchTableTest {

    @Test
    void realRowsComeFirstWithLabelOneThenFakeRowsWithLabelZero() {
        Table t = BatchTable.concatenate(new float[] {1, 2, 3, 4}, new float[] {5, 6, 7, 8, 9, 10}, 2);
        assertEquals(List.of("x", "y", "label"), t.columnNames());
        assertEquals(5, t.rowCount());
        assertArrayEquals(new double[] {1, 3, 5, 7, 9}, t.doubleColumn("x").asDoubleArray());
        assertArrayEquals(new double[] {2, 4, 6, 8, 10}, t.doubleColumn("y").asDoubleArray());
        assertArrayEquals(new int[] {1, 1, 0, 0, 0}, t.intColumn("label").asIntArray());
    }

    @Test
    void namesColumnsByDimension() {
        assertEquals(List.of("x", "label"), BatchTable.concatenate(new float[] {1}, new float[] {2}, 1).columnNames());
        assertEquals(List.of("x1", "x2", "x3", "label"),
                BatchTable.concatenate(new float[] {1, 2, 3}, new float[0], 3).columnNames());
    }

    @Test
    void rejectsPartialSamples() {
        assertThrows(IllegalArgumentException.class, () -> BatchTable.concatenate(new float[] {1, 2, 3}, new float[0], 2));
        assertThrows(IllegalArgumentException.class, () -> BatchTable.concatenate(null, new float[0], 2));
        assertThrows(IllegalArgumentException.class, () -> BatchTable.concatenate(new float[0], new float[0], 0));
    }
}

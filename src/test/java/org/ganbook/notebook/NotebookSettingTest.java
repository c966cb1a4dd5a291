package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code full(a).quick(b)} is the full-run value unless the notebook runs in quick mode. */
class NotebookSettingTest {

    @Test
    void givesTheValueOfThisRunsMode() {
        int steps = Notebook.full(3000).quick(1500);
        assertEquals(Notebook.quick() ? 1500 : 3000, steps);
        long[] seeds = Notebook.full(new long[] {42, 1, 2}).quick(new long[] {42});
        assertArrayEquals(Notebook.quick() ? new long[] {42} : new long[] {42, 1, 2}, seeds);
    }
}

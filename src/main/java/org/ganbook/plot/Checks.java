package org.ganbook.plot;

import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Argument checks that throw {@link IllegalArgumentException} with a message naming the problem. */
final class Checks {

    private Checks() {}

    static void nonEmpty(double[] a, String name) {
        if (a == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }

    static void sameLength(double[] a, String aName, double[] b, String bName) {
        if (b == null) {
            throw new IllegalArgumentException(bName + " is null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("mismatched lengths: " + aName + " has " + a.length
                    + " values but " + bName + " has " + b.length);
        }
    }

    /** Checks a flat array of (x, y) pairs; null is allowed when {@code optional}. */
    static void pairs(float[] a, String name, boolean optional) {
        if (a == null) {
            if (optional) {
                return;
            }
            throw new IllegalArgumentException(name + " is null");
        }
        if (a.length % 2 != 0) {
            throw new IllegalArgumentException(name + " must hold (x, y) pairs, but its length "
                    + a.length + " is odd");
        }
    }

    static void notEmpty(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table '" + table.name() + "' is empty");
        }
    }

    /** The named column as doubles, or an exception naming the missing or non-numeric column. */
    static double[] numericColumn(Table table, String name) {
        if (name == null) {
            throw new IllegalArgumentException("column name is null");
        }
        if (!table.containsColumn(name)) {
            List<String> have = table.columnNames();
            throw new IllegalArgumentException("missing column '" + name + "'; the table has " + have);
        }
        Column<?> c = table.column(name);
        if (!(c instanceof NumericColumn<?> n)) {
            throw new IllegalArgumentException("column '" + name + "' is not numeric (it is "
                    + c.type().name() + ")");
        }
        return n.asDoubleArray();
    }

    static int positive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
        return v;
    }
}

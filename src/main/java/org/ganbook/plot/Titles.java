package org.ganbook.plot;

/**
 * The words on a chart: its title and its two axis titles, named where they are set, so that a
 * call reads {@code Titles.of("What D learned").xAxis("x").yAxis("D(x)")} instead of three strings
 * in a row.
 *
 * @param title the chart's title, written for the reader
 * @param xAxis the x axis title
 * @param yAxis the y axis title
 */
public record Titles(String title, String xAxis, String yAxis) {

    /** Null parts become empty. */
    public Titles {
        title = title == null ? "" : title;
        xAxis = xAxis == null ? "" : xAxis;
        yAxis = yAxis == null ? "" : yAxis;
    }

    /** A chart title, with no axis titles yet. */
    public static Titles of(String title) {
        return new Titles(title, "", "");
    }

    /** The same titles with this x axis title. */
    public Titles xAxis(String xAxisTitle) {
        return new Titles(title, xAxisTitle, yAxis);
    }

    /** The same titles with this y axis title. */
    public Titles yAxis(String yAxisTitle) {
        return new Titles(title, xAxis, yAxisTitle);
    }
}

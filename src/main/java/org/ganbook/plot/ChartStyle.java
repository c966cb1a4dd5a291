package org.ganbook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The common look of every XChart figure: white, no borders, light grid, legend below the plot. */
final class ChartStyle {

    static final String FONT_FAMILY = Font.SANS_SERIF;
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 15);
    static final Font AXIS_TITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);

    static final BasicStroke SOLID = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke MEDIUM = new BasicStroke(1.3f, BasicStroke.CAP_ROUND,
            BasicStroke.JOIN_ROUND);
    static final BasicStroke THIN = new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 5f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(2.2f, BasicStroke.CAP_ROUND,
            BasicStroke.JOIN_ROUND, 10f, new float[] {0.1f, 5f}, 0f);
    static final BasicStroke REFERENCE = new BasicStroke(1.3f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);

    private ChartStyle() {}

    static XYChart xyChart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title == null ? "" : title)
                .xAxisTitle(xTitle == null ? "" : xTitle).yAxisTitle(yTitle == null ? "" : yTitle)
                .build();
        apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(ChartStyle::tickLabel);
        return chart;
    }

    /**
     * When all x values of a chart are equally spaced, XChart puts its x ticks on every k-th data
     * value (0, 1,820, 3,640 …, or −4, −3.2, −2.4 …) instead of round steps. It decides this from
     * the x values of all series in the order they were added, so an invisible first series at the
     * two ends of the range, which adds no point and no legend entry, brings back round steps.
     */
    private static void roundXTicks(XYChart chart, double[] x, double[] y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double anyY = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
                if (Double.isNaN(anyY)) {
                    anyY = y[i];
                }
            }
        }
        if (!(lo < hi) || x.length < 3) {
            return;
        }
        XYSeries anchor = chart.addSeries("\u200b", new double[] {lo, hi}, new double[] {anyY, anyY});
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setLineColor(new Color(0, 0, 0, 0));
        anchor.setShowInLegend(false);
    }

    /** Tick label: whole numbers with thousands separators, others without trailing zeros. */
    static String tickLabel(Double v) {
        if (v == null || v.isNaN()) {
            return "";
        }
        double r = Math.rint(v);
        if (Math.abs(v - r) < 1e-9 * Math.max(1, Math.abs(v)) && Math.abs(r) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) r);
        }
        return new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }

    static void apply(AxesChartStyler s) {
        s.setAntiAlias(true);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartFontColor(Palette.TEXT);
        s.setChartTitleFont(TITLE_FONT);
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(8);
        s.setChartPadding(12);
        s.setAxisTitleFont(AXIS_TITLE_FONT);
        s.setAxisTickLabelsFont(TICK_FONT);
        s.setAxisTickLabelsColor(Palette.TEXT);
        s.setAxisTickMarksColor(new Color(0xB0, 0xB0, 0xB0));
        s.setAxisTicksLineVisible(false);
        s.setAxisTicksMarksVisible(false);
        s.setXAxisTickMarkSpacingHint(90);
        s.setPlotTicksMarksVisible(false);
        s.setPlotGridLinesVisible(true);
        s.setPlotGridLinesColor(Palette.GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setPlotMargin(6);
        s.setLegendVisible(true);
        s.setLegendFont(LEGEND_FONT);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendPadding(6);
        s.setLegendSeriesLineLength(28);
        s.setToolTipsEnabled(false);
    }

    static void apply(CategoryChart chart) {
        apply(chart.getStyler());
    }

    /** Adds a plain line (no markers) with the given colour and stroke. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color,
            BasicStroke stroke) {
        if (chart.getSeriesMap().isEmpty()) {
            roundXTicks(chart, x, y);
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        if (stroke.getDashArray() != null && x.length > 2) {
            // XChart strokes a plain line segment by segment, restarting the dash pattern each time,
            // so a dashed curve of many short segments looks solid. A smooth series is stroked as
            // one path; on densely sampled curves it is indistinguishable from straight segments.
            s.setSmooth(true);
        }
        return s;
    }
}

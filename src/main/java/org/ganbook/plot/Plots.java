package org.ganbook.plot;

import ai.djl.ndarray.NDArray;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.ganbook.data.DatasetArrays;
import org.ganbook.data.ImageDataset;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.Table;

/**
 * The figures of the notebooks, each one call that returns a {@link BufferedImage}: a notebook cell
 * that ends with one of these calls shows the picture inline as PNG.
 *
 * <p>Colours mean the same thing in every figure (see {@link Palette}): real data is black, fake data
 * and the generator are green, the discriminator is blue. Charts are drawn with XChart; the 2-D maps
 * and image grids are drawn with Java2D. Every method checks its input and throws
 * {@link IllegalArgumentException} with a message that names the problem.
 */
public final class Plots {

    /** Default width of a single chart, in pixels. */
    public static final int WIDTH = 640;

    /** Default height of a single chart, in pixels. */
    public static final int HEIGHT = 400;

    /** Histories longer than this are smoothed (moving average) with the raw values drawn faintly. */
    static final int SMOOTH_ABOVE = 100;

    /** Behind a smoothed curve, at most this many raw values are drawn. */
    static final int RAW_POINTS = 400;

    /** Height of the legend strips drawn below composed figures. */
    static final int LEGEND_HEIGHT = 34;

    private Plots() {}

    // ---------------------------------------------------------------- training history

    /**
     * The discriminator's and the generator's loss against the iteration, from a training history
     * with columns {@code iteration}, {@code d_loss} and {@code g_loss}. Long histories (more than
     * 100 rows) are drawn as a centred moving average, with the raw values as a faint line behind.
     *
     * @param history the training history
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}
     * @throws IllegalArgumentException if the table is empty or a column is missing
     */
    public static BufferedImage losses(Table history) {
        return losses(history, null);
    }

    /**
     * {@link #losses(Table)} with the run's name before the title, e.g. "DCGAN: Discriminator and
     * generator loss", for pictures that show several runs.
     *
     * @param history the training history
     * @param titlePrefix the run's name, or null or blank for the plain title
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}
     * @throws IllegalArgumentException if the table is empty or a column is missing
     */
    public static BufferedImage losses(Table history, String titlePrefix) {
        Checks.notEmpty(history);
        double[] it = Checks.numericColumn(history, "iteration");
        double[] d = Checks.numericColumn(history, "d_loss");
        double[] g = Checks.numericColumn(history, "g_loss");
        int window = smoothingWindow(it.length);
        XYChart chart = ChartStyle.xyChart(WIDTH, HEIGHT, prefixed(titlePrefix, "Discriminator and generator loss"),
                iterationTitle(window, it.length), "loss");
        addSmoothed(chart, "D loss", it, d, Palette.DISCRIMINATOR, window);
        addSmoothed(chart, "G loss", it, g, Palette.GENERATOR, window);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * The discriminator's mean output on real samples, D(x), and on fake samples, D(G(z)), against
     * the iteration, with a dashed reference line at 1/2 where a perfectly fooled discriminator
     * sits. Uses the columns {@code iteration}, {@code d_real} and {@code d_fake}; long histories
     * are smoothed as in {@link #losses(Table)}.
     *
     * @param history the training history
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}, y from 0 to 1
     * @throws IllegalArgumentException if the table is empty or a column is missing
     */
    public static BufferedImage discriminatorOutputs(Table history) {
        return discriminatorOutputs(history, null);
    }

    /**
     * {@link #discriminatorOutputs(Table)} with the run's name before the title, e.g. "DCGAN:
     * Discriminator output on real and fake".
     *
     * @param history the training history
     * @param titlePrefix the run's name, or null or blank for the plain title
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}, y from 0 to 1
     * @throws IllegalArgumentException if the table is empty or a column is missing
     */
    public static BufferedImage discriminatorOutputs(Table history, String titlePrefix) {
        Checks.notEmpty(history);
        double[] it = Checks.numericColumn(history, "iteration");
        double[] real = Checks.numericColumn(history, "d_real");
        double[] fake = Checks.numericColumn(history, "d_fake");
        int window = smoothingWindow(it.length);
        XYChart chart = ChartStyle.xyChart(WIDTH, HEIGHT, prefixed(titlePrefix, "Discriminator output on real and fake"),
                iterationTitle(window, it.length), "mean D");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        reference(chart, "1/2 (D cannot tell)", it, 0.5);
        addSmoothed(chart, "D(x), real", it, real, Palette.REAL, window);
        addSmoothed(chart, "D(G(z)), fake", it, fake, Palette.FAKE, window);
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static String prefixed(String prefix, String title) {
        return prefix == null || prefix.isBlank() ? title : prefix.strip() + ": " + title;
    }

    /**
     * The estimate of the value function V(D, G) against the iteration, with a dashed reference
     * line at its value at the global optimum, −log 4. Uses the columns {@code iteration} and
     * {@code value}; long histories are smoothed as in {@link #losses(Table)}.
     *
     * @param history the training history
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}
     * @throws IllegalArgumentException if the table is empty or a column is missing
     */
    public static BufferedImage valueEstimate(Table history) {
        Checks.notEmpty(history);
        double[] it = Checks.numericColumn(history, "iteration");
        double[] v = Checks.numericColumn(history, "value");
        int window = smoothingWindow(it.length);
        XYChart chart = ChartStyle.xyChart(WIDTH, HEIGHT, "Batch estimate of V(D, G), smoothed",
                iterationTitle(window, it.length), "V(D, G)");
        reference(chart, "−log 4 (optimum)", it, -Math.log(4));
        addSmoothed(chart, "batch estimate of V(D, G)", it, v, Palette.DISCRIMINATOR, window);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Any numeric columns of a table against another, as plain lines (no smoothing). The columns
     * {@code d_loss}, {@code g_loss}, {@code d_real} and {@code d_fake} get their usual colours;
     * other columns take colours from {@link Palette#cycle(int)}.
     *
     * @param table the table
     * @param xColumn the column for the x axis
     * @param yColumns one or more columns to draw against it
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}
     * @throws IllegalArgumentException if the table is empty, no y column is given, or a column is
     *     missing or not numeric
     */
    public static BufferedImage lines(Table table, String xColumn, String... yColumns) {
        if (yColumns == null || yColumns.length == 0) {
            throw new IllegalArgumentException("no y columns given");
        }
        return lines(table, new Titles(String.join(", ", yColumns), xColumn, yColumns.length == 1 ? yColumns[0] : ""),
                xColumn, yColumns);
    }

    /**
     * {@link #lines(Table, String, String...)} with a title and axis titles of your own, e.g.
     * {@code Plots.lines(t, Titles.of("D against D*").xAxis("x").yAxis("D(x)"), "x", "D", "D*")}.
     *
     * @param table the table
     * @param titles the chart's title and axis titles
     * @param xColumn the column for the x axis
     * @param yColumns one or more columns to draw against it
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}
     * @throws IllegalArgumentException if the table is empty, no y column is given, or a column is
     *     missing or not numeric
     */
    public static BufferedImage lines(Table table, Titles titles, String xColumn, String... yColumns) {
        return lines(table, titles, null, null, xColumn, yColumns);
    }

    /**
     * {@link #lines(Table, Titles, String, String...)} with a fixed y range, e.g. 0 to 100 for
     * percentages, so that a line near an edge is not mistaken for one at the bottom.
     *
     * @param yMin the y axis's lower end
     * @param yMax the y axis's upper end
     * @throws IllegalArgumentException if {@code yMin >= yMax}, or as the method without a range
     */
    public static BufferedImage lines(Table table, Titles titles, double yMin, double yMax, String xColumn,
            String... yColumns) {
        if (!(yMin < yMax)) {
            throw new IllegalArgumentException("the y range must go up, got " + yMin + " to " + yMax);
        }
        return lines(table, titles, Double.valueOf(yMin), Double.valueOf(yMax), xColumn, yColumns);
    }

    private static BufferedImage lines(Table table, Titles titles, Double yMin, Double yMax, String xColumn,
            String... yColumns) {
        Checks.notEmpty(table);
        if (yColumns == null || yColumns.length == 0) {
            throw new IllegalArgumentException("no y columns given");
        }
        double[] x = Checks.numericColumn(table, xColumn);
        List<double[]> ys = new ArrayList<>();
        for (String y : yColumns) {
            ys.add(Checks.numericColumn(table, y));
        }
        XYChart chart = ChartStyle.xyChart(WIDTH, HEIGHT, titles.title(), titles.xAxis(), titles.yAxis());
        int free = 0;
        for (int k = 0; k < yColumns.length; k++) {
            Color c = knownColour(yColumns[k]);
            if (c == null) {
                c = Palette.cycle(free++);
            }
            ChartStyle.line(chart, yColumns[k], x, ys.get(k), c,
                    x.length > SMOOTH_ABOVE ? ChartStyle.MEDIUM : ChartStyle.SOLID);
        }
        if (yColumns.length == 1) {
            chart.getStyler().setLegendVisible(false);
        }
        if (yMin != null) {
            chart.getStyler().setYAxisMin(yMin).setYAxisMax(yMax);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Numeric columns against another on a logarithmic y axis, with a title and axis titles of the
     * caller's: for quantities that fall by orders of magnitude (a gradient that vanishes). Values must be
     * positive.
     *
     * @param table the table
     * @param title the chart's title
     * @param xColumn the column for the x axis (its name is the x axis title)
     * @param yTitle the y axis title
     * @param yColumns one or more columns, each a line named after its column
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}
     * @throws IllegalArgumentException if the table is empty, a column is missing or a value is not positive
     */
    public static BufferedImage linesLogY(Table table, String title, String xColumn, String yTitle,
            String... yColumns) {
        Checks.notEmpty(table);
        if (yColumns == null || yColumns.length == 0) {
            throw new IllegalArgumentException("no y columns given");
        }
        double[] x = Checks.numericColumn(table, xColumn);
        XYChart chart = ChartStyle.xyChart(WIDTH, HEIGHT, title, xColumn, yTitle);
        chart.getStyler().setYAxisLogarithmic(true);
        for (int k = 0; k < yColumns.length; k++) {
            double[] y = Checks.numericColumn(table, yColumns[k]);
            for (double v : y) {
                if (!(v > 0)) {
                    throw new IllegalArgumentException("a logarithmic axis needs positive values; " + yColumns[k]
                            + " has " + v);
                }
            }
            ChartStyle.line(chart, yColumns[k], x, y, Palette.cycle(k), ChartStyle.SOLID);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    // ---------------------------------------------------------------- image grids

    /**
     * Grey images in a grid, from values in [−1, 1] (−1 black, 1 white, clamped outside; NaN
     * magenta). Each image is scaled up by a whole factor so that a cell is at least about 56 pixels
     * (2× for 28×28 digits), with 2-pixel white gaps between cells; the image size follows from the
     * content.
     *
     * @param pixels {@code count * height * width} values, image after image, each row-major
     * @param count number of images
     * @param height image height in pixels
     * @param width image width in pixels
     * @param columns images per row of the grid (fewer if there are fewer images)
     * @return the grid
     * @throws IllegalArgumentException if a size is not positive or the number of pixels does not
     *     match
     */
    public static BufferedImage imageGrid(float[] pixels, int count, int height, int width,
            int columns) {
        return ImageGrid.render(pixels, count, 1, height, width, columns, null);
    }

    /**
     * Like {@link #imageGrid(float[], int, int, int, int)} with one row per label, for example one
     * row per digit for a conditional GAN. The labels are drawn to the left of the rows.
     *
     * @param pixels {@code count * height * width} values in [−1, 1]
     * @param count number of images, a multiple of {@code rows}
     * @param height image height in pixels
     * @param width image width in pixels
     * @param rows number of rows
     * @param rowLabels one label per row, or null for none
     * @return the grid
     * @throws IllegalArgumentException if the sizes do not match
     */
    public static BufferedImage imageGridByRow(float[] pixels, int count, int height, int width,
            int rows, String[] rowLabels) {
        return ImageGrid.render(pixels, count, 1, height, width, columnsFor(count, rows), rowLabels);
    }

    /**
     * Images from an NDArray in a grid; see {@link #imageGrid(float[], int, int, int, int)}.
     * Accepted shapes: (N, 1, H, W), (N, 3, H, W) for colour, (N, H, W), and (N, H·W) for square
     * images. Values are expected in [−1, 1], as a tanh generator produces them.
     *
     * @param images the images; not closed or changed
     * @param columns images per row of the grid
     * @return the grid
     * @throws IllegalArgumentException if the shape is not one of the above
     */
    public static BufferedImage imageGrid(NDArray images, int columns) {
        ImageGrid.Images im = ImageGrid.fromNDArray(images);
        return ImageGrid.render(im.pixels(), im.count(), im.channels(), im.height(), im.width(),
                columns, null);
    }

    /**
     * Every image of a data set in a grid, at the data set's own height and width; take a part first
     * with {@link ImageDataset#limit(int)} or {@link ImageDataset#slice(int, int)}. See
     * {@link #imageGrid(float[], int, int, int, int)}.
     *
     * @param images the images to show (grey, values in [−1, 1] as the data set gives them)
     * @param columns images per row of the grid
     * @return the grid
     */
    public static BufferedImage imageGrid(ImageDataset images, int columns) {
        if (images == null) {
            throw new IllegalArgumentException("images is null");
        }
        return ImageGrid.render(DatasetArrays.pixels(images), images.size(), 1, images.rows(), images.cols(),
                columns, null);
    }

    /**
     * Images from an NDArray with one row per label, for a conditional GAN: for example 10 rows of
     * 8 samples, row k generated with label k and labelled "k". Shapes as in
     * {@link #imageGrid(NDArray, int)}.
     *
     * @param images N images, N a multiple of {@code rows}, row after row
     * @param rows number of rows
     * @param rowLabels one label per row, or null for none
     * @return the grid
     * @throws IllegalArgumentException if the shape is wrong, N is not a multiple of {@code rows},
     *     or the number of labels is not {@code rows}
     */
    public static BufferedImage imageGridByRow(NDArray images, int rows, String[] rowLabels) {
        ImageGrid.Images im = ImageGrid.fromNDArray(images);
        return ImageGrid.render(im.pixels(), im.count(), im.channels(), im.height(), im.width(),
                columnsFor(im.count(), rows), rowLabels);
    }

    // ---------------------------------------------------------------- 2-D samples

    /**
     * Real and fake 2-D samples over the discriminator's heat map, in the manner of GAN Lab. The
     * background is D's probability over the plane (orange where D says fake, white at 1/2, blue
     * where D says real) with a colour bar; real points are black, fake points green. When
     * {@code fakeGradients} is given, an arrow is drawn from each fake point along its vector (pass
     * the direction the generator's step moves it, for example minus the gradient of G's loss with
     * respect to the point); lengths are proportional, and the longest arrow is a tenth of the plot.
     * Points outside the field's rectangle are not shown.
     *
     * @param field D's probability on a grid; its rectangle is the plotted area
     * @param real real samples as x, y pairs (may be empty)
     * @param fake fake samples as x, y pairs (may be empty)
     * @param fakeGradients one x, y vector per fake point, or null for no arrows
     * @return the picture, about 580×540 for a square field
     * @throws IllegalArgumentException if the field is null, an array has odd length, or the
     *     gradients do not match the fake points
     */
    public static BufferedImage decisionMap(Field2d field, float[] real, float[] fake,
            float[] fakeGradients) {
        return decisionMap(field, real, fake, fakeGradients, "Discriminator D(x) and the samples");
    }

    /**
     * {@link #decisionMap(Field2d, float[], float[], float[])} with a title of your own, such as
     * "step 2000".
     *
     * @param field D's probability on a grid
     * @param real real samples as x, y pairs
     * @param fake fake samples as x, y pairs
     * @param fakeGradients one vector per fake point, or null
     * @param title the title
     * @return the picture
     * @throws IllegalArgumentException as for the four-argument form
     */
    public static BufferedImage decisionMap(Field2d field, float[] real, float[] fake,
            float[] fakeGradients, String title) {
        if (field == null) {
            throw new IllegalArgumentException("field is null; use scatter2d for samples alone");
        }
        checkSamples(real, fake);
        Checks.pairs(fakeGradients, "fakeGradients", true);
        if (fakeGradients != null && fakeGradients.length != fake.length) {
            throw new IllegalArgumentException("mismatched lengths: " + fake.length / 2
                    + " fake points but " + fakeGradients.length / 2 + " gradient vectors");
        }
        return Map2d.render(title == null ? "" : title, field, real, fake, fakeGradients);
    }

    /**
     * Real and fake 2-D samples, without a discriminator: black real points, green fake points, on
     * equal x and y scales that fit both sets.
     *
     * @param real real samples as x, y pairs
     * @param fake fake samples as x, y pairs
     * @return the picture, about 500×540
     * @throws IllegalArgumentException if an array is null or has odd length
     */
    public static BufferedImage scatter2d(float[] real, float[] fake) {
        return scatter2d(real, fake, "Real and fake samples");
    }

    /**
     * {@link #scatter2d(float[], float[])} with a title of your own.
     *
     * @param real real samples as x, y pairs
     * @param fake fake samples as x, y pairs
     * @param title the title
     * @return the picture
     * @throws IllegalArgumentException if an array is null or has odd length
     */
    public static BufferedImage scatter2d(float[] real, float[] fake, String title) {
        checkSamples(real, fake);
        return Map2d.render(title == null ? "" : title, null, real, fake, null);
    }

    /**
     * As {@link #scatter2d(float[], float[], String)}, on the square [−extent, extent]², so that two
     * scatters side by side share one scale.
     */
    public static BufferedImage scatter2d(float[] real, float[] fake, String title, double extent) {
        checkSamples(real, fake);
        if (!(extent > 0)) {
            throw new IllegalArgumentException("extent must be positive, got " + extent);
        }
        return Map2d.render(title == null ? "" : title, null, real, fake, null, extent);
    }

    // ---------------------------------------------------------------- 1-D densities

    /**
     * The picture of Figure 1 of Goodfellow et al. (2014): the data density p_data (black, dotted),
     * the generator's density p_g (green, solid) and the discriminator D (blue, dashed) on one pair
     * of axes, y from 0 to 1. If a density rises above 1 both densities are scaled by the same
     * factor so that their peak is at 1, and the legend says by how much.
     *
     * @param xs the points, increasing
     * @param pData p_data at each point
     * @param pG p_g at each point
     * @param d D at each point
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}
     * @throws IllegalArgumentException if the arrays are empty or of different lengths
     */
    public static BufferedImage densities1d(double[] xs, double[] pData, double[] pG, double[] d) {
        return densities1d(new DensityPanel(xs, pData, pG, d), "p_data, p_g and D");
    }

    /**
     * One density panel with a title; see {@link #densities1d(double[], double[], double[],
     * double[])}.
     *
     * @param panel the curves
     * @param title the title, or null for none
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}
     * @throws IllegalArgumentException if the panel is null
     */
    public static BufferedImage densities1d(DensityPanel panel, String title) {
        if (panel == null) {
            throw new IllegalArgumentException("panel is null");
        }
        double scale = densityScale(List.of(panel));
        XYChart chart = densityChart(panel, title, WIDTH, HEIGHT - LEGEND_HEIGHT, scale);
        return stack(BitmapEncoder.getBufferedImage(chart), densityLegend(WIDTH, scale));
    }

    /**
     * Several density panels side by side, for example before, during and after training, with
     * one shared legend below. All panels share the y scale (and the density factor, if any), so
     * they can be compared.
     *
     * @param panels the panels, left to right
     * @param titles one title per panel, or null for none
     * @return the picture, 360 pixels wide per panel
     * @throws IllegalArgumentException if there are no panels or the number of titles differs
     */
    public static BufferedImage densities1dPanels(List<DensityPanel> panels, String[] titles) {
        if (panels == null || panels.isEmpty()) {
            throw new IllegalArgumentException("no density panels given");
        }
        if (titles != null && titles.length != panels.size()) {
            throw new IllegalArgumentException("mismatched lengths: " + panels.size()
                    + " panels but " + titles.length + " titles");
        }
        for (int i = 0; i < panels.size(); i++) {
            if (panels.get(i) == null) {
                throw new IllegalArgumentException("panel " + i + " is null");
            }
        }
        double scale = densityScale(panels);
        BufferedImage[] images = new BufferedImage[panels.size()];
        for (int i = 0; i < images.length; i++) {
            // titles are drawn outside XChart so that they share one baseline
            BufferedImage chart = BitmapEncoder.getBufferedImage(
                    densityChart(panels.get(i), null, 360, 290, scale));
            images[i] = titles == null ? chart : titled(chart, titles[i]);
        }
        BufferedImage row = sideBySide(images);
        return stack(row, densityLegend(row.getWidth(), scale));
    }

    // ---------------------------------------------------------------- value-function curves

    /**
     * Why the generator uses the non-saturating loss, as two panels, both against the discriminator's
     * logit l (D = σ(l)), the quantity G's gradient passes through. Left: the minimax loss
     * log(1 − σ(l)) and the non-saturating −log σ(l). Right: their slopes with respect to l, the
     * gradient that flows back into G: −D(G(z)) and −(1 − D(G(z))). Early in training D rejects the
     * fakes, l is very negative and D(G(z)) near 0: the minimax loss is flat there in l (not in
     * D(G(z)), where its slope is −1/(1 − D)), so G learns almost nothing; the non-saturating loss
     * is steepest there. Pure mathematics, no model.
     *
     * @return the picture, two 420×360 panels and a legend
     */
    public static BufferedImage generatorLossCurves() {
        int n = 401;
        double[] logit = new double[n];
        double[] minimax = new double[n];
        double[] nonSat = new double[n];
        double[] minimaxSlope = new double[n];
        double[] nonSatSlope = new double[n];
        for (int i = 0; i < n; i++) {
            logit[i] = -LOGIT_RANGE + 2 * LOGIT_RANGE * i / (n - 1);
            double d = 1 / (1 + Math.exp(-logit[i]));
            minimax[i] = -softplus(logit[i]);      // log(1 − σ(l))
            nonSat[i] = softplus(-logit[i]);       // −log σ(l)
            minimaxSlope[i] = -d;
            nonSatSlope[i] = -(1 - d);
        }
        Color cMinimax = Palette.cycle(0);
        Color cNonSat = Palette.cycle(1);
        String xTitle = "logit l of D(G(z)), D = σ(l)";

        XYChart left = ChartStyle.xyChart(420, 360, "Generator loss against D's logit", xTitle, "loss");
        left.getStyler().setXAxisMin(-LOGIT_RANGE).setXAxisMax(LOGIT_RANGE)
                .setYAxisMin(-LOGIT_RANGE - 0.5).setYAxisMax(LOGIT_RANGE + 0.5);
        left.getStyler().setLegendVisible(false);
        reference(left, "zero", new double[] {-LOGIT_RANGE, LOGIT_RANGE}, 0.0).setLineColor(Palette.GRID)
                .setLineStyle(new BasicStroke(1f));
        ChartStyle.line(left, "minimax", logit, minimax, cMinimax, ChartStyle.SOLID);
        ChartStyle.line(left, "non-saturating", logit, nonSat, cNonSat, ChartStyle.SOLID);
        AnnotationText flatLoss = new AnnotationText("flat where D rejects", -4.2, -1.4, false);
        left.addAnnotation(flatLoss);
        left.getStyler().setAnnotationTextFont(ChartStyle.TICK_FONT);
        left.getStyler().setAnnotationTextFontColor(cMinimax.darker());

        XYChart right = ChartStyle.xyChart(420, 360, "Its slope: the gradient that reaches G", xTitle,
                "d loss / d l");
        right.getStyler().setXAxisMin(-LOGIT_RANGE).setXAxisMax(LOGIT_RANGE).setYAxisMin(-1.05).setYAxisMax(0.08);
        right.getStyler().setLegendVisible(false);
        ChartStyle.line(right, "minimax", logit, minimaxSlope, cMinimax, ChartStyle.SOLID);
        ChartStyle.line(right, "non-saturating", logit, nonSatSlope, cNonSat, ChartStyle.SOLID);
        AnnotationText flat = new AnnotationText("flat: G barely learns", -4.2, -0.05, false);
        right.addAnnotation(flat);
        right.getStyler().setAnnotationTextFont(ChartStyle.TICK_FONT);
        right.getStyler().setAnnotationTextFontColor(cMinimax.darker());

        BufferedImage row = sideBySide(BitmapEncoder.getBufferedImage(left),
                BitmapEncoder.getBufferedImage(right));
        BufferedImage legend = Draw.legendStrip(row.getWidth(), List.of(
                Draw.Entry.line("minimax: log(1 − D(G(z)))", cMinimax, ChartStyle.SOLID),
                Draw.Entry.line("non-saturating: −log D(G(z))", cNonSat, ChartStyle.SOLID)));
        return stack(row, legend);
    }

    /** The logits the generator-loss figure spans, from −8 (D(G(z)) ≈ 0.0003) to 8. */
    static final double LOGIT_RANGE = 8;

    /** log(1 + e^x), without overflow. */
    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    // ---------------------------------------------------------------- generic charts

    /**
     * A bar chart, one bar per category, with the values written inside the tops of the bars when
     * there are at most twelve.
     *
     * @param title the title
     * @param categories the category names
     * @param values one value per category
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}
     * @throws IllegalArgumentException if the arrays are empty or of different lengths
     */
    public static BufferedImage bars(String title, String[] categories, double[] values) {
        return bars(Titles.of(title), categories, values);
    }

    /**
     * {@link #bars(String, String[], double[])} with axis titles: what the categories are (x) and
     * what the bars measure (y).
     *
     * @param titles the chart's title and axis titles
     * @param categories the category names
     * @param values one value per category
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}
     * @throws IllegalArgumentException if the arrays are empty or of different lengths
     */
    public static BufferedImage bars(Titles titles, String[] categories, double[] values) {
        Checks.nonEmpty(values, "values");
        if (categories == null) {
            throw new IllegalArgumentException("categories is null");
        }
        if (categories.length != values.length) {
            throw new IllegalArgumentException("mismatched lengths: " + categories.length
                    + " categories but " + values.length + " values");
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(titles.title()).xAxisTitle(titles.xAxis()).yAxisTitle(titles.yAxis()).build();
        ChartStyle.apply(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.7);
        if (values.length <= 12) {
            chart.getStyler().setLabelsVisible(true);
            chart.getStyler().setLabelsFont(ChartStyle.TICK_FONT);
            chart.getStyler().setLabelsFontColorAutomaticEnabled(true);
            chart.getStyler().setLabelsPosition(0.93);
        }
        double min = Arrays.stream(values).min().orElse(0);
        chart.getStyler().setYAxisMin(Math.min(0, min));
        List<String> cats = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            cats.add(categories[i] == null ? "" : categories[i]);
            vals.add(values[i]);
        }
        CategorySeries s = chart.addSeries("values", cats, vals);
        s.setFillColor(Palette.cycle(1));
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * A histogram of counts.
     *
     * @param title the title
     * @param values the samples (NaN and infinities are skipped)
     * @param bins number of equal-width bins over the range of the values
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}
     * @throws IllegalArgumentException if there are no finite values or {@code bins} is not positive
     */
    public static BufferedImage histogram(String title, double[] values, int bins) {
        Checks.nonEmpty(values, "values");
        Checks.positive(bins, "bins");
        double[] range = finiteRange(values, null);
        XYChart chart = ChartStyle.xyChart(WIDTH, HEIGHT, title, "value", "count");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        addHistogram(chart, "values", values, bins, range, false, Palette.cycle(1));
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Histograms of real and fake 1-D samples over the same bins, as densities (so that sample sizes
     * may differ), real in black and fake in green, overlaid.
     *
     * @param title the title
     * @param real real samples
     * @param fake fake samples
     * @param bins number of equal-width bins over the range of both sets
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT}
     * @throws IllegalArgumentException if either set is empty or {@code bins} is not positive
     */
    public static BufferedImage histogram(String title, double[] real, double[] fake, int bins) {
        Checks.nonEmpty(real, "real");
        Checks.nonEmpty(fake, "fake");
        Checks.positive(bins, "bins");
        double[] range = finiteRange(real, fake);
        XYChart chart = ChartStyle.xyChart(WIDTH, HEIGHT, title, "value", "density");
        chart.getStyler().setYAxisMin(0.0);
        addHistogram(chart, "real", real, bins, range, true, Palette.REAL);
        addHistogram(chart, "fake", fake, bins, range, true, Palette.FAKE);
        return BitmapEncoder.getBufferedImage(chart);
    }

    // ---------------------------------------------------------------- composition and output

    /**
     * Places images left to right on white, centred vertically, with a small gap between them,
     * for example a loss chart beside an image grid.
     *
     * @param images one or more images
     * @return the composed image
     * @throws IllegalArgumentException if no image is given or one is null
     */
    public static BufferedImage sideBySide(BufferedImage... images) {
        if (images == null || images.length == 0) {
            throw new IllegalArgumentException("no images given");
        }
        int gap = 8;
        int w = -gap;
        int h = 0;
        for (int i = 0; i < images.length; i++) {
            if (images[i] == null) {
                throw new IllegalArgumentException("image " + i + " is null");
            }
            w += images[i].getWidth() + gap;
            h = Math.max(h, images[i].getHeight());
        }
        BufferedImage out = Draw.canvas(w, h);
        Graphics2D g = out.createGraphics();
        int x = 0;
        for (BufferedImage im : images) {
            g.drawImage(im, x, (h - im.getHeight()) / 2, null);
            x += im.getWidth() + gap;
        }
        g.dispose();
        return out;
    }

    /**
     * Adds a title above an image, in the same bold font as the charts' titles.
     *
     * @param image the image
     * @param title the title
     * @return a new, taller image
     * @throws IllegalArgumentException if the image is null
     */
    public static BufferedImage titled(BufferedImage image, String title) {
        if (image == null) {
            throw new IllegalArgumentException("image is null");
        }
        String t = title == null ? "" : title;
        BufferedImage probe = Draw.canvas(1, 1);
        Graphics2D pg = probe.createGraphics();
        pg.setFont(ChartStyle.TITLE_FONT);
        int textW = pg.getFontMetrics().stringWidth(t) + 16;
        pg.dispose();
        int band = 30;
        int w = Math.max(image.getWidth(), textW);
        BufferedImage out = Draw.canvas(w, image.getHeight() + band);
        Graphics2D g = Draw.graphics(out);
        g.setFont(ChartStyle.TITLE_FONT);
        g.setColor(Palette.TEXT);
        Draw.centered(g, t, w / 2.0, 21);
        g.drawImage(image, (w - image.getWidth()) / 2, band, null);
        g.dispose();
        return out;
    }

    /**
     * Writes an image as PNG, creating the parent directories if needed.
     *
     * @param image the image
     * @param file the PNG file to write
     * @throws IllegalArgumentException if the image or the path is null
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void save(BufferedImage image, Path file) {
        if (image == null) {
            throw new IllegalArgumentException("image is null");
        }
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Encodes an image as PNG bytes.
     *
     * @param image the image
     * @return the PNG file's bytes
     * @throws IllegalArgumentException if the image is null
     */
    public static byte[] pngBytes(BufferedImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image is null");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- helpers

    /** Places images top to bottom, centred horizontally. */
    static BufferedImage stack(BufferedImage top, BufferedImage bottom) {
        int w = Math.max(top.getWidth(), bottom.getWidth());
        BufferedImage out = Draw.canvas(w, top.getHeight() + bottom.getHeight());
        Graphics2D g = out.createGraphics();
        g.drawImage(top, (w - top.getWidth()) / 2, 0, null);
        g.drawImage(bottom, (w - bottom.getWidth()) / 2, top.getHeight(), null);
        g.dispose();
        return out;
    }

    private static void checkSamples(float[] real, float[] fake) {
        Checks.pairs(real, "real", false);
        Checks.pairs(fake, "fake", false);
    }

    private static int columnsFor(int count, int rows) {
        Checks.positive(count, "count");
        Checks.positive(rows, "rows");
        if (count % rows != 0) {
            throw new IllegalArgumentException(count + " images cannot fill " + rows
                    + " equal rows");
        }
        return count / rows;
    }

    /** 1 for short histories, otherwise about a fortieth of the length (at least 5). */
    static int smoothingWindow(int n) {
        return n <= SMOOTH_ABOVE ? 1 : Math.max(5, n / 40);
    }

    static String iterationTitle(int window, int points) {
        if (window <= 1) {
            return "iteration";
        }
        int stride = rawStride(points);
        return "iteration  (moving average over " + window + " points; "
                + (stride == 1 ? "raw values faint)" : "every " + ordinal(stride) + " raw value faint)");
    }

    /** Behind a smoothed curve of {@code points} values, every how many-th raw value is drawn. */
    private static int rawStride(int points) {
        return Math.max(1, (int) Math.ceil(points / (double) RAW_POINTS));
    }

    private static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** Centred moving average that ignores NaN and shrinks the window at the ends. */
    static double[] movingAverage(double[] y, int window) {
        int half = window / 2;
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double sum = 0;
            int cnt = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(y.length - 1, i + half); j++) {
                if (Double.isFinite(y[j])) {
                    sum += y[j];
                    cnt++;
                }
            }
            out[i] = cnt == 0 ? Double.NaN : sum / cnt;
        }
        return out;
    }

    private static void addSmoothed(XYChart chart, String name, double[] x, double[] y, Color c,
            int window) {
        if (window <= 1) {
            ChartStyle.line(chart, name, x, y, c, ChartStyle.SOLID);
            return;
        }
        // at most RAW_POINTS raw points: thousands of overlapping translucent segments add up to an opaque
        // band that hides the average
        int stride = rawStride(x.length);
        double[] rawX = stride == 1 ? x : every(x, stride);
        double[] rawY = stride == 1 ? y : every(y, stride);
        ChartStyle.line(chart, name + " (raw)", rawX, rawY, Palette.withAlpha(c, 60), ChartStyle.THIN)
                .setShowInLegend(false);
        ChartStyle.line(chart, name, x, movingAverage(y, window), c, ChartStyle.SOLID);
    }

    /** Every {@code stride}-th value, starting with the first. */
    private static double[] every(double[] values, int stride) {
        double[] out = new double[(values.length + stride - 1) / stride];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i * stride];
        }
        return out;
    }

    /** A dashed grey horizontal line across the range of {@code x}. */
    private static XYSeries reference(XYChart chart, String name, double[] x, double level) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        return ChartStyle.line(chart, name, new double[] {lo, hi}, new double[] {level, level},
                Palette.REFERENCE, ChartStyle.REFERENCE);
    }

    private static Color knownColour(String column) {
        return switch (column) {
            case "d_loss" -> Palette.DISCRIMINATOR;
            case "g_loss" -> Palette.GENERATOR;
            case "d_real" -> Palette.REAL;
            case "d_fake" -> Palette.FAKE;
            default -> null;
        };
    }

    /** 1, or the factor that brings the highest density of all panels down to 1. */
    private static double densityScale(List<DensityPanel> panels) {
        double peak = 0;
        for (DensityPanel p : panels) {
            for (double v : p.pData()) {
                if (Double.isFinite(v)) {
                    peak = Math.max(peak, v);
                }
            }
            for (double v : p.pG()) {
                if (Double.isFinite(v)) {
                    peak = Math.max(peak, v);
                }
            }
        }
        return peak > 1 ? 1 / peak : 1;
    }

    private static String scaledLabel(String name, double scale) {
        return scale == 1 ? name : name + " (×" + String.format(Locale.ROOT, "%.2g", scale) + ")";
    }

    private static XYChart densityChart(DensityPanel panel, String title, int w, int h,
            double scale) {
        XYChart chart = ChartStyle.xyChart(w, h, title, "x", "density; D(x)");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.05);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        double[] xs = panel.xs();
        chart.getStyler().setXAxisMin(xs[0]).setXAxisMax(xs[xs.length - 1]);
        chart.getStyler().setLegendVisible(false);
        // p_data last, so that its dots stay visible where p_g has converged onto it
        ChartStyle.line(chart, "p_g", xs, times(panel.pG(), scale), Palette.FAKE, ChartStyle.SOLID);
        ChartStyle.line(chart, "D(x)", xs, panel.d(), Palette.DISCRIMINATOR, ChartStyle.DASHED);
        ChartStyle.line(chart, "p_data", xs, times(panel.pData(), scale), Palette.REAL,
                ChartStyle.DOTTED);
        return chart;
    }

    private static BufferedImage densityLegend(int width, double scale) {
        return Draw.legendStrip(width, List.of(
                Draw.Entry.line(scaledLabel("p_data", scale), Palette.REAL, ChartStyle.DOTTED),
                Draw.Entry.line(scaledLabel("p_g", scale), Palette.FAKE, ChartStyle.SOLID),
                Draw.Entry.line("D(x)", Palette.DISCRIMINATOR, ChartStyle.DASHED)));
    }

    private static double[] times(double[] a, double f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * f;
        }
        return out;
    }

    /** Min and max of the finite values of one or two arrays. */
    private static double[] finiteRange(double[] a, double[] b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] arr : new double[][] {a, b}) {
            if (arr == null) {
                continue;
            }
            for (double v : arr) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException("no finite values to put in a histogram");
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        return new double[] {lo, hi};
    }

    /** Adds a histogram as a filled step outline. */
    private static void addHistogram(XYChart chart, String name, double[] values, int bins,
            double[] range, boolean density, Color c) {
        double lo = range[0];
        double width = (range[1] - lo) / bins;
        double[] counts = new double[bins];
        int total = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                int b = (int) Math.min(bins - 1, Math.floor((v - lo) / width));
                counts[b]++;
                total++;
            }
        }
        if (density) {
            for (int b = 0; b < bins; b++) {
                counts[b] /= total * width;
            }
        }
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = lo;
        y[0] = 0;
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = lo + b * width;
            y[2 * b + 1] = counts[b];
            x[2 * b + 2] = lo + (b + 1) * width;
            y[2 * b + 2] = counts[b];
        }
        x[2 * bins + 1] = lo + bins * width;
        y[2 * bins + 1] = 0;
        XYSeries s = ChartStyle.line(chart, name, x, y, c, new BasicStroke(1.5f));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setFillColor(Palette.withAlpha(c, 70));
    }
}

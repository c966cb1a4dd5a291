package org.ganbook.notebook;

import java.util.Map;
import org.ganbook.data.Mixture2d;
import org.ganbook.metrics.ModeCoverage;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.ToyRecipe;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Trains 2-D recipes from several seeds and scores each run by {@link ModeCoverage} on 2,500 samples, one
 * row per run; {@link #summary} gives one row per setting ("n of N seeds"). The ring's tables in {@code
 * src/bench/ring/} start with the same columns, so a notebook can summarise them the same way ({@link #read}).
 */
public final class RecipeRuns {

    /** Samples scored per run. */
    public static final int SAMPLES = 2500;

    private RecipeRuns() {}

    /**
     * Trains every setting from every seed, for the recipe's iterations.
     *
     * @param data the mixture
     * @param settings the recipes by the name the table shows
     * @param seeds the seeds
     * @return one row per run: setting, seed, modes_papers, modes_strict, hq_share, seconds
     */
    public static Table run(Mixture2d data, Map<String, ToyRecipe> settings, long... seeds) {
        Table runs = empty();
        for (Map.Entry<String, ToyRecipe> setting : settings.entrySet()) {
            for (long seed : seeds) {
                ToyRecipe recipe = setting.getValue();
                try (GanTrainer trainer = recipe.builder(data).optSeed(seed).optProgress(0)
                        .optMeasureAfterUpdate(false).build()) {
                    trainer.fit(recipe.iterations());
                    add(runs, setting.getKey(), seed, score(trainer, data),
                            trainer.history().doubleColumn("seconds").max());
                }
            }
        }
        return runs;
    }

    /** Scores G's samples now: {@value #SAMPLES} fresh samples against the mixture's modes. */
    public static ModeCoverage.Result score(GanTrainer trainer, Mixture2d data) {
        return ModeCoverage.evaluate(trainer.generate(SAMPLES).toFloatArray(), data.modes(), data.std());
    }

    /**
     * One row per setting: how many runs reached all modes by the papers' rule, how many by the stricter
     * count, how many did so with at least 90 % of samples high quality, and the means.
     *
     * @param runs a table of {@link #run}'s columns
     * @return the summary, settings in order of first appearance
     */
    public static Table summary(Table runs) {
        Table out = Table.create("over seeds: runs with all 8 modes, and means",
                StringColumn.create("setting"), StringColumn.create("8/8 (papers' rule)"),
                StringColumn.create("8/8 (strict)"), StringColumn.create("8/8 and HQ >= 90%"),
                DoubleColumn.create("mean modes (papers')"), DoubleColumn.create("mean modes (strict)"),
                DoubleColumn.create("mean HQ share"));
        for (String setting : runs.stringColumn("setting").unique().asList().stream()
                .sorted(java.util.Comparator.comparingInt(s -> runs.stringColumn("setting").indexOf(s))).toList()) {
            Table rows = runs.where(runs.stringColumn("setting").isEqualTo(setting));
            int n = rows.rowCount();
            int all = 0;
            int strict = 0;
            int sharp = 0;
            for (int i = 0; i < n; i++) {
                int papers = rows.intColumn("modes_papers").get(i);
                all += papers == 8 ? 1 : 0;
                strict += rows.intColumn("modes_strict").get(i) == 8 ? 1 : 0;
                sharp += papers == 8 && rows.doubleColumn("hq_share").get(i) >= 0.9 ? 1 : 0;
            }
            out.stringColumn(0).append(setting);
            out.stringColumn(1).append(all + " of " + n);
            out.stringColumn(2).append(strict + " of " + n);
            out.stringColumn(3).append(sharp + " of " + n);
            out.doubleColumn(4).append(round(rows.intColumn("modes_papers").mean(), 1));
            out.doubleColumn(5).append(round(rows.intColumn("modes_strict").mean(), 1));
            out.doubleColumn(6).append(round(rows.doubleColumn("hq_share").mean(), 3));
        }
        return out;
    }

    /**
     * Reads a table of runs written by {@code make ring-tables} (e.g. {@code ring-remedies.csv}), keeping
     * {@link #run}'s columns (the file's further columns are for the tables' own bookkeeping).
     *
     * @param csv the file
     * @return one row per run
     * @throws IllegalArgumentException if the file cannot be read
     */
    public static Table read(java.nio.file.Path csv) {
        if (!java.nio.file.Files.isReadable(csv)) {
            throw new IllegalArgumentException("cannot read the runs in " + csv + " (make ring-tables writes them)");
        }
        Table all = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypesPartial(Map.of(
                "setting", ColumnType.STRING, "seed", ColumnType.LONG, "modes_papers", ColumnType.INTEGER,
                "modes_strict", ColumnType.INTEGER, "hq_share", ColumnType.DOUBLE, "seconds", ColumnType.DOUBLE)));
        Table runs = all.selectColumns("setting", "seed", "modes_papers", "modes_strict", "hq_share", "seconds");
        runs.setName("runs");
        return runs;
    }

    /** Returns the rows of one setting. */
    public static Table of(Table runs, String setting) {
        return runs.where(runs.stringColumn("setting").isEqualTo(setting));
    }

    private static Table empty() {
        return Table.create("runs", StringColumn.create("setting"), LongColumn.create("seed"),
                IntColumn.create("modes_papers"), IntColumn.create("modes_strict"), DoubleColumn.create("hq_share"),
                DoubleColumn.create("seconds"));
    }

    private static void add(Table runs, String setting, long seed, ModeCoverage.Result c, double seconds) {
        runs.stringColumn("setting").append(setting);
        runs.longColumn("seed").append(seed);
        runs.intColumn("modes_papers").append(c.modesReached());
        runs.intColumn("modes_strict").append(c.modesCovered());
        runs.doubleColumn("hq_share").append(round(c.highQualityShare(), 4));
        runs.doubleColumn("seconds").append(round(seconds, 1));
    }

    private static double round(double value, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }
}

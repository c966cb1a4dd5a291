package org.ganbook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ganbook.data.Mixture2d;
import org.ganbook.data.Toys;
import org.ganbook.metrics.ModeCoverage;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.ToyRecipe;

/**
 * The ring's two tables: the seeded sweep that chose {@link ToyRecipe#standard()}, and the remedies
 * (plain, PacGAN's packing, the R1 penalty, the standard recipe), each candidate over seeds 1 to 5, scored
 * by {@link ModeCoverage} on 2,500 samples. Run by {@code src/bench/ring/run.sh} ({@code make ring-tables}).
 *
 * <p>Arguments: {@code sweep|remedies|all} [{@code --seeds 1,2} {@code --only name,name} {@code --out dir}
 * {@code --trace N}].
 */
public final class RingTables {

    private static final int SAMPLES = 2500;

    /** The sweep's candidates, in the order of the table. */
    static Map<String, ToyRecipe> sweep() {
        Map<String, ToyRecipe> m = new LinkedHashMap<>();
        ToyRecipe plain = ToyRecipe.plain();
        m.put("old-cli-default", plain.named("old-cli-default"));
        // the previous default: three hidden layers of 64 for both, the learning rate ten times smaller
        // for the second half of the run
        ToyRecipe small = plain.withHidden(new int[] {64, 64, 64}, new int[] {64, 64, 64}).withIterations(5000)
                .withRateDrop(0.5, 0.1f);
        m.put("small-z2-half-pack2", small.named("small-z2-half-pack2").withPacking(2));
        // the samples that miss a mode lie mostly on bridges between neighbouring modes; a deeper G makes
        // its passages from one mode to the next steeper, so fewer samples lie on them
        ToyRecipe pack = small.withPacking(2);
        m.put("deepG4-pack2", pack.named("deepG4-pack2").withHidden(widths(64, 4), widths(64, 3)));
        m.put("deepG6-pack2", pack.named("deepG6-pack2").withHidden(widths(64, 6), widths(64, 3)));
        m.put("deepG8-pack2", pack.named("deepG8-pack2").withHidden(widths(64, 8), widths(64, 3)));
        return m;
    }

    /** The seeds each sweep candidate runs on: 1 to 5 for the old default and the chosen one, fewer to screen. */
    static List<Long> sweepSeeds(String name) {
        return switch (name) {
            case "old-cli-default", "deepG8-pack2" -> FIVE;
            case "small-z2-half-pack2" -> List.of(1L, 2L);
            default -> List.of(1L);
        };
    }

    private static final List<Long> FIVE = List.of(1L, 2L, 3L, 4L, 5L);

    private static int[] widths(int width, int layers) {
        int[] w = new int[layers];
        java.util.Arrays.fill(w, width);
        return w;
    }

    /** The remedies, each measured the same way. */
    static Map<String, ToyRecipe> remedies() {
        Map<String, ToyRecipe> m = new LinkedHashMap<>();
        ToyRecipe plain = ToyRecipe.plain();
        m.put("plain", plain);
        m.put("plain + packing 2", plain.withPacking(2).named("plain + packing 2"));
        m.put("plain + R1 (gamma 1)", plain.withR1Penalty(1f).named("plain + R1 (gamma 1)"));
        m.put("standard", ToyRecipe.standard());
        return m;
    }

    /** One trained candidate: its scores, wall-clock seconds and the CPU seconds of the training thread. */
    record Run(String name, long seed, ModeCoverage.Result coverage, double seconds, double cpuSeconds) {}

    public static void main(String[] args) throws IOException {
        String what = args.length > 0 ? args[0] : "all";
        List<Long> seeds = null;
        List<String> only = null;
        Path out = Path.of("src/bench/ring");
        int trace = 0;
        boolean fresh = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = java.util.Arrays.stream(args[++i].split(",")).map(Long::parseLong).toList();
                case "--only" -> only = List.of(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]);
                case "--trace" -> trace = Integer.parseInt(args[++i]);
                case "--fresh" -> fresh = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(out);
        Path sweepFile = out.resolve("ring-sweep.md");
        Path remediesFile = out.resolve("ring-remedies.md");
        if (!fresh) {
            // runs already recorded (same settings, same seed) are not repeated: a run is deterministic
            recorded(csvOf(sweepFile));
            recorded(csvOf(remediesFile));
        }
        if (what.equals("remedies") || what.equals("all")) {
            table("Remedies against mode collapse on the ring", remedies(), name -> FIVE, seeds, only, trace,
                    remediesFile);
        }
        if (what.equals("sweep") || what.equals("all")) {
            table("The seeded sweep that chose ToyRecipe.standard()", sweep(), RingTables::sweepSeeds, seeds, only,
                    trace, sweepFile);
        }
    }

    static void table(String title, Map<String, ToyRecipe> candidates, java.util.function.Function<String, List<Long>> seedsOf,
            List<Long> seedOverride, List<String> only, int trace, Path file) throws IOException {
        Mixture2d ring = Toys.ring();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("Written by `make ring-tables` (src/bench/ring/run.sh; how to read it: README.md next to this file): ")
                .append("every candidate trained on `Toys.ring()` (8 Gaussians, radius 2, std 0.02) from the seeds listed, ")
                .append("one thread; ").append(SAMPLES).append(" samples scored by `ModeCoverage`: a sample is high quality ")
                .append("(HQ) within 3 std (0.06) of its nearest mode; **papers' rule**: a mode is reached by >= 1 HQ sample ")
                .append("(VEEGAN, PacGAN); **strict**: a mode holds >= a tenth of an even share (>= ")
                .append(ModeCoverage.defaultMinSamplesPerMode(SAMPLES, 8)).append(" HQ samples). ")
                .append("CPU s: CPU time of the training thread (PyTorch pinned to one thread); wall s: elapsed time on a ")
                .append("shared machine, inflated by other load. Runs already recorded in the CSV next to this file (same ")
                .append("settings, same seed) are read back, not repeated (`--fresh` repeats them).\n\n");
        md.append("## Candidates\n\n");
        StringBuilder summary = new StringBuilder("\n## Summary over seeds\n\n");
        summary.append("| candidate | seeds | 8/8 (papers') | 8/8 (strict) | HQ >= 90 % and 8/8 | mean modes (papers') | mean modes (strict) | mean HQ | min HQ | mean CPU s | max CPU s |\n");
        summary.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<Run> all = new ArrayList<>();
        for (ToyRecipe recipe : candidates.values()) {
            // the table shows the candidate's seeds that are recorded; --only and --seeds choose which of the
            // missing runs this invocation makes
            List<Long> seeds = seedsOf.apply(recipe.name());
            boolean selected = only == null || only.contains(recipe.name());
            List<Run> runs = new ArrayList<>();
            for (long seed : seeds) {
                Run run = DONE.get(key(recipe, seed));
                if (run == null && selected && (seedOverride == null || seedOverride.contains(seed))) {
                    run = trainOnce(recipe, seed, ring, trace);
                    DONE.put(key(recipe, seed), run);
                    System.out.printf(Locale.ROOT, "%s seed %d: %s (%.1f s, CPU %.1f s)%n", recipe.name(), seed,
                            run.coverage().summary(), run.seconds(), run.cpuSeconds());
                    write(file, md.toString() + summary + "\n(partial: the run is still going)\n",
                            recordedRuns(candidates, seedsOf), candidates);
                }
                if (run != null) {
                    runs.add(new Run(recipe.name(), seed, run.coverage(), run.seconds(), run.cpuSeconds()));
                }
            }
            md.append("- ").append(recipe).append(runs.isEmpty() ? " (not run yet)" : "").append('\n');
            if (runs.isEmpty()) {
                continue;
            }
            all.addAll(runs);
            int n = runs.size();
            long full = runs.stream().filter(r -> r.coverage().modesReached() == 8).count();
            long strict = runs.stream().filter(r -> r.coverage().modesCovered() == 8).count();
            long sharp = runs.stream().filter(r -> r.coverage().modesReached() == 8
                    && r.coverage().highQualityShare() >= 0.9).count();
            summary.append(String.format(Locale.ROOT, "| %s | %s | %d of %d | %d of %d | %d of %d | %.1f | %.1f | %.1f %% | %.1f %% | %.0f | %.0f |%n",
                    recipe.name(), runs.stream().map(r -> Long.toString(r.seed())).collect(java.util.stream.Collectors.joining(",")),
                    full, n, strict, n, sharp, n,
                    runs.stream().mapToInt(r -> r.coverage().modesReached()).average().orElse(0),
                    runs.stream().mapToInt(r -> r.coverage().modesCovered()).average().orElse(0),
                    100 * runs.stream().mapToDouble(r -> r.coverage().highQualityShare()).average().orElse(0),
                    100 * runs.stream().mapToDouble(r -> r.coverage().highQualityShare()).min().orElse(0),
                    runs.stream().mapToDouble(Run::cpuSeconds).average().orElse(0),
                    runs.stream().mapToDouble(Run::cpuSeconds).max().orElse(0)));
            write(file, md.toString() + summary, recordedRuns(candidates, seedsOf), candidates);
        }
        write(file, md.toString() + summary, recordedRuns(candidates, seedsOf), candidates);
        System.out.println("wrote " + file + " and " + csvOf(file));
    }

    private static void write(Path file, String head, List<Run> all, Map<String, ToyRecipe> candidates) throws IOException {
        StringBuilder md = new StringBuilder(head);
        md.append("\n## Every run\n\n| candidate | seed | modes (papers') | modes (strict) | HQ share | HQ samples per mode | CPU s | wall s |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Run r : all) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f %% | %s | %.1f | %.1f |%n", r.name(), r.seed(),
                    r.coverage().modesReached(), r.coverage().modesCovered(),
                    100 * r.coverage().highQualityShare(),
                    java.util.Arrays.toString(r.coverage().countsPerMode()), r.cpuSeconds(), r.seconds()));
        }
        Files.writeString(file, md.toString());
        // the same runs as CSV, in RecipeRuns' first columns (notebook 9 reads them; seconds: CPU seconds of
        // training), then what reading a run back needs: its HQ samples per mode, wall seconds and settings
        StringBuilder csv = new StringBuilder("setting,seed,modes_papers,modes_strict,hq_share,seconds,per_mode,wall_seconds,settings\n");
        for (Run r : all) {
            String settings = candidates.get(r.name()).toString();
            csv.append(String.format(Locale.ROOT, "\"%s\",%d,%d,%d,%.4f,%.1f,%s,%.1f,\"%s\"%n", r.name(), r.seed(),
                    r.coverage().modesReached(), r.coverage().modesCovered(), r.coverage().highQualityShare(),
                    r.cpuSeconds(), java.util.Arrays.stream(r.coverage().countsPerMode()).mapToObj(Integer::toString)
                            .collect(java.util.stream.Collectors.joining(" ")),
                    r.seconds(), settings.substring(settings.indexOf(':') + 2)));
        }
        Files.writeString(csvOf(file), csv.toString());
    }

    /** Every run recorded so far of these candidates, in the table's order. */
    private static List<Run> recordedRuns(Map<String, ToyRecipe> candidates, java.util.function.Function<String, List<Long>> seedsOf) {
        List<Run> runs = new ArrayList<>();
        for (ToyRecipe recipe : candidates.values()) {
            for (long seed : seedsOf.apply(recipe.name())) {
                Run run = DONE.get(key(recipe, seed));
                if (run != null) {
                    runs.add(new Run(recipe.name(), seed, run.coverage(), run.seconds(), run.cpuSeconds()));
                }
            }
        }
        return runs;
    }

    private static Path csvOf(Path md) {
        return md.resolveSibling(md.getFileName().toString().replace(".md", ".csv"));
    }

    /** Runs made or read back in this process, by settings (not name) and seed: a table reuses another's runs. */
    private static final Map<String, Run> DONE = new java.util.HashMap<>();

    private static String key(ToyRecipe recipe, long seed) {
        String s = recipe.toString();
        return s.substring(s.indexOf(':') + 2) + " seed " + seed;
    }

    /** Reads back the runs of a CSV written by {@link #write} (files of the older layout, without settings, are skipped). */
    private static void recorded(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return;
        }
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.get(0).endsWith(",settings")) {
            return;
        }
        Mixture2d ring = Toys.ring();
        for (String line : lines.subList(1, lines.size())) {
            // "name",seed,papers,strict,hq,cpu,per mode,wall,"settings"
            int nameEnd = line.indexOf("\",");
            String name = line.substring(1, nameEnd);
            int settingsStart = line.lastIndexOf(",\"");
            String settings = line.substring(settingsStart + 2, line.length() - 1);
            String[] f = line.substring(nameEnd + 2, settingsStart).split(",");
            long seed = Long.parseLong(f[0]);
            int[] perMode = java.util.Arrays.stream(f[5].split(" ")).mapToInt(Integer::parseInt).toArray();
            int hq = java.util.Arrays.stream(perMode).sum();
            // the scores are rebuilt from the per-mode counts, which is all ModeCoverage needs
            float[] samples = new float[2 * SAMPLES];
            int i = 0;
            double[][] modes = ring.modes();
            for (int m = 0; m < perMode.length; m++) {
                for (int c = 0; c < perMode[m]; c++, i++) {
                    samples[2 * i] = (float) modes[m][0];
                    samples[2 * i + 1] = (float) modes[m][1];
                }
            }
            for (; i < SAMPLES; i++) {
                samples[2 * i] = 100f; // far from every mode: not high quality
                samples[2 * i + 1] = 100f;
            }
            var coverage = ModeCoverage.evaluate(samples, modes, ring.std());
            if (coverage.modesReached() != Integer.parseInt(f[1]) || coverage.modesCovered() != Integer.parseInt(f[2])
                    || Math.abs(coverage.highQualityShare() - Double.parseDouble(f[3])) > 1e-4 || hq > SAMPLES) {
                throw new IOException(csv + ": the row of " + name + " seed " + seed + " does not add up");
            }
            DONE.put(settings + " seed " + seed, new Run(name, seed, coverage, Double.parseDouble(f[6]), Double.parseDouble(f[4])));
        }
    }

    static Run trainOnce(ToyRecipe recipe, long seed, Mixture2d ring, int trace) {
        long start = System.nanoTime();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        try (GanTrainer trainer = recipe.builder(ring).optSeed(seed).optProgress(0).optMeasureAfterUpdate(false)
                .build()) {
            int done = 0;
            while (done < recipe.iterations()) {
                int chunk = trace > 0 ? Math.min(trace, recipe.iterations() - done) : recipe.iterations() - done;
                trainer.fit(chunk);
                done += chunk;
                if (trace > 0) {
                    var c = ModeCoverage.evaluate(trainer.generate(SAMPLES).toFloatArray(), ring.modes(), ring.std());
                    System.out.printf(Locale.ROOT, "  %s seed %d it %d: %s%n", recipe.name(), seed, done, c.summary());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            var coverage = ModeCoverage.evaluate(trainer.generate(SAMPLES).toFloatArray(), ring.modes(), ring.std());
            return new Run(recipe.name(), seed, coverage, seconds, cpu);
        }
    }
}

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
        m.put("notebook-9-tuned", plain.named("notebook-9-tuned").withIterations(5000).withRateDrop(0.8, 0.1f)
                .withDropout(0.3f));
        // small deep networks are cheap here (a step costs little more than its fixed overhead), so the
        // budget buys a long low-learning-rate phase, which is what sharpens the modes
        ToyRecipe small = plain.withHidden(new int[] {64, 64, 64}, new int[] {64, 64, 64}).withIterations(5000)
                .withRateDrop(0.5, 0.1f);
        m.put("small-z2-half", small.named("small-z2-half"));
        m.put("small-z2-half-pack2", small.named("small-z2-half-pack2").withPacking(2));
        m.put("small-z8-half-pack2", small.named("small-z8-half-pack2").withCodingSize(8).withPacking(2));
        m.put("small-z2-pack2-slow", small.named("small-z2-pack2-slow").withPacking(2).withIterations(7000)
                .withRateDrop(0.3, 0.1f));
        m.put("mid-z2-half-pack2", plain.named("mid-z2-half-pack2").withIterations(3500).withRateDrop(0.5, 0.1f)
                .withPacking(2));
        return m;
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
        List<Long> seeds = List.of(1L, 2L, 3L, 4L, 5L);
        List<String> only = null;
        Path out = Path.of("src/bench/ring");
        int trace = 0;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--seeds" -> seeds = java.util.Arrays.stream(args[i + 1].split(",")).map(Long::parseLong).toList();
                case "--only" -> only = List.of(args[i + 1].split(","));
                case "--out" -> out = Path.of(args[i + 1]);
                case "--trace" -> trace = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(out);
        if (what.equals("sweep") || what.equals("all")) {
            table("sweep", "The seeded sweep that chose ToyRecipe.standard()", sweep(), seeds, only, trace,
                    out.resolve("ring-sweep.md"));
        }
        if (what.equals("remedies") || what.equals("all")) {
            table("remedies", "Remedies against mode collapse on the ring", remedies(), seeds, only, trace,
                    out.resolve("ring-remedies.md"));
        }
    }

    static void table(String kind, String title, Map<String, ToyRecipe> candidates, List<Long> seeds,
            List<String> only, int trace, Path file) throws IOException {
        Mixture2d ring = Toys.ring();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("Written by `make ring-tables` (src/bench/ring/run.sh): every candidate trained on `Toys.ring()` ")
                .append("(8 Gaussians, radius 2, std 0.02) from seeds ").append(seeds).append(", one thread; ")
                .append(SAMPLES).append(" samples scored by `ModeCoverage`: a sample is high quality (HQ) within 3 std ")
                .append("(0.06) of its nearest mode; **papers' rule**: a mode is reached by >= 1 HQ sample ")
                .append("(VEEGAN, PacGAN); **strict**: a mode holds >= a tenth of an even share (>= ")
                .append(ModeCoverage.defaultMinSamplesPerMode(SAMPLES, 8)).append(" HQ samples). ")
                .append("CPU s: CPU time of the training thread (PyTorch pinned to one thread); wall s: elapsed time on a ")
                .append("shared machine, inflated by other load.\n\n");
        md.append("## Candidates\n\n");
        for (ToyRecipe r : candidates.values()) {
            if (only == null || only.contains(r.name())) {
                md.append("- ").append(r).append('\n');
            }
        }
        md.append("\n## Summary over seeds\n\n");
        md.append("| candidate | 8/8 (papers') | 8/8 (strict) | HQ >= 90 % and 8/8 | mean modes (papers') | mean modes (strict) | mean HQ | mean CPU s | mean wall s |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        List<Run> all = new ArrayList<>();
        List<ToyRecipe> chosen = only == null ? List.copyOf(candidates.values())
                : only.stream().filter(candidates::containsKey).map(candidates::get).toList();
        for (ToyRecipe recipe : chosen) {
            List<Run> runs = new ArrayList<>();
            for (long seed : seeds) {
                Run run = train(recipe, seed, ring, trace);
                runs.add(run);
                System.out.printf(Locale.ROOT, "%s seed %d: %s (%.1f s, CPU %.1f s)%n", recipe.name(), seed,
                        run.coverage().summary(), run.seconds(), run.cpuSeconds());
            }
            all.addAll(runs);
            int n = runs.size();
            long full = runs.stream().filter(r -> r.coverage().modesReached() == 8).count();
            long strict = runs.stream().filter(r -> r.coverage().modesCovered() == 8).count();
            long sharp = runs.stream().filter(r -> r.coverage().modesReached() == 8
                    && r.coverage().highQualityShare() >= 0.9).count();
            md.append(String.format(Locale.ROOT, "| %s | %d of %d | %d of %d | %d of %d | %.1f | %.1f | %.1f %% | %.0f | %.0f |%n",
                    recipe.name(), full, n, strict, n, sharp, n,
                    runs.stream().mapToInt(r -> r.coverage().modesReached()).average().orElse(0),
                    runs.stream().mapToInt(r -> r.coverage().modesCovered()).average().orElse(0),
                    100 * runs.stream().mapToDouble(r -> r.coverage().highQualityShare()).average().orElse(0),
                    runs.stream().mapToDouble(Run::cpuSeconds).average().orElse(0),
                    runs.stream().mapToDouble(Run::seconds).average().orElse(0)));
            Files.writeString(file, md + "\n(partial: the run is still going)\n");
        }
        md.append("\n## Every run\n\n| candidate | seed | modes (papers') | modes (strict) | HQ share | HQ samples per mode | CPU s | wall s |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Run r : all) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f %% | %s | %.1f | %.1f |%n", r.name(), r.seed(),
                    r.coverage().modesReached(), r.coverage().modesCovered(),
                    100 * r.coverage().highQualityShare(),
                    java.util.Arrays.toString(r.coverage().countsPerMode()), r.cpuSeconds(), r.seconds()));
        }
        Files.writeString(file, md.toString());
        // the same runs as CSV, in RecipeRuns' columns, for notebook 9 (seconds: CPU seconds of training)
        StringBuilder csv = new StringBuilder("setting,seed,modes_papers,modes_strict,hq_share,seconds\n");
        for (Run r : all) {
            csv.append(String.format(Locale.ROOT, "\"%s\",%d,%d,%d,%.4f,%.1f%n", r.name(), r.seed(),
                    r.coverage().modesReached(), r.coverage().modesCovered(), r.coverage().highQualityShare(),
                    r.cpuSeconds()));
        }
        Path csvFile = file.resolveSibling(file.getFileName().toString().replace(".md", ".csv"));
        Files.writeString(csvFile, csv.toString());
        System.out.println("wrote " + file + " and " + csvFile);
    }

    /** Runs already made in this process, by settings (not name) and seed: a table reuses another's runs. */
    private static final Map<String, Run> DONE = new java.util.HashMap<>();

    static Run train(ToyRecipe recipe, long seed, Mixture2d ring, int trace) {
        String key = recipe.toString().substring(recipe.toString().indexOf(':')) + " seed " + seed;
        Run done = DONE.get(key);
        if (done == null) {
            done = trainOnce(recipe, seed, ring, trace);
            DONE.put(key, done);
        }
        return new Run(recipe.name(), seed, done.coverage(), done.seconds(), done.cpuSeconds());
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

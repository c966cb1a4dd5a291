package org.ganbook.notebook;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.ganbook.plot.Plots;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.Iteration;
import org.ganbook.train.ProgressFormat;
import org.ganbook.train.TrainingProgress;

/**
 * Training you can watch in the notebook cell: while {@link GanTrainer#fit} runs, one output shows a
 * progress bar (iteration N/M, rate, time left, D and G loss) and one output shows a picture; both
 * are replaced in place as training goes on, and the saved notebook keeps the final frame.
 *
 * <p>Inside a Jupyter kernel this is what {@code fit} shows by default, with the
 * {@linkplain GanPlots#overview overview picture} for the kind of data. Choose another picture or
 * rhythm per call or per trainer:
 *
 * <pre>{@code
 * trainer.fit(3000);                                                        // the default live view
 * trainer.fit(3000, Live.every(100, t -> GanPlots.decisionMap(t, 3, 256, false)));
 * trainer.fit(3000, Live.bar());                                            // the bar alone
 * GanTrainer.builder(g, d)...optProgress(Live.every(500, GanPlots::curves)).build();
 * }</pre>
 *
 * <p>It never slows training noticeably: the bar is redrawn at most every 0.25 s, a default picture at
 * most every 2 s and, since drawing one takes a few tenths of a second, never more often than 40 times its
 * drawing time (so pictures take at most about 2.5% of the training time, plus the final frame). A failing picture or display is
 * reported once and switched off; training goes on. Outside a kernel (a terminal, a test) it prints
 * plain progress lines instead.
 */
public final class Live implements TrainingProgress {

    static final long BAR_INTERVAL_NANOS = 250_000_000L;
    static final long PICTURE_INTERVAL_NANOS = 2_000_000_000L;
    static final int PICTURE_COST_FACTOR = 40;
    /** The last picture's drawing time in this JVM: a new fit starts from it instead of knowing nothing. */
    private static final AtomicLong LAST_PICTURE_COST = new AtomicLong();
    private static final int FALLBACK_LINES = 10;

    private final Function<GanTrainer, BufferedImage> picture;
    private final int every;
    private final Supplier<Optional<CellOutput>> outputs;
    private final LongSupplier clock;
    private final PrintStream errors;
    private final AtomicLong lastPictureCost;

    private CellOutput out;
    private TrainingProgress fallback;
    private String barId;
    private String pictureId;
    private int iterations;
    private long first;
    private long last;
    private int done;
    private int pictureDone;
    private Iteration latest;
    private long startNanos;
    private long barNanos;
    private long pictureNanos;
    private long pictureCost;
    private boolean barFailed;
    private boolean pictureFailed;

    Live(Function<GanTrainer, BufferedImage> picture, int every, Supplier<Optional<CellOutput>> outputs,
            LongSupplier clock, PrintStream errors, AtomicLong lastPictureCost) {
        this.picture = picture;
        this.every = every;
        this.outputs = outputs;
        this.clock = clock;
        this.errors = errors;
        this.lastPictureCost = lastPictureCost;
    }

    private static Live of(Function<GanTrainer, BufferedImage> picture, int every) {
        return new Live(picture, every, () -> JupyterKernel.find().map(k -> k), System::nanoTime, System.err,
                LAST_PICTURE_COST);
    }

    /**
     * The default: the bar and the {@linkplain GanPlots#overview overview picture} for the trainer's
     * kind of data, redrawn about every 2 seconds.
     *
     * @return the live view
     */
    public static Live automatic() {
        return of(GanPlots::overview, 0);
    }

    /**
     * The bar and a picture of your choice, redrawn every {@code iterations} iterations and at the end.
     *
     * @param iterations how often to redraw the picture
     * @param picture draws the trainer's current state, e.g. {@code t -> GanPlots.curves(t)}
     * @return the live view
     * @throws IllegalArgumentException if {@code iterations} is not positive or {@code picture} is null
     */
    public static Live every(int iterations, Function<GanTrainer, BufferedImage> picture) {
        if (iterations <= 0) {
            throw new IllegalArgumentException("iterations must be positive, got " + iterations);
        }
        if (picture == null) {
            throw new IllegalArgumentException("picture is null: use Live.bar() for the bar alone");
        }
        return of(picture, iterations);
    }

    /**
     * The progress bar alone, no picture.
     *
     * @return the live view
     */
    public static Live bar() {
        return of(null, 0);
    }

    @Override
    public void start(GanTrainer trainer, int iterations) {
        this.iterations = iterations;
        this.first = trainer.iteration();
        this.last = first + iterations;
        this.done = 0;
        this.pictureDone = 0;
        this.latest = null;
        this.barId = null;
        this.pictureId = null;
        this.barFailed = false;
        this.pictureFailed = false;
        this.pictureCost = lastPictureCost.get();
        this.startNanos = clock.getAsLong();
        this.barNanos = startNanos;
        this.pictureNanos = startNanos;
        this.out = outputs.get().orElse(null);
        this.fallback = null;
        if (out == null) {
            fallback = TrainingProgress.lines(FALLBACK_LINES);
            fallback.start(trainer, iterations);
            return;
        }
        showBar(false);
    }

    @Override
    public void update(GanTrainer trainer, Iteration iteration) {
        if (fallback != null) {
            fallback.update(trainer, iteration);
            return;
        }
        done++;
        latest = iteration;
        long now = clock.getAsLong();
        if (picture != null && !pictureFailed && pictureDue(now)) {
            showPicture(trainer);
            now = clock.getAsLong();
        }
        if (now - barNanos >= BAR_INTERVAL_NANOS) {
            barNanos = now;
            showBar(false);
        }
    }

    private boolean pictureDue(long now) {
        if (every > 0) {
            return done % every == 0;
        }
        return now - pictureNanos >= Math.max(PICTURE_INTERVAL_NANOS, PICTURE_COST_FACTOR * pictureCost);
    }

    @Override
    public void finish(GanTrainer trainer, Iteration lastRun) {
        if (fallback != null) {
            fallback.finish(trainer, lastRun);
            return;
        }
        if (lastRun != null) {
            latest = lastRun;
        }
        if (picture != null && !pictureFailed && done > pictureDone) {
            showPicture(trainer);
        }
        showBar(true);
    }

    private void showPicture(GanTrainer trainer) {
        long before = clock.getAsLong();
        try {
            BufferedImage image = picture.apply(trainer);
            Map<String, String> bundle = new LinkedHashMap<>();
            bundle.put("image/png", Base64.getEncoder().encodeToString(Plots.pngBytes(image)));
            bundle.put("text/plain", "picture after iteration " + trainer.iteration());
            if (pictureId == null) {
                pictureId = out.display(bundle);
            } else {
                out.update(pictureId, bundle);
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            pictureFailed = true;
            report("picture", e);
        } finally {
            long after = clock.getAsLong();
            pictureCost = after - before;
            lastPictureCost.set(pictureCost);
            pictureNanos = after;
            pictureDone = done;
        }
    }

    private void showBar(boolean finished) {
        if (barFailed) {
            return;
        }
        try {
            Map<String, String> bundle = new LinkedHashMap<>();
            String text = barText(finished);
            bundle.put("text/html", barHtml(text));
            bundle.put("text/plain", text);
            if (barId == null) {
                barId = out.display(bundle);
            } else {
                out.update(barId, bundle);
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            barFailed = true;
            report("progress bar", e);
        }
    }

    private void report(String what, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();   // keep the stop button's request for fit
            }
        }
        errors.println("live view: the " + what + " failed and is off for the rest of this fit, training goes on: " + e);
    }

    /** The bar's one line of text, e.g. {@code iteration 1200/3000 | 132 it/s | ETA 0:14 | D loss 0.242 | G loss 2.351}. */
    String barText(boolean finished) {
        long now = clock.getAsLong();
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : Double.NaN;
        long current = latest == null ? first : latest.iteration() + 1;
        StringBuilder text = new StringBuilder();
        if (finished && done < iterations) {
            text.append("stopped at ");
        }
        text.append("iteration ").append(current).append('/').append(last);
        text.append(" | ").append(ProgressFormat.rate(rate));
        if (finished) {
            text.append(" | took ").append(ProgressFormat.duration(seconds));
        } else {
            text.append(" | ETA ").append(ProgressFormat.duration(ProgressFormat.eta(last - current, rate)));
        }
        if (latest != null) {
            text.append(String.format(Locale.ROOT, " | D loss %.3f | G loss %.3f",
                    latest.discriminator().loss(), latest.generator().loss()));
        }
        return text.toString();
    }

    private String barHtml(String text) {
        long current = latest == null ? first : latest.iteration() + 1;
        return "<div style=\"font-family: monospace\"><progress value=\"" + current + "\" max=\"" + Math.max(1, last)
                + "\" style=\"width: 24em; vertical-align: middle\"></progress> <span>" + TableHtml.escape(text)
                + "</span></div>";
    }
}

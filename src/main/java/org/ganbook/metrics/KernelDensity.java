package org.ganbook.metrics;

import java.util.Arrays;
import java.util.Locale;
import org.ganbook.data.Density1d;

/**
 * A density estimated from 1-D samples: a Gaussian kernel density estimate. Each sample
 * contributes a small Gaussian bump of standard deviation {@code bandwidth}; their average is a
 * smooth curve that integrates to 1. Use it to draw the generator's density p_g next to the exact
 * p_data, or to compute the optimal discriminator {@code p_data / (p_data + p_g)}.
 *
 * <p>The default bandwidth is Silverman's rule of thumb, {@code 0.9 · min(σ, IQR/1.34) · n^(−1/5)},
 * which suits roughly Gaussian samples; pass a bandwidth of your own otherwise.
 *
 * <pre>{@code
 * KernelDensity pG = KernelDensity.of(trainer.generate(20_000).toFloatArray());
 * double p = pG.density(0.5);
 * }</pre>
 */
public final class KernelDensity implements Density1d {

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private final double[] sorted;
    private final double bandwidth;

    private KernelDensity(double[] sorted, double bandwidth) {
        this.sorted = sorted;
        this.bandwidth = bandwidth;
    }

    /**
     * Estimates the density of the samples with Silverman's bandwidth.
     *
     * @param samples the samples; NaN values are ignored
     * @return the estimate
     * @throws IllegalArgumentException if fewer than two usable samples are given or they are all equal
     */
    public static KernelDensity of(float[] samples) {
        double[] values = usable(samples);
        return new KernelDensity(values, silverman(values));
    }

    /**
     * Estimates the density of the samples with the given bandwidth.
     *
     * @param samples the samples; NaN values are ignored
     * @param bandwidth the standard deviation of each sample's Gaussian bump, positive
     * @return the estimate
     * @throws IllegalArgumentException if no usable sample is given or the bandwidth is not positive
     */
    public static KernelDensity of(float[] samples, double bandwidth) {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be positive and finite, got " + bandwidth);
        }
        return new KernelDensity(usable(samples), bandwidth);
    }

    private static double[] usable(float[] samples) {
        if (samples == null) {
            throw new IllegalArgumentException("samples is null");
        }
        double[] values = new double[samples.length];
        int n = 0;
        for (float s : samples) {
            if (!Float.isNaN(s)) {
                values[n++] = s;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no usable samples (empty, or all NaN)");
        }
        values = Arrays.copyOf(values, n);
        Arrays.sort(values);
        return values;
    }

    private static double silverman(double[] sorted) {
        int n = sorted.length;
        if (n < 2) {
            throw new IllegalArgumentException("Silverman's bandwidth needs at least two samples; pass a bandwidth");
        }
        double mean = 0;
        for (double v : sorted) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : sorted) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / (n - 1));
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        double spread = iqr > 0 ? Math.min(std, iqr / 1.34) : std;
        if (!(spread > 0)) {
            throw new IllegalArgumentException("all samples are equal (" + sorted[0] + "); pass a bandwidth");
        }
        return 0.9 * spread * Math.pow(n, -0.2);
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Returns the bandwidth, the standard deviation of each sample's bump. */
    public double bandwidth() {
        return bandwidth;
    }

    /** Returns the number of samples behind the estimate. */
    public int sampleCount() {
        return sorted.length;
    }

    /**
     * The estimated density at {@code x}. Samples farther than eight bandwidths away contribute
     * less than 1e-14 of a bump each and are skipped.
     *
     * @param x the point
     * @return the density, never negative
     */
    @Override
    public double density(double x) {
        double reach = 8 * bandwidth;
        int from = lowerBound(x - reach);
        int to = lowerBound(x + reach);
        double sum = 0;
        for (int i = from; i < to; i++) {
            double u = (x - sorted[i]) / bandwidth;
            sum += Math.exp(-0.5 * u * u);
        }
        return sum * INV_SQRT_2PI / (bandwidth * sorted.length);
    }

    private int lowerBound(double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KernelDensity[%d samples, bandwidth %.4g]", sorted.length, bandwidth);
    }
}

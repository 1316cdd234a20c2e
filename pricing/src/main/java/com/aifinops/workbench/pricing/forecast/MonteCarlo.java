package com.aifinops.workbench.pricing.forecast;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentiles of monthly spend per user by Monte Carlo, reproducible from a seed. Budgets are suggested at the
 * P90 and hard caps at the P99 of the per-user spend.
 */
public final class MonteCarlo {
    private MonteCarlo() {
    }

    /**
     * @param p50 median spend per user
     * @param p90 90th percentile: the suggested budget per user
     * @param p99 99th percentile: the suggested hard cap per user
     * @param mean sample mean per user; × users = the expected monthly total
     */
    public record Percentiles(double p50, double p90, double p99, double mean) {
    }

    public static Percentiles run(SpendDistribution d, int samples, long seed) {
        if (samples < 100) {
            throw new IllegalArgumentException("at least 100 samples");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] xs = new double[samples];
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            xs[i] = d.sample(random);
            sum += xs[i];
        }
        Arrays.sort(xs);
        return new Percentiles(at(xs, 0.50), at(xs, 0.90), at(xs, 0.99), sum / samples);
    }

    /** The p-quantile of sorted values by linear interpolation between order statistics. */
    static double at(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        double frac = pos - i;
        return i + 1 < sorted.length ? sorted[i] + frac * (sorted[i + 1] - sorted[i]) : sorted[i];
    }
}

package com.aifinops.workbench.pricing.forecast;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonteCarloTest {
    @ParameterizedTest(name = "median {0}, sigma {1}")
    @CsvSource({"2.50, 1.0", "10, 0.5", "0.40, 1.5"})
    void lognormalPercentilesAgreeWithTheClosedFormWithinTwoPercent(double median, double sigma) {
        SpendDistribution.LogNormal d = new SpendDistribution.LogNormal(median, sigma);
        MonteCarlo.Percentiles p = MonteCarlo.run(d, 100_000, 42);
        // closed form: median · e^(σ·z), z(0.90) = 1.281552, z(0.99) = 2.326348
        assertEquals(median, p.p50(), median * 0.02);
        assertEquals(median * Math.exp(sigma * 1.2815516), p.p90(), p.p90() * 0.02);
        assertEquals(median * Math.exp(sigma * 2.3263479), p.p99(), p.p99() * 0.02);
        assertEquals(median * Math.exp(sigma * sigma / 2), p.mean(), p.mean() * 0.03);
    }

    @Test
    void inverseNormalMatchesTabulatedValues() {
        assertEquals(1.2815516, Gaussian.inverseCdf(0.90), 1e-6);
        assertEquals(2.3263479, Gaussian.inverseCdf(0.99), 1e-6);
        assertEquals(-1.6448536, Gaussian.inverseCdf(0.05), 1e-6);
        assertEquals(0.0, Gaussian.inverseCdf(0.5), 1e-12);
    }

    @Test
    void heavyUsersFattenTheTailNotTheMedian() {
        var light = new SpendDistribution.LogNormal(1.0, 0.5);
        var mix = new SpendDistribution.Mixture(light, new SpendDistribution.LogNormal(40.0, 0.5), 0.05);
        MonteCarlo.Percentiles onlyLight = MonteCarlo.run(light, 100_000, 7);
        MonteCarlo.Percentiles mixed = MonteCarlo.run(mix, 100_000, 7);
        assertTrue(mixed.p99() > 10 * onlyLight.p99(), "5 % heavy users dominate P99");
        assertEquals(onlyLight.p50(), mixed.p50(), onlyLight.p50() * 0.1, "the median barely moves");
        // mean: 0.95 · e^(0.125) + 0.05 · 40 · e^(0.125) = 1.0765 + 2.2663 = 3.3428
        assertEquals(3.3428, mix.mean(), 1e-3);
    }

    @Test
    void sameSeedSameResult() {
        var d = new SpendDistribution.LogNormal(3, 1);
        assertEquals(MonteCarlo.run(d, 1000, 1), MonteCarlo.run(d, 1000, 1));
    }
}

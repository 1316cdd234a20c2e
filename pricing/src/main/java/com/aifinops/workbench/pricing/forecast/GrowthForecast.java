package com.aifinops.workbench.pricing.forecast;

import java.util.List;

/**
 * A forecast from the model: month m (1 = the first forecast month) costs
 * <pre>
 * cost_m = base · (1 + g)^(m−1) · Π factor_k over the price changes with fromMonth_k ≤ m
 * </pre>
 * where g is the compound monthly adoption growth (volume, i.e. users) and a price change multiplies the price
 * from its month on (2–3 for a repricing, 0.5 for a cut). Per-user spend moves with price only: growth adds
 * users, not spend per user.
 */
public final class GrowthForecast {

    /** From month {@code fromMonth} (1-based) on, prices are multiplied by {@code factor}. */
    public record PriceChange(int fromMonth, double factor) {
        public PriceChange {
            if (fromMonth < 1 || factor < 0) {
                throw new IllegalArgumentException("a price change needs fromMonth ≥ 1 and factor ≥ 0");
            }
        }
    }

    private GrowthForecast() {
    }

    /** The volume multiplier of month m: (1 + g)^(m−1). */
    public static double volumeFactor(double monthlyGrowth, int month) {
        return Math.pow(1 + monthlyGrowth, month - 1);
    }

    /** The price multiplier of month m: the product of the factors of every change in force. */
    public static double priceFactor(List<PriceChange> changes, int month) {
        double f = 1;
        for (PriceChange c : changes) {
            if (c.fromMonth() <= month) {
                f *= c.factor();
            }
        }
        return f;
    }

    /** Monthly costs for months 1..months. */
    public static double[] monthly(double base, double monthlyGrowth, List<PriceChange> changes, int months) {
        double[] out = new double[months];
        for (int m = 1; m <= months; m++) {
            out[m - 1] = base * volumeFactor(monthlyGrowth, m) * priceFactor(changes, m);
        }
        return out;
    }
}

package com.aifinops.workbench.pricing.decision;

import java.util.Arrays;

/**
 * Points to draw a cost curve with, in doubles: log-spaced volumes between {@code min} and {@code max}, plus both
 * sides of every step the curve takes in that range, so a stepwise fleet draws as steps and not as slopes.
 */
public final class CurvePoints {
    private CurvePoints() {
    }

    /** {xs, ys}: volumes ascending and the annual cost at each. */
    public static double[][] of(CostCurve c, double min, double max, int n) {
        double[] xs = logSpaced(min, max, n);
        if (c.isStepped()) {
            double step = c.stepTokens().doubleValue() / c.demandFactor().doubleValue(); // tokens of demand per step
            long first = (long) Math.ceil(min / step);
            long last = (long) Math.floor(max / step);
            if (last - first < 5_000) {
                double[] more = new double[(int) (2 * Math.max(0, last - first + 1))];
                int k = 0;
                for (long s = first; s <= last; s++) {
                    more[k++] = s * step;           // the last token of step s
                    more[k++] = s * step * (1 + 1e-9); // the first of step s + 1
                }
                double[] all = Arrays.copyOf(xs, xs.length + k);
                System.arraycopy(more, 0, all, xs.length, k);
                Arrays.sort(all);
                xs = Arrays.stream(all).filter(x -> x >= min && x <= max).toArray();
            }
        }
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = c.costAt(xs[i]);
        }
        return new double[][]{xs, ys};
    }

    public static double[] logSpaced(double min, double max, int n) {
        double[] xs = new double[n];
        double a = Math.log10(min);
        double b = Math.log10(max);
        for (int i = 0; i < n; i++) {
            xs[i] = Math.pow(10, a + (b - a) * i / (n - 1));
        }
        return xs;
    }
}

package com.aifinops.workbench.pricing.forecast;

/**
 * A forecast from history: a least-squares trend plus optional additive seasonality, with a prediction
 * interval. The caller hands in the totals (monthly, or daily with a weekly period); the engine never reads a
 * database.
 * <pre>
 * y_t = a + b·t + s_(t mod period) + ε_t,   Σ s = 0
 * </pre>
 * fitted by ordinary least squares on t and the seasonal dummies (solved by alternating the trend fit and the
 * seasonal means of the detrended values until they settle, which converges to the joint least-squares fit).
 * The interval at a future t is ŷ ± t_(ν, 1−α/2)·σ̂·√(1 + 1/n + (t − t̄)²/S_tt), ν = n − 2 − (period − 1).
 */
public final class HistoryForecast {

    /**
     * @param intercept a
     * @param slope     b per step
     * @param seasonal  s by position in the period (length 1 and 0 when there is no seasonality)
     * @param sigma     residual standard error σ̂
     * @param n         observations
     * @param dof       ν
     */
    public record Fit(double intercept, double slope, double[] seasonal, double sigma, int n, int dof, double meanT, double stt) {

        /** The point forecast at step t (0 = the first observation). */
        public double predict(int t) {
            return intercept + slope * t + seasonal[Math.floorMod(t, seasonal.length)];
        }

        /** Half-width of the two-sided prediction interval at step t and coverage (e.g. 0.90). */
        public double halfWidth(int t, double coverage) {
            double q = studentT(dof, 0.5 + coverage / 2);
            return q * sigma * Math.sqrt(1 + 1.0 / n + (t - meanT) * (t - meanT) / stt);
        }
    }

    /** One forecast step. */
    public record Point(int step, double value, double low, double high) {
    }

    private HistoryForecast() {
    }

    /** @param period 1 for no seasonality, 7 for weekly seasonality of daily totals, 12 for yearly of monthly */
    public static Fit fit(double[] y, int period) {
        int n = y.length;
        if (period < 1) {
            throw new IllegalArgumentException("period must be ≥ 1");
        }
        int dof = n - 2 - (period - 1);
        if (dof < 1) {
            throw new IllegalArgumentException("need at least " + (period + 2) + " values for a trend"
                    + (period > 1 ? " with a period of " + period : "") + ", got " + n);
        }
        double[] s = new double[period];
        double a = 0;
        double b = 0;
        double meanT = (n - 1) / 2.0;
        double stt = 0;
        for (int t = 0; t < n; t++) {
            stt += (t - meanT) * (t - meanT);
        }
        for (int iter = 0; iter < (period == 1 ? 1 : 200); iter++) {
            // trend on the deseasonalised values
            double meanY = 0;
            for (int t = 0; t < n; t++) {
                meanY += y[t] - s[t % period];
            }
            meanY /= n;
            double sty = 0;
            for (int t = 0; t < n; t++) {
                sty += (t - meanT) * (y[t] - s[t % period] - meanY);
            }
            b = sty / stt;
            a = meanY - b * meanT;
            if (period == 1) {
                break;
            }
            // seasonal means of the detrended values, centred
            double[] sum = new double[period];
            int[] count = new int[period];
            for (int t = 0; t < n; t++) {
                sum[t % period] += y[t] - a - b * t;
                count[t % period]++;
            }
            double centre = 0;
            double[] next = new double[period];
            for (int k = 0; k < period; k++) {
                next[k] = count[k] == 0 ? 0 : sum[k] / count[k];
                centre += next[k];
            }
            centre /= period;
            double change = 0;
            for (int k = 0; k < period; k++) {
                next[k] -= centre;
                change = Math.max(change, Math.abs(next[k] - s[k]));
            }
            s = next;
            if (change < 1e-12 * (1 + Math.abs(a))) {
                break;
            }
        }
        double sse = 0;
        for (int t = 0; t < n; t++) {
            double r = y[t] - (a + b * t + s[t % period]);
            sse += r * r;
        }
        return new Fit(a, b, s, Math.sqrt(sse / dof), n, dof, meanT, stt);
    }

    /** The next {@code horizon} steps after the history, with a {@code coverage} prediction interval. */
    public static Point[] forecast(double[] y, int period, int horizon, double coverage) {
        Fit f = fit(y, period);
        Point[] out = new Point[horizon];
        for (int h = 0; h < horizon; h++) {
            int t = y.length + h;
            double v = f.predict(t);
            double w = f.halfWidth(t, coverage);
            out[h] = new Point(t, v, v - w, v + w);
        }
        return out;
    }

    /** Student-t quantile by the Cornish–Fisher expansion around the normal quantile (good to ~1e-3 for ν ≥ 3). */
    static double studentT(int nu, double p) {
        double z = Gaussian.inverseCdf(p);
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4.0 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * nu * nu)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * nu * nu * nu);
    }
}

package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds hours in which an agent, team or model departs from its own trailing hours: what a daily total dilutes
 * (a three-hour loop, an afternoon with a doubled prompt) stands out against the hours around it.
 *
 * <p>The baseline of an hour is the series' earlier hours within the look-back (168 hours) that were not
 * themselves anomalous; the <em>recent</em> baseline is the latest 24 of them. With fewer than 12 such hours (the
 * start of a series, or a change that has lasted the whole look-back) all earlier hours in the look-back are used
 * and the change becomes the new normal. Only hours with usage are points, as days are for the daily detector.
 * Usage follows the clock (quiet nights, busy afternoons), so a volume test compares an hour with the larger of its
 * baseline's mean hour and the mean of the baseline hours at the same UTC hour of day ("the expected hour"): a
 * normal 2 pm is never measured against a night; a volume test therefore needs a day of history (a baseline hour
 * at the same hour of day). Each hour is tested in this order, exactly:
 * <ol>
 *   <li>{@code runaway_loop}: requests ≥ 5 × the expected hour of the recent baseline;</li>
 *   <li>{@code context_growth}: input tokens per request ≥ 3 × the recent baseline's;</li>
 *   <li>{@code model_change}: cost per request ≥ (1 + band) × the recent baseline's (band 30 %) while tokens per
 *       request stay within ± band;</li>
 *   <li>{@code volume_growth}: requests ≥ 2 × the expected hour of the whole baseline.</li>
 * </ol>
 * There is no hourly {@code other}: an hour's spend alone is too noisy to call without a pattern, and a day of it
 * is the daily detector's. Consecutive anomalous hours (no hour missing between them) of one series with one cause
 * form one {@link Anomaly} of granularity {@code HOUR}. Extra cost is against the recent baseline's cost per request
 * for the per-request causes, and against the expected hour's cost (the same larger-of rule) for the volume causes.
 *
 * <p>The screen over every hour runs on sliding sums in {@code long} and {@code double}; only an hour that may pass
 * a test (within 1 %) is classified with exact {@code BigDecimal} arithmetic over its baseline.
 */
public final class HourlyAnomalyDetector {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final long HOUR_SECONDS = 3600;

    /**
     * Fewer requests in an hour than this are never a finding: the ratios of one or two requests are noise (a sparse
     * series of a few requests an hour flagged an hourly "model change" on most days), and a loop or a doubled prompt
     * that matters makes more.
     */
    public static final int MIN_REQUESTS = 20;

    /** Thresholds; {@link #DEFAULTS} are those documented above. */
    public record Options(BigDecimal loopFactor, BigDecimal contextFactor, BigDecimal costBand, BigDecimal growthFactor,
                          int recentBaselineHours, int lookbackHours, int minBaselineHours) {
        public Options withBand(BigDecimal band) {
            return new Options(loopFactor, contextFactor, band, growthFactor, recentBaselineHours, lookbackHours, minBaselineHours);
        }
    }

    public static final Options DEFAULTS = new Options(new BigDecimal("5"), new BigDecimal("3"), new BigDecimal("0.30"),
            new BigDecimal("2"), 24, 168, 12);

    private HourlyAnomalyDetector() {
    }

    /** Hours since the epoch of an instant (truncated to the hour). */
    public static long hourOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), HOUR_SECONDS);
    }

    public static Instant instant(long hour) {
        return Instant.ofEpochSecond(hour * HOUR_SECONDS);
    }

    /** The first hour of a UTC day. */
    public static long firstHour(LocalDate day) {
        return day.toEpochDay() * 24;
    }

    /**
     * The hourly points of one agent, team or model, in hour order, one per hour (built by {@link Builder}, which
     * sums rows of the same hour). Compact, since a month of a thousand agents is 720,000 points: a cost is held as
     * a {@code long} count of 1e-12 dollars when it has at most 12 decimals and is under a million dollars (exactly
     * the same number), else as its {@code BigDecimal}.
     */
    public static final class Series {
        private static final int SCALE = 12;
        private final String dimension;
        private final String key;
        final long[] hour;
        final long[] requests;
        final long[] input;
        final long[] output;
        private final long[] units;
        private final BigDecimal[] exact; // null when every cost fits in units

        private Series(String dimension, String key, long[] hour, long[] requests, long[] input, long[] output, long[] units,
                       BigDecimal[] exact) {
            this.dimension = dimension;
            this.key = key;
            this.hour = hour;
            this.requests = requests;
            this.input = input;
            this.output = output;
            this.units = units;
            this.exact = exact;
        }

        public String dimension() {
            return dimension;
        }

        public String key() {
            return key;
        }

        public int size() {
            return hour.length;
        }

        public long hour(int i) {
            return hour[i];
        }

        public long requests(int i) {
            return requests[i];
        }

        public long inputTokens(int i) {
            return input[i];
        }

        public long outputTokens(int i) {
            return output[i];
        }

        /** The hour's cost, exact. */
        public BigDecimal cost(int i) {
            return exact != null && exact[i] != null ? exact[i] : BigDecimal.valueOf(units[i], SCALE);
        }

        double costDouble(int i) {
            return exact != null && exact[i] != null ? exact[i].doubleValue() : units[i] / 1e12;
        }

        /** The same points under another key (a team some raw keys resolve to). */
        public Series as(String dimension, String key) {
            return new Series(dimension, key, hour, requests, input, output, units, exact);
        }

        /** The points of several series summed hour by hour under one key. */
        public static Series sum(String dimension, String key, List<Series> parts) {
            if (parts.size() == 1) {
                return parts.get(0).as(dimension, key);
            }
            Builder b = new Builder(dimension, key);
            for (Series s : parts) {
                for (int i = 0; i < s.size(); i++) {
                    b.add(s.hour[i], s.requests[i], s.input[i], s.output[i], s.cost(i));
                }
            }
            return b.build();
        }

        @Override
        public String toString() {
            return dimension + " " + key + " (" + size() + " hours)";
        }
    }

    /**
     * Collects the rows of one series in any order; {@link #build} sorts them and sums rows of the same hour. A cost
     * given as an unscaled value and scale that fits the series' units is added without a {@code BigDecimal}.
     */
    public static final class Builder {
        private static final long UNITS_LIMIT = 1_000_000L * 1_000_000_000_000L; // a million dollars in 1e-12
        private static final long[] TEN = new long[19];

        static {
            TEN[0] = 1;
            for (int i = 1; i < TEN.length; i++) {
                TEN[i] = TEN[i - 1] * 10;
            }
        }

        private final String dimension;
        private final String key;
        private long[] hour = new long[16], req = new long[16], in = new long[16], out = new long[16], units = new long[16];
        private BigDecimal[] big; // null, or the cost of a point that does not fit units (its units entry unused)
        private int n;
        private boolean sorted = true;

        public Builder(String dimension, String key) {
            this.dimension = dimension;
            this.key = key;
        }

        /** Adds a row of hour {@code h} (hours since the epoch). */
        public Builder add(long h, long requests, long inputTokens, long outputTokens, BigDecimal c) {
            if (c.scale() <= Series.SCALE && c.scale() >= 0 && c.precision() - c.scale() <= 6) {
                return add(h, requests, inputTokens, outputTokens, c.unscaledValue().longValue(), c.scale());
            }
            point(h, requests, inputTokens, outputTokens);
            setBig(n - 1, big != null && big[n - 1] != null ? big[n - 1].add(c) : c.add(units(n - 1)));
            return this;
        }

        /** Adds a row of hour {@code h} whose cost is {@code unscaled × 10^-scale}. */
        public Builder add(long h, long requests, long inputTokens, long outputTokens, long unscaled, int scale) {
            boolean fits = scale >= 0 && scale <= Series.SCALE && Math.abs(unscaled) < UNITS_LIMIT / TEN[Series.SCALE - scale];
            if (!fits) {
                return add(h, requests, inputTokens, outputTokens, BigDecimal.valueOf(unscaled, scale));
            }
            long u = unscaled * TEN[Series.SCALE - scale];
            point(h, requests, inputTokens, outputTokens);
            int i = n - 1;
            if (big != null && big[i] != null) {
                big[i] = big[i].add(BigDecimal.valueOf(u, Series.SCALE));
            } else if (Math.abs(units[i] + u) < UNITS_LIMIT) { // both under a million dollars: the sum cannot overflow
                units[i] += u;
            } else {
                setBig(i, BigDecimal.valueOf(units[i], Series.SCALE).add(BigDecimal.valueOf(u, Series.SCALE)));
            }
            return this;
        }

        /** Adds the counts to hour {@code h}: the last point when it is that hour, else a new point of zero cost. */
        private void point(long h, long requests, long inputTokens, long outputTokens) {
            if (n > 0 && h == hour[n - 1]) {
                req[n - 1] += requests;
                in[n - 1] += inputTokens;
                out[n - 1] += outputTokens;
                return;
            }
            if (n == hour.length) {
                int size = n * 2;
                hour = Arrays.copyOf(hour, size);
                req = Arrays.copyOf(req, size);
                in = Arrays.copyOf(in, size);
                out = Arrays.copyOf(out, size);
                units = Arrays.copyOf(units, size);
                if (big != null) {
                    big = Arrays.copyOf(big, size);
                }
            }
            sorted &= n == 0 || h > hour[n - 1];
            hour[n] = h;
            req[n] = requests;
            in[n] = inputTokens;
            out[n] = outputTokens;
            units[n] = 0;
            n++;
        }

        private BigDecimal units(int i) {
            return BigDecimal.valueOf(units[i], Series.SCALE);
        }

        private void setBig(int i, BigDecimal c) {
            if (big == null) {
                big = new BigDecimal[hour.length];
            }
            big[i] = c;
            units[i] = 0;
        }

        private BigDecimal cost(int i) {
            return big != null && big[i] != null ? big[i] : units(i);
        }

        public Series build() {
            if (!sorted) {
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Long.compare(hour[a], hour[b]));
                Builder b = new Builder(dimension, key);
                for (int i : order) {
                    if (big != null && big[i] != null) {
                        b.add(hour[i], req[i], in[i], out[i], big[i]);
                    } else {
                        b.add(hour[i], req[i], in[i], out[i], units[i], Series.SCALE);
                    }
                }
                return b.build();
            }
            BigDecimal[] exact = null;
            if (big != null) {
                for (int i = 0; i < n; i++) {
                    BigDecimal c = big[i];
                    if (c == null) {
                        continue;
                    }
                    if (c.scale() <= Series.SCALE && c.precision() - c.scale() <= 6) { // a sum that came back under a million
                        units[i] = c.setScale(Series.SCALE).unscaledValue().longValue();
                    } else {
                        if (exact == null) {
                            exact = new BigDecimal[n];
                        }
                        exact[i] = c;
                    }
                }
            }
            return new Series(dimension, key, Arrays.copyOf(hour, n), Arrays.copyOf(req, n), Arrays.copyOf(in, n), Arrays.copyOf(out, n),
                    Arrays.copyOf(units, n), exact);
        }
    }

    /** Findings of every series that start in the hours of {@code from} to {@code to} (UTC days), in the detector's order. */
    public static List<Anomaly> detect(List<Series> series, LocalDate from, LocalDate to, Options o) {
        List<Anomaly> out = new ArrayList<>();
        long first = firstHour(from), last = firstHour(to.plusDays(1)) - 1;
        for (Series s : series) {
            out.addAll(detect(s, first, last, o));
        }
        out.sort(AnomalyDetector.ORDER);
        return out;
    }

    private record HourFinding(int index, Anomaly.Cause cause, BigDecimal extra, String detail) {
    }

    /** Sums over a set of baseline hours. */
    private static final class Sums {
        long n, req, in, tok;
        double cost;

        void add(Series s, int j, int sign) {
            n += sign;
            req += sign * s.requests[j];
            in += sign * s.input[j];
            tok += sign * (s.input[j] + s.output[j]);
            cost += sign * s.costDouble(j);
        }

        void clear() {
            n = req = in = tok = 0;
            cost = 0;
        }
    }

    /**
     * Findings of one series starting from hour {@code first} to hour {@code last} (inclusive, hours since the
     * epoch); points from {@code first − lookback} on are read, the earlier ones ignored, so the answer does not
     * depend on how much history the caller holds.
     */
    static List<Anomaly> detect(Series s, long first, long last, Options o) {
        int lo = lowerBound(s.hour, first - o.lookbackHours());
        int hi = lowerBound(s.hour, last + 1);
        if (hi - lo == 0) {
            return List.of();
        }
        int recent = o.recentBaselineHours(), lookback = o.lookbackHours();
        double loop = o.loopFactor().doubleValue(), ctx = o.contextFactor().doubleValue(), band = o.costBand().doubleValue();
        double growth = o.growthFactor().doubleValue();
        boolean[] flagged = new boolean[hi - lo];
        // the clean hours in the look-back, oldest first, as a ring of point indexes
        int cap = lookback + 2;
        int[] ring = new int[cap];
        int head = 0, size = 0;
        Sums all = new Sums(), near = new Sums();
        Sums[] byHour = new Sums[24];
        for (int k = 0; k < 24; k++) {
            byHour[k] = new Sums();
        }
        // scratch for the fallback baseline (every earlier hour in the look-back)
        Sums fAll = new Sums(), fNear = new Sums(), fHod = new Sums();
        List<HourFinding> hours = new ArrayList<>();
        for (int i = lo; i < hi; i++) {
            long h = s.hour[i];
            while (size > 0 && s.hour[ring[head]] < h - lookback) {
                int j = ring[head];
                if (size <= recent) {
                    near.add(s, j, -1);
                }
                all.add(s, j, -1);
                byHour[hod(s.hour[j])].add(s, j, -1);
                head = (head + 1) % cap;
                size--;
            }
            Sums bAll, bNear, bHod;
            boolean clean = size >= o.minBaselineHours();
            if (clean) {
                bAll = all;
                bNear = near;
                bHod = byHour[hod(h)];
            } else {
                fAll.clear();
                fNear.clear();
                fHod.clear();
                for (int j = i - 1; j >= lo && s.hour[j] >= h - lookback; j--) {
                    fAll.add(s, j, 1);
                    if (fNear.n < recent) {
                        fNear.add(s, j, 1);
                    }
                    if (hod(s.hour[j]) == hod(h)) {
                        fHod.add(s, j, 1);
                    }
                }
                bAll = fAll;
                bNear = fNear;
                bHod = fHod;
            }
            HourFinding f = null;
            if (bAll.n >= o.minBaselineHours() && maybe(s, i, bAll, bNear, bHod, loop, ctx, band, growth)) {
                f = classify(s, i, baseline(s, lo, i, clean, ring, head, size, cap, lookback), recent, o);
            }
            if (f != null) {
                flagged[i - lo] = true;
                hours.add(f);
                continue;
            }
            // a clean hour joins the baseline; the recent set keeps its latest hours
            ring[(head + size) % cap] = i;
            size++;
            all.add(s, i, 1);
            byHour[hod(h)].add(s, i, 1);
            near.add(s, i, 1);
            if (size > recent) {
                near.add(s, ring[(head + size - 1 - recent) % cap], -1);
            }
        }
        List<Anomaly> out = new ArrayList<>();
        for (int k = 0; k < hours.size(); ) {
            int j = k;
            BigDecimal extra = hours.get(k).extra();
            while (j + 1 < hours.size() && hours.get(j + 1).cause() == hours.get(k).cause()
                    && s.hour[hours.get(j + 1).index()] == s.hour[hours.get(j).index()] + 1) {
                j++;
                extra = extra.add(hours.get(j).extra());
            }
            long start = s.hour[hours.get(k).index()];
            if (start >= first) {
                out.add(Anomaly.hourly(instant(start), instant(s.hour[hours.get(j).index()]), s.dimension(), s.key(), hours.get(k).cause(),
                        extra, hours.get(k).detail()));
            }
            k = j + 1;
        }
        return out;
    }

    private static int hod(long hour) {
        return (int) Math.floorMod(hour, 24L);
    }

    /** The first index whose hour is ≥ {@code h}. */
    private static int lowerBound(long[] hours, long h) {
        int a = 0, b = hours.length;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (hours[m] < h) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        return a;
    }

    /** The cheap screen in doubles with a 1 % margin: false only when no test can pass. */
    private static boolean maybe(Series s, int i, Sums all, Sums near, Sums hod, double loop, double ctx, double band, double growth) {
        double m = 0.99;
        long req = s.requests[i];
        if (req < MIN_REQUESTS) {
            return false;
        }
        double cost = s.costDouble(i);
        // a volume test needs a day of history: at least one baseline hour at the same hour of day
        boolean volumeHod = hod.n > 0 && req * (double) hod.n >= m * growth * hod.req;
        boolean loopHod = hod.n > 0 && req * (double) hod.n >= m * loop * hod.req;
        return (near.n > 0 && req * (double) near.n >= m * loop * near.req && loopHod)
                || (req > 0 && s.input[i] * (double) near.req >= m * ctx * near.in * req)
                || (req > 0 && cost * near.req >= m * (1 + band) * near.cost * req)
                || (req * (double) all.n >= m * growth * all.req && volumeHod);
    }

    /** The baseline hours of point {@code i}, oldest first: the clean ring, or every earlier hour in the look-back. */
    private static int[] baseline(Series s, int lo, int i, boolean clean, int[] ring, int head, int size, int cap, int lookback) {
        if (clean) {
            int[] b = new int[size];
            for (int k = 0; k < size; k++) {
                b[k] = ring[(head + k) % cap];
            }
            return b;
        }
        int j = i;
        while (j - 1 >= lo && s.hour[j - 1] >= s.hour[i] - lookback) {
            j--;
        }
        int[] b = new int[i - j];
        for (int k = 0; k < b.length; k++) {
            b[k] = j + k;
        }
        return b;
    }

    private static HourFinding classify(Series s, int i, int[] base, int recent, Options o) {
        int nAll = base.length, nNear = Math.min(recent, nAll);
        long reqAll = 0, reqNear = 0, inNear = 0, tokNear = 0, nHod = 0, reqHod = 0;
        BigDecimal costAll = BigDecimal.ZERO, costNear = BigDecimal.ZERO, costHod = BigDecimal.ZERO;
        int hod = hod(s.hour[i]);
        for (int k = 0; k < nAll; k++) {
            int j = base[k];
            reqAll += s.requests[j];
            costAll = costAll.add(s.cost(j));
            if (k >= nAll - nNear) {
                reqNear += s.requests[j];
                inNear += s.input[j];
                tokNear += s.input[j] + s.output[j];
                costNear = costNear.add(s.cost(j));
            }
            if (hod(s.hour[j]) == hod) {
                nHod++;
                reqHod += s.requests[j];
                costHod = costHod.add(s.cost(j));
            }
        }
        BigDecimal req = BigDecimal.valueOf(s.requests[i]), cost = s.cost(i);
        BigDecimal in = BigDecimal.valueOf(s.input[i]), tok = BigDecimal.valueOf(s.input[i] + s.output[i]);
        BigDecimal rNear = BigDecimal.valueOf(reqNear), rAll = BigDecimal.valueOf(reqAll), rHod = BigDecimal.valueOf(reqHod);
        BigDecimal nN = BigDecimal.valueOf(nNear), nA = BigDecimal.valueOf(nAll), nH = BigDecimal.valueOf(nHod);
        // req ≥ f × max(mean, same-hour mean)  ⇔  req·n ≥ f·sum for both; a volume test needs a same-hour baseline hour
        if (reqNear > 0 && nHod > 0 && req.multiply(nN).compareTo(o.loopFactor().multiply(rNear)) >= 0
                && req.multiply(nH).compareTo(o.loopFactor().multiply(rHod)) >= 0) {
            BigDecimal expectedReq = expected(rNear, nN, rHod, nH);
            return new HourFinding(i, Anomaly.Cause.RUNAWAY_LOOP, cost.subtract(expected(costNear, nN, costHod, nH)), String.format(Locale.ROOT,
                    "%d requests in the hour vs an expected %.1f (×%.1f)", s.requests[i], expectedReq.doubleValue(),
                    ratio(req, expectedReq)));
        }
        if (s.requests[i] == 0 || reqNear == 0) {
            return null;
        }
        BigDecimal unitExtra = cost.subtract(req.multiply(costNear).divide(rNear, MC));
        BigDecimal iNear = BigDecimal.valueOf(inNear), tNear = BigDecimal.valueOf(tokNear);
        if (inNear > 0 && in.multiply(rNear).compareTo(o.contextFactor().multiply(iNear).multiply(req)) >= 0) {
            return new HourFinding(i, Anomaly.Cause.CONTEXT_GROWTH, unitExtra, String.format(Locale.ROOT,
                    "input tokens per request %.0f vs %.0f over the previous %d hours (×%.2f)", ratio(in, req), ratio(iNear, rNear), nNear,
                    ratio(in.multiply(rNear), iNear.multiply(req))));
        }
        if (costNear.signum() > 0 && cost.multiply(rNear).compareTo(BigDecimal.ONE.add(o.costBand()).multiply(costNear).multiply(req)) >= 0
                && tok.multiply(rNear).subtract(tNear.multiply(req)).abs().compareTo(o.costBand().multiply(tNear).multiply(req)) <= 0) {
            return new HourFinding(i, Anomaly.Cause.MODEL_CHANGE, unitExtra, String.format(Locale.ROOT,
                    "cost per request ×%.2f at flat tokens per request (×%.2f)", ratio(cost.multiply(rNear), costNear.multiply(req)),
                    ratio(tok.multiply(rNear), tNear.multiply(req))));
        }
        if (reqAll > 0 && nHod > 0 && req.multiply(nA).compareTo(o.growthFactor().multiply(rAll)) >= 0
                && req.multiply(nH).compareTo(o.growthFactor().multiply(rHod)) >= 0) {
            BigDecimal expectedReq = expected(rAll, nA, rHod, nH);
            return new HourFinding(i, Anomaly.Cause.VOLUME_GROWTH, cost.subtract(expected(costAll, nA, costHod, nH)), String.format(Locale.ROOT,
                    "%d requests in the hour vs an expected %.1f (×%.1f)", s.requests[i], expectedReq.doubleValue(),
                    ratio(req, expectedReq)));
        }
        return null;
    }

    /** The larger of two means, {@code sumA / nA} and {@code sumB / nB}. */
    private static BigDecimal expected(BigDecimal sumA, BigDecimal nA, BigDecimal sumB, BigDecimal nB) {
        return sumA.divide(nA, MC).max(sumB.divide(nB, MC));
    }

    private static double ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? Double.NaN : a.divide(b, MathContext.DECIMAL64).doubleValue();
    }

    /**
     * Daily and hourly findings as one list, each event once. An hourly finding that overlaps (by day) a daily
     * finding of the same series is the same event: when some overlapping hourly finding spans all of the daily
     * finding's days (a loop of a few hours the day total diluted), the hourly findings stand and the daily one goes;
     * else the daily finding stands, with the first hour the hourly series saw, and the overlapping hourly findings
     * go. Unpriced-model findings are daily only.
     */
    public static List<Anomaly> merge(List<Anomaly> daily, List<Anomaly> hourly) {
        Map<Anomaly, Boolean> absorbed = new IdentityHashMap<>();
        List<Anomaly> out = new ArrayList<>();
        for (Anomaly d : daily) {
            List<Anomaly> overlapping = new ArrayList<>();
            boolean covered = false;
            if (d.cause() != Anomaly.Cause.UNPRICED_MODEL) {
                for (Anomaly h : hourly) {
                    if (h.dimension().equals(d.dimension()) && h.key().equals(d.key()) && !h.date().isAfter(d.lastDate())
                            && !h.lastDate().isBefore(d.date())) {
                        overlapping.add(h);
                        covered |= !h.date().isAfter(d.date()) && !h.lastDate().isBefore(d.lastDate());
                    }
                }
            }
            if (overlapping.isEmpty()) {
                out.add(d);
            } else if (!covered) {
                Instant first = overlapping.stream().map(Anomaly::hour).min(Instant::compareTo).orElseThrow();
                out.add(d.withHour(first));
                overlapping.forEach(h -> absorbed.put(h, true));
            }
        }
        for (Anomaly h : hourly) {
            if (!absorbed.containsKey(h)) {
                out.add(h);
            }
        }
        out.sort(AnomalyDetector.ORDER);
        return out;
    }

    /** The UTC day of an hour since the epoch. */
    public static LocalDate day(long hour) {
        return instant(hour).atOffset(ZoneOffset.UTC).toLocalDate();
    }
}

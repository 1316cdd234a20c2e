package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Finds days on which an agent, team or model departs from its own trailing baseline, and says why.
 *
 * <p>The baseline of a day is the up to 14 most recent earlier days of the same series within the look-back
 * (28 days) that were not themselves anomalous, so a two-day loop does not raise the baseline of its second day
 * and a lasting change is measured against the time before it; when fewer than 5 such days remain (a change
 * that has lasted the whole look-back) the plain trailing days are used and the change becomes the new normal.
 * Each day is tested in this order, with exact arithmetic:
 * <ol>
 *   <li>{@code runaway_loop}: requests ≥ 5 × the mean of the latest 7 baseline days;</li>
 *   <li>{@code context_growth}: input tokens per request ≥ 3 × the baseline's;</li>
 *   <li>{@code model_change}: cost per request ≥ (1 + band) × the baseline's (band 30 %) while tokens per
 *       request stay within ± band;</li>
 *   <li>{@code volume_growth}: requests ≥ 2 × the mean of the 14 baseline days;</li>
 *   <li>{@code other}: cost ≥ 2 × the mean of the 7 baseline days.</li>
 * </ol>
 * Consecutive anomalous days of one series with one cause form one {@link Anomaly}. Extra cost is against the
 * baseline's cost per request for the per-request causes (what the same requests would have cost) and against its
 * mean daily cost for the volume causes. A team or model finding that starts on a day covered by an agent
 * finding whose rows carry that team or model is folded into the agent finding (one event, reported where it
 * happened). A model first seen in the period without a price is {@code unpriced_model}. Hourly series have their
 * own detector, {@link HourlyAnomalyDetector}; {@link #merge} reports an event both caught once. A finding whose
 * extra cost is under {@link Options#minExtraCost} ($0.50 by default) is dropped: on small volumes the ratios alone
 * flag cent-sized days.
 */
public final class AnomalyDetector {
    public static final List<Dimension> DIMENSIONS = List.of(Dimension.of(Dimension.Kind.AGENT),
            Dimension.of(Dimension.Kind.TEAM), Dimension.of(Dimension.Kind.MODEL));
    private static final MathContext MC = MathContext.DECIMAL128;

    /**
     * Thresholds; {@link #DEFAULTS} are those documented above. {@code minExtraCost}: a finding whose extra cost is
     * below it is not reported (a quiet series doubling from $0.05 to $0.10 a day is not worth an analyst's look).
     */
    public record Options(BigDecimal loopFactor, BigDecimal contextFactor, BigDecimal costBand, BigDecimal growthFactor,
                          BigDecimal otherFactor, int shortBaselineDays, int longBaselineDays, int lookbackDays,
                          int minBaselineDays, BigDecimal minExtraCost) {
        public Options withBand(BigDecimal band) {
            return new Options(loopFactor, contextFactor, band, growthFactor, otherFactor, shortBaselineDays, longBaselineDays,
                    lookbackDays, minBaselineDays, minExtraCost);
        }

        public Options withMinExtraCost(BigDecimal min) {
            return new Options(loopFactor, contextFactor, costBand, growthFactor, otherFactor, shortBaselineDays, longBaselineDays,
                    lookbackDays, minBaselineDays, min);
        }
    }

    public static final Options DEFAULTS = new Options(new BigDecimal("5"), new BigDecimal("3"), new BigDecimal("0.30"),
            new BigDecimal("2"), new BigDecimal("2"), 7, 14, 28, 5, new BigDecimal("0.50"));

    /** One day of one series: summed usage and best-known cost. */
    public record DayPoint(LocalDate day, long requests, long inputTokens, long outputTokens, BigDecimal cost) {
        public DayPoint plus(DayPoint o) {
            return new DayPoint(day, requests + o.requests, inputTokens + o.inputTokens, outputTokens + o.outputTokens, cost.add(o.cost));
        }
    }

    /** The daily points of one agent, team or model, in day order. */
    public record Series(String dimension, String key, List<DayPoint> points) {
    }

    /** A model as the ledger first saw it: unpriced when none of its rows carries a list price. */
    public record ModelSeen(String model, LocalDate firstSeen, boolean priced, BigDecimal billed) {
    }

    private AnomalyDetector() {
    }

    /** Days before {@code from} the caller must supply for the baselines. */
    public static int lookback(Options o) {
        return o.lookbackDays();
    }

    /** The whole pipeline over rows in memory (they should start {@link #lookback} days before {@code from}). */
    public static List<Anomaly> detect(List<DailyRollup> rows, AllocationRules rules, LocalDate from, LocalDate to, Options o) {
        Map<String, Map<String, TreeMap<LocalDate, DayPoint>>> byDim = new HashMap<>();
        Map<String, ModelSeen> models = new HashMap<>();
        List<Allocation> resolved = new ArrayList<>(rows.size());
        for (DailyRollup r : rows) {
            Allocation a = rules.apply(r.allocation());
            resolved.add(a);
            DayPoint p = point(r);
            for (Dimension d : DIMENSIONS) {
                byDim.computeIfAbsent(d.label(), k -> new HashMap<>()).computeIfAbsent(d.valueOf(r, a), k -> new TreeMap<>())
                        .merge(r.day(), p, DayPoint::plus);
            }
            String model = Dimension.of(Dimension.Kind.MODEL).valueOf(r, a);
            models.merge(model, new ModelSeen(model, r.day(), r.priced(), r.billedCost()), (x, y) -> new ModelSeen(model,
                    x.firstSeen().isBefore(y.firstSeen()) ? x.firstSeen() : y.firstSeen(), x.priced() || y.priced(),
                    x.billed() == null ? y.billed() : y.billed() == null ? x.billed() : x.billed().add(y.billed())));
        }
        List<Series> series = new ArrayList<>();
        byDim.forEach((dim, keys) -> keys.forEach((key, days) -> series.add(new Series(dim, key, List.copyOf(days.values())))));
        List<Anomaly> found = new ArrayList<>(detect(series, from, to, o));
        found.addAll(unpriced(models.values(), from, to));
        List<Anomaly> withRows = new ArrayList<>();
        for (Anomaly f : found) {
            Dimension d = Dimension.parse(f.dimension());
            List<DailyRollup> behind = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                DailyRollup r = rows.get(i);
                boolean inRun = !r.day().isBefore(f.date()) && !r.day().isAfter(f.cause() == Anomaly.Cause.UNPRICED_MODEL ? to : f.lastDate());
                if (inRun && d.valueOf(r, resolved.get(i)).equals(f.key())) {
                    behind.add(r);
                }
            }
            withRows.add(f.withRows(behind));
        }
        return fold(withRows, (agent, dim) -> {
            Dimension d = Dimension.parse(dim);
            Set<String> keys = new HashSet<>();
            for (DailyRollup r : agent.rows()) {
                keys.add(d.valueOf(r, rules.apply(r.allocation())));
            }
            return keys;
        });
    }

    public static DayPoint point(DailyRollup r) {
        return new DayPoint(r.day(), r.requests(), r.inputTokens(), r.outputTokens(), r.cost());
    }

    /** Findings of every series that start between {@code from} and {@code to}, without rows. */
    public static List<Anomaly> detect(List<Series> series, LocalDate from, LocalDate to, Options o) {
        List<Anomaly> out = new ArrayList<>();
        for (Series s : series) {
            out.addAll(detect(s, from, to, o));
        }
        out.sort(ORDER);
        return out;
    }

    /** Day, dimension, key, then the first hour (daily findings first). */
    public static final Comparator<Anomaly> ORDER = Comparator.comparing(Anomaly::date).thenComparing(Anomaly::dimension)
            .thenComparing(Anomaly::key).thenComparing(Anomaly::hour, Comparator.nullsFirst(Comparator.naturalOrder()));

    private record DayFinding(int index, Anomaly.Cause cause, BigDecimal extra, String detail) {
    }

    static List<Anomaly> detect(Series s, LocalDate from, LocalDate to, Options o) {
        List<DayPoint> pts = s.points();
        int n = pts.size();
        long[] req = new long[n], in = new long[n], tok = new long[n], day = new long[n];
        double[] cost = new double[n];
        for (int i = 0; i < n; i++) {
            DayPoint p = pts.get(i);
            day[i] = p.day().toEpochDay();
            req[i] = p.requests();
            in[i] = p.inputTokens();
            tok[i] = p.inputTokens() + p.outputTokens();
            cost[i] = p.cost().doubleValue();
        }
        double loop = o.loopFactor().doubleValue(), ctx = o.contextFactor().doubleValue(), band = o.costBand().doubleValue();
        double growth = o.growthFactor().doubleValue(), other = o.otherFactor().doubleValue();
        boolean[] flagged = new boolean[n];
        int max = o.longBaselineDays();
        int[] base = new int[max], allIdx = new int[max], cleanIdx = new int[max];
        long last = to.toEpochDay();
        List<DayFinding> days = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (day[i] > last) {
                break;
            }
            DayPoint p = pts.get(i);
            int size = baseline(day, flagged, i, o, base, allIdx, cleanIdx);
            if (size == 0) {
                continue;
            }
            // a cheap screen in doubles with a 1 % margin; only a day that may pass a test is checked exactly
            int n7 = Math.min(size, o.shortBaselineDays());
            double r7 = 0, i7 = 0, c7 = 0, r14 = 0;
            for (int k = 0; k < size; k++) {
                int j = base[k];
                r14 += req[j];
                if (k >= size - n7) {
                    r7 += req[j];
                    i7 += in[j];
                    c7 += cost[j];
                }
            }
            double m = 0.99;
            boolean maybe = req[i] * (double) n7 >= m * loop * r7
                    || (req[i] > 0 && in[i] * r7 >= m * ctx * i7 * req[i])
                    || (req[i] > 0 && cost[i] * r7 >= m * (1 + band) * c7 * req[i])
                    || req[i] * (double) size >= m * growth * r14
                    || cost[i] * n7 >= m * other * c7;
            if (!maybe) {
                continue;
            }
            List<DayPoint> b = new ArrayList<>(size);
            for (int k = 0; k < size; k++) {
                b.add(pts.get(base[k]));
            }
            DayFinding f = classify(i, p, b, o);
            if (f != null) {
                flagged[i] = true;
                days.add(f);
            }
        }
        List<Anomaly> out = new ArrayList<>();
        for (int k = 0; k < days.size(); ) {
            int j = k;
            BigDecimal extra = days.get(k).extra();
            while (j + 1 < days.size() && days.get(j + 1).index() == days.get(j).index() + 1
                    && days.get(j + 1).cause() == days.get(k).cause()) {
                j++;
                extra = extra.add(days.get(j).extra());
            }
            LocalDate start = pts.get(days.get(k).index()).day();
            if (!start.isBefore(from) && extra.compareTo(o.minExtraCost()) >= 0) {
                out.add(new Anomaly(start, pts.get(days.get(j).index()).day(), s.dimension(), s.key(), days.get(k).cause(),
                        extra, j - k + 1, days.get(k).detail(), List.of()));
            }
            k = j + 1;
        }
        return out;
    }

    /**
     * Fills {@code out} with the indexes of day {@code i}'s baseline points, oldest first, and returns how many;
     * 0 when the history is too short. {@code allIdx} and {@code cleanIdx} are scratch space of the same length.
     */
    private static int baseline(long[] day, boolean[] flagged, int i, Options o, int[] out, int[] allIdx, int[] cleanIdx) {
        long earliest = day[i] - o.lookbackDays();
        int max = o.longBaselineDays();
        int clean = 0, all = 0;
        for (int j = i - 1; j >= 0 && day[j] >= earliest && (clean < max || all < max); j--) {
            if (all < max) {
                allIdx[all++] = j;
            }
            if (!flagged[j] && clean < max) {
                cleanIdx[clean++] = j;
            }
        }
        int[] src;
        int size;
        if (clean >= o.minBaselineDays()) {
            src = cleanIdx;
            size = clean;
        } else if (all >= o.minBaselineDays()) {
            src = allIdx;
            size = all;
        } else {
            return 0;
        }
        for (int k = 0; k < size; k++) {
            out[k] = src[size - 1 - k];
        }
        return size;
    }

    private static DayFinding classify(int i, DayPoint p, List<DayPoint> base14, Options o) {
        List<DayPoint> base7 = base14.subList(Math.max(0, base14.size() - o.shortBaselineDays()), base14.size());
        BigDecimal n7 = BigDecimal.valueOf(base7.size());
        BigDecimal n14 = BigDecimal.valueOf(base14.size());
        BigDecimal req7 = BigDecimal.valueOf(base7.stream().mapToLong(DayPoint::requests).sum());
        BigDecimal req14 = BigDecimal.valueOf(base14.stream().mapToLong(DayPoint::requests).sum());
        BigDecimal in7 = BigDecimal.valueOf(base7.stream().mapToLong(DayPoint::inputTokens).sum());
        BigDecimal tok7 = BigDecimal.valueOf(base7.stream().mapToLong(d -> d.inputTokens() + d.outputTokens()).sum());
        BigDecimal cost7 = base7.stream().map(DayPoint::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal req = BigDecimal.valueOf(p.requests());
        BigDecimal in = BigDecimal.valueOf(p.inputTokens());
        BigDecimal tok = BigDecimal.valueOf(p.inputTokens() + p.outputTokens());
        BigDecimal meanCost = cost7.divide(n7, MC);
        BigDecimal volumeExtra = p.cost().subtract(meanCost);
        if (req7.signum() > 0 && req.multiply(n7).compareTo(o.loopFactor().multiply(req7)) >= 0) {
            return new DayFinding(i, Anomaly.Cause.RUNAWAY_LOOP, volumeExtra, String.format(Locale.ROOT,
                    "%d requests vs 7-day mean %.1f (×%.1f)", p.requests(), ratio(req7, n7), ratio(req.multiply(n7), req7)));
        }
        if (p.requests() == 0 || req7.signum() == 0) {
            return null;
        }
        // what the day's requests cost at the baseline's cost per request
        BigDecimal unitExtra = p.cost().subtract(req.multiply(cost7).divide(req7, MC));
        if (in7.signum() > 0 && in.multiply(req7).compareTo(o.contextFactor().multiply(in7).multiply(req)) >= 0) {
            return new DayFinding(i, Anomaly.Cause.CONTEXT_GROWTH, unitExtra, String.format(Locale.ROOT,
                    "input tokens per request %.0f vs %.0f (×%.2f)", ratio(in, req), ratio(in7, req7), ratio(in.multiply(req7), in7.multiply(req))));
        }
        if (cost7.signum() > 0 && p.cost().multiply(req7).compareTo(BigDecimal.ONE.add(o.costBand()).multiply(cost7).multiply(req)) >= 0
                && tok.multiply(req7).subtract(tok7.multiply(req)).abs().compareTo(o.costBand().multiply(tok7).multiply(req)) <= 0) {
            return new DayFinding(i, Anomaly.Cause.MODEL_CHANGE, unitExtra, String.format(Locale.ROOT,
                    "cost per request ×%.2f at flat tokens per request (×%.2f)", ratio(p.cost().multiply(req7), cost7.multiply(req)),
                    ratio(tok.multiply(req7), tok7.multiply(req))));
        }
        if (req14.signum() > 0 && req.multiply(n14).compareTo(o.growthFactor().multiply(req14)) >= 0) {
            return new DayFinding(i, Anomaly.Cause.VOLUME_GROWTH, volumeExtra, String.format(Locale.ROOT,
                    "%d requests vs 14-day mean %.1f (×%.1f)", p.requests(), ratio(req14, n14), ratio(req.multiply(n14), req14)));
        }
        if (cost7.signum() > 0 && p.cost().multiply(n7).compareTo(o.otherFactor().multiply(cost7)) >= 0) {
            return new DayFinding(i, Anomaly.Cause.OTHER, volumeExtra, String.format(Locale.ROOT,
                    "cost ×%.1f of the 7-day mean", ratio(p.cost().multiply(n7), cost7)));
        }
        return null;
    }

    private static double ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? Double.NaN : a.divide(b, MathContext.DECIMAL64).doubleValue();
    }

    /** Models first seen between {@code from} and {@code to} that no catalogue row prices. */
    public static List<Anomaly> unpriced(Iterable<ModelSeen> models, LocalDate from, LocalDate to) {
        List<Anomaly> out = new ArrayList<>();
        for (ModelSeen m : models) {
            // a row without a model (a FOCUS compute or seat line, a cost-only export) is not an unpriced model
            if (!m.priced() && !m.model().isBlank() && !m.firstSeen().isBefore(from) && !m.firstSeen().isAfter(to)) {
                out.add(new Anomaly(m.firstSeen(), m.firstSeen(), "model", m.model(), Anomaly.Cause.UNPRICED_MODEL, m.billed(), 1,
                        "model '" + m.model() + "' is not in the price catalogue" + (m.billed() == null ? "; its cost is unknown" : ""),
                        List.of()));
            }
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * Drops team and model findings that an agent finding explains: the agent finding covers the day the other
     * starts and {@code keysOf(agentFinding, dimension)} (the teams or models of its rows) contains its key.
     */
    public static List<Anomaly> fold(List<Anomaly> findings, BiFunction<Anomaly, String, Set<String>> keysOf) {
        List<Anomaly> agents = findings.stream().filter(f -> f.dimension().equals("agent")).toList();
        Map<Anomaly, Map<String, Set<String>>> cache = new java.util.IdentityHashMap<>();
        List<Anomaly> out = new ArrayList<>();
        for (Anomaly f : findings) {
            boolean explained = false;
            if (!f.dimension().equals("agent") && f.cause() != Anomaly.Cause.UNPRICED_MODEL) {
                for (Anomaly a : agents) {
                    if (covers(a, f)
                            && cache.computeIfAbsent(a, k -> new HashMap<>()).computeIfAbsent(f.dimension(), d -> keysOf.apply(a, d))
                            .contains(f.key())) {
                        explained = true;
                        break;
                    }
                }
            }
            if (!explained) {
                out.add(f);
            }
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * Whether agent finding {@code a} covers the start of {@code f}: by the hour when both are hourly, else by the
     * day ({@code f}'s first day among {@code a}'s days).
     */
    static boolean covers(Anomaly a, Anomaly f) {
        if (a.hourly() && f.hourly()) {
            return !f.hour().isBefore(a.hour()) && !f.hour().isAfter(a.lastHour());
        }
        return !f.date().isBefore(a.date()) && !f.date().isAfter(a.lastDate());
    }
}

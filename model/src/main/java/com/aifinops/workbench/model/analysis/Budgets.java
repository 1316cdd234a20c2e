package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;

/**
 * Budget status and proposals, for calendar-month and rolling budgets. Amounts are exact; divisions carry 34
 * significant digits.
 *
 * <p><b>Monthly</b>: spend from the first of the month to the as-of day, the month-end projection at the current
 * run-rate (spend so far divided by the days elapsed), and for each alert threshold the day cumulative spend
 * reached it or, at the run-rate, will reach it within the month.
 *
 * <p><b>Rolling N days</b>, evaluated as of day D: the window is D−N+1 .. D and {@code spent} is its spend. The
 * run-rate is the mean of the 7 days D−6 .. D (days without spend count as $0). Looking ahead, on day D+k
 * (k = 1 .. N) the oldest day D−N+k has left the window and k days at the run-rate have entered:
 * <pre>  S(D+k) = S(D) − (spend of D−N+1 .. D−N+k) + k · run-rate</pre>
 * A threshold t not yet reached is projected to day D+k for the least k with S(D+k) ≥ t, none when no k ≤ N
 * reaches it (from D+N on the window holds only run-rate days and stays at N · run-rate). A threshold already
 * reached is "crossed on" the first day of the current run of days whose own window reached it, looked for among
 * the last N days (so D−N+1 at the earliest). {@code projected} is N · run-rate, where the window settles.
 * State: over ≥ 100 %, warning ≥ the first threshold, at risk when S(D+k) reaches the amount for some k ≤ N
 * (which it does whenever N · run-rate does), else ok.
 */
public final class Budgets {
    public static final List<BigDecimal> DEFAULT_THRESHOLDS = List.of(new BigDecimal("0.80"), new BigDecimal("1.00"));
    /** A proposal spans 110 % to 120 % of the trailing baseline. */
    public static final BigDecimal PROPOSAL_LOW = new BigDecimal("1.10");
    public static final BigDecimal PROPOSAL_HIGH = new BigDecimal("1.20");
    /** Full months (or, for a rolling budget, whole windows) averaged into the baseline. */
    public static final int BASELINE_MONTHS = 3;
    /** Days averaged into a rolling budget's run-rate. */
    public static final int RUN_RATE_DAYS = 7;
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal SEVEN = BigDecimal.valueOf(RUN_RATE_DAYS);

    private Budgets() {
    }

    public enum State { OK, AT_RISK, WARNING, OVER }

    /**
     * @param fraction    of the budget, e.g. 0.80
     * @param amount      the threshold in USD
     * @param crossedOn   the day spend reached it, or null when it has not (rolling: when the window is below it now)
     * @param projectedOn the day it will be reached at the current run-rate, or null when it has been already or
     *                    will not be this month (rolling: within the next N days)
     */
    public record Threshold(BigDecimal fraction, BigDecimal amount, LocalDate crossedOn, LocalDate projectedOn) {
    }

    /**
     * @param budget    the budget
     * @param asOf      the last day counted
     * @param spent     spend from the first of the month (rolling: of the N-day window) to {@code asOf}, exact
     * @param projected spend at month end at the current run-rate (rolling: N × the 7-day run-rate)
     * @param used      spent / budget
     * @param state     OVER ≥ 100 %, WARNING ≥ the first threshold, AT_RISK projected over 100 %, else OK
     * @param runRate   spend per day the projections use
     */
    public record Status(Budget budget, LocalDate asOf, BigDecimal spent, BigDecimal projected, BigDecimal used,
                         State state, List<Threshold> thresholds, BigDecimal runRate) {
    }

    /**
     * A proposed budget: the trailing baseline (mean of up to 3 prior months, or of up to 3 rolling windows) and
     * 110–120 % of it; {@code months} counts the months (windows) averaged.
     */
    public record Proposal(BigDecimal baseline, int months, BigDecimal low, BigDecimal high) {
    }

    /** The status with the budget's own thresholds, monthly or rolling. */
    public static Status status(Budget b, SortedMap<LocalDate, BigDecimal> dailySpend, LocalDate asOf) {
        return b.isRolling() ? rolling(b, dailySpend, asOf) : status(b, dailySpend, asOf, b.thresholds());
    }

    /**
     * A monthly budget's status with the given thresholds.
     *
     * @param dailySpend spend per day of the budget's node (days outside the month or after {@code asOf} ignored)
     * @param asOf       the last day counted; clamped to the month
     */
    public static Status status(Budget b, SortedMap<LocalDate, BigDecimal> dailySpend, LocalDate asOf, List<BigDecimal> fractions) {
        if (b.isRolling()) {
            throw new IllegalArgumentException("a rolling budget's status comes from status(budget, daily, asOf)");
        }
        LocalDate first = b.month().atDay(1);
        LocalDate last = b.month().atEndOfMonth();
        LocalDate end = asOf.isAfter(last) ? last : asOf.isBefore(first) ? first.minusDays(1) : asOf;
        int elapsed = end.isBefore(first) ? 0 : end.getDayOfMonth();
        int days = b.month().lengthOfMonth();
        List<LocalDate> crossed = new ArrayList<>();
        fractions.forEach(f -> crossed.add(null));
        BigDecimal spent = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> e : dailySpend.subMap(first, end.plusDays(1)).entrySet()) {
            spent = spent.add(e.getValue());
            for (int i = 0; i < fractions.size(); i++) {
                if (crossed.get(i) == null && spent.compareTo(b.amount().multiply(fractions.get(i))) >= 0) {
                    crossed.set(i, e.getKey());
                }
            }
        }
        BigDecimal projected = elapsed == 0 ? BigDecimal.ZERO
                : spent.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(elapsed), MC);
        List<Threshold> thresholds = new ArrayList<>();
        for (int i = 0; i < fractions.size(); i++) {
            BigDecimal t = b.amount().multiply(fractions.get(i));
            LocalDate projectedOn = null;
            if (crossed.get(i) == null && spent.signum() > 0) {
                // days beyond asOf until cumulative spend reaches t at rate spent/elapsed: ceil((t − spent)·elapsed / spent)
                long more = t.subtract(spent).multiply(BigDecimal.valueOf(elapsed)).divide(spent, 0, RoundingMode.CEILING).longValueExact();
                LocalDate day = end.plusDays(more);
                projectedOn = day.isAfter(last) ? null : day;
            }
            thresholds.add(new Threshold(fractions.get(i), t, crossed.get(i), projectedOn));
        }
        BigDecimal used = spent.divide(b.amount(), MC);
        State state = used.compareTo(BigDecimal.ONE) >= 0 ? State.OVER
                : !fractions.isEmpty() && used.compareTo(fractions.get(0)) >= 0 ? State.WARNING
                : projected.compareTo(b.amount()) > 0 ? State.AT_RISK : State.OK;
        BigDecimal runRate = elapsed == 0 ? BigDecimal.ZERO : spent.divide(BigDecimal.valueOf(elapsed), MC);
        return new Status(b, end, spent, projected, used, state, thresholds, runRate);
    }

    /** The first day of spend a rolling budget needs: its proposal reads 3 windows, its status 2. */
    public static LocalDate rollingDataFrom(int days, LocalDate asOf) {
        return asOf.minusDays((long) BASELINE_MONTHS * days - 1);
    }

    private static Status rolling(Budget b, SortedMap<LocalDate, BigDecimal> daily, LocalDate d) {
        int n = b.rollingDays();
        BigDecimal spent = sum(daily, d.minusDays(n - 1L), d);
        BigDecimal sum7 = sum(daily, d.minusDays(RUN_RATE_DAYS - 1L), d);
        BigDecimal runRate = sum7.divide(SEVEN, MC);
        BigDecimal projected = sum7.multiply(BigDecimal.valueOf(n)).divide(SEVEN, MC);
        // the window's spend on each of the last n days, oldest first: windows[i] ends on d − (n − 1) + i
        BigDecimal[] windows = new BigDecimal[n];
        windows[n - 1] = spent;
        for (int i = n - 2; i >= 0; i--) {
            LocalDate end = d.minusDays(n - 1L - i);
            // the window ending `end` is the one ending end+1, minus end+1, plus the day before that one's first day
            windows[i] = windows[i + 1].subtract(day(daily, end.plusDays(1))).add(day(daily, end.minusDays(n - 1L)));
        }
        List<Threshold> thresholds = new ArrayList<>();
        for (BigDecimal f : b.thresholds()) {
            BigDecimal t = b.amount().multiply(f);
            LocalDate crossedOn = null;
            LocalDate projectedOn = null;
            if (spent.compareTo(t) >= 0) {
                int i = n - 1;
                while (i > 0 && windows[i - 1].compareTo(t) >= 0) {
                    i--;
                }
                crossedOn = d.minusDays(n - 1L - i);
            } else {
                projectedOn = projectedDay(daily, d, n, spent, sum7, t);
            }
            thresholds.add(new Threshold(f, t, crossedOn, projectedOn));
        }
        BigDecimal used = spent.divide(b.amount(), MC);
        State state = used.compareTo(BigDecimal.ONE) >= 0 ? State.OVER
                : used.compareTo(b.thresholds().get(0)) >= 0 ? State.WARNING
                : projectedDay(daily, d, n, spent, sum7, b.amount()) != null ? State.AT_RISK : State.OK;
        return new Status(b, d, spent, projected, used, state, thresholds, runRate);
    }

    /** The first D+k, k ≤ n, whose projected window reaches t; compared times 7 so the 7-day mean stays exact. */
    private static LocalDate projectedDay(SortedMap<LocalDate, BigDecimal> daily, LocalDate d, int n, BigDecimal spent,
                                          BigDecimal sum7, BigDecimal t) {
        BigDecimal target = t.multiply(SEVEN);
        BigDecimal left = spent; // S(D) minus the days that have left the window so far
        for (int k = 1; k <= n; k++) {
            left = left.subtract(day(daily, d.minusDays(n - (long) k)));
            if (left.multiply(SEVEN).add(sum7.multiply(BigDecimal.valueOf(k))).compareTo(target) >= 0) {
                return d.plusDays(k);
            }
        }
        return null;
    }

    /**
     * A proposal for {@code month} from the monthly spend before it: the mean of the (up to) three latest months
     * before {@code month} that have spend, times 1.10 and 1.20. Null when there is no history.
     */
    public static Proposal propose(YearMonth month, SortedMap<YearMonth, BigDecimal> monthlySpend) {
        List<BigDecimal> recent = new ArrayList<>();
        for (YearMonth m = month.minusMonths(1); recent.size() < BASELINE_MONTHS && !monthlySpend.headMap(m.plusMonths(1)).isEmpty(); m = m.minusMonths(1)) {
            BigDecimal v = monthlySpend.get(m);
            if (v != null && v.signum() > 0) {
                recent.add(v);
            }
        }
        return proposal(recent);
    }

    /**
     * A proposal for a rolling {@code days}-day budget as of {@code asOf}, the same way as a monthly one: the mean
     * spend of the (up to) three latest whole windows that have spend, ending on {@code asOf}, {@code asOf} − N and
     * {@code asOf} − 2N (the look-back stops at a window with no data on or before its last day), times 1.10 and
     * 1.20. Null when there is no spend.
     */
    public static Proposal proposeRolling(int days, SortedMap<LocalDate, BigDecimal> dailySpend, LocalDate asOf) {
        List<BigDecimal> recent = new ArrayList<>();
        for (int k = 0; k < BASELINE_MONTHS; k++) {
            LocalDate end = asOf.minusDays((long) k * days);
            if (dailySpend.headMap(end.plusDays(1)).isEmpty()) {
                break;
            }
            BigDecimal v = sum(dailySpend, end.minusDays(days - 1L), end);
            if (v.signum() > 0) {
                recent.add(v);
            }
        }
        return proposal(recent);
    }

    private static Proposal proposal(List<BigDecimal> recent) {
        if (recent.isEmpty()) {
            return null;
        }
        BigDecimal baseline = recent.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(recent.size()), MC);
        return new Proposal(baseline, recent.size(), baseline.multiply(PROPOSAL_LOW), baseline.multiply(PROPOSAL_HIGH));
    }

    /**
     * Alert thresholds from percents such as {@code 50,80,100} (decimals allowed: {@code 87.5}), as fractions of
     * the budget; they must rise and lie in (0, 1000].
     */
    public static List<BigDecimal> parsePercents(String text) {
        List<BigDecimal> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip().replace("%", "").strip();
            try {
                out.add(new BigDecimal(p).movePointLeft(2));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("thresholds: expected percents such as 50,80,100, got '" + text + "'");
            }
        }
        // validated as a budget would
        new Budget(Node.parse("org:check"), new BudgetPeriod.Rolling(1), BigDecimal.ONE, out);
        return List.copyOf(out);
    }

    /** {@code 80,100}: thresholds as percents, how they are stored and typed. */
    public static String percents(List<BigDecimal> fractions) {
        StringJoiner j = new StringJoiner(",");
        fractions.forEach(f -> j.add(f.movePointRight(2).stripTrailingZeros().toPlainString()));
        return j.toString();
    }

    private static BigDecimal day(SortedMap<LocalDate, BigDecimal> daily, LocalDate d) {
        BigDecimal v = daily.get(d);
        return v == null ? BigDecimal.ZERO : v;
    }

    private static BigDecimal sum(SortedMap<LocalDate, BigDecimal> daily, LocalDate from, LocalDate to) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : daily.subMap(from, to.plusDays(1)).values()) {
            s = s.add(v);
        }
        return s;
    }
}

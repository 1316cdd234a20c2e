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

/**
 * Budget status and proposals. Spend to date, the month-end projection at the current run-rate (spend so far
 * divided by the days elapsed), and for each alert threshold (80 % and 100 % by default) the day it was crossed
 * or, at the run-rate, will be crossed. Amounts are exact; divisions carry 34 significant digits.
 */
public final class Budgets {
    public static final List<BigDecimal> DEFAULT_THRESHOLDS = List.of(new BigDecimal("0.80"), new BigDecimal("1.00"));
    /** A proposal spans 110 % to 120 % of the trailing baseline. */
    public static final BigDecimal PROPOSAL_LOW = new BigDecimal("1.10");
    public static final BigDecimal PROPOSAL_HIGH = new BigDecimal("1.20");
    /** Full months averaged into the baseline. */
    public static final int BASELINE_MONTHS = 3;
    private static final MathContext MC = MathContext.DECIMAL128;

    private Budgets() {
    }

    public enum State { OK, AT_RISK, WARNING, OVER }

    /**
     * @param fraction    of the budget, e.g. 0.80
     * @param amount      the threshold in USD
     * @param crossedOn   the day cumulative spend reached it, or null when it has not
     * @param projectedOn the day it will be reached at the current run-rate, or null when it has been already or
     *                    will not be this month
     */
    public record Threshold(BigDecimal fraction, BigDecimal amount, LocalDate crossedOn, LocalDate projectedOn) {
    }

    /**
     * @param budget    the budget
     * @param asOf      the last day counted
     * @param spent     spend from the first of the month to {@code asOf}, exact
     * @param projected spend at month end at the current run-rate
     * @param used      spent / budget
     * @param state     OVER ≥ 100 %, WARNING ≥ the first threshold, AT_RISK projected over 100 %, else OK
     */
    public record Status(Budget budget, LocalDate asOf, BigDecimal spent, BigDecimal projected, BigDecimal used,
                         State state, List<Threshold> thresholds) {
    }

    /** A proposed budget: the trailing baseline (mean of up to 3 prior months) and 110–120 % of it. */
    public record Proposal(BigDecimal baseline, int months, BigDecimal low, BigDecimal high) {
    }

    public static Status status(Budget b, SortedMap<LocalDate, BigDecimal> dailySpend, LocalDate asOf) {
        return status(b, dailySpend, asOf, DEFAULT_THRESHOLDS);
    }

    /**
     * @param dailySpend spend per day of the budget's node (days outside the month or after {@code asOf} ignored)
     * @param asOf       the last day counted; clamped to the month
     */
    public static Status status(Budget b, SortedMap<LocalDate, BigDecimal> dailySpend, LocalDate asOf, List<BigDecimal> fractions) {
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
        return new Status(b, end, spent, projected, used, state, thresholds);
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
        if (recent.isEmpty()) {
            return null;
        }
        BigDecimal baseline = recent.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(recent.size()), MC);
        return new Proposal(baseline, recent.size(), baseline.multiply(PROPOSAL_LOW), baseline.multiply(PROPOSAL_HIGH));
    }
}

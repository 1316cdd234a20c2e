package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * The home screen: this month so far against its budget, what moved, what is anomalous, and how far the
 * organisation's FinOps practice has come. Amounts are exact; shares are fractions 0…1 with 34 significant digits,
 * {@code null} when there is nothing to divide by.
 *
 * @param asOf             the last day counted (the ledger's last day unless asked otherwise)
 * @param monthToDate      spend from the first of {@code asOf}'s month to {@code asOf}
 * @param forecast         the run-rate forecast to month end: monthToDate / days elapsed × days in the month
 * @param budget           the month's budget: the org budgets' sum when there are any, else the team budgets' sum;
 *                         null when the month has none
 * @param cumulative       cumulative spend per day of the month up to {@code asOf} (days without spend included)
 * @param movers           the biggest changes by team and model, month to date against the same days of the
 *                         previous month, largest absolute change first (at most {@link #TOP})
 * @param anomalies        anomalies starting in the last {@link #ANOMALY_DAYS} days (without their rows)
 * @param unallocatedShare month-to-date spend with no team after the allocation rules / month-to-date spend
 * @param cacheHitRate     month to date: cache-read tokens / all input tokens
 * @param retryRate        month to date: requests that did not succeed (tag {@code status}, which clients retry) /
 *                         all requests; 0 when no import says a request failed
 * @param outcomes         cost per outcome for the latest month with outcome counts (up to {@code asOf}'s month)
 * @param topAgents        the costliest agents month to date (at most {@link #TOP})
 * @param topDays          the costliest days of the last 30 days (at most {@link #TOP})
 * @param maturity         the crawl / walk / run scorecard
 */
public record Dashboard(LocalDate asOf, BigDecimal monthToDate, BigDecimal forecast, BigDecimal budget,
                        List<DayTotal> cumulative, List<Mover> movers, List<Anomaly> anomalies, BigDecimal unallocatedShare,
                        BigDecimal cacheHitRate, BigDecimal retryRate, List<OutcomeCost> outcomes, List<Ranked> topAgents, List<DayTotal> topDays,
                        Maturity maturity) {
    public static final int TOP = 5;
    public static final int ANOMALY_DAYS = 14;
    /** Every share at least this for "run"; at least {@link #WALK} for "walk"; else "crawl". */
    public static final BigDecimal RUN = new BigDecimal("0.90");
    public static final BigDecimal WALK = new BigDecimal("0.50");
    private static final MathContext MC = MathContext.DECIMAL128;

    public Dashboard {
        cumulative = List.copyOf(cumulative);
        movers = List.copyOf(movers);
        anomalies = List.copyOf(anomalies);
        outcomes = List.copyOf(outcomes);
        topAgents = List.copyOf(topAgents);
        topDays = List.copyOf(topDays);
    }

    /** No usage at all: zeros, no shares, crawl. */
    public static Dashboard empty(LocalDate asOf) {
        return new Dashboard(asOf, BigDecimal.ZERO, BigDecimal.ZERO, null, List.of(), List.of(), List.of(), null, null, null, List.of(),
                List.of(), List.of(), Maturity.of(null, null, null, null));
    }

    /** Whether the ledger had no usage at all ({@link #empty}); a ledger with usage always has days in {@code cumulative}. */
    public boolean noUsage() {
        return cumulative.isEmpty();
    }

    public YearMonth month() {
        return YearMonth.from(asOf);
    }

    /** The budget used so far (monthToDate / budget), or null without a budget. */
    public BigDecimal budgetUsed() {
        return budget == null ? null : share(monthToDate, budget);
    }

    /** A day and an amount (cumulative or that day's). */
    public record DayTotal(LocalDate day, BigDecimal cost) {
    }

    /** A team or model ({@code dimension}) and its spend now and in the comparison period. */
    public record Mover(String dimension, String key, BigDecimal current, BigDecimal previous) {
        public BigDecimal change() {
            return current.subtract(previous);
        }
    }

    public record Ranked(String key, BigDecimal cost) {
    }

    /** A node's spend in {@code month} divided by its outcome count. */
    public record OutcomeCost(String node, String outcome, YearMonth month, long count, BigDecimal cost, BigDecimal perOutcome) {
    }

    public enum Level {
        CRAWL, WALK, RUN;

        public String title() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param allocated  month-to-date spend that has a team after the rules / month-to-date spend
     * @param priced     month-to-date requests that are priced or billed / all requests
     * @param budgeted   teams with spend this month that have a budget this month / teams with spend this month
     * @param reconciled providers with spend in the last full month (the as-of month when as-of is its last day) that
     *                   have an invoice for it / those providers
     */
    public record Maturity(BigDecimal allocated, BigDecimal priced, BigDecimal budgeted, BigDecimal reconciled, Level level) {
        /** The level from the four shares (a missing share counts as 0). */
        public static Maturity of(BigDecimal allocated, BigDecimal priced, BigDecimal budgeted, BigDecimal reconciled) {
            BigDecimal min = null;
            for (BigDecimal s : new BigDecimal[]{allocated, priced, budgeted, reconciled}) {
                BigDecimal v = s == null ? BigDecimal.ZERO : s;
                min = min == null || v.compareTo(min) < 0 ? v : min;
            }
            Level l = min.compareTo(RUN) >= 0 ? Level.RUN : min.compareTo(WALK) >= 0 ? Level.WALK : Level.CRAWL;
            return new Maturity(allocated, priced, budgeted, reconciled, l);
        }
    }

    /** monthToDate / days elapsed × days in the month; zero before any day has elapsed. */
    public static BigDecimal forecast(BigDecimal monthToDate, LocalDate asOf) {
        return monthToDate.multiply(BigDecimal.valueOf(asOf.lengthOfMonth())).divide(BigDecimal.valueOf(asOf.getDayOfMonth()), MC);
    }

    /** part / whole, or null when whole is zero. */
    public static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? null : part.divide(whole, MC);
    }
}

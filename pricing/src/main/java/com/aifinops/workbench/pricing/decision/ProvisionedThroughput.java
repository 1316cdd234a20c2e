package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.ProvisionedOption;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Provisioned throughput against pay-as-you-go, per month of {@code days} days billed around the clock:
 * <pre>
 * unit month      = unit price · 24 · days (hourly billing) or the monthly price
 * unit capacity   = tokens/min · 60 · 24 · days
 * $/MTok at u     = unit month · 1e6 / (unit capacity · u)
 * break-even u*   = unit month · 1e6 / (unit capacity · PAYG $/MTok)     (above 1: never pays)
 * </pre>
 * With an hourly demand profile (24 hours of a day, or 168 of a week) the month's tokens are spread over the
 * hours by the profile's weights; in each hour the units serve up to their capacity and the rest spills over to
 * pay-as-you-go (or, without spill-over, is the capacity to add: the units a peak needs).
 */
public final class ProvisionedThroughput {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private ProvisionedThroughput() {
    }

    public static BigDecimal unitMonthlyUsd(ProvisionedOption o, int days) {
        return o.billing().equals("month") ? o.unitPriceUsd() : o.unitPriceUsd().multiply(BigDecimal.valueOf(24L * days));
    }

    public static BigDecimal unitCapacityPerMonth(ProvisionedOption o, int days) {
        return o.tokensPerMinutePerUnit().multiply(BigDecimal.valueOf(60L * 24 * days));
    }

    /** USD per MTok of tokens actually served at utilisation {@code u} (0 &lt; u ≤ 1). */
    public static BigDecimal perMTokAt(ProvisionedOption o, int days, BigDecimal u) {
        return unitMonthlyUsd(o, days).multiply(MILLION).divide(unitCapacityPerMonth(o, days).multiply(u), MC);
    }

    /** The utilisation at which provisioned costs the same per token as pay-as-you-go. */
    public static BigDecimal breakEvenUtilisation(ProvisionedOption o, int days, BigDecimal paygPerMTok) {
        return unitMonthlyUsd(o, days).multiply(MILLION).divide(unitCapacityPerMonth(o, days).multiply(paygPerMTok), MC);
    }

    /**
     * @param provisionedCost  units · unit month
     * @param spilledTokens    demand above capacity, hour by hour
     * @param spillCost        spilled tokens at the PAYG price
     * @param withSpill        provisioned + spill: the month with spill-over
     * @param utilisation      served tokens ÷ provisioned capacity
     * @param unitsForPeak     units that serve the peak hour without spill-over
     * @param peakSizedCost    unitsForPeak · unit month: the month without spill-over
     * @param paygCost         everything at pay-as-you-go
     * @param bestUnits        the units with the cheapest month with spill-over (0..unitsForPeak)
     * @param bestCost         that month
     * @param demandPerMinute  tokens per minute in each profile hour (for the chart)
     * @param capacityPerMinute tokens per minute the units serve
     */
    public record Result(ProvisionedOption option, BigDecimal monthlyTokens, BigDecimal paygPerMTok,
                         BigDecimal unitMonthly, BigDecimal perMTokAtFull, BigDecimal breakEvenUtilisation,
                         BigDecimal provisionedCost, BigDecimal servedTokens, BigDecimal spilledTokens,
                         BigDecimal spillCost, BigDecimal withSpill, BigDecimal utilisation, int unitsForPeak,
                         BigDecimal peakSizedCost, BigDecimal paygCost, int bestUnits, BigDecimal bestCost,
                         double[] demandPerMinute, double capacityPerMinute) {
    }

    public static Result evaluate(ProvisionedOption o, BigDecimal monthlyTokens, BigDecimal paygPerMTok, int days) {
        List<BigDecimal> profile = o.demandProfile().isEmpty()
                ? java.util.Collections.nCopies(24, BigDecimal.ONE) : o.demandProfile();
        int slots = profile.size();
        // how many times each profile hour occurs in the month
        BigDecimal repeats = slots == 24 ? BigDecimal.valueOf(days) : BigDecimal.valueOf(days).divide(BigDecimal.valueOf(7), MC);
        BigDecimal weights = profile.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> demand = new ArrayList<>();
        BigDecimal peak = BigDecimal.ZERO;
        for (BigDecimal w : profile) {
            BigDecimal d = monthlyTokens.multiply(w).divide(weights, MC);
            demand.add(d);
            peak = peak.max(d);
        }
        BigDecimal unitSlot = o.tokensPerMinutePerUnit().multiply(BigDecimal.valueOf(60)).multiply(repeats);
        BigDecimal unitMonth = unitMonthlyUsd(o, days);
        Month at = month(o.units(), demand, unitSlot, unitMonth, paygPerMTok);
        int forPeak = peak.divide(unitSlot, 0, RoundingMode.CEILING).intValueExact();
        int best = 0;
        BigDecimal bestCost = null;
        for (int u = 0; u <= Math.max(forPeak, o.units()); u++) {
            BigDecimal c = month(u, demand, unitSlot, unitMonth, paygPerMTok).total();
            if (bestCost == null || c.compareTo(bestCost) < 0) {
                best = u;
                bestCost = c;
            }
        }
        double[] perMinute = new double[slots];
        BigDecimal minutes = repeats.multiply(BigDecimal.valueOf(60));
        for (int i = 0; i < slots; i++) {
            perMinute[i] = demand.get(i).divide(minutes, MC).doubleValue();
        }
        BigDecimal capacity = unitSlot.multiply(BigDecimal.valueOf((long) o.units() * slots));
        BigDecimal utilisation = capacity.signum() == 0 ? BigDecimal.ZERO : at.served().divide(capacity, MC);
        return new Result(o, monthlyTokens, paygPerMTok, unitMonth, perMTokAt(o, days, BigDecimal.ONE),
                breakEvenUtilisation(o, days, paygPerMTok), at.provisioned(), at.served(), at.spilled(), at.spillCost(),
                at.total(), utilisation, forPeak, unitMonth.multiply(BigDecimal.valueOf(forPeak)),
                monthlyTokens.multiply(paygPerMTok).divide(MILLION, MC), best, bestCost, perMinute,
                o.tokensPerMinutePerUnit().doubleValue() * o.units());
    }

    private record Month(BigDecimal provisioned, BigDecimal served, BigDecimal spilled, BigDecimal spillCost) {
        BigDecimal total() {
            return provisioned.add(spillCost);
        }
    }

    private static Month month(int units, List<BigDecimal> demand, BigDecimal unitSlot, BigDecimal unitMonth, BigDecimal payg) {
        BigDecimal cap = unitSlot.multiply(BigDecimal.valueOf(units));
        BigDecimal served = BigDecimal.ZERO;
        BigDecimal spilled = BigDecimal.ZERO;
        for (BigDecimal d : demand) {
            served = served.add(d.min(cap));
            spilled = spilled.add(d.subtract(cap).max(BigDecimal.ZERO));
        }
        return new Month(unitMonth.multiply(BigDecimal.valueOf(units)), served, spilled,
                spilled.multiply(payg).divide(MILLION, MC));
    }
}

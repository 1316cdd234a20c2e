package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.Commitment;
import com.aifinops.workbench.pricing.forecast.MonteCarlo;
import com.aifinops.workbench.pricing.forecast.SpendDistribution;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A prepaid commitment burnt down over its forecast months. Month m consumes list_m · (1 − d) of the prepaid
 * amount C; at the end of the term
 * <pre>
 * shortfall = max(0, C − Σ consumed)          paid, never used
 * overage   = max(0, Σ consumed − C)          billed on top: as is (overage at discount) or ÷ (1 − d) (at list)
 * cost      = C + overage billed              against on-demand = Σ list
 * </pre>
 * Because C is paid whatever happens, the discount only pays off when the spend turns out high enough: under a
 * lognormal uncertainty of the forecast level (σ) the break-even discount is the d at which the expected cost
 * with the commitment equals the expected on-demand cost, and the safe commitment is the discounted spend the
 * forecast exceeds in 90 % of futures (its 10th percentile).
 */
public final class CommitmentPlan {
    static final int SAMPLES = 20_000;
    static final long SEED = 20_260_701L;

    private CommitmentPlan() {
    }

    public record Month(int month, BigDecimal list, BigDecimal consumed, BigDecimal balance) {
    }

    /**
     * @param breakEvenDiscount the discount at which committing {@code commitUsd} costs no more than on-demand in
     *                          expectation; NaN when no discount below 99 % does
     * @param safeCommitP90     the commitment the discounted spend exceeds with 90 % probability
     * @param p50List           median term list spend (Monte Carlo)
     * @param p90List           90th percentile term list spend
     * @param shortfallProbability share of simulated futures that leave part of the commitment unused
     */
    public record Result(Commitment commitment, List<Month> months, BigDecimal totalList, BigDecimal totalConsumed,
                         BigDecimal shortfall, BigDecimal overage, BigDecimal overageBilled, BigDecimal costWithCommitment,
                         BigDecimal savings, double breakEvenDiscount, double safeCommitP90, double p50List,
                         double p90List, double shortfallProbability) {
    }

    /** The forecast list spend per month: the explicit forecast, or base · (1 + g)^(m−1). */
    public static List<BigDecimal> forecast(Commitment c, BigDecimal baseMonthlyList) {
        List<BigDecimal> out = new ArrayList<>();
        BigDecimal growth = BigDecimal.ONE.add(c.monthlyGrowth());
        for (int m = 0; m < c.termMonths(); m++) {
            if (!c.forecastMonthlyListUsd().isEmpty()) {
                List<BigDecimal> f = c.forecastMonthlyListUsd();
                out.add(f.get(Math.min(m, f.size() - 1))); // a short forecast holds its last month
            } else {
                out.add(baseMonthlyList.multiply(growth.pow(m)));
            }
        }
        return out;
    }

    public static Result evaluate(Commitment c, BigDecimal baseMonthlyList) {
        List<BigDecimal> list = forecast(c, baseMonthlyList);
        BigDecimal keep = BigDecimal.ONE.subtract(c.discount());
        List<Month> months = new ArrayList<>();
        BigDecimal totalList = BigDecimal.ZERO;
        BigDecimal consumed = BigDecimal.ZERO;
        for (int m = 0; m < list.size(); m++) {
            BigDecimal used = list.get(m).multiply(keep);
            totalList = totalList.add(list.get(m));
            consumed = consumed.add(used);
            months.add(new Month(m + 1, list.get(m), used, c.commitUsd().subtract(consumed)));
        }
        BigDecimal shortfall = c.commitUsd().subtract(consumed).max(BigDecimal.ZERO);
        BigDecimal overage = consumed.subtract(c.commitUsd()).max(BigDecimal.ZERO);
        BigDecimal billed = c.overageAtDiscount() ? overage : overage.divide(keep, MathContext.DECIMAL128);
        BigDecimal cost = c.commitUsd().add(billed);

        double s = totalList.doubleValue();
        double commit = c.commitUsd().doubleValue();
        double sigma = c.forecastSigma().doubleValue();
        double[] levels = levels(sigma);
        double p50 = s;
        double p90 = s;
        double p10 = s;
        if (sigma > 0 && s > 0) {
            MonteCarlo.Percentiles p = MonteCarlo.run(new SpendDistribution.LogNormal(s, sigma), SAMPLES, SEED);
            p50 = p.p50();
            p90 = p.p90();
            p10 = new SpendDistribution.LogNormal(s, sigma).quantile(0.10);
        }
        int short_ = 0;
        for (double x : levels) {
            if (s * x * keep.doubleValue() < commit) {
                short_++;
            }
        }
        return new Result(c, List.copyOf(months), totalList, consumed, shortfall, overage, billed, cost,
                totalList.subtract(cost), breakEvenDiscount(s, commit, c.overageAtDiscount(), levels),
                p10 * keep.doubleValue(), p50, p90, (double) short_ / levels.length);
    }

    /** Multipliers of the forecast level, one per simulated future (all 1 without uncertainty). */
    private static double[] levels(double sigma) {
        if (sigma <= 0) {
            return new double[]{1.0};
        }
        SpendDistribution.LogNormal d = new SpendDistribution.LogNormal(1.0, sigma);
        SplittableRandom r = new SplittableRandom(SEED);
        double[] xs = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            xs[i] = d.sample(r);
        }
        return xs;
    }

    /** Bisection on d: the expected cost with the commitment falls as the discount grows. */
    static double breakEvenDiscount(double list, double commit, boolean overageAtDiscount, double[] levels) {
        double onDemand = 0;
        for (double x : levels) {
            onDemand += list * x;
        }
        if (expected(list, commit, overageAtDiscount, levels, 0) <= onDemand) {
            return 0;
        }
        if (expected(list, commit, overageAtDiscount, levels, 0.99) > onDemand) {
            return Double.NaN;
        }
        double lo = 0;
        double hi = 0.99;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (expected(list, commit, overageAtDiscount, levels, mid) <= onDemand) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static double expected(double list, double commit, boolean atDiscount, double[] levels, double d) {
        double sum = 0;
        for (double x : levels) {
            double used = list * x * (1 - d);
            double over = Math.max(0, used - commit);
            sum += commit + (atDiscount ? over : over / (1 - d));
        }
        return sum;
    }
}

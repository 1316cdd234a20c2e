package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Cost per business outcome (a resolved ticket, a drafted contract) for one node, by month: model spend alone
 * and with the harness around it (vector store, evals, observability, hosting). Divisions carry 34 significant
 * digits; a month without outcomes has no cost per outcome ({@code null}).
 */
public final class UnitEconomics {
    private static final MathContext MC = MathContext.DECIMAL128;

    private UnitEconomics() {
    }

    public record Month(YearMonth month, long outcomes, BigDecimal modelCost, BigDecimal harnessCost,
                        BigDecimal costPerOutcome, BigDecimal costPerOutcomeWithHarness) {
    }

    /** One row per month that has spend, harness cost or outcomes, in month order. */
    public static List<Month> byMonth(Map<YearMonth, BigDecimal> modelCost, Map<YearMonth, BigDecimal> harnessCost,
                                      Map<YearMonth, Long> outcomes) {
        TreeSet<YearMonth> months = new TreeSet<>(modelCost.keySet());
        months.addAll(harnessCost.keySet());
        months.addAll(outcomes.keySet());
        List<Month> out = new ArrayList<>();
        for (YearMonth m : months) {
            BigDecimal model = modelCost.getOrDefault(m, BigDecimal.ZERO);
            BigDecimal harness = harnessCost.getOrDefault(m, BigDecimal.ZERO);
            long n = outcomes.getOrDefault(m, 0L);
            BigDecimal per = n == 0 ? null : model.divide(BigDecimal.valueOf(n), MC);
            BigDecimal perWith = n == 0 ? null : model.add(harness).divide(BigDecimal.valueOf(n), MC);
            out.add(new Month(m, n, model, harness, per, perWith));
        }
        return out;
    }
}

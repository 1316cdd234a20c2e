package com.aifinops.workbench.pricing.forecast;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.PriceChange;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The monthly forecast of a workbook: each workload on its own model (with a scenario's overrides when one is
 * chosen) grown by {@link GrowthForecast}, and, for a workload that states a spend spread, the per-user spend
 * percentiles by {@link MonteCarlo} (a lognormal whose mean is the month-1 cost per user), scaled by the price
 * factor of each month. Budgets per user are suggested at P90, hard caps at P99.
 */
public final class WorkbookForecast {
    public static final int SAMPLES = 100_000;
    public static final long SEED = 20260701L;

    /** Per-user spend in one month. */
    public record PerUser(double p50, double p90, double p99) {
    }

    /** One month of one workload: its cost, and the per-user percentiles when it has a distribution. */
    public record Month(int month, double cost, PerUser perUser) {
    }

    /**
     * @param workload the workload as forecast (scenario applied)
     * @param model    its price row
     * @param sigma    the spend spread, or {@code null}
     * @param months   months 1..N
     */
    public record WorkloadForecast(Workload workload, ModelPrice model, BigDecimal sigma, List<Month> months) {
    }

    /**
     * @param workloads  every priced workload (unpriced ones are in {@code unpriced})
     * @param totals     Σ cost per month
     * @param growth     the monthly growth used
     * @param priceChanges the price changes used
     */
    public record Result(List<WorkloadForecast> workloads, double[] totals, double growth, List<PriceChange> priceChanges,
                         List<String> unpriced) {
    }

    private WorkbookForecast() {
    }

    /**
     * @param scenario     a scenario whose overrides, growth and price changes apply, or {@code null}
     * @param growth       overrides the scenario's growth when not {@code null}
     * @param priceChanges overrides the scenario's price changes when not {@code null}
     */
    public static Result of(Workbook wb, PriceCatalog catalog, Scenario scenario, int months, BigDecimal growth,
                            List<PriceChange> priceChanges) {
        if (months < 1) {
            throw new IllegalArgumentException("months must be ≥ 1");
        }
        PriceCatalog c = WorkbookCosts.catalogFor(wb, catalog);
        double g = growth != null ? growth.doubleValue()
                : scenario != null && scenario.monthlyGrowth() != null ? scenario.monthlyGrowth().doubleValue() : 0;
        List<PriceChange> changes = priceChanges != null ? priceChanges : scenario != null ? scenario.priceChanges() : List.of();
        List<GrowthForecast.PriceChange> pcs = changes.stream()
                .map(p -> new GrowthForecast.PriceChange(p.fromMonth(), p.factor().doubleValue())).toList();
        List<WorkloadForecast> out = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        double[] totals = new double[months];
        for (Workload w0 : wb.workloads()) {
            Workload w = scenario != null && scenario.appliesTo(w0) ? scenario.applyTo(w0) : w0;
            Optional<ModelPrice> m = c.find(w.modelId());
            if (m.isEmpty()) {
                unpriced.add(w.name() + " (" + w.modelId() + ")");
                continue;
            }
            double base = WorkloadCostCalculator.cost(w, m.get().prices()).monthlyCost().doubleValue();
            double[] cost = GrowthForecast.monthly(base, g, pcs, months);
            MonteCarlo.Percentiles pu = perUser(w, base);
            List<Month> ms = new ArrayList<>();
            for (int i = 0; i < months; i++) {
                double f = GrowthForecast.priceFactor(pcs, i + 1);
                ms.add(new Month(i + 1, cost[i], pu == null ? null : new PerUser(pu.p50() * f, pu.p90() * f, pu.p99() * f)));
                totals[i] += cost[i];
            }
            out.add(new WorkloadForecast(w, m.get(), pu == null ? null : w.spendSigma(), List.copyOf(ms)));
        }
        return new Result(List.copyOf(out), totals, g, List.copyOf(changes), List.copyOf(unpriced));
    }

    /** Month-1 per-user percentiles: lognormal with mean = cost / users, so median = mean·e^(−σ²/2). */
    static MonteCarlo.Percentiles perUser(Workload w, double monthly) {
        if (w.spendSigma() == null || w.users().signum() <= 0 || monthly <= 0) {
            return null;
        }
        double sigma = w.spendSigma().doubleValue();
        double mean = monthly / w.users().doubleValue();
        double median = mean * Math.exp(-sigma * sigma / 2);
        return MonteCarlo.run(new SpendDistribution.LogNormal(median, sigma), SAMPLES, SEED);
    }
}

package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.Commitment;
import com.aifinops.workbench.model.decision.FineTuneCase;
import com.aifinops.workbench.model.decision.ProvisionedOption;
import com.aifinops.workbench.model.decision.SeatPlan;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The decision calculations fed from a workbook: which workloads, volumes and pay-as-you-go prices each input
 * refers to. Prices are the workbook's rows over {@code catalog}.
 */
public final class WorkbookDecisions {
    private WorkbookDecisions() {
    }

    /** Provisioned units against pay-as-you-go on the same model, for the workloads on it (all when none are). */
    public static ProvisionedThroughput.Result provisioned(Workbook wb, PriceCatalog catalog, ProvisionedOption o) {
        PriceCatalog c = WorkbookCosts.catalogFor(wb, catalog);
        ModelPrice m = c.find(o.modelId()).orElseThrow(() -> new IllegalArgumentException(
                "provisioned option '" + o.name() + "': no price row for model " + o.modelId()));
        List<Workload> on = wb.workloads().stream().filter(w -> m.answersTo(w.modelId())).toList();
        List<Workload> ws = on.isEmpty() ? wb.workloads() : on;
        BigDecimal tokens = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (Workload w : ws) {
            tokens = tokens.add(TcoModel.annualTokens(w).divide(BigDecimal.valueOf(12), MathContext.DECIMAL128));
            cost = cost.add(WorkloadCostCalculator.cost(w.withModel(m.id()), m.prices()).monthlyCost());
        }
        BigDecimal payg = cost.movePointRight(6).divide(tokens, MathContext.DECIMAL128);
        return ProvisionedThroughput.evaluate(o, tokens, payg, ws.get(0).daysPerMonth());
    }

    /** Monthly list spend on a provider's models: the base of a commitment's forecast. */
    public static BigDecimal monthlyListOn(Workbook wb, PriceCatalog catalog, String provider) {
        PriceCatalog c = WorkbookCosts.catalogFor(wb, catalog);
        BigDecimal sum = BigDecimal.ZERO;
        for (Workload w : wb.workloads()) {
            var m = c.find(w.modelId());
            if (m.isPresent() && m.get().provider().equalsIgnoreCase(provider)) {
                sum = sum.add(WorkloadCostCalculator.cost(w, m.get().prices()).monthlyCost());
            }
        }
        return sum;
    }

    public static CommitmentPlan.Result commitment(Workbook wb, PriceCatalog catalog, Commitment k) {
        return CommitmentPlan.evaluate(k, monthlyListOn(wb, catalog, k.provider()));
    }

    public static SeatVsUsage.Result seats(Workbook wb, PriceCatalog catalog, SeatPlan p) {
        Workload w = workload(wb, p.workload());
        return SeatVsUsage.compare(p, w, price(wb, catalog, w.modelId()).prices());
    }

    public static FineTunePayback.Result fineTune(Workbook wb, PriceCatalog catalog, FineTuneCase t) {
        Workload w = workload(wb, t.workload());
        ModelPrice current = price(wb, catalog, w.modelId());
        ModelPrice tuned = t.modelId() == null ? current : price(wb, catalog, t.modelId());
        return FineTunePayback.evaluate(t, w, current.prices(), tuned.prices());
    }

    private static Workload workload(Workbook wb, String name) {
        if (name == null || name.isBlank()) {
            return wb.workloads().get(0);
        }
        return wb.workloads().stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no workload named " + name));
    }

    private static ModelPrice price(Workbook wb, PriceCatalog catalog, String id) {
        return WorkbookCosts.catalogFor(wb, catalog).find(id)
                .orElseThrow(() -> new IllegalArgumentException("no price row for model " + id));
    }
}

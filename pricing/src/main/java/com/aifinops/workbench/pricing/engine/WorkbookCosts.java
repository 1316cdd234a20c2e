package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every figure a workbook shows: each workload on each of its models, as is and under each scenario that
 * applies to it. Prices come from the workbook's own rows over {@code catalog}; a model found in neither is
 * skipped (and reported by {@link #missingModels}).
 */
public final class WorkbookCosts {
    /**
     * One priced case.
     *
     * @param scenario the scenario name, or {@code null} for the workload as entered
     * @param workload the workload with the scenario's overrides applied
     * @param model    the price row used
     * @param cost     the exact cost
     */
    public record Case(String scenario, Workload workload, ModelPrice model, WorkloadCost cost) {
    }

    private WorkbookCosts() {
    }

    /** The catalogue a workbook is priced with: its own rows take precedence over {@code catalog}. */
    public static PriceCatalog catalogFor(Workbook wb, PriceCatalog catalog) {
        return catalog.overriddenBy(wb.priceRows());
    }

    /** The price row of every model the workbook uses, in first-use order. */
    public static List<ModelPrice> pricesUsed(Workbook wb, PriceCatalog catalog) {
        PriceCatalog c = catalogFor(wb, catalog);
        return wb.modelsUsed().stream().map(c::find).flatMap(Optional::stream).distinct().toList();
    }

    public static List<String> missingModels(Workbook wb, PriceCatalog catalog) {
        PriceCatalog c = catalogFor(wb, catalog);
        return wb.modelsUsed().stream().filter(id -> c.find(id).isEmpty()).toList();
    }

    /** Base cases first (workload by workload, models in studio order), then each scenario's cases. */
    public static List<Case> of(Workbook wb, PriceCatalog catalog) {
        PriceCatalog c = catalogFor(wb, catalog);
        List<Case> out = new ArrayList<>();
        for (Workload w : wb.workloads()) {
            price(out, null, w, wb, c);
        }
        for (Scenario s : wb.scenarios()) {
            for (Workload w : wb.workloads()) {
                if (s.appliesTo(w)) {
                    price(out, s.name(), s.applyTo(w), wb, c);
                }
            }
        }
        return out;
    }

    private static void price(List<Case> out, String scenario, Workload w, Workbook wb, PriceCatalog c) {
        for (String id : wb.modelsFor(w)) {
            c.find(id).ifPresent(m -> out.add(new Case(scenario, w, m, WorkloadCostCalculator.cost(w, m.prices()))));
        }
    }

    /**
     * One scenario's monthly total over every workload on its own model: a workload the scenario names is
     * priced with its overrides, the others as entered. {@code scenario} is {@code null} for "as entered".
     */
    public record ScenarioTotal(Scenario scenario, BigDecimal total) {
        /**
         * The total in forecast month 12 under the scenario's growth and price changes:
         * total · (1 + g)^11 · Π factors from a month ≤ 12 (a forecast figure, so a double rounded when shown).
         */
        public BigDecimal month12() {
            if (scenario == null) {
                return total;
            }
            double g = scenario.monthlyGrowth() == null ? 0 : scenario.monthlyGrowth().doubleValue();
            double f = Math.pow(1 + g, 11);
            for (var p : scenario.priceChanges()) {
                if (p.fromMonth() <= 12) {
                    f *= p.factor().doubleValue();
                }
            }
            return total.multiply(BigDecimal.valueOf(f));
        }
    }

    /** "As entered" first, then each scenario; unpriced workloads are left out of every total. */
    public static List<ScenarioTotal> scenarioTotals(Workbook wb, PriceCatalog catalog) {
        PriceCatalog c = catalogFor(wb, catalog);
        List<ScenarioTotal> out = new ArrayList<>();
        out.add(new ScenarioTotal(null, total(wb, c, null)));
        for (Scenario s : wb.scenarios()) {
            out.add(new ScenarioTotal(s, total(wb, c, s)));
        }
        return out;
    }

    private static BigDecimal total(Workbook wb, PriceCatalog c, Scenario s) {
        BigDecimal t = BigDecimal.ZERO;
        for (Workload w : wb.workloads()) {
            Workload x = s != null && s.appliesTo(w) ? s.applyTo(w) : w;
            Optional<ModelPrice> m = c.find(x.modelId());
            if (m.isPresent()) {
                t = t.add(WorkloadCostCalculator.cost(x, m.get().prices()).monthlyCost());
            }
        }
        return t;
    }

    /**
     * The workbook made self-contained: its price rows plus the catalogue row of every model it uses but does
     * not carry, so it reproduces its figures on a machine with another catalogue.
     */
    public static Workbook withPricesUsed(Workbook wb, PriceCatalog catalog) {
        List<ModelPrice> rows = new ArrayList<>(wb.priceRows());
        for (ModelPrice p : pricesUsed(wb, catalog)) {
            if (rows.stream().noneMatch(r -> r.id().equals(p.id()))) {
                rows.add(p);
            }
        }
        return rows.size() == wb.priceRows().size() ? wb : wb.withPriceRows(rows);
    }
}

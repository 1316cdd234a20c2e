package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.engine.WorkloadCost;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;

import java.util.ArrayList;
import java.util.List;

/**
 * One immutable evaluation of the studio: the workload as priced, and its cost on each model.
 * The first row is the workload's own model.
 */
public record StudioResult(Workload workload, List<ModelCost> rows, double[] curveCacheHitPercent) {

    /** The cost of the workload on one model, with the curve of monthly cost over the cache hit rate. */
    public record ModelCost(ModelPrice model, WorkloadCost cost, double[] curveMonthly) {
    }

    /** Points on the cost curve; cost is affine in h, so this only shapes the marker line's look. */
    static final int CURVE_POINTS = 21;

    /** Prices {@code w} on each of {@code models} (its own model first) with a 0–100 % cost curve per model. */
    public static StudioResult of(Workload w, List<ModelPrice> models) {
        double[] xs = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            xs[i] = 100.0 * i / (CURVE_POINTS - 1);
        }
        List<ModelCost> rows = new ArrayList<>();
        for (ModelPrice m : models) {
            double[] ys = new double[CURVE_POINTS];
            for (int i = 0; i < CURVE_POINTS; i++) {
                ys[i] = WorkloadCostCalculator.monthlyAt(w, m.prices(), xs[i] / 100.0);
            }
            rows.add(new ModelCost(m, WorkloadCostCalculator.cost(w, m.prices()), ys));
        }
        return new StudioResult(w, List.copyOf(rows), xs);
    }

    public ModelCost selected() {
        return rows.get(0);
    }
}

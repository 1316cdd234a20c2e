package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.engine.WorkloadCost;

import java.util.List;

/**
 * One immutable evaluation of the studio: the workload as priced, and its cost on each model.
 * The first row is the workload's own model.
 */
public record StudioResult(Workload workload, List<ModelCost> rows, double[] curveCacheHitPercent) {

    /** The cost of the workload on one model, with the curve of monthly cost over the cache hit rate. */
    public record ModelCost(ModelPrice model, WorkloadCost cost, double[] curveMonthly) {
    }

    public ModelCost selected() {
        return rows.get(0);
    }
}

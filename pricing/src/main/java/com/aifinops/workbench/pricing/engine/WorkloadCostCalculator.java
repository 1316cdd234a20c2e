package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workload.Workload;

import java.math.BigDecimal;

/**
 * The core formula every part of the workbench agrees on, in exact decimal arithmetic:
 * <pre>
 * cost_request = ( I·[P_in·(1−h) + P_hit·h] + O·P_out ) / 1e6
 * monthly      = M · R · days · cost_request · OVR
 * </pre>
 * Stateless and thread-safe. Nothing is rounded: dividing by a million is an exact decimal shift.
 */
public final class WorkloadCostCalculator {
    private WorkloadCostCalculator() {
    }

    public static WorkloadCost cost(Workload w, TokenPrices p) {
        BigDecimal h = w.cacheHitRate();
        BigDecimal inputRate = p.inputPerMTok().multiply(BigDecimal.ONE.subtract(h)).add(p.cacheHitPerMTok().multiply(h));
        BigDecimal inputPerRequest = w.inputTokens().multiply(inputRate).movePointLeft(6);
        BigDecimal outputPerRequest = w.outputTokens().multiply(p.outputPerMTok()).movePointLeft(6);
        BigDecimal volume = w.requestsPerMonth().multiply(w.overhead());
        BigDecimal inputCost = volume.multiply(inputPerRequest);
        BigDecimal outputCost = volume.multiply(outputPerRequest);
        return new WorkloadCost(inputPerRequest.add(outputPerRequest), w.requestsPerMonth(), inputCost, outputCost,
                inputCost.add(outputCost));
    }

    /**
     * The monthly cost as a {@code double} for charting, at cache hit rate {@code h}. Cost is affine in h,
     * so a chart needs only the two ends; this stays fast enough to call per point per frame.
     */
    public static double monthlyAt(Workload w, TokenPrices p, double h) {
        double in = p.inputPerMTok().doubleValue();
        double hit = p.cacheHitPerMTok().doubleValue();
        double perRequest = (w.inputTokens().doubleValue() * (in * (1 - h) + hit * h)
                + w.outputTokens().doubleValue() * p.outputPerMTok().doubleValue()) / 1e6;
        return w.requestsPerMonth().doubleValue() * w.overhead().doubleValue() * perRequest;
    }
}

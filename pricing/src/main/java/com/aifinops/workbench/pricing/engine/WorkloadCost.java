package com.aifinops.workbench.pricing.engine;

import java.math.BigDecimal;

/**
 * The exact (unrounded) cost of a workload on one model. Round with {@code Usd} only when showing it.
 *
 * @param costPerRequest   USD per request, before overhead
 * @param requestsPerMonth M · R · days
 * @param inputCost        monthly input share (cached and uncached), overhead included
 * @param outputCost       monthly output share, overhead included
 * @param monthlyCost      inputCost + outputCost
 */
public record WorkloadCost(BigDecimal costPerRequest, BigDecimal requestsPerMonth, BigDecimal inputCost,
                           BigDecimal outputCost, BigDecimal monthlyCost) {
}

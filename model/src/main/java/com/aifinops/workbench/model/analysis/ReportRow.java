package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One group of a spend report: the values of the report's dimensions and the usage and cost summed over it.
 *
 * @param keys              one value per dimension of the report, in the report's order
 * @param requests          requests
 * @param inputTokens       input tokens not served from the cache: uncached input plus cache writes (5m and 1h)
 * @param cachedInputTokens input tokens read from the prompt cache
 * @param outputTokens      output tokens, reasoning included
 * @param cost              the best known cost, exact: each row's billed amount when its file states one, else its
 *                          list-priced amount, else zero (unpriced and unbilled; see {@code unpricedRequests})
 * @param billedCost        the sum of billed amounts the files state, exact; {@code null} when no row of the group
 *                          states one
 * @param pricedCost        the sum of list-priced amounts over the rows the catalogue priced, exact
 * @param unpricedRequests  requests of rows with neither a billed nor a priced cost (their cost counts as zero)
 */
public record ReportRow(List<String> keys, long requests, long inputTokens, long cachedInputTokens, long outputTokens,
                        BigDecimal cost, BigDecimal billedCost, BigDecimal pricedCost, long unpricedRequests) {

    public ReportRow {
        keys = List.copyOf(keys);
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(pricedCost, "pricedCost");
    }

    /** The sum of two groups (same keys assumed). */
    public ReportRow plus(ReportRow o) {
        return new ReportRow(keys, requests + o.requests, inputTokens + o.inputTokens, cachedInputTokens + o.cachedInputTokens,
                outputTokens + o.outputTokens, cost.add(o.cost), billedCost == null ? o.billedCost
                : o.billedCost == null ? billedCost : billedCost.add(o.billedCost), pricedCost.add(o.pricedCost),
                unpricedRequests + o.unpricedRequests);
    }
}

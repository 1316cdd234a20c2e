package com.aifinops.workbench.model.decision;

import java.math.BigDecimal;

/**
 * Pay-as-you-go API: the workload priced with the cost engine, so its blended $/MTok follows from the workload's
 * token mix, cache hit rate and overhead.
 *
 * @param name     shown in charts, e.g. "GPT-5.5 API"
 * @param modelId  the model every workload is priced on, or {@code null} for each workload's own model
 * @param discount negotiated discount off list, 0..1 (0 when absent)
 */
public record ApiOption(String name, String modelId, BigDecimal discount) {
    public ApiOption {
        name = Checks.text(name, modelId == null ? "API (workload models)" : modelId + " API");
        discount = Checks.share(discount, "API discount", BigDecimal.ZERO);
    }
}

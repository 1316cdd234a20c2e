package com.aifinops.workbench.model.workload;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A modelled workload: who uses an LLM feature, how often, and with how many tokens per request.
 * All quantities are exact decimals so that a cost computed from them is exact to the cent.
 *
 * @param name                  shown in the studio, e.g. "RAG support agent"
 * @param users                 monthly active users (M)
 * @param requestsPerUserPerDay requests per user per day (R)
 * @param inputTokens           input tokens per request (I)
 * @param outputTokens          output tokens per request (O), reasoning included
 * @param cacheHitRate          share of input tokens served from the prompt cache (h), 0..1
 * @param overhead              multiplier for retries, evals, observability and agent loops (OVR), ≥ 1 in practice
 * @param daysPerMonth          days billed per month, 30 unless the model says otherwise
 * @param modelId               the catalogue id of the model the workload runs on
 */
public record Workload(String name, BigDecimal users, BigDecimal requestsPerUserPerDay,
                       BigDecimal inputTokens, BigDecimal outputTokens, BigDecimal cacheHitRate,
                       BigDecimal overhead, int daysPerMonth, String modelId) {

    public Workload {
        Objects.requireNonNull(name, "name");
        requireNonNegative(users, "users");
        requireNonNegative(requestsPerUserPerDay, "requests per user per day");
        requireNonNegative(inputTokens, "input tokens");
        requireNonNegative(outputTokens, "output tokens");
        requireNonNegative(overhead, "overhead");
        Objects.requireNonNull(cacheHitRate, "cacheHitRate");
        if (cacheHitRate.signum() < 0 || cacheHitRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("cache hit rate must be between 0 and 1: " + cacheHitRate);
        }
        if (daysPerMonth <= 0 || daysPerMonth > 31) {
            throw new IllegalArgumentException("days per month must be 1..31: " + daysPerMonth);
        }
    }

    /** Requests in a month: M · R · days. */
    public BigDecimal requestsPerMonth() {
        return users.multiply(requestsPerUserPerDay).multiply(BigDecimal.valueOf(daysPerMonth));
    }

    public Workload withCacheHitRate(BigDecimal h) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, h, overhead, daysPerMonth, modelId);
    }

    public Workload withOverhead(BigDecimal ovr) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, ovr, daysPerMonth, modelId);
    }

    public Workload withModel(String id) {
        return new Workload(name, users, requestsPerUserPerDay, inputTokens, outputTokens, cacheHitRate, overhead, daysPerMonth, id);
    }

    private static void requireNonNegative(BigDecimal value, String what) {
        Objects.requireNonNull(value, what);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
    }
}

package com.aifinops.workbench.model.ledger;

import com.aifinops.workbench.model.usage.Allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of usage for one combination of dimensions, as the ledger keeps it ({@code usage_daily}): the unit
 * every spend analysis (reports, budgets, anomalies, reconciliation) works on.
 *
 * @param day             the UTC day
 * @param provider        lower-case provider id
 * @param modelRaw        the model name as the source wrote it
 * @param modelId         the catalogue id it resolved to, or {@code null} when unpriced
 * @param allocation      org / team / project / agent and the other dimensions and tags
 * @param requests        request count
 * @param uncachedInput   input tokens at the plain input price
 * @param cacheRead       cache-read input tokens
 * @param cacheWrite5m    5-minute cache-write tokens
 * @param cacheWrite1h    1-hour cache-write tokens
 * @param outputTokens    output tokens, reasoning included
 * @param reasoningTokens the reasoning part of the output
 * @param pricedCost      the catalogue's list price of this usage, exact; {@code null} when unpriced (never 0)
 * @param billedCost      what the source file states it cost, exact; {@code null} when it states nothing
 */
public record DailyRollup(LocalDate day, String provider, String modelRaw, String modelId, Allocation allocation,
                          long requests, long uncachedInput, long cacheRead, long cacheWrite5m, long cacheWrite1h,
                          long outputTokens, long reasoningTokens, BigDecimal pricedCost, BigDecimal billedCost) {

    public DailyRollup {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(provider, "provider");
        modelRaw = modelRaw == null ? "" : modelRaw;
        allocation = allocation == null ? Allocation.NONE : allocation;
    }

    /** All input tokens: uncached + cache read + cache writes. */
    public long inputTokens() {
        return uncachedInput + cacheRead + cacheWrite5m + cacheWrite1h;
    }

    public boolean priced() {
        return pricedCost != null;
    }

    /** The best known cost: the billed amount when the source states one, else the priced one, else zero. */
    public BigDecimal cost() {
        if (billedCost != null) return billedCost;
        return pricedCost != null ? pricedCost : BigDecimal.ZERO;
    }
}

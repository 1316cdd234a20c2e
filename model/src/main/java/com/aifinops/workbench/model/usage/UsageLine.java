package com.aifinops.workbench.model.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One normalised row of usage, as every reader produces it: a time bucket (a request, an hour, a day), a
 * model, token counts by billing class, and what the source says it cost.
 *
 * <p>Token classes are disjoint, except that {@code reasoningTokens} is the part of {@code outputTokens}
 * spent on reasoning (billed as output): total input = uncached + cache read + cache writes.
 *
 * @param start                  start of the bucket (inclusive), UTC
 * @param end                    end of the bucket (exclusive), or {@code null} for a single request
 * @param provider               e.g. {@code openai}, {@code anthropic}, {@code aws-bedrock}; lower case
 * @param model                  the model name exactly as the source writes it (resolved to a catalogue id later)
 * @param uncachedInputTokens    input billed at the plain input price
 * @param cacheReadTokens        input served from the prompt cache
 * @param cacheWrite5mTokens     input written to a 5-minute cache
 * @param cacheWrite1hTokens     input written to a 1-hour cache
 * @param outputTokens           output, reasoning included
 * @param reasoningTokens        the reasoning part of the output (0 when unknown)
 * @param requests               number of requests in the bucket
 * @param batch                  billed through a batch API
 * @param promptTokensPerRequest prompt length of the request when known (request-level data), else {@code null};
 *                               pricing uses it to choose a context tier
 * @param contextTierLabel       the source's own context-tier label (e.g. Anthropic's {@code "> 200k"}), or {@code null}
 * @param billedCost             the cost the source states for this line, or {@code null} when it states none
 * @param currency               ISO currency of {@code billedCost}, {@code USD} when unstated
 * @param allocation             who the usage belongs to
 * @param source                 file and line it came from
 */
public record UsageLine(Instant start, Instant end, String provider, String model,
                        long uncachedInputTokens, long cacheReadTokens, long cacheWrite5mTokens,
                        long cacheWrite1hTokens, long outputTokens, long reasoningTokens, long requests,
                        boolean batch, Long promptTokensPerRequest, String contextTierLabel,
                        BigDecimal billedCost, String currency, Allocation allocation, SourceRef source) {

    public UsageLine {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(provider, "provider");
        model = model == null ? "" : model;
        currency = currency == null ? "USD" : currency;
        allocation = allocation == null ? Allocation.NONE : allocation;
        if (uncachedInputTokens < 0 || cacheReadTokens < 0 || cacheWrite5mTokens < 0 || cacheWrite1hTokens < 0
                || outputTokens < 0 || reasoningTokens < 0 || requests < 0) {
            throw new IllegalArgumentException("token and request counts must not be negative");
        }
    }

    /** All input tokens: uncached + cache read + cache writes. */
    public long inputTokens() {
        return uncachedInputTokens + cacheReadTokens + cacheWrite5mTokens + cacheWrite1hTokens;
    }
}

package com.aifinops.workbench.model.price;

import java.util.Objects;

/**
 * A context tier: when a request's prompt is longer than {@code aboveTokens}, the WHOLE request (input, cache
 * and output) is billed at {@code rates}.
 */
public record ContextTier(long aboveTokens, Rates rates) {
    public ContextTier {
        if (aboveTokens <= 0) {
            throw new IllegalArgumentException("a tier threshold must be positive: " + aboveTokens);
        }
        Objects.requireNonNull(rates, "rates");
    }
}

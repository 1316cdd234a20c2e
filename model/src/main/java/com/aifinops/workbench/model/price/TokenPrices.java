package com.aifinops.workbench.model.price;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * List prices of one model in USD per million tokens.
 *
 * @param inputPerMTok       uncached input
 * @param cachedInputPerMTok cached (cache-read) input, or {@code null} when the provider publishes no
 *                           discount: a cache hit then costs the full input price
 * @param outputPerMTok      output, reasoning tokens included
 */
public record TokenPrices(BigDecimal inputPerMTok, BigDecimal cachedInputPerMTok, BigDecimal outputPerMTok) {

    public TokenPrices {
        Objects.requireNonNull(inputPerMTok, "inputPerMTok");
        Objects.requireNonNull(outputPerMTok, "outputPerMTok");
        requireNonNegative(inputPerMTok, "input");
        requireNonNegative(outputPerMTok, "output");
        if (cachedInputPerMTok != null) {
            requireNonNegative(cachedInputPerMTok, "cached input");
        }
    }

    public static TokenPrices of(String input, String cachedInput, String output) {
        return new TokenPrices(new BigDecimal(input), cachedInput == null ? null : new BigDecimal(cachedInput),
                new BigDecimal(output));
    }

    /** The price a cache hit is billed at: the cached price, or the input price when none is published. */
    public BigDecimal cacheHitPerMTok() {
        return cachedInputPerMTok == null ? inputPerMTok : cachedInputPerMTok;
    }

    private static void requireNonNegative(BigDecimal value, String what) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " price must not be negative: " + value);
        }
    }
}

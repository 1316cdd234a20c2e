package com.aifinops.workbench.pricing.engine;

import java.math.BigDecimal;

/**
 * One billed component of a priced line: e.g. "cache read", 400 tokens at $0.50/MTok = $0.0002.
 *
 * @param component    "uncached input", "cache read", "cache write 5m", "cache write 1h", "output"
 * @param tokens       tokens billed (may be fractional for a modelled workload's per-request average)
 * @param ratePerMTok  the price applied, USD per million tokens
 * @param amount       tokens × rate / 1e6, exact
 */
public record CostLine(String component, BigDecimal tokens, BigDecimal ratePerMTok, BigDecimal amount) {

    static CostLine of(String component, BigDecimal tokens, BigDecimal rate) {
        return new CostLine(component, tokens, rate, tokens.multiply(rate).movePointLeft(6));
    }

    /** "cache read 400 × $0.50/MTok". */
    public String describe() {
        BigDecimal rate = ratePerMTok.stripTrailingZeros();
        if (rate.scale() < 2) {
            rate = rate.setScale(2);
        }
        return component + " " + tokens.stripTrailingZeros().toPlainString() + " × $" + rate.toPlainString() + "/MTok";
    }
}

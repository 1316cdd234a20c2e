package com.aifinops.workbench.importers.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * Price files state USD per single token as JSON numbers, strings or scientific notation ({@code 1.25e-06},
 * {@code "3e-07"}). This turns them into exact USD per million tokens from the number's text, never via double.
 */
final class PerTokenPrices {
    private PerTokenPrices() {
    }

    /** The per-MTok price, or {@code null} when the field is absent or null. */
    static BigDecimal perMTok(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String text = node.isNumber() ? node.decimalValue().toString() : node.asText().strip();
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal perToken;
        try {
            perToken = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a price per token such as 1.25e-06, got '" + text + "'");
        }
        if (perToken.signum() < 0) {
            throw new IllegalArgumentException("a price must not be negative: " + text);
        }
        BigDecimal perMTok = perToken.movePointRight(6).stripTrailingZeros();
        return perMTok.scale() < 0 ? perMTok.setScale(0) : perMTok;
    }
}

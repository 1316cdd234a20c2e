package com.aifinops.workbench.pricing.decision;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Multipliers on named inputs, for sensitivities: {@code Factors.of("gpuHourUsd", 1.2)} prices every GPU-hour 20 %
 * higher. Absent names are 1. Names are the input record fields, plus {@code apiPrice} for the API's $/MTok.
 */
public record Factors(Map<String, BigDecimal> multipliers) {
    public static final Factors NONE = new Factors(Map.of());

    public Factors {
        multipliers = Map.copyOf(multipliers);
    }

    public static Factors of(String input, String multiplier) {
        return new Factors(Map.of(input, new BigDecimal(multiplier)));
    }

    public BigDecimal apply(String input, BigDecimal value) {
        BigDecimal m = multipliers.get(input);
        return m == null ? value : value.multiply(m);
    }

    /** A share kept within (0, 1] after scaling (a utilisation cannot pass 100 %). */
    public BigDecimal applyShare(String input, BigDecimal value) {
        return apply(input, value).min(BigDecimal.ONE);
    }
}

package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Splits a shared cost (a gateway, a platform team, a support contract) over nodes: in proportion to each node's
 * spend, evenly, or by fixed percentages. The parts always add up to the amount exactly: each part is computed to
 * 34 significant digits and the node with the largest weight takes the remainder. Fixed percentages that sum to
 * less than 100 leave the rest {@link Dimension#UNALLOCATED}.
 */
public final class SharedCostSplit {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum Method { PROPORTIONAL, EVEN, FIXED }

    private SharedCostSplit() {
    }

    /**
     * @param weights per node (in order): its spend for {@link Method#PROPORTIONAL}, its percentage for
     *                {@link Method#FIXED}, ignored for {@link Method#EVEN}
     * @return each node's part, in the order given (plus "unallocated" for fixed percentages under 100)
     */
    public static Map<String, BigDecimal> split(BigDecimal amount, Method method, Map<String, BigDecimal> weights) {
        Objects.requireNonNull(amount, "amount");
        if (weights.isEmpty()) {
            return Map.of(Dimension.UNALLOCATED, amount);
        }
        Map<String, BigDecimal> w = new LinkedHashMap<>();
        BigDecimal whole;
        switch (method) {
            case EVEN -> weights.keySet().forEach(k -> w.put(k, BigDecimal.ONE));
            case PROPORTIONAL, FIXED -> weights.forEach((k, v) -> {
                if (v.signum() < 0) {
                    throw new IllegalArgumentException("negative weight for " + k + ": " + v.toPlainString());
                }
                w.put(k, v);
            });
        }
        BigDecimal sum = w.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (method == Method.FIXED) {
            if (sum.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("fixed percentages sum to " + sum.toPlainString() + " %, more than 100 %");
            }
            if (sum.compareTo(HUNDRED) < 0) {
                w.merge(Dimension.UNALLOCATED, HUNDRED.subtract(sum), BigDecimal::add);
            }
            whole = HUNDRED;
        } else {
            whole = sum;
        }
        if (whole.signum() == 0) {
            // nobody spent anything: fall back to an even split rather than divide by zero
            return split(amount, Method.EVEN, weights);
        }
        String largest = null;
        for (Map.Entry<String, BigDecimal> e : w.entrySet()) {
            if (largest == null || e.getValue().compareTo(w.get(largest)) > 0) {
                largest = e.getKey();
            }
        }
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        BigDecimal assigned = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : w.entrySet()) {
            if (!e.getKey().equals(largest)) {
                BigDecimal part = amount.multiply(e.getValue()).divide(whole, MC);
                parts.put(e.getKey(), part);
                assigned = assigned.add(part);
            } else {
                parts.put(e.getKey(), null);
            }
        }
        parts.put(largest, amount.subtract(assigned));
        return parts;
    }
}

package com.aifinops.workbench.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding rules for US-dollar amounts. Amounts stay exact {@link BigDecimal}s everywhere;
 * these methods are the only places where an amount is rounded, and only for display or output.
 */
public final class Usd {
    private Usd() {
    }

    /** Rounds half-up to whole cents (scale 2), the rule every printed amount follows. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Rounds half-up to {@code scale} decimals; used for per-request costs (6 decimals). */
    public static BigDecimal round(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.HALF_UP);
    }

    /** "$95,850.00": grouping, two decimals, half-up; negative amounts as "-$1.00". */
    public static String format(BigDecimal amount) {
        return format(amount, 2);
    }

    /** A unit cost such as a cost per outcome: "$0.0425", four decimals, half-up, with grouping. */
    public static String formatUnit(BigDecimal amount) {
        return format(amount, 4);
    }

    private static String format(BigDecimal amount, int scale) {
        BigDecimal c = round(amount, scale);
        String body = String.format(java.util.Locale.ROOT, "%,." + scale + "f", c.abs());
        return (c.signum() < 0 ? "-$" : "$") + body;
    }
}

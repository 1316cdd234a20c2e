package com.aifinops.workbench.model.workload;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the workload is for, counted: cost per outcome is what a business owner compares with the manual cost.
 *
 * @param unit             e.g. "resolved ticket"
 * @param outcomesPerMonth how many such outcomes the workload produces per month
 */
public record Outcome(String unit, BigDecimal outcomesPerMonth) {
    public Outcome {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(outcomesPerMonth, "outcomesPerMonth");
        if (outcomesPerMonth.signum() < 0) {
            throw new IllegalArgumentException("outcomes per month must not be negative: " + outcomesPerMonth);
        }
    }
}

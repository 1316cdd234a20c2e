package com.aifinops.workbench.model.workbook;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A price change a forecast assumes: from forecast month {@code fromMonth} (1 = the first month) on, prices are
 * multiplied by {@code factor} (2–3 for a repricing when a subsidised price ends, 0.5 for a cut).
 *
 * @param fromMonth 1-based forecast month
 * @param factor    multiplier on every price, ≥ 0
 * @param note      why, e.g. "launch discount ends"; may be {@code null}
 */
public record PriceChange(int fromMonth, BigDecimal factor, String note) {
    public PriceChange {
        Objects.requireNonNull(factor, "factor");
        if (fromMonth < 1 || factor.signum() < 0) {
            throw new IllegalArgumentException("a price change needs fromMonth ≥ 1 and a factor ≥ 0: " + fromMonth + ", " + factor);
        }
    }
}

package com.aifinops.workbench.model.analysis;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/** A monthly budget for one node of the allocation tree, in USD. */
public record Budget(Node node, YearMonth month, BigDecimal amount) {
    public Budget {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a budget must be positive, got " + amount.toPlainString());
        }
    }
}

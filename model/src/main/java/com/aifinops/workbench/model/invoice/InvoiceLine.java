package com.aifinops.workbench.model.invoice;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a provider invoice or statement.
 *
 * @param kind        what the line is: usage charges, a credit (negative), tax, a fee or an adjustment
 * @param description the line's text as the invoice writes it
 * @param model       the model the line bills, when the invoice says (raw name), else {@code null}
 * @param amount      exact amount in the invoice's currency; credits are negative
 */
public record InvoiceLine(Kind kind, String description, String model, BigDecimal amount) {

    public enum Kind { USAGE, CREDIT, TAX, FEE, ADJUSTMENT }

    public InvoiceLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        description = description == null ? "" : description;
    }
}

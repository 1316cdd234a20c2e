package com.aifinops.workbench.model.invoice;

import com.aifinops.workbench.model.usage.SourceRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A provider invoice or statement for one billing period, entered from a CSV or by hand.
 *
 * @param provider    lower-case provider id, e.g. {@code openai}
 * @param invoiceNo   the provider's invoice id (unique per provider)
 * @param periodStart first day billed (inclusive)
 * @param periodEnd   last day billed (inclusive)
 * @param currency    ISO currency, {@code USD} when unstated
 * @param lines       usage, credits, tax, fees and adjustments
 * @param source      where it was read from, or {@code null} for manual entry
 */
public record Invoice(String provider, String invoiceNo, LocalDate periodStart, LocalDate periodEnd, String currency,
                      List<InvoiceLine> lines, SourceRef source) {

    public Invoice {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(invoiceNo, "invoiceNo");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("invoice period ends before it starts: " + periodStart + ".." + periodEnd);
        }
        currency = currency == null ? "USD" : currency;
        lines = List.copyOf(lines);
    }

    /** The amount due: every line added, exact. */
    public BigDecimal total() {
        return lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum of the lines of one kind, exact. */
    public BigDecimal total(InvoiceLine.Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.invoice.Invoice;
import com.aifinops.workbench.model.invoice.InvoiceLine;
import com.aifinops.workbench.model.ledger.DailyRollup;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reconciles one provider's billing period three ways: the cost priced from usage at catalogue list prices, the
 * cost the usage files themselves state, and the invoice. The variance (invoice total − priced from usage) is
 * split exactly into parts that add up to it:
 * <pre>
 * variance = unpricedModels + priceRowDifferences + rounding + unexplained + credits + tax + feesAndAdjustments
 * </pre>
 * <ul>
 *   <li>unpriced models: what the files bill for rows the catalogue cannot price;</li>
 *   <li>price-row differences: billed − priced over rows that carry both (the provider charged other rates);</li>
 *   <li>rounding: the invoice's usage is in cents, so cents(usage cost) − usage cost;</li>
 *   <li>unexplained: invoice usage lines − cents(usage cost), e.g. usage missing from the ledger or rows neither
 *       priced nor billed (counted in {@code unpricedUnbilledRequests});</li>
 *   <li>credits, tax, fees and adjustments: the invoice's lines of those kinds (credits negative).</li>
 * </ul>
 * Flagged when |unexplained| exceeds the tolerance.
 */
public final class Reconciliation {
    public static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("1.00");

    private Reconciliation() {
    }

    /**
     * Usage of one provider and period, summed.
     *
     * @param priced                   list-priced cost over rows the catalogue priced
     * @param billedInFiles            cost the files state, over rows that state one; {@code null} when none does
     * @param priceRowDifferences      Σ (billed − priced) over rows with both
     * @param unpricedBilled           Σ billed over rows without a priced cost
     * @param unpricedUnbilledRequests requests of rows with neither (their cost is unknown)
     * @param requests                 all requests
     * @param unpricedModels           raw names of the models without a price
     */
    public record UsageTotals(BigDecimal priced, BigDecimal billedInFiles, BigDecimal priceRowDifferences,
                              BigDecimal unpricedBilled, long unpricedUnbilledRequests, long requests, List<String> unpricedModels) {
        public UsageTotals {
            unpricedModels = List.copyOf(unpricedModels);
        }

        /** The best known usage cost: priced + price-row differences + unpriced billed (= Σ {@link DailyRollup#cost()}). */
        public BigDecimal cost() {
            return priced.add(priceRowDifferences).add(unpricedBilled);
        }

        public static UsageTotals of(Iterable<DailyRollup> rows) {
            BigDecimal priced = BigDecimal.ZERO, diff = BigDecimal.ZERO, unpricedBilled = BigDecimal.ZERO, billed = null;
            long unknown = 0, requests = 0;
            TreeSet<String> unpriced = new TreeSet<>();
            for (DailyRollup r : rows) {
                requests += r.requests();
                if (r.billedCost() != null) {
                    billed = billed == null ? r.billedCost() : billed.add(r.billedCost());
                }
                if (r.priced()) {
                    priced = priced.add(r.pricedCost());
                    if (r.billedCost() != null) {
                        diff = diff.add(r.billedCost().subtract(r.pricedCost()));
                    }
                } else {
                    unpriced.add(r.modelRaw());
                    if (r.billedCost() != null) {
                        unpricedBilled = unpricedBilled.add(r.billedCost());
                    } else {
                        unknown += r.requests();
                    }
                }
            }
            return new UsageTotals(priced, billed, diff, unpricedBilled, unknown, requests, List.copyOf(unpriced));
        }
    }

    /** The three-way comparison and the variance split. Every amount exact. */
    public record Result(String provider, YearMonth period, List<String> invoices, UsageTotals usage,
                         BigDecimal invoiceUsage, BigDecimal invoiceTotal, BigDecimal variance,
                         BigDecimal unpricedModels, BigDecimal priceRowDifferences, BigDecimal credits, BigDecimal tax,
                         BigDecimal feesAndAdjustments, BigDecimal rounding, BigDecimal unexplained,
                         BigDecimal tolerance, boolean flagged) {

        /** The parts, added: equals {@link #variance} by construction (tests check it). */
        public BigDecimal partsTotal() {
            return unpricedModels.add(priceRowDifferences).add(credits).add(tax).add(feesAndAdjustments).add(rounding).add(unexplained);
        }
    }

    public static Result reconcile(String provider, YearMonth period, UsageTotals usage, List<Invoice> invoices, BigDecimal tolerance) {
        Objects.requireNonNull(usage, "usage");
        BigDecimal invoiceUsage = sum(invoices, InvoiceLine.Kind.USAGE);
        BigDecimal credits = sum(invoices, InvoiceLine.Kind.CREDIT);
        BigDecimal tax = sum(invoices, InvoiceLine.Kind.TAX);
        BigDecimal fees = sum(invoices, InvoiceLine.Kind.FEE).add(sum(invoices, InvoiceLine.Kind.ADJUSTMENT));
        BigDecimal total = invoices.stream().map(Invoice::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cost = usage.cost();
        BigDecimal rounding = Usd.cents(cost).subtract(cost);
        BigDecimal unexplained = invoiceUsage.subtract(Usd.cents(cost));
        return new Result(provider, period, invoices.stream().map(Invoice::invoiceNo).toList(), usage, invoiceUsage, total,
                total.subtract(usage.priced()), usage.unpricedBilled(), usage.priceRowDifferences(), credits, tax, fees,
                rounding, unexplained, tolerance, unexplained.abs().compareTo(tolerance) > 0);
    }

    private static BigDecimal sum(List<Invoice> invoices, InvoiceLine.Kind kind) {
        return invoices.stream().map(i -> i.total(kind)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.invoice.Invoice;
import com.aifinops.workbench.model.invoice.InvoiceLine;
import com.aifinops.workbench.model.ledger.DailyRollup;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconciliationTest {
    private static final LocalDate D = LocalDate.of(2026, 2, 3);

    private static DailyRollup row(String model, boolean known, long requests, String priced, String billed) {
        return new DailyRollup(D, "openai", model, known ? model : null, null, requests, 0, 0, 0, 0, 0, 0,
                priced == null ? null : new BigDecimal(priced), billed == null ? null : new BigDecimal(billed));
    }

    private static final List<DailyRollup> ROWS = List.of(
            row("gpt-5", true, 10, "10.004", "10.50"),   // the provider charged 0.496 more than list
            row("gpt-5-mini", true, 20, "5.0015", null), // priced only
            row("ft:custom", false, 30, null, "2.25"),   // unpriced, billed
            row("mystery", false, 100, null, null));     // unpriced, unbilled

    private static Invoice invoice(String usage) {
        return new Invoice("openai", "INV-7", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), "USD", List.of(
                new InvoiceLine(InvoiceLine.Kind.USAGE, "Usage", null, new BigDecimal(usage)),
                new InvoiceLine(InvoiceLine.Kind.CREDIT, "Promo", null, new BigDecimal("-5.00")),
                new InvoiceLine(InvoiceLine.Kind.TAX, "VAT", null, new BigDecimal("1.20")),
                new InvoiceLine(InvoiceLine.Kind.FEE, "Support", null, new BigDecimal("0.30"))), null);
    }

    @Test
    void usageTotalsSeparatePricedBilledAndUnknown() {
        Reconciliation.UsageTotals u = Reconciliation.UsageTotals.of(ROWS);
        assertEquals(0, u.priced().compareTo(new BigDecimal("15.0055")), "10.004 + 5.0015");
        assertEquals(0, u.billedInFiles().compareTo(new BigDecimal("12.75")), "10.50 + 2.25");
        assertEquals(0, u.priceRowDifferences().compareTo(new BigDecimal("0.496")));
        assertEquals(0, u.unpricedBilled().compareTo(new BigDecimal("2.25")));
        assertEquals(100, u.unpricedUnbilledRequests());
        assertEquals(List.of("ft:custom", "mystery"), u.unpricedModels());
        // best known cost: 10.50 + 5.0015 + 2.25 = 17.7515
        assertEquals(0, u.cost().compareTo(new BigDecimal("17.7515")));
    }

    @Test
    void theVarianceSplitsExactlyIntoItsParts() {
        Reconciliation.Result r = Reconciliation.reconcile("openai", YearMonth.of(2026, 2), Reconciliation.UsageTotals.of(ROWS),
                List.of(invoice("17.75")), Reconciliation.DEFAULT_TOLERANCE);
        // invoice total 17.75 − 5.00 + 1.20 + 0.30 = 14.25; variance 14.25 − 15.0055 = −0.7555
        assertEquals(0, r.invoiceTotal().compareTo(new BigDecimal("14.25")));
        assertEquals(0, r.variance().compareTo(new BigDecimal("-0.7555")));
        assertEquals(0, r.credits().compareTo(new BigDecimal("-5.00")));
        assertEquals(0, r.tax().compareTo(new BigDecimal("1.20")));
        assertEquals(0, r.feesAndAdjustments().compareTo(new BigDecimal("0.30")));
        assertEquals(0, r.rounding().compareTo(new BigDecimal("-0.0015")), "cents(17.7515) − 17.7515");
        assertEquals(0, r.unexplained().signum());
        // 2.25 + 0.496 − 5.00 + 1.20 + 0.30 − 0.0015 + 0 = −0.7555
        assertEquals(0, r.partsTotal().compareTo(r.variance()));
        assertFalse(r.flagged());
    }

    @Test
    void anUnexplainedRemainderAboveTheToleranceIsFlagged() {
        Reconciliation.Result r = Reconciliation.reconcile("openai", YearMonth.of(2026, 2), Reconciliation.UsageTotals.of(ROWS),
                List.of(invoice("19.75")), Reconciliation.DEFAULT_TOLERANCE);
        assertEquals(0, r.unexplained().compareTo(new BigDecimal("2.00")));
        assertEquals(0, r.partsTotal().compareTo(r.variance()));
        assertTrue(r.flagged());
        Reconciliation.Result loose = Reconciliation.reconcile("openai", YearMonth.of(2026, 2), Reconciliation.UsageTotals.of(ROWS),
                List.of(invoice("19.75")), new BigDecimal("2.00"));
        assertFalse(loose.flagged(), "exactly at the tolerance is not above it");
    }
}

package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.invoice.Invoice;

import java.time.YearMonth;
import java.util.List;

/** What the Reconciliation screen asks of the ledger and the invoice store. */
public interface ReconciliationQuery {

    /** Providers with usage or invoices, in order. */
    List<String> providers() throws Exception;

    /** Months with usage or an invoice, in order. */
    List<YearMonth> months() throws Exception;

    /** Reconciles {@code provider}'s {@code month} at the default tolerance. */
    Reconciliation.Result reconcile(String provider, YearMonth month) throws Exception;

    /** Stores an invoice entered by hand; fails when the provider already has its number. */
    void addInvoice(Invoice invoice) throws Exception;
}

package com.aifinops.workbench.views.reconcile;

import com.aifinops.workbench.model.analysis.Reconciliation;
import com.aifinops.workbench.model.analysis.ReconciliationQuery;
import com.aifinops.workbench.model.invoice.Invoice;
import com.aifinops.workbench.model.invoice.InvoiceLine;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.aifinops.workbench.views.common.Loading;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * State of the Reconciliation screen: provider and month, the result, and the variance split as waterfall steps.
 * Queries and invoice writes run on {@code background}; results arrive through {@code fx}.
 */
public final class ReconciliationViewModel {
    private final ReconciliationQuery query;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final Loading loading;
    private final AtomicLong generation = new AtomicLong();

    private final ObjectProperty<String> provider = new SimpleObjectProperty<>();
    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObservableList<String> providers = FXCollections.observableArrayList();
    private final ObservableList<YearMonth> months = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Reconciliation.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** One step of the waterfall: a part of the variance, exact. */
    public record Step(String label, BigDecimal amount) {
    }

    public ReconciliationViewModel(ReconciliationQuery query, Executor background, Consumer<Runnable> fx) {
        this.query = query;
        this.background = background;
        this.fx = fx;
        this.loading = new Loading(background, fx);
    }

    public ObjectProperty<String> providerProperty() {
        return provider;
    }

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ObservableList<String> providers() {
        return providers;
    }

    public ObservableList<YearMonth> months() {
        return months;
    }

    public ReadOnlyObjectProperty<Reconciliation.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The variance split in waterfall order; the steps add up to {@link Reconciliation.Result#variance} exactly. */
    public static List<Step> steps(Reconciliation.Result r) {
        List<Step> s = new ArrayList<>();
        s.add(new Step("unpriced models", r.unpricedModels()));
        s.add(new Step("price-row differences", r.priceRowDifferences()));
        s.add(new Step("credits", r.credits()));
        s.add(new Step("tax", r.tax()));
        s.add(new Step("fees and adjustments", r.feesAndAdjustments()));
        s.add(new Step("rounding", r.rounding()));
        s.add(new Step("unexplained", r.unexplained()));
        return s;
    }

    /** True while a refresh is running. */
    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return loading.activeProperty();
    }

    /** Reconciles the chosen provider and month (the first provider and the latest month when none is chosen). */
    public void refresh() {
        long gen = generation.incrementAndGet();
        String p = provider.get();
        YearMonth m = month.get();
        loading.execute(() -> {
            try {
                List<String> ps = query.providers();
                List<YearMonth> ms = query.months();
                YearMonth m2 = m != null ? m : ms.isEmpty() ? YearMonth.now() : ms.get(ms.size() - 1);
                String p2 = p;
                Reconciliation.Result r = p2 == null ? null : query.reconcile(p2, m2);
                // none chosen: the first provider with an invoice for the month, else the first one
                for (int i = 0; p2 == null && i < ps.size(); i++) {
                    Reconciliation.Result tried = query.reconcile(ps.get(i), m2);
                    if (!tried.invoices().isEmpty() || i == ps.size() - 1) {
                        p2 = ps.get(i);
                        r = tried;
                    }
                }
                String p3 = p2;
                Reconciliation.Result r3 = r;
                fx.accept(() -> {
                    if (gen != generation.get()) {
                        return;
                    }
                    if (!providers.equals(ps)) {
                        providers.setAll(ps);
                    }
                    if (!months.equals(ms)) {
                        months.setAll(ms);
                    }
                    if (p3 != null && !providers.contains(p3)) {
                        providers.add(p3);
                    }
                    if (!months.contains(m2)) {
                        months.add(m2);
                        FXCollections.sort(months);
                    }
                    provider.set(p3);
                    month.set(m2);
                    result.set(r3);
                    error.set(p3 == null ? "No usage or invoices yet: import usage files or enter an invoice" : "");
                });
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    /** What the invoice dialog collects; amounts as typed (blank: none). */
    public record InvoiceEntry(String provider, String number, YearMonth month, String usage, String credit, String tax, String fee) {
    }

    /**
     * Builds the invoice of a hand entry as {@code invoice add} does: a usage line, and a credit (stored negative
     * whatever its sign), tax and fee when given. Throws with the field's name when an amount does not parse.
     */
    public static Invoice invoice(InvoiceEntry e) {
        String provider = require(e.provider(), "provider").toLowerCase(Locale.ROOT);
        String number = require(e.number(), "invoice number");
        if (e.month() == null) {
            throw new IllegalArgumentException("month: required");
        }
        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(new InvoiceLine(InvoiceLine.Kind.USAGE, "Usage", null, amount("usage", e.usage(), true)));
        BigDecimal credit = amount("credit", e.credit(), false);
        if (credit != null) {
            lines.add(new InvoiceLine(InvoiceLine.Kind.CREDIT, "Credit", null, credit.abs().negate()));
        }
        BigDecimal tax = amount("tax", e.tax(), false);
        if (tax != null) {
            lines.add(new InvoiceLine(InvoiceLine.Kind.TAX, "Tax", null, tax));
        }
        BigDecimal fee = amount("fee", e.fee(), false);
        if (fee != null) {
            lines.add(new InvoiceLine(InvoiceLine.Kind.FEE, "Fee", null, fee));
        }
        return new Invoice(provider, number, e.month().atDay(1), e.month().atEndOfMonth(), "USD", lines, null);
    }

    private static String require(String v, String field) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        return v.strip();
    }

    private static BigDecimal amount(String field, String text, boolean required) {
        String t = text == null ? "" : text.strip().replace("$", "").replace(",", "");
        if (t.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException(field + ": required, an amount in USD such as 1503.50");
            }
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(field + ": expected an amount in USD such as 1503.50, got '" + text + "'");
        }
    }

    /** Stores the invoice, then shows its provider and month. {@code onDone} gets null on success, else the problem. */
    public void addInvoice(Invoice inv, Consumer<String> onDone) {
        background.execute(() -> {
            try {
                query.addInvoice(inv);
                fx.accept(() -> {
                    provider.set(inv.provider());
                    month.set(YearMonth.from(inv.periodStart()));
                    onDone.accept(null);
                    refresh();
                });
            } catch (Exception e) {
                fx.accept(() -> onDone.accept(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
    }

    private void fail(Exception e) {
        fx.accept(() -> error.set(e.getMessage() == null ? e.toString() : e.getMessage()));
    }
}

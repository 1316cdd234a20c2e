package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.SpendAnalysis;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Reconciliation;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code reconcile}: usage priced at list, usage as billed in the files, and the invoice, with the variance split. */
final class ReconcileCommand implements Command {
    @Override
    public String name() {
        return "reconcile";
    }

    @Override
    public String summary() {
        return "priced usage vs billed usage vs invoice for a provider and month, variance explained";
    }

    @Override
    public String help() {
        return """
                Usage: reconcile --provider P --period YYYY-MM [--tolerance USD] [--db PATH] [--json]

                variance = invoice total − usage priced at list prices, split exactly into:
                  unpricedModels       billed in the files for models the catalogue cannot price
                  priceRowDifferences  billed − priced over rows with both (the provider charged other rates)
                  credits, tax, feesAndAdjustments   the invoice's lines of those kinds
                  rounding             the invoice bills cents: cents(usage cost) − usage cost
                  unexplained          invoice usage − cents(usage cost): usage missing from the ledger, rows neither
                                       priced nor billed, or billing errors; flagged above --tolerance (default 1.00)
                Invoices are those of the provider whose period starts in the month (see 'invoice add').
                  --json  {"provider","period","invoices":[…],"pricedFromUsageUsd","billedInFilesUsd","usageCostUsd",
                           "invoiceUsageUsd","invoiceTotalUsd","varianceUsd","split":{…Usd},"roundingExactUsd",
                           "unpricedModels":[…],"unpricedUnbilledRequests","toleranceUsd","flagged"}
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(name(), tokens, Set.of("provider", "period", "tolerance", "db"), Set.of("json"));
        String provider = a.require("provider").strip().toLowerCase(Locale.ROOT);
        YearMonth period = AnalysisArgs.month(a, "period");
        if (period == null) {
            throw new CliException("missing --period (reconcile)");
        }
        BigDecimal tolerance = a.decimal("tolerance", null).orElse(Reconciliation.DEFAULT_TOLERANCE);
        Reconciliation.Result r;
        try (Database db = DbOption.open(a)) {
            r = new SpendAnalysis(db).reconcile(provider, period, tolerance);
        }
        if (r.invoices().isEmpty()) {
            err.println("error: no invoice of " + provider + " for " + period + " (add one with 'invoice add')");
            return Cli.FAILED;
        }
        if (a.has("json")) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("provider", provider);
            j.put("period", period.toString());
            j.put("invoices", r.invoices());
            j.put("pricedFromUsageUsd", AnalysisArgs.cents(r.usage().priced()));
            j.put("billedInFilesUsd", AnalysisArgs.cents(r.usage().billedInFiles()));
            j.put("usageCostUsd", AnalysisArgs.cents(r.usage().cost()));
            j.put("invoiceUsageUsd", AnalysisArgs.cents(r.invoiceUsage()));
            j.put("invoiceTotalUsd", AnalysisArgs.cents(r.invoiceTotal()));
            j.put("varianceUsd", AnalysisArgs.cents(r.variance()));
            Map<String, Object> split = new LinkedHashMap<>();
            split.put("unpricedModelsUsd", AnalysisArgs.cents(r.unpricedModels()));
            split.put("priceRowDifferencesUsd", AnalysisArgs.cents(r.priceRowDifferences()));
            split.put("creditsUsd", AnalysisArgs.cents(r.credits()));
            split.put("taxUsd", AnalysisArgs.cents(r.tax()));
            split.put("feesAndAdjustmentsUsd", AnalysisArgs.cents(r.feesAndAdjustments()));
            split.put("roundingUsd", AnalysisArgs.cents(r.rounding()));
            split.put("unexplainedUsd", AnalysisArgs.cents(r.unexplained()));
            j.put("split", split);
            j.put("roundingExactUsd", r.rounding().stripTrailingZeros().toPlainString());
            j.put("unpricedModels", r.usage().unpricedModels());
            j.put("unpricedUnbilledRequests", r.usage().unpricedUnbilledRequests());
            j.put("toleranceUsd", AnalysisArgs.cents(r.tolerance()));
            j.put("flagged", r.flagged());
            out.println(Json.write(j));
        } else {
            out.println("Reconciliation " + provider + " " + period + " (invoices " + String.join(", ", r.invoices()) + ")");
            line(out, "Priced from usage (list)", r.usage().priced());
            line(out, "Billed in usage files", r.usage().billedInFiles());
            line(out, "Invoice usage lines", r.invoiceUsage());
            line(out, "Invoice total", r.invoiceTotal());
            line(out, "Variance (invoice − priced)", r.variance());
            line(out, "  unpriced models", r.unpricedModels());
            line(out, "  price-row differences", r.priceRowDifferences());
            line(out, "  credits", r.credits());
            line(out, "  tax", r.tax());
            line(out, "  fees and adjustments", r.feesAndAdjustments());
            line(out, "  rounding", r.rounding());
            line(out, "  unexplained", r.unexplained());
            if (!r.usage().unpricedModels().isEmpty()) {
                out.println("Unpriced models: " + String.join(", ", r.usage().unpricedModels()) + " (" + r.usage().unpricedUnbilledRequests()
                        + " requests with no billed cost)");
            }
            out.println(r.flagged() ? "FLAGGED: unexplained remainder above the tolerance of " + AnalysisArgs.money(r.tolerance())
                    : "Within the tolerance of " + AnalysisArgs.money(r.tolerance()));
        }
        return Cli.OK;
    }

    private static void line(PrintStream out, String label, BigDecimal v) {
        out.printf("%-30s %16s%n", label, AnalysisArgs.money(v));
    }
}

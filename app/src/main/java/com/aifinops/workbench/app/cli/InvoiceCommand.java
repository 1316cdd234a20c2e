package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2InvoiceStore;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.invoice.Invoice;
import com.aifinops.workbench.model.invoice.InvoiceLine;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code invoice add|list|remove}: provider invoices entered by hand, for reconciliation. */
final class InvoiceCommand implements Command {
    @Override
    public String name() {
        return "invoice";
    }

    @Override
    public String summary() {
        return "enter, list and remove provider invoices (usage, credit, tax, fees)";
    }

    @Override
    public String help() {
        return """
                Usage: invoice add --provider P --number N --period YYYY-MM --usage USD [--credit USD] [--tax USD]
                                   [--fee USD] [--db PATH] [--json]
                       invoice list [--provider P] [--db PATH] [--json]
                       invoice remove --provider P --number N [--db PATH]

                The period is the calendar month. A credit is stored as a negative line whatever its sign here.
                  add --json    {"provider","number","periodStart","periodEnd","totalUsd"}
                  list --json   {"invoices":[{"provider","number","periodStart","periodEnd","usageUsd","creditUsd",
                                 "taxUsd","feesUsd","totalUsd"}]}
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        if (tokens.length == 0) {
            throw new CliException("invoice needs an action: add, list or remove");
        }
        String[] rest = Arrays.copyOfRange(tokens, 1, tokens.length);
        return switch (tokens[0]) {
            case "add" -> add(rest, out);
            case "list" -> list(rest, out);
            case "remove" -> remove(rest, out);
            default -> throw new CliException("unknown invoice action '" + tokens[0] + "' (add, list, remove)");
        };
    }

    private int add(String[] tokens, PrintStream out) throws Exception {
        Args a = Args.parse("invoice add", tokens, Set.of("provider", "number", "period", "usage", "credit", "tax", "fee", "db"), Set.of("json"));
        String provider = a.require("provider").strip().toLowerCase(Locale.ROOT);
        String number = a.require("number").strip();
        YearMonth period = AnalysisArgs.month(a, "period");
        if (period == null) {
            throw new CliException("missing --period (invoice add)");
        }
        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(new InvoiceLine(InvoiceLine.Kind.USAGE, "Usage", null, a.requireDecimal("usage")));
        BigDecimal credit = signed(a, "credit");
        if (credit != null) {
            lines.add(new InvoiceLine(InvoiceLine.Kind.CREDIT, "Credit", null, credit.abs().negate()));
        }
        a.decimal("tax", null).ifPresent(t -> lines.add(new InvoiceLine(InvoiceLine.Kind.TAX, "Tax", null, t)));
        a.decimal("fee", null).ifPresent(f -> lines.add(new InvoiceLine(InvoiceLine.Kind.FEE, "Fee", null, f)));
        Invoice inv = new Invoice(provider, number, period.atDay(1), period.atEndOfMonth(), "USD", lines, null);
        try (Database db = DbOption.open(a)) {
            new H2InvoiceStore(db).add(inv);
        }
        if (a.has("json")) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("provider", provider);
            j.put("number", number);
            j.put("periodStart", inv.periodStart().toString());
            j.put("periodEnd", inv.periodEnd().toString());
            j.put("totalUsd", AnalysisArgs.cents(inv.total()));
            out.println(Json.write(j));
        } else {
            out.println("invoice " + number + " (" + provider + ", " + inv.periodStart() + ".." + inv.periodEnd() + "): total "
                    + AnalysisArgs.money(inv.total()));
        }
        return Cli.OK;
    }

    /** A credit may be written -250 or 250. */
    private static BigDecimal signed(Args a, String name) throws CliException {
        String v = a.get(name).orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + ": expected a number, got '" + v + "'");
        }
    }

    private int list(String[] tokens, PrintStream out) throws Exception {
        Args a = Args.parse("invoice list", tokens, Set.of("provider", "db"), Set.of("json"));
        String provider = a.get("provider").map(p -> p.strip().toLowerCase(Locale.ROOT)).orElse(null);
        List<Invoice> invoices;
        try (Database db = DbOption.open(a)) {
            invoices = new H2InvoiceStore(db).list(provider, null, null);
        }
        if (a.has("json")) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Invoice i : invoices) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("provider", i.provider());
                j.put("number", i.invoiceNo());
                j.put("periodStart", i.periodStart().toString());
                j.put("periodEnd", i.periodEnd().toString());
                j.put("usageUsd", AnalysisArgs.cents(i.total(InvoiceLine.Kind.USAGE)));
                j.put("creditUsd", AnalysisArgs.cents(i.total(InvoiceLine.Kind.CREDIT)));
                j.put("taxUsd", AnalysisArgs.cents(i.total(InvoiceLine.Kind.TAX)));
                j.put("feesUsd", AnalysisArgs.cents(i.total(InvoiceLine.Kind.FEE).add(i.total(InvoiceLine.Kind.ADJUSTMENT))));
                j.put("totalUsd", AnalysisArgs.cents(i.total()));
                list.add(j);
            }
            out.println(Json.write(Map.of("invoices", list)));
        } else if (invoices.isEmpty()) {
            out.println("No invoices");
        } else {
            for (Invoice i : invoices) {
                out.printf("%-12s %-20s %s..%s  usage %14s  credit %12s  tax %12s  total %14s%n", i.provider(), i.invoiceNo(),
                        i.periodStart(), i.periodEnd(), AnalysisArgs.money(i.total(InvoiceLine.Kind.USAGE)),
                        AnalysisArgs.money(i.total(InvoiceLine.Kind.CREDIT)), AnalysisArgs.money(i.total(InvoiceLine.Kind.TAX)),
                        AnalysisArgs.money(i.total()));
            }
        }
        return Cli.OK;
    }

    private int remove(String[] tokens, PrintStream out) throws Exception {
        Args a = Args.parse("invoice remove", tokens, Set.of("provider", "number", "db"), Set.of());
        String provider = a.require("provider").strip().toLowerCase(Locale.ROOT);
        String number = a.require("number").strip();
        try (Database db = DbOption.open(a)) {
            if (!new H2InvoiceStore(db).remove(provider, number)) {
                out.println("no invoice " + number + " of " + provider);
                return Cli.FAILED;
            }
        }
        out.println("removed invoice " + number + " of " + provider);
        return Cli.OK;
    }
}

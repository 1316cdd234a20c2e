package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.analysis.H2InvoiceStore;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.importers.invoice.InvoiceCsvReader;
import com.aifinops.workbench.importers.invoice.InvoiceRead;
import com.aifinops.workbench.model.invoice.Invoice;
import com.aifinops.workbench.model.invoice.InvoiceLine;
import com.aifinops.workbench.model.usage.ImportProblem;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
                       invoice import FILE [--provider P] [--db PATH] [--json]
                       invoice list [--provider P] [--db PATH] [--json]
                       invoice remove --provider P --number N [--db PATH]

                The period is the calendar month. A credit is stored as a negative line whatever its sign here.
                import reads a provider invoice or statement CSV (one row per line item; several invoices per file;
                --provider when the file has no provider column): all invoices or none (a bad line is reported as
                file:line, column, value and exits 1); invoices already entered (same provider and number) are skipped.
                  import --json {"file","added":N,"alreadyEntered":N,"invoices":[{"provider","number","periodStart",
                                 "periodEnd","totalUsd"}],"errors":[{"line","column","value","message"}]}
                  add --json    {"provider","number","periodStart","periodEnd","totalUsd"}
                  list --json   {"invoices":[{"provider","number","periodStart","periodEnd","usageUsd","creditUsd",
                                 "taxUsd","feesUsd","totalUsd"}]}
                """;
    }

    @Override
    public int run(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        if (tokens.length == 0) {
            throw new CliException("invoice needs an action: add, import, list or remove");
        }
        String[] rest = Arrays.copyOfRange(tokens, 1, tokens.length);
        return switch (tokens[0]) {
            case "add" -> add(rest, out);
            case "import" -> importFile(rest, out, err);
            case "list" -> list(rest, out);
            case "remove" -> remove(rest, out);
            default -> throw new CliException("unknown invoice action '" + tokens[0] + "' (add, import, list, remove)");
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

    private int importFile(String[] tokens, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse("invoice import", tokens, Set.of("provider", "db"), Set.of("json"));
        if (a.positional().size() != 1) {
            throw new CliException("invoice import needs one FILE");
        }
        Path file = Path.of(a.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new CliException("no such file: " + file);
        }
        InvoiceRead read = InvoiceCsvReader.read(file, a.get("provider").map(p -> p.strip().toLowerCase(Locale.ROOT)).orElse(null));
        List<Invoice> added = List.of();
        if (!read.hasErrors()) {
            try (Database db = DbOption.open(a)) {
                added = new H2InvoiceStore(db).addNew(read.invoices());
            }
        }
        if (a.has("json")) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("file", file.toString());
            j.put("added", added.size());
            j.put("alreadyEntered", read.hasErrors() ? 0 : read.invoices().size() - added.size());
            List<Map<String, Object>> invs = new ArrayList<>();
            for (Invoice inv : added) {
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("provider", inv.provider());
                i.put("number", inv.invoiceNo());
                i.put("periodStart", inv.periodStart().toString());
                i.put("periodEnd", inv.periodEnd().toString());
                i.put("totalUsd", AnalysisArgs.cents(inv.total()));
                invs.add(i);
            }
            j.put("invoices", invs);
            List<Map<String, Object>> errs = new ArrayList<>();
            for (ImportProblem p : read.errors()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("line", p.line());
                e.put("column", p.column());
                e.put("value", p.value());
                e.put("message", p.message());
                errs.add(e);
            }
            j.put("errors", errs);
            out.println(Json.write(j));
        } else if (read.hasErrors()) {
            out.println(file + ": rejected, nothing added");
            read.errors().stream().limit(20).forEach(p -> out.println("  error: " + p));
        } else {
            for (Invoice inv : added) {
                out.println("invoice " + inv.invoiceNo() + " (" + inv.provider() + ", " + inv.periodStart() + ".." + inv.periodEnd()
                        + "): total " + AnalysisArgs.money(inv.total()));
            }
            out.println(file + ": " + added.size() + " added, " + (read.invoices().size() - added.size()) + " already entered");
        }
        return read.hasErrors() ? Cli.FAILED : Cli.OK;
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

package com.aifinops.workbench.importers.invoice;

import com.aifinops.workbench.importers.usage.csv.BadCell;
import com.aifinops.workbench.importers.usage.csv.CsvColumns;
import com.aifinops.workbench.importers.usage.csv.CsvRecord;
import com.aifinops.workbench.importers.usage.csv.CsvRecords;
import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.model.invoice.Invoice;
import com.aifinops.workbench.model.invoice.InvoiceLine;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.SourceRef;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads provider invoices or statements saved as CSV: one row per invoice line, several invoices per file allowed
 * (grouped by provider and invoice number, in file order). Headers are matched loosely (case, spaces, {@code _},
 * {@code #} ignored). The line kind comes from a type column when there is one, else from the description
 * ("tax", "VAT", "GST" → TAX; "credit", "refund", "promotion" or a negative amount → CREDIT; "fee" → FEE;
 * "adjustment" → ADJUSTMENT; otherwise USAGE). Total/subtotal rows are skipped (they would count twice).
 */
public final class InvoiceCsvReader {
    private static final String[] PROVIDER = {"provider", "vendor", "supplier", "seller", "billingentity"};
    private static final String[] INVOICE = {"invoiceid", "invoiceno", "invoicenumber", "invoice", "invoicenum",
            "statementid", "statementno", "statementnumber", "statement", "documentnumber", "billid", "billno"};
    private static final String[] START = {"periodstart", "billingperiodstart", "serviceperiodstart", "startdate",
            "periodfrom", "from", "start"};
    private static final String[] END = {"periodend", "billingperiodend", "serviceperiodend", "enddate", "periodto",
            "to", "end"};
    private static final String[] MONTH = {"billingmonth", "month", "billingperiod", "period", "invoicemonth"};
    private static final String[] DESCRIPTION = {"description", "linedescription", "item", "lineitem", "product",
            "service", "name", "charge", "details", "memo"};
    private static final String[] MODEL = {"model", "modelname", "modelid"};
    private static final String[] AMOUNT = {"amount", "lineamount", "linetotal", "total", "cost", "amountusd",
            "netamount", "chargeamount", "value"};
    private static final String[] CURRENCY = {"currency", "currencycode"};
    private static final String[] KIND = {"type", "linetype", "kind", "chargetype", "category", "chargecategory",
            "lineitemtype"};
    private static final Set<String> IGNORED = Set.of("quantity", "qty", "unitprice", "unit", "rate", "taxrate",
            "invoicedate", "issuedate", "date", "duedate", "account", "accountid", "customer", "status", "region", "sku",
            "paymentstatus", "billingaccount", "organization", "organizationid", "projectid", "project");
    private static final Set<String> SUMMARY = Set.of("total", "subtotal", "sub total", "amount due", "grand total",
            "balance due", "total due", "invoice total", "total amount");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");
    private static final DateTimeFormatter MONTH_NAME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("[MMMM uuuu][MMM uuuu]").toFormatter(Locale.ENGLISH);

    private InvoiceCsvReader() {
    }

    static String key(String header) {
        return FieldParsers.headerKey(header).replaceAll("[^a-z0-9]", "");
    }

    /**
     * @param providerOrNull the provider of every invoice when the file has no provider column (or a row leaves it
     *                       empty), e.g. {@code openai}; stored lower case
     */
    public static InvoiceRead read(Path file, String providerOrNull) throws IOException {
        String name = file.getFileName().toString();
        try {
            return readCsv(file, name, providerOrNull);
        } catch (CsvRecords.MalformedCsvException e) {
            return new InvoiceRead(List.of(), List.of(CsvRecords.brokenQuoting(name, e)));
        }
    }

    private static InvoiceRead readCsv(Path file, String name, String providerOrNull) throws IOException {
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        try (CsvRecords csv = CsvRecords.open(file)) {
            CsvColumns cols = csv.columns(InvoiceCsvReader::key);
            int amount = cols.find(AMOUNT);
            if (amount < 0) {
                problems.add(ImportProblem.error(name, 1, "amount", null,
                        "missing an amount column (amount, total, cost, line total …)"));
                return new InvoiceRead(List.of(), problems);
            }
            int provider = cols.find(PROVIDER), invoice = cols.find(INVOICE), start = cols.find(START),
                    end = cols.find(END), month = cols.find(MONTH), description = cols.find(DESCRIPTION),
                    model = cols.find(MODEL), currency = cols.find(CURRENCY), kind = cols.find(KIND);
            if (provider < 0 && (providerOrNull == null || providerOrNull.isBlank())) {
                problems.add(ImportProblem.error(name, 1, null, null,
                        "no provider: the file has no provider column and none was given"));
                return new InvoiceRead(List.of(), problems);
            }
            if (start < 0 && month < 0) {
                problems.add(ImportProblem.error(name, 1, null, null,
                        "no billing period: expected period start/end columns or a billing month (2026-05)"));
                return new InvoiceRead(List.of(), problems);
            }
            Set<Integer> used = new HashSet<>(List.of(amount, provider, invoice, start, end, month,
                    description, model, currency, kind));
            for (int i = 0; i < cols.size(); i++) {
                if (!used.contains(i) && !cols.key(i).isEmpty() && !IGNORED.contains(cols.key(i))) {
                    problems.add(ImportProblem.warning(name, 1, cols.name(i), "unknown column, ignored"));
                }
            }
            if (invoice < 0) {
                problems.add(ImportProblem.warning(name, 1, null,
                        "no invoice number column: each provider and period is one statement, numbered by its period"));
            }
            FieldParsers.DecimalStyle style = FieldParsers.decimalStyleFor(csv.delimiter());
            try {
                for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
                    try {
                        String desc = text(row, description);
                        String typeCell = text(row, kind);
                        if (typeCell == null && desc != null && SUMMARY.contains(desc.toLowerCase(Locale.ROOT).replaceAll("[:.]$", ""))) {
                            problems.add(ImportProblem.warning(name, row.line(), cols.name(description),
                                    "summary row '" + desc + "' skipped (its lines are counted already)"));
                            continue;
                        }
                        BigDecimal value = BadCell.parse(row, cols, amount, v -> FieldParsers.decimal(v, style));
                        if (value == null) throw new BadCell(cols.name(amount), row.get(amount), "expected an amount");
                        LocalDate[] period = period(row, cols, start, end, month);
                        String prov = text(row, provider);
                        if (prov == null) prov = providerOrNull;
                        if (prov == null || prov.isBlank()) throw new BadCell(cols.name(provider), row.get(provider), "expected a provider");
                        prov = prov.strip().toLowerCase(Locale.ROOT);
                        String no = text(row, invoice);
                        if (no == null && invoice >= 0) throw new BadCell(cols.name(invoice), row.get(invoice), "expected an invoice number");
                        if (no == null) no = periodLabel(period[0], period[1]);
                        InvoiceLine.Kind k = kind(typeCell, desc, value, cols.name(kind));
                        if (k == InvoiceLine.Kind.CREDIT && value.signum() > 0) {
                            problems.add(ImportProblem.warning(name, row.line(), cols.name(amount),
                                    "credit written as a positive amount " + value.toPlainString() + ": read as -" + value.toPlainString()));
                            value = value.negate();
                        }
                        String cur = text(row, currency);
                        cur = cur == null ? null : cur.toUpperCase(Locale.ROOT);
                        String finalProv = prov, finalNo = no;
                        long lineNo = row.line();
                        Draft d = drafts.computeIfAbsent(prov + "\u0000" + no, x -> new Draft(finalProv, finalNo, lineNo));
                        d.add(name, row.line(), cols.name(currency), cur, period, problems,
                                new InvoiceLine(k, desc, text(row, model), value));
                    } catch (BadCell bad) {
                        problems.add(bad.problem(name, row.line()));
                    }
                }
            } catch (CsvRecords.MalformedCsvException e) {
                problems.add(CsvRecords.brokenQuoting(name, e));
            }
        }
        List<Invoice> invoices = new ArrayList<>();
        for (Draft d : drafts.values()) {
            invoices.add(new Invoice(d.provider, d.number, d.start, d.end, d.currency, d.lines, new SourceRef(name, d.firstLine)));
        }
        return new InvoiceRead(invoices, problems);
    }

    /** One invoice being gathered: its period and currency come from its first line; later lines must agree. */
    private static final class Draft {
        final String provider;
        final String number;
        final long firstLine;
        LocalDate start;
        LocalDate end;
        String currency;
        final List<InvoiceLine> lines = new ArrayList<>();

        Draft(String provider, String number, long firstLine) {
            this.provider = provider;
            this.number = number;
            this.firstLine = firstLine;
        }

        void add(String file, long line, String currencyColumn, String cur, LocalDate[] period, List<ImportProblem> problems,
                 InvoiceLine l) {
            if (lines.isEmpty() && start == null) {
                start = period[0];
                end = period[1];
            } else if (!period[0].equals(start) || !period[1].equals(end)) {
                // a line billed for another period stays on its invoice; the invoice's period covers both
                problems.add(ImportProblem.warning(file, line, null, "invoice " + number + " line for " + period[0] + ".."
                        + period[1] + " outside the invoice's period " + start + ".." + end + ": period widened"));
                if (period[0].isBefore(start)) start = period[0];
                if (period[1].isAfter(end)) end = period[1];
            }
            if (cur != null) {
                if (currency == null && lines.isEmpty()) currency = cur;
                else if (!cur.equals(currency == null ? "USD" : currency)) {
                    throw new BadCell(currencyColumn, cur, "expected " + (currency == null ? "USD" : currency)
                            + ", the currency of invoice " + number + " (one invoice has one currency)");
                }
            }
            lines.add(l);
        }
    }

    private static LocalDate[] period(CsvRecord row, CsvColumns cols, int start, int end, int month) {
        if (start >= 0 && text(row, start) != null) {
            LocalDate s = BadCell.parse(row, cols, start, InvoiceCsvReader::date);
            boolean endIsTime = end >= 0 && text(row, end) != null && text(row, end).contains("T");
            LocalDate e = end >= 0 ? BadCell.parse(row, cols, end, InvoiceCsvReader::date) : null;
            if (e == null) e = s.withDayOfMonth(s.lengthOfMonth());
            else if (e.isAfter(s) && (endIsTime || (e.getDayOfMonth() == 1 && s.getDayOfMonth() == 1))) {
                // an exclusive end (2026-06-01 or 2026-06-01T00:00:00Z closing May): the last billed day is the day before
                e = e.minusDays(1);
            }
            if (e.isBefore(s)) throw new BadCell(cols.name(end), row.get(end), "expected a period end on or after " + s);
            return new LocalDate[]{s, e};
        }
        YearMonth ym = BadCell.parse(row, cols, month, InvoiceCsvReader::month);
        if (ym == null) {
            throw new BadCell(cols.name(month >= 0 ? month : start), null, "expected the billing period (a month such as 2026-05)");
        }
        return new LocalDate[]{ym.atDay(1), ym.atEndOfMonth()};
    }

    static LocalDate date(String s) {
        if (FieldParsers.isBlank(s)) return null;
        String t = s.strip();
        try {
            if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) return LocalDate.parse(t, US_DATE);
            if (t.length() > 10 && t.charAt(10) == 'T' || t.length() > 10 && t.charAt(10) == ' ') return LocalDate.parse(t.substring(0, 10));
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a date such as 2026-05-31 or 05/31/2026");
        }
    }

    static YearMonth month(String s) {
        if (FieldParsers.isBlank(s)) return null;
        String t = s.strip();
        try {
            if (t.matches("\\d{4}-\\d{1,2}")) return YearMonth.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(5)));
            if (t.matches("\\d{4}/\\d{1,2}")) return YearMonth.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(5)));
            if (t.matches("\\d{1,2}/\\d{4}")) {
                int slash = t.indexOf('/');
                return YearMonth.of(Integer.parseInt(t.substring(slash + 1)), Integer.parseInt(t.substring(0, slash)));
            }
            if (t.matches("\\d{6}")) return YearMonth.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4)));
            return YearMonth.parse(t, MONTH_NAME);
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("expected a billing month such as 2026-05 or May 2026");
        }
    }

    /** The kind a type cell names, or (without one) what the description and sign say. */
    static InvoiceLine.Kind kind(String type, String description, BigDecimal amount, String typeColumn) {
        if (type != null) {
            String t = type.toLowerCase(Locale.ROOT);
            if (t.contains("tax") || t.equals("vat") || t.equals("gst") || t.equals("hst")) return InvoiceLine.Kind.TAX;
            if (t.contains("credit") || t.contains("refund") || t.contains("discount") || t.contains("promo")) return InvoiceLine.Kind.CREDIT;
            if (t.contains("fee") || t.contains("support") || t.contains("subscription")) return InvoiceLine.Kind.FEE;
            if (t.contains("adjust") || t.contains("correction") || t.contains("rounding")) return InvoiceLine.Kind.ADJUSTMENT;
            if (t.contains("usage") || t.contains("charge") || t.contains("consumption")) return InvoiceLine.Kind.USAGE;
            throw new BadCell(typeColumn, type, "expected a line type: usage, credit, tax, fee or adjustment");
        }
        String d = description == null ? "" : " " + description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9%]+", " ") + " ";
        if (d.contains(" tax ") || d.contains(" vat ") || d.contains(" gst ") || d.contains(" hst ") || d.contains(" sales tax ")) {
            return InvoiceLine.Kind.TAX;
        }
        if (d.contains(" credit") || d.contains(" refund") || d.contains(" promotion") || d.contains(" promo ")
                || d.contains(" discount") || amount.signum() < 0) {
            return InvoiceLine.Kind.CREDIT;
        }
        if (d.contains(" fee ") || d.contains(" fees ")) return InvoiceLine.Kind.FEE;
        if (d.contains(" adjustment") || d.contains(" rounding ")) return InvoiceLine.Kind.ADJUSTMENT;
        return InvoiceLine.Kind.USAGE;
    }

    private static String periodLabel(LocalDate start, LocalDate end) {
        if (start.getDayOfMonth() == 1 && end.equals(start.withDayOfMonth(start.lengthOfMonth()))) {
            return YearMonth.from(start).toString();
        }
        return start + ".." + end;
    }

    private static String text(CsvRecord row, int i) {
        String v = row.get(i);
        return FieldParsers.isBlank(v) ? null : v.strip();
    }
}

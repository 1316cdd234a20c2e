package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.importers.io.AtomicFiles;
import com.aifinops.workbench.model.analysis.Showback;
import com.aifinops.workbench.model.analysis.Showback.ClassLine;
import com.aifinops.workbench.model.analysis.Showback.Line;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellUtil;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Showback statements as CSV and Excel, for the monthly review. Both show the statements as printed
 * ({@link Showback#roundedToCents()}): amounts in cents whose lines add up to their totals, unit costs to 6
 * decimals, cost per outcome to 4. Text is neutralised against formulas ({@link CellText}); files are replaced
 * atomically.
 *
 * <p>CSV: one table, one row per figure, the statements one after another: {@link #CSV_HEADERS}; {@code section} is
 * {@code total}, {@code project}, {@code model}, {@code token_class}, {@code shared}, {@code unit} or {@code outcome}.
 * Excel: one sheet per team (key figures, then by project, by model, by token class, shared costs, cost per outcome),
 * and with more than one statement a first sheet {@code Summary} with every team's total, share and change.
 */
public final class ShowbackExport {
    public static final List<String> CSV_HEADERS = List.of("team", "month", "section", "item", "requests", "tokens", "cost_usd",
            "list_usd", "contracted_usd", "billed_usd", "previous_usd", "change_usd", "change_pct", "share_pct", "note");

    private ShowbackExport() {
    }

    public static void csv(List<Showback> statements, Path out) throws IOException {
        CsvTables.write(table(statements), out);
    }

    /** The CSV's table: the statements one after another. */
    public static Table table(List<Showback> statements) {
        List<List<Object>> rows = new ArrayList<>();
        for (Showback exact : statements) {
            Showback s = exact.roundedToCents();
            String team = s.team();
            String month = s.month().toString();
            Showback.Spend t = s.total();
            rows.add(row(team, month, "total", "usage", t.requests(), t.tokens(), t.cost(), t.list(), t.contracted(), t.billed(),
                    s.previousCost(), s.change(), s.share() == null ? null : percent(s.share()),
                    "ledger total " + s.ledgerCost().toPlainString()
                            + (t.unpricedRequests() > 0 ? "; " + t.unpricedRequests() + " requests neither priced nor billed count as 0" : "")));
            for (Line l : s.projects()) {
                rows.add(line(team, month, "project", l));
            }
            for (Line l : s.models()) {
                rows.add(line(team, month, "model", l));
            }
            for (ClassLine c : s.tokenClasses()) {
                rows.add(row(team, month, "token_class", c.tokenClass().label(), null, c.tokens(), null, c.list(), c.contracted(),
                        c.billed(), null, null, null, c.tokenClass() == Showback.TokenClass.UNPRICED ? "not in the price catalogue" : null));
            }
            for (Showback.SharedPart p : s.shared()) {
                rows.add(row(team, month, "shared", p.name(), null, null, p.part(), null, null, null, null, null, null,
                        p.method() + " split of " + p.amount().toPlainString()));
            }
            rows.add(row(team, month, "total", "with shared costs", null, null, s.totalWithShared(), null, null, null, null, null, null,
                    "usage " + t.cost().toPlainString() + " + shared " + s.sharedCost().toPlainString()));
            rows.add(row(team, month, "unit", "cost per request", t.requests(), null, s.unit().perRequest(), null, null, null, null, null,
                    null, null));
            rows.add(row(team, month, "unit", "cost per 1K tokens", null, t.tokens(), s.unit().per1kTokens(), null, null, null, null,
                    null, null, null));
            for (Showback.OutcomeCost o : s.outcomes()) {
                rows.add(row(team, month, "outcome", o.node() + " per " + o.outcome(), null, null, o.perOutcome(), null, null, null, null,
                        null, null, o.count() + " " + o.outcome() + "; cost " + o.cost().toPlainString() + "; harness "
                                + o.harness().toPlainString() + "; with harness "
                                + (o.perOutcomeWithHarness() == null ? "-" : o.perOutcomeWithHarness().toPlainString())));
            }
        }
        return new Table("showback", CSV_HEADERS, rows);
    }

    private static List<Object> line(String team, String month, String section, Line l) {
        Showback.Spend s = l.spend();
        return row(team, month, section, l.key(), s.requests(), s.tokens(), s.cost(), s.list(), s.contracted(), s.billed(),
                l.previousCost(), l.change(), null, null);
    }

    private static List<Object> row(String team, String month, String section, String item, Long requests, Long tokens,
                                    BigDecimal cost, BigDecimal list, BigDecimal contracted, BigDecimal billed, BigDecimal previous,
                                    Showback.Change change, BigDecimal share, String note) {
        Object pct = change == null ? null : change.percent() != null ? change.percent() : change.isNew() ? "new" : null;
        return Arrays.asList(team, month, section, item, requests, tokens, cost, list, contracted, billed, previous,
                change == null ? null : change.amount(), pct, share, note);
    }

    /** A fraction as a percentage to 2 decimals. */
    private static BigDecimal percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** One sheet per statement, and a Summary sheet first when there are several. */
    public static void xlsx(List<Showback> statements, Path out) throws IOException {
        try (XSSFWorkbook book = workbook(statements)) {
            AtomicFiles.replace(out, false, book::write);
        }
    }

    static XSSFWorkbook workbook(List<Showback> statements) {
        XSSFWorkbook xl = new XSSFWorkbook();
        ExcelWorkbookExport.Styles st = new ExcelWorkbookExport.Styles(xl);
        Set<String> names = new HashSet<>();
        List<Showback> rounded = statements.stream().map(Showback::roundedToCents).toList();
        if (rounded.size() > 1) {
            summary(xl.createSheet(unique(names, "Summary")), rounded, st);
        }
        for (Showback s : rounded) {
            new StatementSheet(xl.createSheet(unique(names, s.team())), st).write(s);
        }
        if (rounded.isEmpty()) {
            xl.createSheet("Summary").createRow(0).createCell(0).setCellValue("No spend");
        }
        return xl;
    }

    private static void summary(Sheet sh, List<Showback> all, ExcelWorkbookExport.Styles st) {
        Row title = sh.createRow(0);
        text(title, 0, "Showback " + all.get(0).month() + ": every team", st.title);
        String[] head = {"Team", "Cost", "Share", "Previous month", "Change", "Change %", "List price", "Contracted", "Shared costs",
                "Total with shared"};
        header(sh.createRow(2), head, st);
        int r = 3;
        for (Showback s : all) {
            Row row = sh.createRow(r++);
            text(row, 0, s.team(), null);
            money(row, 1, s.total().cost(), st.money);
            fraction(row, 2, s.share(), st);
            money(row, 3, s.previousCost(), st.money);
            money(row, 4, s.change().amount(), st.money);
            changePercent(row, 5, s.change(), st);
            money(row, 6, s.total().list(), st.money);
            money(row, 7, s.total().contracted(), st.money);
            money(row, 8, s.sharedCost(), st.money);
            money(row, 9, s.totalWithShared(), st.money);
        }
        Row total = sh.createRow(r);
        text(total, 0, "Ledger total", st.section);
        money(total, 1, all.get(0).ledgerCost(), st.moneyBold);
        sh.createFreezePane(1, 3);
        ExcelWorkbookExport.widths(sh, 24, 14, 10, 16, 14, 10, 14, 14, 14, 16);
        printable(sh);
    }

    /** One team's sheet. */
    private static final class StatementSheet {
        private final Sheet sh;
        private final ExcelWorkbookExport.Styles st;
        private int r;

        StatementSheet(Sheet sh, ExcelWorkbookExport.Styles st) {
            this.sh = sh;
            this.st = st;
        }

        void write(Showback s) {
            text(sh.createRow(r++), 0, "Showback statement: team " + s.team() + ", " + s.month(), st.title);
            r++;
            Showback.Spend t = s.total();
            figure("Cost", t.cost(), st.moneyBold);
            figure("Previous month", s.previousCost(), st.money);
            Row change = sh.createRow(r++);
            text(change, 0, "Change", null);
            money(change, 1, s.change().amount(), st.money);
            changePercent(change, 2, s.change(), st);
            Row share = sh.createRow(r++);
            text(share, 0, "Share of the ledger", null);
            fraction(share, 1, s.share(), st);
            figure("Ledger total", s.ledgerCost(), st.money);
            figure("List price", t.list(), st.money);
            figure("Contracted", t.contracted(), st.money);
            figure("Billed in files", t.billed(), st.money);
            figure("Shared costs", s.sharedCost(), st.money);
            figure("Total with shared costs", s.totalWithShared(), st.moneyBold);
            figure("Requests", BigDecimal.valueOf(t.requests()), st.count);
            figure("Tokens", BigDecimal.valueOf(t.tokens()), st.count);
            figure("Cost per request", s.unit().perRequest(), st.perRequest);
            figure("Cost per 1K tokens", s.unit().per1kTokens(), st.perRequest);
            lines("By project", "Project", s.projects(), t, s.previousCost());
            lines("By model", "Model", s.models(), t, s.previousCost());
            classes(s);
            if (!s.shared().isEmpty()) {
                section("Shared costs");
                header(sh.createRow(r++), new String[]{"Shared cost", "Method", "Amount", "Team's part"}, st);
                for (Showback.SharedPart p : s.shared()) {
                    Row row = sh.createRow(r++);
                    text(row, 0, p.name(), null);
                    text(row, 1, p.method(), null);
                    money(row, 2, p.amount(), st.money);
                    money(row, 3, p.part(), st.money);
                }
            }
            if (!s.outcomes().isEmpty()) {
                section("Cost per outcome");
                header(sh.createRow(r++), new String[]{"Node", "Outcome", "Count", "Cost", "Per outcome", "Harness",
                        "Per outcome with harness"}, st);
                for (Showback.OutcomeCost o : s.outcomes()) {
                    Row row = sh.createRow(r++);
                    text(row, 0, o.node(), null);
                    text(row, 1, o.outcome(), null);
                    money(row, 2, BigDecimal.valueOf(o.count()), st.count);
                    money(row, 3, o.cost(), st.money);
                    perOutcome(row, 4, o.perOutcome());
                    money(row, 5, o.harness(), st.money);
                    perOutcome(row, 6, o.perOutcomeWithHarness());
                }
            }
            sh.createFreezePane(0, 1);
            ExcelWorkbookExport.widths(sh, 34, 14, 14, 14, 14, 14, 14, 16, 14, 10);
            printable(sh);
        }

        /** Cost per outcome to 4 decimals, as rounded. */
        private void perOutcome(Row row, int c, BigDecimal v) {
            money(row, c, v, st.price);
            if (v != null) {
                CellUtil.setCellStyleProperty(row.getCell(c), CellUtil.DATA_FORMAT,
                        row.getSheet().getWorkbook().createDataFormat().getFormat("\"$\"#,##0.0000"));
            }
        }

        private void figure(String label, BigDecimal v, CellStyle style) {
            Row row = sh.createRow(r++);
            text(row, 0, label, null);
            money(row, 1, v, style);
        }

        private void section(String title) {
            r++;
            text(sh.createRow(r++), 0, title, st.section);
        }

        private void lines(String title, String key, List<Line> lines, Showback.Spend total, BigDecimal previous) {
            section(title);
            header(sh.createRow(r++), new String[]{key, "Requests", "Tokens", "Cost", "List price", "Contracted", "Billed",
                    "Previous month", "Change", "Change %"}, st);
            for (Line l : lines) {
                Row row = sh.createRow(r++);
                text(row, 0, l.key(), null);
                spend(row, l.spend());
                money(row, 7, l.previousCost(), st.money);
                money(row, 8, l.change().amount(), st.money);
                changePercent(row, 9, l.change(), st);
            }
            Row row = sh.createRow(r++);
            text(row, 0, "Total", st.section);
            spend(row, total);
            money(row, 7, previous, st.moneyBold);
        }

        private void spend(Row row, Showback.Spend s) {
            money(row, 1, BigDecimal.valueOf(s.requests()), st.count);
            money(row, 2, BigDecimal.valueOf(s.tokens()), st.count);
            money(row, 3, s.cost(), st.money);
            money(row, 4, s.list(), st.money);
            money(row, 5, s.contracted(), st.money);
            money(row, 6, s.billed(), st.money);
        }

        private void classes(Showback s) {
            section("By token class");
            header(sh.createRow(r++), new String[]{"Token class", "Tokens", "List price", "Contracted", "Billed"}, st);
            long tokens = 0;
            for (ClassLine c : s.tokenClasses()) {
                Row row = sh.createRow(r++);
                text(row, 0, c.tokenClass().label(), null);
                money(row, 1, BigDecimal.valueOf(c.tokens()), st.count);
                money(row, 2, c.list(), st.money);
                money(row, 3, c.contracted(), st.money);
                money(row, 4, c.billed(), st.money);
                tokens += c.tokens();
            }
            Row row = sh.createRow(r++);
            text(row, 0, "Total", st.section);
            money(row, 1, BigDecimal.valueOf(tokens), st.count);
            money(row, 2, s.total().list(), st.moneyBold);
            money(row, 3, s.total().contracted(), st.moneyBold);
        }
    }

    private static void header(Row row, String[] titles, ExcelWorkbookExport.Styles st) {
        for (int i = 0; i < titles.length; i++) {
            text(row, i, titles[i], st.header);
        }
    }

    private static void text(Row row, int c, String v, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(CellText.neutralise(v));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A number cell, or an empty one for an unknown amount (never a silent 0). */
    private static void money(Row row, int c, BigDecimal v, CellStyle style) {
        if (v == null) {
            marker(row, c, "—");
            return;
        }
        Cell cell = row.createCell(c);
        cell.setCellValue(v.doubleValue());
        cell.setCellStyle(style);
    }

    private static void fraction(Row row, int c, BigDecimal share, ExcelWorkbookExport.Styles st) {
        if (share == null) {
            marker(row, c, "—");
            return;
        }
        // the percentage to 2 decimals (0.01 %), as the CSV and the text print it
        percentCell(row, c, share.setScale(4, java.math.RoundingMode.HALF_UP), st);
    }

    private static void changePercent(Row row, int c, Showback.Change ch, ExcelWorkbookExport.Styles st) {
        if (ch.percent() == null) {
            marker(row, c, ch.isNew() ? "new" : "—");
        } else {
            percentCell(row, c, ch.percent().movePointLeft(2).setScale(4, java.math.RoundingMode.HALF_UP), st);
        }
    }

    /** A fraction shown as a percentage to 2 decimals, as the CSV and the text print it. */
    private static void percentCell(Row row, int c, BigDecimal fraction, ExcelWorkbookExport.Styles st) {
        money(row, c, fraction, st.percent);
        CellUtil.setCellStyleProperty(row.getCell(c), CellUtil.DATA_FORMAT,
                row.getSheet().getWorkbook().createDataFormat().getFormat("0.00%"));
    }

    /** "—" for unknown, "new" for a change from nothing: text, right-aligned in a column of figures. */
    private static void marker(Row row, int c, String v) {
        text(row, c, v, null);
        CellUtil.setAlignment(row.getCell(c), HorizontalAlignment.RIGHT);
    }

    /** Landscape, one page wide, for printing the monthly review. */
    private static void printable(Sheet sh) {
        sh.getPrintSetup().setLandscape(true);
        sh.setFitToPage(true);
        sh.getPrintSetup().setFitWidth((short) 1);
        sh.getPrintSetup().setFitHeight((short) 0);
    }

    private static String unique(Set<String> names, String wanted) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Team" : wanted.strip(), '_');
        if (base.startsWith("'")) {
            base = "_" + base.substring(1);
        }
        String name = base;
        for (int i = 2; !names.add(name.toLowerCase(Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}

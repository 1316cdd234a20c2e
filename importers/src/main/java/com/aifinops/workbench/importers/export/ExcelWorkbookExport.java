package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.importers.io.AtomicFiles;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.Note;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exports a workbook to Excel (.xlsx) whose results are live formulas: an Inputs sheet holds every assumption
 * in a named cell ({@code Users_1}, {@code CacheHit_1}, {@code PriceIn_2}, {@code ScnOverhead_1}, …), and one
 * sheet per workload and per scenario computes, per model,
 * <pre>monthly = users·R·days·OVR·(I·(P_in·(1−h) + P_hit·h) + O·P_out) / 1e6</pre>
 * from those names, so a client who edits an assumption in Excel sees the totals the app shows. A Summary sheet
 * is a chart-ready table of every case. All user text goes through {@link CellText}.
 */
public final class ExcelWorkbookExport {
    private static final String INPUTS = "Inputs";
    private static final String[] RESULT_HEADERS = {"Model", "Requests / month", "Cost / request (before overhead)",
            "Input cost / month", "Output cost / month", "Monthly cost"};
    /** Column of "Monthly cost" in a result block. */
    static final int MONTHLY_COL = 5;

    private final Workbook wb;
    private final Map<String, Integer> priceIndex = new LinkedHashMap<>();
    private final List<ModelPrice> prices;
    private final XSSFWorkbook xl = new XSSFWorkbook();
    private final Styles st;
    private final Set<String> sheetNames = new HashSet<>();
    /** Summary rows: case, workload, model, reference to its monthly cost cell. */
    private final List<String[]> summary = new ArrayList<>();

    private ExcelWorkbookExport(Workbook wb, List<ModelPrice> prices) {
        this.wb = wb;
        this.prices = List.copyOf(prices);
        for (int i = 0; i < prices.size(); i++) {
            priceIndex.put(prices.get(i).id(), i + 1);
        }
        this.st = new Styles(xl);
    }

    /**
     * Writes {@code wb} to {@code out} atomically.
     *
     * @param prices the price row of every model the workbook uses (the workbook's own rows over the catalogue);
     *               a workload's model missing here is left out of its sheet
     */
    public static void write(Workbook wb, List<ModelPrice> prices, Path out) throws IOException {
        ExcelWorkbookExport x = new ExcelWorkbookExport(wb, prices);
        try (XSSFWorkbook book = x.build()) {
            AtomicFiles.replace(out, false, book::write);
        }
    }

    XSSFWorkbook build() {
        inputsSheet();
        Sheet summarySheet = xl.createSheet(uniqueSheetName("Summary"));
        for (int i = 0; i < wb.workloads().size(); i++) {
            workloadSheet(i);
        }
        for (int s = 0; s < wb.scenarios().size(); s++) {
            scenarioSheet(s);
        }
        fillSummary(summarySheet);
        if (!wb.notes().isEmpty()) {
            notesSheet();
        }
        if (!wb.usageRollups().isEmpty()) {
            tableSheet("Usage", WorkbookTables.rollups(wb.usageRollups()));
        }
        if (wb.decisions().tco().hasOptions()) {
            new TcoSheet(this, xl.createSheet(uniqueSheetName("TCO"))).fill();
        }
        xl.setForceFormulaRecalculation(true);
        return xl;
    }

    // ---- Inputs ----

    private void inputsSheet() {
        Sheet sh = xl.createSheet(uniqueSheetName(INPUTS));
        text(sh, 0, 0, wb.name(), st.title);
        text(sh, 1, 0, "Assumptions. Edit the shaded cells: every result sheet recalculates from them.", null);
        int r = 3;
        text(sh, r++, 0, "Workloads", st.section);
        header(sh, r++, "Workload", "Model", "Users", "Requests / user / day", "Input tokens / request",
                "Output tokens / request", "Cache hit rate", "Overhead", "Days / month");
        for (int i = 0; i < wb.workloads().size(); i++, r++) {
            Workload w = wb.workloads().get(i);
            int n = i + 1;
            text(sh, r, 0, w.name(), null);
            text(sh, r, 1, w.modelId(), null);
            input(sh, r, 2, w.users(), st.count, "Users_" + n);
            input(sh, r, 3, w.requestsPerUserPerDay(), st.decimal, "Requests_" + n);
            input(sh, r, 4, w.inputTokens(), st.count, "InputTokens_" + n);
            input(sh, r, 5, w.outputTokens(), st.count, "OutputTokens_" + n);
            input(sh, r, 6, w.cacheHitRate(), st.percent, "CacheHit_" + n);
            input(sh, r, 7, w.overhead(), st.decimal, "Overhead_" + n);
            input(sh, r, 8, BigDecimal.valueOf(w.daysPerMonth()), st.count, "Days_" + n);
        }
        r++;
        text(sh, r++, 0, "Prices (USD per million tokens)", st.section);
        header(sh, r++, "Model id", "Model", "Provider", "Input", "Cache hit", "Output", "Source", "As of");
        for (int k = 0; k < prices.size(); k++, r++) {
            ModelPrice p = prices.get(k);
            int n = k + 1;
            text(sh, r, 0, p.id(), null);
            text(sh, r, 1, p.displayName(), null);
            text(sh, r, 2, p.provider(), null);
            input(sh, r, 3, p.prices().inputPerMTok(), st.price, "PriceIn_" + n);
            if (p.prices().cachedInputPerMTok() != null) {
                input(sh, r, 4, p.prices().cachedInputPerMTok(), st.price, "PriceHit_" + n);
            } else {
                // no published cache discount: a hit costs the input price, and follows it when edited
                Cell c = sh.getRow(r).createCell(4);
                c.setCellFormula("PriceIn_" + n);
                c.setCellStyle(st.price);
                name("PriceHit_" + n, sh, r, 4);
            }
            input(sh, r, 5, p.prices().outputPerMTok(), st.price, "PriceOut_" + n);
            text(sh, r, 6, p.source(), null);
            text(sh, r, 7, p.asOf(), null);
        }
        if (!wb.scenarios().isEmpty()) {
            r++;
            text(sh, r++, 0, "Scenarios (blank = the workload's own value)", st.section);
            header(sh, r++, "Scenario", "Applies to", "Cache hit rate", "Overhead");
            for (int s = 0; s < wb.scenarios().size(); s++, r++) {
                Scenario sc = wb.scenarios().get(s);
                text(sh, r, 0, sc.name(), null);
                text(sh, r, 1, sc.workload() == null || sc.workload().isBlank() ? "every workload" : sc.workload(), null);
                if (sc.cacheHitRate() != null) {
                    input(sh, r, 2, sc.cacheHitRate(), st.percent, "ScnCacheHit_" + (s + 1));
                }
                if (sc.overhead() != null) {
                    input(sh, r, 3, sc.overhead(), st.decimal, "ScnOverhead_" + (s + 1));
                }
            }
        }
        sh.createFreezePane(1, 0);
        widths(sh, 28, 18, 14, 14, 14, 14, 14, 12, 12);
    }

    // ---- results ----

    private void workloadSheet(int i) {
        Workload w = wb.workloads().get(i);
        int n = i + 1;
        Sheet sh = xl.createSheet(uniqueSheetName("W" + n + " " + w.name()));
        text(sh, 0, 0, w.name(), st.title);
        text(sh, 1, 0, "Monthly cost = users × requests/day × days × overhead × (I × (P_in × (1 − h) + P_hit × h) + O × P_out) / 1e6", null);
        int first = resultBlock(sh, 3, n, "CacheHit_" + n, "Overhead_" + n, "Workload", w.name());
        sh.createFreezePane(1, 4);
        curveTable(sh, first + 2, w, n);
        widths(sh, 26, 16, 18, 18, 18, 18, 16, 16, 16);
    }

    private void scenarioSheet(int s) {
        Scenario sc = wb.scenarios().get(s);
        Sheet sh = xl.createSheet(uniqueSheetName("S" + (s + 1) + " " + sc.name()));
        text(sh, 0, 0, "Scenario: " + sc.name(), st.title);
        text(sh, 1, 0, "Overrides from the Inputs sheet; a blank override keeps the workload's own value.", null);
        int r = 3;
        boolean frozen = false;
        for (int i = 0; i < wb.workloads().size(); i++) {
            Workload w = wb.workloads().get(i);
            if (!sc.appliesTo(w)) {
                continue;
            }
            int n = i + 1;
            text(sh, r, 0, w.name(), st.section);
            String h = sc.cacheHitRate() != null ? "ScnCacheHit_" + (s + 1) : "CacheHit_" + n;
            String o = sc.overhead() != null ? "ScnOverhead_" + (s + 1) : "Overhead_" + n;
            if (!frozen) {
                sh.createFreezePane(1, r + 2);
                frozen = true;
            }
            r = resultBlock(sh, r + 1, n, h, o, "Scenario: " + sc.name(), w.name()) + 2;
        }
        widths(sh, 26, 16, 18, 18, 18, 18);
    }

    /**
     * A header row at {@code r} and one row per priced model of workload {@code n}; returns the last row used.
     * Records each row for the summary.
     */
    private int resultBlock(Sheet sh, int r, int n, String h, String ovr, String caseName, String workloadName) {
        header(sh, r, RESULT_HEADERS);
        Workload w = wb.workloads().get(n - 1);
        String volume = "Users_" + n + "*Requests_" + n + "*Days_" + n;
        for (String modelId : wb.modelsFor(w)) {
            Integer k = priceIndex.get(modelId);
            if (k == null) {
                continue;
            }
            r++;
            String inputRate = "(PriceIn_" + k + "*(1-" + h + ")+PriceHit_" + k + "*" + h + ")";
            Row row = sh.createRow(r);
            text(sh, r, 0, prices.get(k - 1).displayName(), null);
            formula(row, 1, volume, st.count);
            formula(row, 2, "(InputTokens_" + n + "*" + inputRate + "+OutputTokens_" + n + "*PriceOut_" + k + ")/1000000",
                    st.perRequest);
            formula(row, 3, volume + "*" + ovr + "*InputTokens_" + n + "*" + inputRate + "/1000000", st.money);
            formula(row, 4, volume + "*" + ovr + "*OutputTokens_" + n + "*PriceOut_" + k + "/1000000", st.money);
            String d = new CellReference(r, 3).formatAsString();
            String e = new CellReference(r, 4).formatAsString();
            formula(row, MONTHLY_COL, d + "+" + e, st.moneyBold);
            summary.add(new String[]{caseName, workloadName, prices.get(k - 1).displayName(),
                    ref(sh.getSheetName(), r, MONTHLY_COL)});
        }
        return r;
    }

    /** Monthly cost at cache hit rates 0 %, 10 %, … 100 %, one column per model: the studio's chart as a table. */
    private void curveTable(Sheet sh, int r, Workload w, int n) {
        text(sh, r++, 0, "Monthly cost by cache hit rate (chart-ready)", st.section);
        List<Integer> ks = wb.modelsFor(w).stream().map(priceIndex::get).filter(k -> k != null).toList();
        Row head = sh.createRow(r);
        text(sh, r, 0, "Cache hit rate", st.header);
        for (int c = 0; c < ks.size(); c++) {
            text(sh, r, c + 1, prices.get(ks.get(c) - 1).displayName(), st.header);
        }
        head.setHeightInPoints(30);
        String volume = "Users_" + n + "*Requests_" + n + "*Days_" + n + "*Overhead_" + n;
        for (int step = 0; step <= 10; step++) {
            r++;
            Row row = sh.createRow(r);
            Cell hc = row.createCell(0);
            hc.setCellValue(step / 10.0);
            hc.setCellStyle(st.percent);
            String h = "$A$" + (r + 1);
            for (int c = 0; c < ks.size(); c++) {
                int k = ks.get(c);
                formula(row, c + 1, volume + "*(InputTokens_" + n + "*(PriceIn_" + k + "*(1-" + h + ")+PriceHit_" + k + "*" + h
                        + ")+OutputTokens_" + n + "*PriceOut_" + k + ")/1000000", st.money);
            }
        }
    }

    private void fillSummary(Sheet sh) {
        text(sh, 0, 0, "Summary: monthly cost of every case (chart-ready)", st.title);
        int r = 2;
        header(sh, r, "Case", "Workload", "Model", "Monthly cost");
        int firstData = r + 1;
        for (String[] s : summary) {
            r++;
            text(sh, r, 0, s[0], null);
            text(sh, r, 1, s[1], null);
            text(sh, r, 2, s[2], null);
            formula(sh.getRow(r), 3, s[3], st.money);
        }
        // total of each workload on its own model, the figure the studio headlines
        r += 2;
        text(sh, r, 0, "Total, every workload on its own model", st.header);
        List<String> own = new ArrayList<>();
        for (int i = 0; i < summary.size(); i++) {
            if (summary.get(i)[0].equals("Workload") && isOwnModelRow(i)) {
                own.add("D" + (firstData + i + 1));
            }
        }
        formula(sh.getRow(r), 3, own.isEmpty() ? "0" : "SUM(" + String.join(",", own) + ")", st.moneyBold);
        name("TotalMonthly", sh, r, 3);
        sh.createFreezePane(0, 3);
        widths(sh, 30, 26, 20, 18);
    }

    /** True for the first summary row of each workload block: the workload's own model. */
    private boolean isOwnModelRow(int i) {
        return i == 0 || !summary.get(i - 1)[0].equals(summary.get(i)[0]) || !summary.get(i - 1)[1].equals(summary.get(i)[1]);
    }

    private void notesSheet() {
        Sheet sh = xl.createSheet(uniqueSheetName("Notes"));
        header(sh, 0, "Note", "Internal");
        int r = 0;
        for (Note n : wb.notes()) {
            r++;
            text(sh, r, 0, n.text(), null);
            text(sh, r, 1, n.internal() ? "yes" : "no", null);
        }
        sh.createFreezePane(0, 1);
        widths(sh, 80, 10);
    }

    private void tableSheet(String name, Table t) {
        Sheet sh = xl.createSheet(uniqueSheetName(name));
        header(sh, 0, t.headers().toArray(String[]::new));
        int r = 0;
        for (List<Object> cells : t.rows()) {
            r++;
            Row row = sh.createRow(r);
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v instanceof BigDecimal d) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(d.doubleValue());
                    cell.setCellStyle(st.money);
                } else if (v instanceof Number num) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(num.doubleValue());
                    cell.setCellStyle(st.count);
                } else if (v != null) {
                    text(sh, r, c, v.toString(), null);
                }
            }
        }
        sh.createFreezePane(0, 1);
    }

    // ---- cells (package-private for TcoSheet) ----

    Workbook workbook() {
        return wb;
    }

    /** The 1-based index of a model's price names ({@code PriceIn_k} …), or null when it is not exported. */
    Integer priceIndex(String modelId) {
        Integer k = priceIndex.get(modelId);
        if (k != null) {
            return k;
        }
        for (int i = 0; i < prices.size(); i++) {
            if (prices.get(i).answersTo(modelId)) {
                return i + 1;
            }
        }
        return null;
    }

    Styles styles() {
        return st;
    }

    void text(Sheet sh, int r, int c, String value, CellStyle style) {
        Row row = sh.getRow(r) == null ? sh.createRow(r) : sh.getRow(r);
        Cell cell = row.createCell(c);
        cell.setCellValue(CellText.neutralise(value == null ? "" : value));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    void header(Sheet sh, int r, String... titles) {
        for (int c = 0; c < titles.length; c++) {
            text(sh, r, c, titles[c], st.header);
        }
    }

    void input(Sheet sh, int r, int c, BigDecimal value, CellStyle style, String name) {
        Row row = sh.getRow(r) == null ? sh.createRow(r) : sh.getRow(r);
        Cell cell = row.createCell(c);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(st.input(style));
        name(name, sh, r, c);
    }

    void name(String name, Sheet sh, int r, int c) {
        Name n = xl.createName();
        n.setNameName(name);
        n.setRefersToFormula(ref(sh.getSheetName(), r, c));
    }

    static void formula(Row row, int c, String f, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellFormula(f);
        cell.setCellStyle(style);
    }

    private static String ref(String sheet, int r, int c) {
        return "'" + sheet.replace("'", "''") + "'!" + new CellReference(r, c, true, true).formatAsString();
    }

    private String uniqueSheetName(String wanted) {
        String base = WorkbookUtil.createSafeSheetName(wanted.strip(), '_');
        if (base.startsWith("'")) {
            base = "_" + base.substring(1);
        }
        String name = base;
        for (int i = 2; !sheetNames.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    static void widths(Sheet sh, int... chars) {
        for (int c = 0; c < chars.length; c++) {
            sh.setColumnWidth(c, chars[c] * 256);
        }
    }

    /** The few cell styles, created once (Excel caps the number of styles per file). */
    static final class Styles {
        final CellStyle title;
        final CellStyle section;
        final CellStyle header;
        final CellStyle money;
        final CellStyle moneyBold;
        final CellStyle perRequest;
        final CellStyle price;
        final CellStyle count;
        final CellStyle decimal;
        final CellStyle percent;
        private final Map<CellStyle, CellStyle> inputs = new LinkedHashMap<>();
        private final XSSFWorkbook xl;

        Styles(XSSFWorkbook xl) {
            this.xl = xl;
            Font bold = xl.createFont();
            bold.setBold(true);
            Font big = xl.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = xl.createCellStyle();
            title.setFont(big);
            section = xl.createCellStyle();
            section.setFont(bold);
            header = xl.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            money = numeric("\"$\"#,##0.00");
            moneyBold = numeric("\"$\"#,##0.00");
            moneyBold.setFont(bold);
            perRequest = numeric("\"$\"0.000000");
            price = numeric("\"$\"#,##0.000");
            count = numeric("#,##0");
            decimal = numeric("0.00");
            percent = numeric("0.0%");
        }

        private CellStyle numeric(String format) {
            CellStyle s = xl.createCellStyle();
            s.setDataFormat(xl.createDataFormat().getFormat(format));
            return s;
        }

        /** The input variant of a number style: shaded so the editable cells stand out. */
        CellStyle input(CellStyle base) {
            return inputs.computeIfAbsent(base, b -> {
                CellStyle s = xl.createCellStyle();
                s.cloneStyleFrom(b);
                s.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                return s;
            });
        }
    }
}

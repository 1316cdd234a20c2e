package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.importers.workbook.WorkbookFixtures;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.UsageRollup;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExcelWorkbookExportTest {
    @TempDir
    Path dir;

    private XSSFWorkbook export(Workbook wb) throws Exception {
        Path f = dir.resolve("out.xlsx");
        ExcelWorkbookExport.write(wb, wb.priceRows(), f);
        try (InputStream in = Files.newInputStream(f)) {
            return new XSSFWorkbook(in);
        }
    }

    private static Cell named(XSSFWorkbook xl, String name) {
        Name n = xl.getName(name);
        assertNotNull(n, "named range " + name);
        CellReference ref = new AreaReference(n.getRefersToFormula(), xl.getSpreadsheetVersion()).getFirstCell();
        return xl.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }

    /** The monthly cost of the row whose first cell is {@code model}, evaluated, to the cent. */
    private static BigDecimal monthly(XSSFWorkbook xl, FormulaEvaluator ev, String sheet, int occurrence, String model) {
        Sheet sh = xl.getSheet(sheet);
        int seen = 0;
        for (int r = 0; r <= sh.getLastRowNum(); r++) {
            var row = sh.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(model) && row.getCell(ExcelWorkbookExport.MONTHLY_COL) != null
                    && seen++ == occurrence) {
                return cents(ev.evaluate(row.getCell(ExcelWorkbookExport.MONTHLY_COL)).getNumberValue());
            }
        }
        throw new AssertionError(model + " not on " + sheet);
    }

    private static BigDecimal cents(double d) {
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void formulasEvaluateToTheHandComputedFigures() throws Exception {
        try (XSSFWorkbook xl = export(WorkbookFixtures.full())) {
            FormulaEvaluator ev = xl.getCreationHelper().createFormulaEvaluator();
            // RAG on GPT-5.5: 10,000·10·30 = 3,000,000 req; (1500·(5·0.5+0.5·0.5) + 750·30)/1e6 = 0.026625; ×1.20 → 95,850.00
            assertEquals(new BigDecimal("95850.00"), monthly(xl, ev, "W1 RAG", 0, "GPT-5.5"));
            // RAG on the no-cache model (hit billed at input 1.00): (1500·1 + 750·4)/1e6 = 0.0045 × 3,600,000 → 16,200.00
            assertEquals(new BigDecimal("16200.00"), monthly(xl, ev, "W1 RAG", 0, "No-cache model"));
            // triage on GPT-5 Mini: 250·40·22 = 220,000 req; (800·(0.25·0.75+0.025·0.25) + 120·2)/1e6 = 0.000395; ×1.10 → 95.59
            assertEquals(new BigDecimal("95.59"), monthly(xl, ev, "W2 Ticket triage", 0, "GPT-5 Mini"));
            // scenario h = 0.80 on RAG/GPT-5.5: (1500·(5·0.2+0.5·0.8) + 22,500)/1e6 = 0.0246 × 3,600,000 → 88,560.00
            assertEquals(new BigDecimal("88560.00"), monthly(xl, ev, "S1 Aggressive caching", 0, "GPT-5.5"));
            // scenario OVR = 1.05 on RAG only: 0.026625 × 3,000,000 × 1.05 → 83,868.75
            assertEquals(new BigDecimal("83868.75"), monthly(xl, ev, "S2 Lean RAG", 0, "GPT-5.5"));
            Sheet lean = xl.getSheet("S2 Lean RAG");
            for (var row : lean) {
                assertTrue(row.getCell(0) == null || !row.getCell(0).toString().equals("Ticket triage"), "Lean RAG applies to RAG only");
            }
            // total: 95,850.00 + 95.59
            assertEquals(new BigDecimal("95945.59"), cents(ev.evaluate(named(xl, "TotalMonthly")).getNumberValue()));
        }
    }

    @Test
    void editingAnInputCellChangesTheResults() throws Exception {
        try (XSSFWorkbook xl = export(WorkbookFixtures.full())) {
            named(xl, "CacheHit_1").setCellValue(0.8);
            FormulaEvaluator ev = xl.getCreationHelper().createFormulaEvaluator();
            // same as the 0.80 scenario above
            assertEquals(new BigDecimal("88560.00"), monthly(xl, ev, "W1 RAG", 0, "GPT-5.5"));
            named(xl, "PriceIn_3").setCellValue(2.0);
            ev.clearAllCachedResultValues();
            // no-cache model follows its input price: (1500·2 + 750·4)/1e6 = 0.006 × 3,600,000 → 21,600.00
            assertEquals(new BigDecimal("21600.00"), monthly(xl, ev, "W1 RAG", 0, "No-cache model"));
        }
    }

    @Test
    void everyInputHasANamedRangeAndHeadersAreFrozen() throws Exception {
        try (XSSFWorkbook xl = export(WorkbookFixtures.full())) {
            for (String n : List.of("Users_1", "Requests_1", "InputTokens_1", "OutputTokens_1", "CacheHit_1", "Overhead_1",
                    "Days_1", "Users_2", "Days_2", "PriceIn_1", "PriceHit_1", "PriceOut_1", "PriceHit_3", "ScnCacheHit_1",
                    "ScnOverhead_2")) {
                CellType t = named(xl, n).getCellType();
                assertTrue(t == CellType.NUMERIC || t == CellType.FORMULA, n + " is " + t);
            }
            assertEquals(22.0, named(xl, "Days_2").getNumericCellValue());
            assertEquals(4, xl.getSheet("W1 RAG").getPaneInformation().getHorizontalSplitTopRow());
            assertEquals("\"$\"#,##0.00", xl.getSheet("W1 RAG").getRow(4).getCell(5).getCellStyle().getDataFormatString());
            assertEquals("Inputs", xl.getSheetName(0));
            assertTrue(xl.getForceFormulaRecalculation());
        }
    }

    @Test
    void hostileNamesStayText() throws Exception {
        String evil = "=HYPERLINK(\"http://x\",\"y\")";
        Workbook base = WorkbookFixtures.full();
        Workload w = base.workloads().get(0);
        Workload renamed = new Workload(evil, w.users(), w.requestsPerUserPerDay(), w.inputTokens(), w.outputTokens(),
                w.cacheHitRate(), w.overhead(), w.daysPerMonth(), w.modelId());
        UsageRollup r = base.usageRollups().get(0);
        Workbook wb = base.withWorkload(0, renamed).withUsageRollups(List.of(new UsageRollup(r.month(), evil, "+cmd", r.model(),
                "@user", "-key", "\tcustomer", r.requests(), r.inputTokens(), r.cachedInputTokens(), r.outputTokens(), r.costUsd())));
        try (XSSFWorkbook xl = export(wb)) {
            Cell title = xl.getSheetAt(2).getRow(0).getCell(0);
            assertEquals(CellType.STRING, title.getCellType());
            assertEquals("'" + evil, title.getStringCellValue());
            Sheet usage = xl.getSheet("Usage");
            assertEquals(CellType.STRING, usage.getRow(1).getCell(1).getCellType());
            assertEquals("'" + evil, usage.getRow(1).getCell(1).getStringCellValue());
            assertEquals(List.of("'+cmd", "'@user", "'-key", "'\tcustomer"), List.of(usage.getRow(1).getCell(2).getStringCellValue(),
                    usage.getRow(1).getCell(4).getStringCellValue(), usage.getRow(1).getCell(5).getStringCellValue(),
                    usage.getRow(1).getCell(6).getStringCellValue()));
            for (Sheet sh : xl) {
                for (var row : sh) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.FORMULA) {
                            // a sheet name in quotes may contain the text; no formula may call the function
                            String outsideQuotes = c.getCellFormula().replaceAll("'([^']|'')*'", "");
                            assertTrue(!outsideQuotes.contains("HYPERLINK"), sh.getSheetName() + " " + c.getAddress());
                        }
                    }
                }
            }
        }
    }

    @Test
    void cellTextNeutralisesOnlyDangerousStarts() {
        assertEquals("'=1+1", CellText.neutralise("=1+1"));
        assertEquals("'\rx", CellText.neutralise("\rx"));
        assertEquals("Support", CellText.neutralise("Support"));
        assertEquals("a=b", CellText.neutralise("a=b"));
        assertEquals("", CellText.neutralise(""));
    }

    @Test
    void csvNeutralisesTextButNotNumbers() throws Exception {
        Table t = new Table("t", List.of("team", "cost"), List.of(
                java.util.Arrays.asList("=HYPERLINK(\"http://x\",\"y\")", new BigDecimal("-1.50")),
                java.util.Arrays.asList("Support", null)));
        Path f = dir.resolve("t.csv");
        CsvTables.write(t, f);
        assertEquals("team,cost\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1.50\r\nSupport,\r\n", Files.readString(f));
    }

    @Test
    void workbookTablesCoverEverySection() {
        List<Table> tables = WorkbookTables.inputs(WorkbookFixtures.full(), WorkbookFixtures.full().priceRows());
        assertEquals(List.of("workloads", "prices", "scenarios", "notes", "usage_rollups"), tables.stream().map(Table::name).toList());
        ModelPrice nc = WorkbookFixtures.full().priceRows().get(2);
        assertEquals(java.util.Arrays.asList(nc.id(), nc.displayName(), nc.provider(), new BigDecimal("1.00"), null,
                new BigDecimal("4.00"), "vendor sheet", "2026-05"), tables.get(1).rows().get(2));
    }
}

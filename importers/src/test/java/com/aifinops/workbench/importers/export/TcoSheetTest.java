package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.workbook.Workbook;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The TCO sheet's live formulas on the bundled sample's decisions, against hand-computed figures. */
class TcoSheetTest {
    private static final Path SAMPLE = Path.of("../app/src/main/resources/samples/rag-support-agent.afw.json");

    @TempDir
    Path dir;

    private XSSFWorkbook export(Workbook wb) throws Exception {
        Path f = dir.resolve("tco.xlsx");
        ExcelWorkbookExport.write(wb, wb.priceRows(), f);
        try (InputStream in = Files.newInputStream(f)) {
            return new XSSFWorkbook(in);
        }
    }

    private static Cell named(XSSFWorkbook xl, String name) {
        Name n = xl.getName(name);
        CellReference ref = new AreaReference(n.getRefersToFormula(), xl.getSpreadsheetVersion()).getFirstCell();
        return xl.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }

    private static BigDecimal annual(XSSFWorkbook xl, FormulaEvaluator ev, String option) {
        Sheet sh = xl.getSheet("TCO");
        for (int r = 0; r <= sh.getLastRowNum(); r++) {
            var row = sh.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(option) && row.getCell(1) != null
                    && row.getCell(1).getCellType() == CellType.FORMULA) {
                return BigDecimal.valueOf(ev.evaluate(row.getCell(1)).getNumberValue()).setScale(2, RoundingMode.HALF_UP);
            }
        }
        throw new AssertionError(option + " not on the TCO sheet");
    }

    @Test
    void annualCostsAtTheWorkbooksVolumeAreLiveFormulas() throws Exception {
        try (XSSFWorkbook xl = export(WorkbookJson.read(SAMPLE))) {
            FormulaEvaluator ev = xl.getCreationHelper().createFormulaEvaluator();
            // 12 · 3,000,000 · 1.20 · 2,250 = 97,200,000,000 tokens
            assertEquals(97_200_000_000d, ev.evaluate(named(xl, "TcoVolume")).getNumberValue(), 0.5);
            assertEquals(new BigDecimal("1150200.00"), annual(xl, ev, "GPT-5.5 API"));        // 12 · 95,850
            assertEquals(new BigDecimal("592920.00"), annual(xl, ev, "Claude Sonnet 4.6 API")); // 12 · 49,410
            // 2 nodes · 8 · 8,760 · $3 = 420,480 + 210,000 + 30,000
            assertEquals(new BigDecimal("660480.00"), annual(xl, ev, "Neocloud 8×H200 (1-yr reserved)"));
            // 2 · (80,000 + 10.2 · 1.3 · 8,760 · 0.10 + 12,000) + 40,000 + 440,000 = 687,231.52
            assertEquals(new BigDecimal("687231.52"), annual(xl, ev, "Owned 8×H200 nodes"));
        }
    }

    @Test
    void typingAnotherVolumeRepricesEveryOption() throws Exception {
        try (XSSFWorkbook xl = export(WorkbookJson.read(SAMPLE))) {
            Cell volume = named(xl, "TcoVolume");
            volume.removeFormula(); // what typing a number over the formula does in Excel
            volume.setCellValue(194_400_000_000d);
            FormulaEvaluator ev = xl.getCreationHelper().createFormulaEvaluator();
            assertEquals(new BigDecimal("2300400.00"), annual(xl, ev, "GPT-5.5 API"));
            // 194.4e9 · 1.3 / (650 · 31,536,000 · 0.55 · 8) = 2.80 → 3 nodes: 3 · 210,240 + 240,000
            assertEquals(new BigDecimal("870720.00"), annual(xl, ev, "Neocloud 8×H200 (1-yr reserved)"));
            // 3 · 103,615.76 + 480,000
            assertEquals(new BigDecimal("790847.28"), annual(xl, ev, "Owned 8×H200 nodes"));
            // and an input: GPU-hours at $2.50 → 3 · 8 · 8,760 · 2.5 + 240,000 = 765,600
            named(xl, "Neo1_GpuHour").setCellValue(2.5);
            ev.clearAllCachedResultValues();
            assertEquals(new BigDecimal("765600.00"), annual(xl, ev, "Neocloud 8×H200 (1-yr reserved)"));
        }
    }

    @Test
    void theVolumeFollowsTheWorkloadInputs() throws Exception {
        try (XSSFWorkbook xl = export(WorkbookJson.read(SAMPLE))) {
            named(xl, "Users_1").setCellValue(20_000);
            FormulaEvaluator ev = xl.getCreationHelper().createFormulaEvaluator();
            // twice the users: twice the volume and API cost; the neocloud needs 3 nodes (see above)
            assertEquals(new BigDecimal("2300400.00"), annual(xl, ev, "GPT-5.5 API"));
            assertEquals(new BigDecimal("870720.00"), annual(xl, ev, "Neocloud 8×H200 (1-yr reserved)"));
        }
    }

    @Test
    void aWorkbookWithoutTcoOptionsHasNoTcoSheet() throws Exception {
        try (XSSFWorkbook xl = export(com.aifinops.workbench.importers.workbook.WorkbookFixtures.full())) {
            assertNull(xl.getSheet("TCO"));
        }
    }
}

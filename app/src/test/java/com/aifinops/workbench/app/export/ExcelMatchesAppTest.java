package com.aifinops.workbench.app.export;

import com.aifinops.workbench.app.TestWorkbooks;
import com.aifinops.workbench.app.WorkbookExports;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Excel export computes, from its own input cells, every figure the app computes: evaluated by POI here,
 * and recalculated by LibreOffice headless when {@code soffice} is on the PATH.
 */
class ExcelMatchesAppTest {
    private static final PriceCatalog CATALOG = BuiltInCatalog.get();

    @TempDir
    Path dir;

    /** The app's figures in Summary order: every case, to the cent, then the total of each workload on its own model. */
    private static List<BigDecimal> appFigures(Workbook wb) {
        List<BigDecimal> out = new ArrayList<>();
        List<WorkbookCosts.Case> cases = WorkbookCosts.of(wb, CATALOG);
        cases.forEach(c -> out.add(Usd.cents(c.cost().monthlyCost())));
        BigDecimal total = BigDecimal.ZERO;
        for (var w : wb.workloads()) {
            total = total.add(cases.stream().filter(c -> c.scenario() == null && c.workload().name().equals(w.name()))
                    .findFirst().orElseThrow().cost().monthlyCost());
        }
        out.add(Usd.cents(total));
        return out;
    }

    /** The Summary sheet's monthly-cost column (D) from row 4 down, blank rows skipped, rounded to the cent. */
    private static List<BigDecimal> summaryFigures(XSSFWorkbook xl, Function<Cell, Double> value) {
        Sheet sh = xl.getSheet("Summary");
        List<BigDecimal> out = new ArrayList<>();
        for (int r = 3; r <= sh.getLastRowNum(); r++) {
            if (sh.getRow(r) != null && sh.getRow(r).getCell(3) != null) {
                out.add(BigDecimal.valueOf(value.apply(sh.getRow(r).getCell(3))).setScale(2, RoundingMode.HALF_UP));
            }
        }
        return out;
    }

    private Path export(Workbook wb) throws Exception {
        Path x = dir.resolve("export.xlsx");
        WorkbookExports.xlsx(wb, CATALOG, x);
        return x;
    }

    @Test
    void conversationsMonthlyRequestsReasoningAndBatchExportToTheCent() throws Exception {
        // the portfolio: a conversation workload, a per-month batch workload with reasoning, overhead parts
        Workbook wb;
        try (InputStream in = getClass().getResourceAsStream("/workbooks/support-portfolio.afw.json")) {
            wb = com.aifinops.workbench.importers.workbook.WorkbookJson.read(in, "support-portfolio.afw.json");
        }
        List<BigDecimal> expected = appFigures(wb);
        // hand-checked anchors: chat $127.28, summaries $315.00 (see ForecastCommandTest)
        assertTrue(expected.contains(new BigDecimal("127.28")) && expected.contains(new BigDecimal("315.00")), expected.toString());
        try (XSSFWorkbook xl = new XSSFWorkbook(Files.newInputStream(export(wb)))) {
            FormulaEvaluator ev = xl.getCreationHelper().createFormulaEvaluator();
            assertEquals(expected, summaryFigures(xl, c -> ev.evaluate(c).getNumberValue()));
        }
    }

    @Test
    void poiEvaluatesEveryFigureToTheCent() throws Exception {
        Workbook wb = TestWorkbooks.richer();
        List<BigDecimal> expected = appFigures(wb);
        // RAG on gpt-5.5 + 3 compared (4) + triage on gpt-5-mini, which is also compared, so 3 models;
        // Aggressive caching on both (7) + Lean pipeline on RAG only (4) = 18 cases, and the total
        assertEquals(19, expected.size());
        assertEquals(new BigDecimal("95850.00"), expected.get(0));
        try (InputStream in = Files.newInputStream(export(wb)); XSSFWorkbook xl = new XSSFWorkbook(in)) {
            FormulaEvaluator ev = xl.getCreationHelper().createFormulaEvaluator();
            assertEquals(expected, summaryFigures(xl, c -> ev.evaluate(c).getNumberValue()));
        }
    }

    @Test
    void libreOfficeRecalculatesTheSameTotals() throws Exception {
        String soffice = onPath("soffice");
        assumeTrue(soffice != null, "soffice (LibreOffice) is not on the PATH: the LibreOffice recalculation check is skipped;"
                + " install libreoffice-calc-nogui to run it");
        Workbook wb = TestWorkbooks.richer();
        Path x = export(wb);
        Path outDir = Files.createDirectories(dir.resolve("lo"));
        Path profile = dir.resolve("lo-profile");
        Process p = new ProcessBuilder(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir.toString(), x.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "soffice did not finish in 180 s");
        Path recalculated = outDir.resolve("export.xlsx");
        assertTrue(Files.exists(recalculated), "soffice wrote nothing: " + Files.readString(dir.resolve("soffice.log")));
        try (InputStream in = Files.newInputStream(recalculated); XSSFWorkbook xl = new XSSFWorkbook(in)) {
            // the values LibreOffice computed and cached; POI's export stores none of its own
            List<BigDecimal> lo = summaryFigures(xl, c -> {
                assertEquals(CellType.FORMULA, c.getCellType(), "still a live formula after LibreOffice: " + c.getAddress());
                return c.getNumericCellValue();
            });
            assertEquals(appFigures(wb), lo);
            System.out.println("LibreOffice recalculated " + lo.size() + " figures; total " + lo.get(lo.size() - 1));
        }
    }

    private static String onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(d, exe);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}

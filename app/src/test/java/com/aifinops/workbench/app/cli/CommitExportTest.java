package com.aifinops.workbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code commit --xlsx/--pdf}: the files carry the figures {@code commit --json} prints, to the cent. */
class CommitExportTest {
    private static final String SAMPLE = "src/main/resources/samples/rag-support-agent.afw.json";

    @TempDir
    Path dir;

    private static Row row(Sheet sh, String label) {
        for (Row r : sh) {
            Cell a = r.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static String cents(FormulaEvaluator ev, Cell c) {
        assertEquals(CellType.FORMULA, c.getCellType(), "a live formula");
        return BigDecimal.valueOf(ev.evaluate(c).getNumberValue()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void excelAndPdfCarryTheFiguresOfCommitJson() throws Exception {
        Path xlsx = dir.resolve("openai.xlsx");
        Path pdf = dir.resolve("openai.pdf");
        CliRun json = CliRun.of("commit", SAMPLE, "--provider", "OpenAI", "--json");
        assertEquals(0, json.status(), json.err());
        JsonNode j = new ObjectMapper().readTree(json.out());
        CliRun r = CliRun.of("commit", SAMPLE, "--provider", "OpenAI", "--xlsx", xlsx.toString(), "--pdf", pdf.toString(),
                "--date", "2026-12-02");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("wrote " + xlsx + "\n") || r.out().contains("wrote " + xlsx + "\r\n"), r.out());
        assertTrue(r.out().contains("wrote " + pdf), r.out());
        assertTrue(r.out().startsWith("OpenAI: 12-month forecast $1,285,548.80 at list"), "the report is still printed");

        // 95,850 · Σ 1.02^m (m = 0..11) = 95,850 · 13.412090 = 1,285,548.80, the figure commit --json prints
        assertEquals("1285548.80", j.get("forecastAnnualListUsd").asText());
        try (var book = WorkbookFactory.create(xlsx.toFile())) {
            Sheet sh = book.getSheet("Negotiation brief");
            FormulaEvaluator ev = book.getCreationHelper().createFormulaEvaluator();
            assertEquals(j.get("forecastAnnualListUsd").asText(), cents(ev, row(sh, "Next 12 months, list").getCell(1)));
            assertEquals(j.get("forecastAnnualContractedUsd").asText(), cents(ev, row(sh, "Next 12 months, contracted").getCell(1)));
            assertEquals(j.get("safeCommitP90Usd").asText(), cents(ev, row(sh, "Safe commitment (P90)").getCell(1)));
            assertEquals("95850.00", cents(ev, row(sh, "Spend now, list (a month)").getCell(1)));
            for (JsonNode m : j.get("matchingDiscounts")) {
                Row alt = row(sh, m.get("kind").asText());
                assertEquals(m.get("alternative").asText(), alt.getCell(1).getStringCellValue());
                assertEquals(new BigDecimal(m.get("annualCostUsd").asText()),
                        BigDecimal.valueOf(alt.getCell(2).getNumericCellValue()).setScale(2, RoundingMode.HALF_UP));
                double d = ev.evaluate(alt.getCell(3)).getNumberValue();
                assertEquals(m.get("discountToMatch").asText(), BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).toPlainString());
            }
            // independently: 1 − 49,410/95,850 = 0.4845; 1 − 42,025.50/95,850 = 0.5615; 1 − 660,480/1,285,548.80 = 0.4862
            assertEquals(0.4845, ev.evaluate(row(sh, "Another provider").getCell(3)).getNumberValue(), 5e-5);
            assertEquals(0.5615, ev.evaluate(row(sh, "Smaller model via routing").getCell(3)).getNumberValue(), 5e-5);
            assertEquals(0.4862, ev.evaluate(row(sh, "Self-hosting").getCell(3)).getNumberValue(), 5e-5);
        }
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("OpenAI"), text);
            assertTrue(text.contains("$1,285,548.80"), text);
            for (JsonNode m : j.get("matchingDiscounts")) {
                String label = m.get("alternative").asText();
                // the table may wrap a long label: compare without line breaks
                assertTrue(text.replaceAll("\\s+", " ").contains(label), label + " in " + text);
                assertTrue(text.contains(m.get("kind").asText()), m.get("kind").asText());
            }
            assertTrue(text.contains("2 December 2026"), text);
        }
    }

    @Test
    void dateWithoutAFileIsAUsageError() throws Exception {
        CliRun r = CliRun.of("commit", SAMPLE, "--provider", "OpenAI", "--date", "2026-12-02");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--date"), r.err());
        CliRun bad = CliRun.of("commit", SAMPLE, "--provider", "OpenAI", "--pdf", dir.resolve("x.pdf").toString(), "--date", "12/2026");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("YYYY-MM-DD"), bad.err());
        assertTrue(!Files.exists(dir.resolve("x.pdf")));
    }

    @Test
    void anUnwritableOutputFailsTheWork() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        CliRun r = CliRun.of("commit", SAMPLE, "--provider", "OpenAI", "--xlsx", file.resolve("x.xlsx").toString());
        assertEquals(1, r.status(), r.out());
        assertTrue(!r.out().contains("wrote"), r.out());
    }
}

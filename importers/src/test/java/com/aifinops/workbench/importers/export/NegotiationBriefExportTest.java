package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.model.decision.NegotiationFigures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NegotiationBriefExportTest {
    @TempDir
    Path dir;

    // Σ_{m=0..11} 1.02^m = (1.02^12 − 1) / 0.02 = 13.412089728127…
    static final BigDecimal FACTOR = new BigDecimal("1.02").pow(12).subtract(BigDecimal.ONE)
            .divide(new BigDecimal("0.02"), MathContext.DECIMAL128);

    /**
     * The bundled sample on OpenAI, figures worked by hand: GPT-5.5 at $95,850.00 a month (the core formula's
     * worked value) on 3,000,000 requests × 1.20 × 2,250 tokens = 8,100,000,000 tokens; 18 % contracted;
     * alternatives over 12 months: Claude Sonnet 4.6 at 49,410 a month × factor, 60 % routed to GPT-5 Mini
     * 0.6 · 6,142.50 + 0.4 · 95,850 = 42,025.50 a month × factor, and the neocloud's 16 GPUs · 8,760 h · $3 +
     * 210,000 + 30,000 = 660,480.
     */
    static NegotiationFigures sample(String provider, String model) {
        BigDecimal list = new BigDecimal("95850");
        BigDecimal keep = new BigDecimal("0.82");
        BigDecimal annual = list.multiply(FACTOR);
        BigDecimal claude = new BigDecimal("49410").multiply(FACTOR);
        BigDecimal routed = new BigDecimal("42025.50").multiply(FACTOR);
        BigDecimal neo = new BigDecimal("660480");
        BigDecimal tokens = new BigDecimal("8100000000");
        return new NegotiationFigures("Sample: RAG support agent", provider, LocalDate.of(2026, 12, 2), new BigDecimal("0.02"),
                new BigDecimal("0.25"), FACTOR, new BigDecimal("0.18"),
                List.of(new NegotiationFigures.ModelLine("gpt-5.5", model, tokens, list, list.multiply(keep), annual)),
                tokens, list, list.multiply(keep), tokens.multiply(FACTOR), annual, annual.multiply(keep),
                List.of(new NegotiationFigures.Alternative("Another provider", "Claude Sonnet 4.6 (Anthropic)", claude, match(claude, annual)),
                        new NegotiationFigures.Alternative("Smaller model via routing", "60 % of requests to GPT-5 Mini", routed, match(routed, annual)),
                        new NegotiationFigures.Alternative("Self-hosting", "Neocloud 8×H200 (1-yr reserved) · 16 GPUs", neo, match(neo, annual))),
                1_054_877.31, 1_455_047.75, 765_173.16,
                new NegotiationFigures.CommitmentOnTable("OpenAI 12-month prepaid", new BigDecimal("900000"), 0.2673),
                List.of("Our next 12 months on " + provider + ": $1.29M at list.", "We can commit up to $765K."));
    }

    private static BigDecimal match(BigDecimal alt, BigDecimal list) {
        return BigDecimal.ONE.subtract(alt.divide(list, MathContext.DECIMAL128));
    }

    private static JFreeChart chart() {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        d.addValue(1_285_548.80, "cost", "OpenAI at list");
        d.addValue(662_691.35, "cost", "Another provider");
        return ChartFactory.createBarChart(null, null, null, d);
    }

    /** Column B (or {@code col}) of the row whose column A reads {@code label}, evaluated. */
    private static double figure(Sheet sh, FormulaEvaluator ev, String label, int col) {
        for (Row r : sh) {
            Cell a = r.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)) {
                return ev.evaluate(r.getCell(col)).getNumberValue();
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static Cell cell(Sheet sh, String label, int col) {
        for (Row r : sh) {
            Cell a = r.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)) {
                return r.getCell(col);
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static String cents(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String frac(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void excelFiguresAreLiveFormulasThatEvaluateToTheCent() throws IOException {
        Path out = dir.resolve("brief.xlsx");
        NegotiationBriefExport.xlsx(sample("OpenAI", "GPT-5.5"), out);
        try (var book = WorkbookFactory.create(out.toFile())) {
            Sheet sh = book.getSheet(NegotiationBriefExport.SHEET);
            FormulaEvaluator ev = book.getCreationHelper().createFormulaEvaluator();
            assertEquals("13.4121", frac(figure(sh, ev, "12-month factor Σ (1 + g)^m", 1)));
            assertEquals(CellType.FORMULA, cell(sh, "Next 12 months, list", 1).getCellType());
            // 95,850 · 13.412089728 = 1,285,548.80; · 0.82 = 1,054,150.02
            assertEquals("1285548.80", cents(figure(sh, ev, "Next 12 months, list", 1)));
            assertEquals("1054150.02", cents(figure(sh, ev, "Next 12 months, contracted", 1)));
            assertEquals("78597.00", cents(figure(sh, ev, "Spend now, contracted (a month)", 1))); // 95,850 · 0.82
            assertEquals("95850.00", cents(figure(sh, ev, "Spend now, list (a month)", 1)));
            // 8.1e9 · 13.412089728 = 108,637,926,798 tokens over 12 months
            assertEquals(108_637_926_798L, Math.round(figure(sh, ev, "Next 12 months, tokens", 1)));
            // 1,054,150.02 · e^(0.25 · z₀.₁₀), z₀.₁₀ = −1.2815515655 → · 0.725869 = 765,173.16
            double safe = 1_054_150.0167 * Math.exp(0.25 * -1.2815515655446004);
            assertEquals(cents(safe), cents(figure(sh, ev, "Safe commitment (P90)", 1)));
            assertEquals("765173.16", cents(figure(sh, ev, "Safe commitment (P90)", 1)));
            // discount to match = 1 − alternative / list: 1 − 49,410/95,850 = 0.4845; 1 − 42,025.5/95,850 = 0.5615;
            // 1 − 660,480 / 1,285,548.80 = 0.4862
            assertEquals("0.4845", frac(figure(sh, ev, "Another provider", 3)));
            assertEquals("0.5615", frac(figure(sh, ev, "Smaller model via routing", 3)));
            assertEquals("0.4862", frac(figure(sh, ev, "Self-hosting", 3)));
            assertEquals(CellType.FORMULA, cell(sh, "Self-hosting", 3).getCellType());
            assertEquals("0.00%", cell(sh, "Self-hosting", 3).getCellStyle().getDataFormatString());
            assertTrue(cell(sh, "Next 12 months, list", 1).getCellStyle().getDataFormatString().contains("#,##0.00"));
            // below our contracted: 1,054,150.02 − 660,480 = 393,670.02
            assertEquals("393670.02", cents(figure(sh, ev, "Self-hosting", 4)));
            assertTrue(sh.getPaneInformation().isFreezePane());
            assertEquals(2, sh.getPaneInformation().getHorizontalSplitPosition(), "the title rows stay on screen");
            assertEquals(1, sh.getPaneInformation().getVerticalSplitPosition(), "and the labels");

            // live: a 30 % discount reprices everything that depends on it
            cell(sh, "Contracted discount off list", 1).setCellValue(0.30);
            ev.clearAllCachedResultValues();
            assertEquals("899884.16", cents(figure(sh, ev, "Next 12 months, contracted", 1))); // 1,285,548.80 · 0.7
            assertEquals("0.4862", frac(figure(sh, ev, "Self-hosting", 3)), "the match is off list, not off contracted");
            // and no growth makes the factor 12: 95,850 · 12 = 1,150,200
            cell(sh, "Monthly volume growth", 1).setCellValue(0);
            ev.clearAllCachedResultValues();
            assertEquals("1150200.00", cents(figure(sh, ev, "Next 12 months, list", 1)));
        }
    }

    @Test
    void hostileNamesStayText() throws IOException {
        Path out = dir.resolve("hostile.xlsx");
        NegotiationBriefExport.xlsx(sample("=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")"), out);
        try (var book = WorkbookFactory.create(out.toFile())) {
            Sheet sh = book.getSheet(NegotiationBriefExport.SHEET);
            int found = 0;
            for (Row r : sh) {
                for (Cell c : r) {
                    if (c.getCellType() == CellType.STRING && c.getStringCellValue().contains("HYPERLINK")) {
                        found++;
                        assertTrue(!c.getStringCellValue().startsWith("="), c.getStringCellValue());
                    }
                    if (c.getCellType() == CellType.FORMULA) {
                        assertTrue(!c.getCellFormula().contains("HYPERLINK"), c.getCellFormula());
                    }
                }
            }
            assertTrue(found >= 2, "the model and the talking point naming the provider");
            // the model row: its name cell is the literal text with a leading apostrophe
            boolean modelText = false;
            for (Row r : sh) {
                Cell a = r.getCell(0);
                if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals("'=HYPERLINK(\"x\")")) {
                    modelText = true;
                    assertEquals(CellType.FORMULA, r.getCell(4).getCellType(), "the model row's figures are still formulas");
                    assertEquals("D" + (r.getRowNum() + 1) + "*(1-NegDiscount)", r.getCell(4).getCellFormula());
                    assertEquals(new CellReference(r.getRowNum(), 3).formatAsString() + "*NegFactor", r.getCell(5).getCellFormula());
                }
            }
            assertTrue(modelText);
        }
    }

    @Test
    void pdfCarriesTheProviderTheFiguresAndEveryAlternative() throws IOException {
        Path out = dir.resolve("brief.pdf");
        NegotiationBriefExport.pdf(sample("OpenAI", "GPT-5.5"), chart(), out);
        try (PDDocument d = Loader.loadPDF(out.toFile())) {
            assertEquals(1, d.getNumberOfPages(), "one page to take into the meeting");
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("Negotiation brief: OpenAI"), text);
            assertTrue(text.contains("$1,285,548.80"), text);
            assertTrue(text.contains("$1,054,150.02"), text);
            assertTrue(text.contains("$765,173.16"), text);
            assertTrue(text.contains("$78,597.00"), text);
            for (String alt : List.of("Claude Sonnet 4.6 (Anthropic)", "60 % of requests to GPT-5 Mini", "Neocloud 8×H200")) {
                assertTrue(text.contains(alt), alt + " in " + text);
            }
            assertTrue(text.contains("48.45 %") && text.contains("56.15 %") && text.contains("48.62 %"), text);
            assertTrue(text.contains("We can commit up to $765K."), text);
            assertTrue(d.getPage(0).getResources().getXObjectNames().iterator().hasNext(), "the chart is embedded");
        }
    }

    @Test
    void pdfWithStandardFontsSurvivesCharactersTheyCannotShow() throws IOException {
        Path out = dir.resolve("ascii.pdf");
        NegotiationBriefExport.pdf(sample("Zürich → 東京", "=HYPERLINK(\"x\")"), null, out, false);
        try (PDDocument d = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("Zürich -> ??"), text);
            assertTrue(text.contains("=HYPERLINK(\"x\")"), "a PDF prints the name as written");
        }
    }
}

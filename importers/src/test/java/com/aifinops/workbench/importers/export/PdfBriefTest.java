package com.aifinops.workbench.importers.export;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workload.Workload;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfBriefTest {
    @TempDir
    Path dir;

    /**
     * The sample's RAG agent: 10,000 users × 10 × 30 = 3,000,000 requests; GPT-5.5 per request
     * (1500·(5·0.5 + 0.5·0.5) + 750·30)/1e6 = 0.026625, × 3e6 × 1.20 = 95,850 exactly.
     */
    static PdfBrief.Brief sample(String workloadName, JFreeChart chart) {
        Workload w = new Workload(workloadName, new BigDecimal("10000"), new BigDecimal("10"), new BigDecimal("1500"),
                new BigDecimal("750"), new BigDecimal("0.50"), new BigDecimal("1.20"), 30, "gpt-5.5");
        List<PdfBrief.ModelCost> models = List.of(
                new PdfBrief.ModelCost("gpt-5.5", "GPT-5.5", "OpenAI", new BigDecimal("0.026625"), new BigDecimal("95850.000000")),
                // DeepSeek: (1500·(0.28·0.5 + 0.028·0.5) + 750·0.42)/1e6 = 0.000546; × 3.6e6 = 1,965.60
                new PdfBrief.ModelCost("deepseek-v3.2", "DeepSeek V3.2", "DeepSeek", new BigDecimal("0.000546"), new BigDecimal("1965.6")));
        // an unrounded amount ending in 5 at the third decimal: half-up prints .75 (half-even would print .74)
        List<PdfBrief.ScenarioCosts> scenarios = List.of(new PdfBrief.ScenarioCosts("Lean pipeline",
                List.of(new BigDecimal("83868.745"), new BigDecimal("1719.90"))));
        ModelPrice gpt = new ModelPrice("gpt-5.5", "GPT-5.5", "OpenAI", List.of(),
                new TokenPrices(new BigDecimal("5.00"), new BigDecimal("0.50"), new BigDecimal("30.00")), "industry article", "2026-06-20");
        ModelPrice ds = new ModelPrice("deepseek-v3.2", "DeepSeek V3.2", "DeepSeek", List.of(),
                new TokenPrices(new BigDecimal("0.28"), new BigDecimal("0.028"), new BigDecimal("0.42")), "pricing guide", "2026-04");
        return new PdfBrief.Brief("Sample: RAG support agent", LocalDate.of(2026, 12, 2),
                List.of(new PdfBrief.WorkloadBlock(w, models, scenarios, chart)),
                List.of(new Scenario("Lean pipeline", workloadName, null, new BigDecimal("1.05"))),
                List.of("Prices are list prices; no negotiated discounts applied."), List.of(gpt, ds));
    }

    static JFreeChart chart() {
        XYSeries s = new XYSeries("GPT-5.5");
        s.add(0, 108_000);
        s.add(100, 83_700);
        return ChartFactory.createXYLineChart(null, "Cache hit rate (%)", "Monthly cost", new XYSeriesCollection(s));
    }

    @Test
    void theBriefHasTheWorkloadItsCostsScenariosNotesAndPriceSources() throws Exception {
        Path out = dir.resolve("brief.pdf");
        PdfBrief.write(sample("RAG support agent", chart()), out);
        try (PDDocument d = Loader.loadPDF(out.toFile())) {
            assertTrue(d.getNumberOfPages() >= 1);
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("RAG support agent"), text);
            assertTrue(text.contains("$95,850.00"), text);
            assertTrue(text.contains("2 December 2026"), text);
            assertTrue(text.contains("Sample: RAG support agent"), text);
            assertTrue(text.contains("$0.026625"), "per-request cost to 6 decimals");
            assertTrue(text.contains("$1,965.60"), text);
            assertTrue(text.contains("$83,868.75"), "half-up to the cent: " + text);
            assertFalse(text.contains("$83,868.74"));
            // 95,850 × 12
            assertTrue(text.contains("$1,150,200.00 a year"), text);
            // (1,965.60 − 95,850) / 95,850 = −97.949 % → −97.9 %
            assertTrue(text.contains("97.9 %"), text);
            assertTrue(text.contains("Lean pipeline: overhead 1.05×"), text);
            assertTrue(text.contains("Prices are list prices; no negotiated discounts applied."), text);
            assertTrue(text.contains("industry article") && text.contains("2026-06-20") && text.contains("$0.028"), text);
            assertTrue(text.contains("Page 1 of " + d.getNumberOfPages()), text);
            assertEquals(1, images(d), "the chart is embedded");
            assertEquals("LLM spend brief: Sample: RAG support agent", d.getDocumentInformation().getTitle());
        }
    }

    @Test
    void standardFontsReplaceWhatWinAnsiCannotEncodeInsteadOfFailing() throws Exception {
        Path out = dir.resolve("ascii.pdf");
        PdfBrief.write(sample("Agent → 東京 ≥ 2", null), out, false);
        try (PDDocument d = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(d);
            // → and ≥ have ASCII look-alikes; the two CJK characters do not; × and · are in WinAnsi and stay
            assertTrue(text.contains("Agent -> ?? >= 2"), text);
            assertTrue(text.contains("1.20× overhead"), text);
            assertTrue(text.contains("$95,850.00"), text);
            assertEquals(0, images(d), "no chart given, none drawn");
        }
    }

    @Test
    void embeddedFontsKeepUnicodeTheyCover() throws Exception {
        Path out = dir.resolve("unicode.pdf");
        PdfBrief.write(sample("Agent → Zürich ≥ 2", null), out);
        try (PDDocument d = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(d);
            boolean dejavu = d.getPage(0).getResources().getFont(d.getPage(0).getResources().getFontNames().iterator().next())
                    .getName().contains("DejaVu");
            // with DejaVu (when the system has it) the arrow survives; with Helvetica it becomes "->"
            assertTrue(text.contains(dejavu ? "Agent → Zürich ≥ 2" : "Agent -> Zürich >= 2"), text);
        }
    }

    @Test
    void manyWorkloadsFlowOntoFurtherPagesWithTheirTablesAndFooters() throws Exception {
        PdfBrief.Brief one = sample("W", chart());
        PdfBrief.WorkloadBlock b = one.workloads().get(0);
        Workload w = b.workload();
        List<PdfBrief.WorkloadBlock> named = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            named.add(new PdfBrief.WorkloadBlock(new Workload("Workload number " + i, w.users(), w.requestsPerUserPerDay(),
                    w.inputTokens(), w.outputTokens(), w.cacheHitRate(), w.overhead(), w.daysPerMonth(), w.modelId()),
                    b.models(), b.scenarios(), chart()));
        }
        Path out = dir.resolve("long.pdf");
        PdfBrief.write(new PdfBrief.Brief("Long", one.date(), named, one.scenarios(), one.notes(), one.prices()), out);
        try (PDDocument d = Loader.loadPDF(out.toFile())) {
            int pages = d.getNumberOfPages();
            assertTrue(pages >= 4, "six charts of half a page each need at least four pages, got " + pages);
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(pages);
            last.setEndPage(pages);
            assertTrue(last.getText(d).contains("Page " + pages + " of " + pages));
            String all = new PDFTextStripper().getText(d);
            for (int i = 1; i <= 6; i++) {
                assertTrue(all.contains("Workload: Workload number " + i), "workload " + i);
            }
            assertEquals(6, images(d));
        }
    }

    private static int images(PDDocument d) throws IOException {
        int n = 0;
        for (var page : d.getPages()) {
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    n++;
                }
            }
        }
        return n;
    }
}

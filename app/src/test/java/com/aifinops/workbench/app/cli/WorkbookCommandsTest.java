package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.TestWorkbooks;
import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.workbook.Workbook;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbookCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void openJsonSummarisesWorkloadsScenariosNotesAndPrices() throws Exception {
        Path f = TestWorkbooks.sample(dir);
        CliRun r = CliRun.of("open", f.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("Sample: RAG support agent", j.get("name").asText());
        assertEquals(2, j.get("schemaVersion").asInt());
        JsonNode costs = j.get("workloads").get(0).get("monthlyCostUsd");
        // 3,000,000 req × 1.20 × (1500·(5·0.5+0.5·0.5) + 750·30)/1e6 = 95,850.00
        assertEquals("95850.00", costs.get("gpt-5.5").asText());
        // Sonnet 4.6: 3,600,000 × (1500·(3·0.5+0.3·0.5) + 750·15)/1e6 = 3,600,000 × 0.013725 = 49,410.00
        assertEquals("49410.00", costs.get("claude-sonnet-4.6").asText());
        assertEquals(4, costs.size());
        // Aggressive caching, h = 0.80: 3,600,000 × (1500·(5·0.2+0.5·0.8) + 22,500)/1e6 = 88,560.00
        assertEquals("88560.00", j.get("scenarios").get(0).get("monthlyCostUsd").get("RAG support agent").get("gpt-5.5").asText());
        // Lean pipeline, OVR 1.05: 3,000,000 × 1.05 × 0.026625 = 83,868.75
        assertEquals("83868.75", j.get("scenarios").get(1).get("monthlyCostUsd").get("RAG support agent").get("gpt-5.5").asText());
        assertEquals(2, j.get("notes").asInt());
        assertEquals(1, j.get("internalNotes").asInt());
        assertEquals(4, j.get("priceRows").size());
        assertEquals("0.025", j.get("priceRows").get(2).get("cachedInputPerMTok").asText());
    }

    @Test
    void openMigratesAVersion1FileWithoutChangingIt() throws Exception {
        Path f = TestWorkbooks.v1(dir);
        byte[] before = Files.readAllBytes(f);
        CliRun r = CliRun.of("open", f.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(1, j.get("fileSchemaVersion").asInt());
        assertEquals("95850.00", j.get("workloads").get(0).get("monthlyCostUsd").get("gpt-5.5").asText());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertTrue(CliRun.of("open", f.toString()).out().contains("migrated to 2 on open"));
    }

    @Test
    void newerOrDamagedFileFailsClearly() throws Exception {
        Path f = dir.resolve("new.afw.json");
        Files.writeString(f, "{\"format\":\"ai-finops-workbook\",\"schemaVersion\":3,\"name\":\"x\",\"workloads\":[]}");
        CliRun r = CliRun.of("open", f.toString(), "--json");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("newer version"), r.err());
        assertEquals(2, CliRun.of("open").status());
        assertEquals(2, CliRun.of("open", dir.resolve("missing.afw.json").toString()).status());
    }

    @Test
    void exportWritesExcelAndCsv() throws Exception {
        Path f = TestWorkbooks.sample(dir);
        Path x = dir.resolve("out.xlsx");
        Path csv = dir.resolve("csv");
        CliRun r = CliRun.of("export", f.toString(), "--xlsx", x.toString(), "--csv", csv.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.size(x) > 1000);
        String costs = Files.readString(csv.resolve("costs.csv"));
        assertTrue(costs.contains(",RAG support agent,gpt-5.5,GPT-5.5,3000000,0.026625,14850.00,81000.00,95850.00"), costs);
        assertTrue(Files.exists(csv.resolve("prices.csv")));
        assertEquals(2, CliRun.of("export", f.toString()).status(), "neither --xlsx nor --csv");
    }

    @Test
    void exportWritesAPdfBriefOfTheSample() throws Exception {
        Path f = TestWorkbooks.sample(dir);
        Path pdf = dir.resolve("brief.pdf");
        CliRun r = CliRun.of("export", f.toString(), "--pdf", pdf.toString(), "--date", "2026-12-02");
        assertEquals(0, r.status(), r.err());
        assertEquals("wrote " + pdf + System.lineSeparator(), r.out());
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertTrue(d.getNumberOfPages() >= 1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
            assertTrue(text.contains("RAG support agent"), text);
            // 3,000,000 req × 1.20 × (1500·(5·0.5+0.5·0.5) + 750·30)/1e6 = 95,850.00
            assertTrue(text.contains("$95,850.00"), text);
            // Aggressive caching, h = 0.80: 3,600,000 × (1500·(5·0.2+0.5·0.8) + 22,500)/1e6 = 88,560.00
            assertTrue(text.contains("Aggressive caching") && text.contains("$88,560.00"), text);
            // Sonnet 4.6: 3,600,000 × 0.013725 = 49,410.00
            assertTrue(text.contains("$49,410.00"), text);
            assertTrue(text.contains("2 December 2026"), text);
            assertTrue(text.contains("Prices are list prices; no negotiated discounts applied."), text);
            assertFalse(text.contains("budget ceiling"), "internal notes stay out of the brief");
            assertTrue(text.contains("industry article") && text.contains("pricing guide"), "price sources");
        }
    }

    @Test
    void exportWritesTheCostCurveAsSvg() throws Exception {
        Path f = TestWorkbooks.sample(dir);
        Path svg = dir.resolve("curve.svg");
        CliRun r = CliRun.of("export", f.toString(), "--svg", svg.toString());
        assertEquals(0, r.status(), r.err());
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        String content = doc.getDocumentElement().getTextContent();
        for (String series : new String[]{"GPT-5.5", "Claude Sonnet 4.6", "GPT-5 Mini", "DeepSeek V3.2", "50 % hit"}) {
            assertTrue(content.contains(series), series + " in " + content);
        }
    }

    @Test
    void exportPdfAndSvgExitCodes() throws Exception {
        Path f = TestWorkbooks.sample(dir);
        assertEquals(2, CliRun.of("export", f.toString(), "--date", "2026-12-02").status(), "--date without --pdf");
        CliRun badDate = CliRun.of("export", f.toString(), "--pdf", dir.resolve("x.pdf").toString(), "--date", "02/12/2026");
        assertEquals(2, badDate.status());
        assertTrue(badDate.err().contains("--date"), badDate.err());
        assertFalse(Files.exists(dir.resolve("x.pdf")), "a usage error writes nothing");
        assertEquals(2, CliRun.of("export", f.toString(), "--pdf").status(), "--pdf needs a value");
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        CliRun cannot = CliRun.of("export", f.toString(), "--svg", blocker.resolve("out.svg").toString());
        assertEquals(1, cannot.status(), "a directory that is a file: the work failed");
        assertTrue(cannot.err().contains("a-file"), cannot.err());
    }

    @Test
    void shareDropsInternalNotesAndPseudonymisesDimensions() throws Exception {
        Path f = dir.resolve("rich.afw.json");
        WorkbookJson.write(TestWorkbooks.richer(), f);
        Path out = dir.resolve("shared.afw.json");
        CliRun r = CliRun.of("share", f.toString(), "--redact", "user,api_key,customer", "--out", out.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode report = JSON.readTree(r.out());
        assertEquals(1, report.get("notesDropped").asInt());
        assertEquals(2, report.get("pseudonymised").get("user").asInt());
        Workbook shared = WorkbookJson.read(out);
        assertTrue(shared.notes().stream().noneMatch(n -> n.internal()));
        String text = Files.readString(out);
        assertFalse(text.contains("u-1001") || text.contains("Acme Corp") || text.contains("key-prod-1") || text.contains("budget ceiling"), text);
        assertEquals(shared.usageRollups().get(0).apiKey(), shared.usageRollups().get(1).apiKey());
        assertEquals(TestWorkbooks.richer().workloads(), shared.workloads());
        assertEquals(2, CliRun.of("share", f.toString(), "--redact", "ssn", "--out", out.toString()).status());
        assertEquals(2, CliRun.of("share", f.toString(), "--out", f.toString()).status(), "never overwrites the original");
    }
}

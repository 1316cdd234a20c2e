package com.aifinops.workbench.importers.usage.cloud;

import com.aifinops.workbench.importers.usage.ReaderFixtures;
import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.atLine;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.errors;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.sum;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GcpBillingReaderTest {
    private final GcpBillingReader reader = new GcpBillingReader();

    @Test
    void bigQueryCsvVertexRowsWithCreditsAndPricingUnits() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/gcp-billing/vertex-bq-export.csv");
        assertEquals(List.of(), errors(s));
        assertEquals(5, s.lines.size()); // Compute Engine and Cloud Storage skipped
        assertEquals(1_000_000 + 300_000, sum(s.lines, UsageLine::uncachedInputTokens));
        assertEquals(400_000, sum(s.lines, UsageLine::cacheReadTokens));
        // 250,000 (count) + 0.05 × "1 million count" = 50,000 (line 5, no usage.amount)
        assertEquals(250_000 + 50_000, sum(s.lines, UsageLine::outputTokens));
        assertEquals(50_000, sum(s.lines, UsageLine::reasoningTokens)); // the Thinking SKU
        // 0.3 + (0.625 − 0.125 credit) + 0.012 + 0.5 + 0.375 = 1.687
        assertEquals(0, new BigDecimal("1.687").compareTo(ReaderFixtures.billed(s.lines)));
        List<ImportProblem> w = warnings(s);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).message().startsWith("2 rows of other services"));
    }

    @Test
    void skuGivesModelClassTierAndBatch() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/gcp-billing/vertex-bq-export.csv");
        UsageLine in = atLine(s.lines, 2);
        assertEquals("gcp-vertex", in.provider());
        assertEquals("gemini 2.5 flash", in.model());
        assertEquals("short input", in.contextTierLabel());
        assertEquals(Instant.parse("2026-05-01T00:00:00Z"), in.start());   // "2026-05-01 00:00:00 UTC"
        assertEquals(Instant.parse("2026-05-02T00:00:00Z"), in.end());
        assertEquals("ai-prod", in.allocation().project());
        assertEquals("search", in.allocation().team());
        assertEquals("prod", in.allocation().environment());
        assertEquals(0, new BigDecimal("0.5").compareTo(atLine(s.lines, 3).billedCost()));
        assertEquals("Gemini 2.5 Pro", atLine(s.lines, 5).model());
        UsageLine batch = atLine(s.lines, 6);
        assertTrue(batch.batch());
        assertEquals("long input", batch.contextTierLabel());
        assertEquals("research", batch.allocation().team());
        assertFalse(in.batch());
    }

    @Test
    void consoleReportSkipsSummaryRowsAndReadsQuotedThousands() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/gcp-billing/vertex-console-report.csv");
        assertEquals(List.of(), errors(s));
        assertEquals(2, s.lines.size());
        assertEquals(100_000, sum(s.lines, UsageLine::uncachedInputTokens)); // "100,000" count
        assertEquals(20_000, sum(s.lines, UsageLine::outputTokens));
        assertEquals(0, new BigDecimal("0.08").compareTo(ReaderFixtures.billed(s.lines))); // 0.03 + 0.05
        assertEquals("USD", s.lines.get(0).currency());                          // from "Subtotal ($)"
        assertEquals(Instant.parse("2026-05-02T00:00:00Z"), s.lines.get(0).end()); // a day
        List<ImportProblem> w = warnings(s);
        assertEquals(1, w.size(), w.toString()); // Cloud Storage; Subtotal/Tax/Filtered total are silent
    }

    @Test
    void jsonLinesNestedExport() throws IOException {
        CollectingSink s = ReaderFixtures.read(reader, "usage/gcp-billing/vertex-bq-export.jsonl");
        assertEquals(List.of(), errors(s));
        assertEquals(2, s.lines.size());
        UsageLine vertex = s.lines.get(0);
        assertEquals(200_000, vertex.uncachedInputTokens());
        assertEquals(0, new BigDecimal("0.06").compareTo(vertex.billedCost()));
        assertEquals("search", vertex.allocation().team()); // resource label over the project label
        assertEquals(Instant.parse("2026-05-01T01:00:00Z"), vertex.end());
        UsageLine gemini = s.lines.get(1);
        assertEquals("gcp-gemini-api", gemini.provider());
        assertEquals("gemini-2.5-flash", gemini.model()); // goog-generativelanguage-model system label
        assertEquals(10_000, gemini.outputTokens());
        assertEquals(2, gemini.source().line());
        List<ImportProblem> w = warnings(s);
        assertEquals(1, w.size(), w.toString());
        assertEquals("x_custom", w.get(0).column());
        assertEquals(2, w.get(0).line());
    }

    @Test
    void malformedValuesNameLineAndColumn(@TempDir Path dir) throws IOException {
        Path csv = ReaderFixtures.write(dir, "bad.csv", "service.description,sku.description,usage_start_time,cost,usage.amount,usage.unit,labels,my_column\n"
                + "Vertex AI,Generate content input token count gemini 2.5 flash,2026-05-01 00:00:00 UTC,0.3,1000000,count,[],x\n"
                + "Vertex AI,Generate content input token count gemini 2.5 flash,2026-05-01 00:00:00 UTC,0.3,12x,count,[],x\n"
                + "Vertex AI,Generate content output token count gemini 2.5 flash,2026-05-01 00:00:00 UTC,zero,100,count,[],x\n"
                + "Vertex AI,Generate content output token count gemini 2.5 flash,2026-05-01 00:00:00 UTC,0.1,100,requests,[],x\n"
                + "Vertex AI,Generate content output token count gemini 2.5 flash,2026-05-01 00:00:00 UTC,0.1,100,count,{broken,x\n");
        CollectingSink s = ReaderFixtures.read(reader, csv);
        assertEquals(1, s.lines.size());
        List<ImportProblem> e = errors(s);
        assertEquals(4, e.size(), e.toString());
        assertEquals(List.of(3L, 4L, 5L, 6L), e.stream().map(ImportProblem::line).toList());
        assertEquals(List.of("usage.amount", "cost", "usage.unit", "labels"), e.stream().map(ImportProblem::column).toList());
        assertEquals("12x", e.get(0).value());
        assertEquals("my_column", warnings(s).get(0).column());

        Path jsonl = ReaderFixtures.write(dir, "bad.jsonl", "{\"service\":{\"description\":\"Vertex AI\"},\"sku\":{\"description\":\"Generate content output token count gemini 2.5 flash\"},\"usage_start_time\":\"2026-05-01T00:00:00Z\",\"cost\":0.1,\"usage\":{\"amount\":\"1e\",\"unit\":\"count\"}}\n"
                + "{not json\n");
        CollectingSink j = ReaderFixtures.read(reader, jsonl);
        List<ImportProblem> je = errors(j);
        assertEquals(2, je.size(), je.toString());
        assertEquals(1, je.get(0).line());
        assertEquals("usage.amount", je.get(0).column());
        assertEquals(2, je.get(1).line());
    }

    @Test
    void charactersPricedSkusKeepCostWithoutTokens(@TempDir Path dir) throws IOException {
        Path csv = ReaderFixtures.write(dir, "chars.csv", "service.description,sku.description,usage_start_time,cost,usage.amount,usage.unit\n"
                + "Vertex AI,Gemini 1.0 Pro Text Input - Predictions,2026-05-01 00:00:00 UTC,0.125,1000,characters\n");
        CollectingSink s = ReaderFixtures.read(reader, csv);
        assertEquals(0, s.lines.get(0).inputTokens());
        assertEquals(0, new BigDecimal("0.125").compareTo(s.lines.get(0).billedCost()));
        assertTrue(warnings(s).get(0).message().contains("per character"));
    }
}

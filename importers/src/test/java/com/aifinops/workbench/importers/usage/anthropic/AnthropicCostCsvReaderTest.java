package com.aifinops.workbench.importers.usage.anthropic;

import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.billed;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.fixture;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.read;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnthropicCostCsvReaderTest {
    private static final String FORMAT = "anthropic-cost-csv";
    private final AnthropicCostCsvReader reader = new AnthropicCostCsvReader();

    @Test
    void readsThe2024ShapeWithItsDollarAmounts() {
        CollectingSink sink = read(reader, fixture(FORMAT, "claude_api_cost_2024_12.csv"));

        assertEquals(List.of(), sink.problems);
        assertEquals(4, sink.lines.size());
        // 3.57 + 1.20 + 12.03 + 0.00 = 16.80 dollars (cost_usd is dollars, not cents)
        assertEquals(0, new BigDecimal("16.80").compareTo(billed(sink.lines)));
        UsageLine first = sink.lines.get(0);
        assertEquals(new BigDecimal("3.57"), first.billedCost());
        assertEquals("Claude 3.5 Sonnet 2024-10-22", first.model(), "display name kept for the catalogue");
        assertEquals("Stéphane", first.allocation().apiKey());
        assertNull(first.allocation().workspace(), "empty workspace cell");
        assertEquals("input_cache_write", first.allocation().tags().get("token_type"));
        assertEquals("message", first.allocation().tags().get("usage_type"));
        assertEquals(Instant.parse("2024-12-07T00:00:00Z"), first.start());
        assertEquals(Instant.parse("2024-12-08T00:00:00Z"), first.end());
        assertEquals(0, first.inputTokens() + first.outputTokens());
    }

    @Test
    void readsThe2026ShapeWithContextLabelsBatchAndWebSearch() {
        CollectingSink sink = read(reader, fixture(FORMAT, "claude_api_cost_2026_08.csv"));

        assertEquals(List.of(), sink.problems);
        assertEquals(4, sink.lines.size());
        // 0.10 + 4.87 + 0.05 + 1.50 = 6.52 (cost_usd, not list_price_usd 1.00 + 4.87 + 0.10 + 1.50)
        assertEquals(0, new BigDecimal("6.52").compareTo(billed(sink.lines)));
        assertEquals("≤ 200k", sink.lines.get(0).contextTierLabel());
        assertEquals("demo-key", sink.lines.get(0).allocation().apiKey());
        assertEquals("> 200k", sink.lines.get(1).contextTierLabel());
        assertEquals("Research", sink.lines.get(1).allocation().workspace());
        assertFalse(sink.lines.get(1).batch());
        assertTrue(sink.lines.get(2).batch(), "usage_type message_batch");
        UsageLine webSearch = sink.lines.get(3);
        assertEquals("", webSearch.model());
        assertEquals("web_search", webSearch.allocation().tags().get("cost_type"));
    }

    @Test
    void readsAMonthWhoseWorkspaceAndKeyColumnsWereDropped() {
        CollectingSink sink = read(reader, fixture(FORMAT, "claude_api_cost_2024_11.csv"));
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.lines.size());
        assertEquals(new BigDecimal("0.42"), sink.lines.get(0).billedCost());
        assertNull(sink.lines.get(0).allocation().workspace());
        assertNull(sink.lines.get(0).allocation().apiKey());
    }

    @Test
    void aMalformedCostIsAnErrorAtItsLineAndColumn(@TempDir Path dir) {
        Path file = write(dir, "claude_api_cost_bad.csv", """
                usage_date_utc,model,usage_type,token_type,cost_usd
                2024-11-30,Claude 3.5 Sonnet 2024-10-22,message,output,0.42
                2024-11-30,Claude 3.5 Sonnet 2024-10-22,message,input_no_cache,O.42
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(1, sink.lines.size());
        ImportProblem e = sink.errors().get(0);
        assertEquals("claude_api_cost_bad.csv", e.file());
        assertEquals(3, e.line());
        assertEquals("cost_usd", e.column());
        assertEquals("O.42", e.value());
    }

    @Test
    void anUnknownColumnIsOnlyAWarning(@TempDir Path dir) {
        Path file = write(dir, "claude_api_cost_new.csv", """
                usage_date_utc,model,usage_type,token_type,cost_usd,discount_reason
                2024-11-30,Claude 3.5 Sonnet 2024-10-22,message,output,0.42,promo
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.errors());
        assertEquals(List.of("discount_reason"), sink.warnings().stream().map(ImportProblem::column).toList());
        assertEquals(new BigDecimal("0.42"), sink.lines.get(0).billedCost());
    }
}

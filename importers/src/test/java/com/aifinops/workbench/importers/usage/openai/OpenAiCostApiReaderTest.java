package com.aifinops.workbench.importers.usage.openai;

import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.billed;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.fixture;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.read;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenAiCostApiReaderTest {
    private static final String FORMAT = "openai-cost-api";
    private final OpenAiCostApiReader reader = new OpenAiCostApiReader();

    @Test
    void amountValueIsDollarsNotCents() {
        CollectingSink sink = read(reader, fixture(FORMAT, "organization_costs_example_response.json"));

        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.lines.size());
        UsageLine l = sink.lines.get(0);
        assertEquals(new BigDecimal("0.06"), l.billedCost(), "$0.06, not $0.0006");
        assertEquals("USD", l.currency());
        assertEquals(Instant.parse("2024-11-01T00:00:00Z"), l.start());
        assertEquals(Instant.parse("2024-11-02T00:00:00Z"), l.end());
    }

    @Test
    void readsStringAndNumberAmountsExactlyAndSkipsEmptyBuckets() {
        CollectingSink sink = read(reader, fixture(FORMAT, "costs_pages.json"));

        assertEquals(List.of(), sink.problems);
        assertEquals(3, sink.lines.size());
        // "12.50" + 0.003835980000000000000000000000 + 7.25 = 19.753835980000000000000000000000 → $19.75
        assertEquals(0, new BigDecimal("19.75383598").compareTo(billed(sink.lines)));
        assertEquals(new BigDecimal("19.75"), billed(sink.lines).setScale(2, RoundingMode.HALF_UP));
        assertEquals(new BigDecimal("12.50"), sink.lines.get(0).billedCost(), "a string amount, as observed in 2026");
        assertEquals(new BigDecimal("0.003835980000000000000000000000"), sink.lines.get(1).billedCost());

        assertEquals("gpt-4o-2024-08-06", sink.lines.get(0).model());
        assertEquals("gpt-4o-2024-08-06, input", sink.lines.get(0).allocation().tags().get("line_item"));
        assertEquals("proj_a", sink.lines.get(0).allocation().project());
        assertEquals("", sink.lines.get(2).model());
        assertEquals("proj_b", sink.lines.get(2).allocation().project());
        assertEquals(Instant.parse("2026-09-30T00:00:00Z"), sink.lines.get(2).start());
        assertEquals(0, sink.lines.stream().mapToLong(UsageLine::inputTokens).sum());
    }

    @Test
    void aMalformedAmountIsAnErrorWithItsLineAndPath(@TempDir Path dir) {
        Path file = write(dir, "costs.json", """
                {"object": "page", "data": [{"object": "bucket", "start_time": 1730419200, "end_time": 1730505600,
                  "results": [
                    {"object": "organization.costs.result", "amount": {"value": "0.06", "currency": "usd"}},
                    {"object": "organization.costs.result", "amount": {"value": "twelve", "currency": "usd"}},
                    {"object": "organization.costs.result", "line_item": "no amount"}
                  ]}], "has_more": false}
                """);
        CollectingSink sink = read(reader, file);

        assertEquals(1, sink.lines.size());
        assertEquals(2, sink.errors().size());
        ImportProblem e = sink.errors().get(0);
        assertEquals(4, e.line());
        assertEquals("data[0].results[1].amount.value", e.column());
        assertEquals("twelve", e.value());
        assertTrue(e.message().startsWith("expected"), e.message());
        assertEquals("data[0].results[2].amount.value", sink.errors().get(1).column());
        assertEquals(5, sink.errors().get(1).line());
    }

    @Test
    void anUnknownFieldIsOnlyAWarning(@TempDir Path dir) {
        Path file = write(dir, "costs.json", """
                {"object": "page", "data": [{"object": "bucket", "start_time": 1730419200, "end_time": 1730505600,
                  "results": [{"object": "organization.costs.result", "amount": {"value": 1.5, "currency": "usd"},
                               "residency": "eu"}]}], "has_more": false}
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.errors());
        assertEquals(1, sink.warnings().size());
        assertEquals("data[0].results[0].residency", sink.warnings().get(0).column());
        assertEquals(new BigDecimal("1.5"), sink.lines.get(0).billedCost());
    }
}

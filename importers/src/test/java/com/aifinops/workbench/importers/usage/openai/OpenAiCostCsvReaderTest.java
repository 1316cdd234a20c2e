package com.aifinops.workbench.importers.usage.openai;

import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.model.Usd;
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
import static com.aifinops.workbench.importers.usage.ReaderFixtures.sum;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenAiCostCsvReaderTest {
    private static final String FORMAT = "openai-cost-csv";
    private final OpenAiCostCsvReader reader = new OpenAiCostCsvReader();

    @Test
    void keepsThirtyDecimalAmountsExactAndSkipsTheDayWithoutCost() {
        CollectingSink sink = read(reader, fixture(FORMAT, "cost_2026-09-28_2026-09-30.csv"));

        assertEquals(List.of(), sink.problems);
        assertEquals(3, sink.lines.size());
        assertEquals(List.of(2L, 3L, 5L), sink.lines.stream().map(l -> l.source().line()).toList());
        // 0.5 + 0.003835980000000000000000000000 + 12.250000000000000000000000000001 = 12.753835980000000000000000000001
        assertEquals(new BigDecimal("12.753835980000000000000000000001"), billed(sink.lines));
        assertEquals(new BigDecimal("12.75"), billed(sink.lines).setScale(2, RoundingMode.HALF_UP));
        assertEquals(new BigDecimal("0.003835980000000000000000000000"), sink.lines.get(1).billedCost());

        UsageLine first = sink.lines.get(0);
        assertEquals("gpt-5-nano", first.model(), "the model part of \"gpt-5-nano, input_tokens\"");
        assertEquals("gpt-5-nano, input_tokens", first.allocation().tags().get("line_item"));
        assertEquals("proj_a", first.allocation().project());
        assertEquals("key_1", first.allocation().apiKey());
        assertEquals("org-fixture", first.allocation().org());
        assertEquals("USD", first.currency());
        assertEquals(Instant.parse("2026-09-28T00:00:00Z"), first.start());
        assertEquals(Instant.parse("2026-09-29T00:00:00Z"), first.end());
        assertEquals("", sink.lines.get(2).model(), "\"Text tokens\" names no model");
        assertEquals("user-1", sink.lines.get(2).allocation().user());
        // cost lines carry no tokens, so importing the usage export too does not double the tokens
        assertEquals(0, sum(sink.lines, UsageLine::inputTokens) + sum(sink.lines, UsageLine::outputTokens));
    }

    @Test
    void readsTheTabSeparatedOctober2025Export() {
        CollectingSink sink = read(reader, fixture(FORMAT, "cost_2025-10-05_2025-10-10.tsv"));

        assertEquals(List.of(), sink.problems);
        assertEquals(2, sink.lines.size());
        // 0.8958740000000000 + 1.2041260000000000 = 2.1000000000000000
        assertEquals(0, new BigDecimal("2.10").compareTo(billed(sink.lines)));
        assertEquals("$2.10", Usd.format(billed(sink.lines)));
        assertEquals("org-Hp9mSGev2sVmtMeF2wrnSeOV", sink.lines.get(0).allocation().org());
        assertEquals(Instant.parse("2025-10-10T00:00:00Z"), sink.lines.get(1).start());
    }

    @Test
    void anEmptyWindowExportIsZeroLines(@TempDir Path dir) {
        Path file = write(dir, "cost_2025-10-08_2025-10-09.csv", """
                start_time,end_time,start_time_iso,end_time_iso
                1759881600,1759968000,2025-10-08T00:00:00+00:00,2025-10-09T00:00:00+00:00
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.lines);
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void aMalformedAmountIsAnErrorAtItsLineAndColumn(@TempDir Path dir) {
        Path file = write(dir, "cost_bad.csv", """
                start_time,end_time,amount_value,amount_currency,line_item,project_id
                1759622400,1759708800,0.25,usd,"gpt-4o, input",proj_a
                1759622400,1759708800,0.2.5,usd,"gpt-4o, output",proj_a
                """);
        CollectingSink sink = read(reader, file);

        assertEquals(1, sink.lines.size());
        ImportProblem e = sink.errors().get(0);
        assertEquals("cost_bad.csv", e.file());
        assertEquals(3, e.line());
        assertEquals("amount_value", e.column());
        assertEquals("0.2.5", e.value());
        assertTrue(e.message().startsWith("expected"), e.message());
    }

    @Test
    void anUnknownColumnIsOnlyAWarning(@TempDir Path dir) {
        Path file = write(dir, "cost_new.csv", """
                start_time,end_time,amount_value,amount_currency,line_item,project_id,region
                1759622400,1759708800,0.25,usd,"gpt-4o, input",proj_a,eu
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.errors());
        assertEquals(1, sink.warnings().size());
        assertEquals("region", sink.warnings().get(0).column());
        assertEquals(new BigDecimal("0.25"), sink.lines.get(0).billedCost());
        assertEquals("gpt-4o", sink.lines.get(0).model());
    }
}

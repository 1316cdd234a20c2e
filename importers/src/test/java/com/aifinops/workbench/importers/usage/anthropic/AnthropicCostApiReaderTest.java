package com.aifinops.workbench.importers.usage.anthropic;

import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnthropicCostApiReaderTest {
    private static final String FORMAT = "anthropic-cost-api";
    private final AnthropicCostApiReader reader = new AnthropicCostApiReader();

    @ParameterizedTest
    @CsvSource({"123.45,1.2345", "946.6,9.466", "83391.52823,833.9152823", "1000,10.00", "0.5,0.005"})
    void amountsAreCentsConvertedExactly(String cents, String dollars) {
        assertEquals(new BigDecimal(dollars), AnthropicCostApiReader.dollars(new BigDecimal(cents)));
    }

    @Test
    void readsTheGroupedReportInDollars() {
        CollectingSink sink = read(reader, fixture(FORMAT, "cost_report_grouped.json"));

        assertEquals(List.of(), sink.problems);
        assertEquals(4, sink.lines.size());
        // "946.6" + "83391.52823" + "123.45" + "1000" cents = 85461.57823 cents = $854.6157823 → $854.62
        assertEquals(new BigDecimal("854.6157823"), billed(sink.lines));
        assertEquals("$854.62", Usd.format(billed(sink.lines)));
        // the misread the pitfall warns of: "83391.52823" is $833.92, not $83,391.53
        assertEquals(new BigDecimal("833.9152823"), sink.lines.get(1).billedCost());

        UsageLine write5m = sink.lines.get(0);
        assertEquals(new BigDecimal("9.466"), write5m.billedCost());
        assertEquals("USD", write5m.currency());
        assertEquals("claude-sonnet-4-5-20250929", write5m.model());
        assertEquals("wrkspc_01WtfAtqQsV3zBDs9RYpNZdR", write5m.allocation().workspace());
        assertEquals("cache_creation.ephemeral_5m_input_tokens", write5m.allocation().tags().get("token_type"));
        assertEquals("≤ 200k", write5m.contextTierLabel());
        assertFalse(write5m.batch());
        assertEquals(Instant.parse("2026-08-05T00:00:00Z"), write5m.start());
        assertEquals(Instant.parse("2026-08-06T00:00:00Z"), write5m.end());

        UsageLine haiku = sink.lines.get(2);
        assertEquals("Claude Haiku 4.5", haiku.model(), "model null: the description's display name");
        assertTrue(haiku.batch());
        assertEquals(new BigDecimal("1.2345"), haiku.billedCost());
        UsageLine webSearch = sink.lines.get(3);
        assertEquals("", webSearch.model());
        assertEquals(0, new BigDecimal("10").compareTo(webSearch.billedCost()));
        assertEquals("web_search", webSearch.allocation().tags().get("cost_type"));
    }

    @Test
    void aNumericAmountIsCentsToo(@TempDir Path dir) {
        Path file = write(dir, "cost_report.json", """
                {"data":[{"starting_at":"2026-08-05T00:00:00Z","ending_at":"2026-08-06T00:00:00Z",
                  "results":[{"currency":"USD","amount":250,"cost_type":"tokens"}]}],"has_more":false}
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(0, new BigDecimal("2.50").compareTo(sink.lines.get(0).billedCost()));
    }

    @Test
    void aMalformedAmountIsAnErrorWithItsLineAndPath(@TempDir Path dir) {
        Path file = write(dir, "cost_report.json", """
                {"data":[{"starting_at":"2026-08-05T00:00:00Z","ending_at":"2026-08-06T00:00:00Z",
                  "results":[
                    {"currency":"USD","amount":"12.5","cost_type":"tokens"},
                    {"currency":"USD","amount":"12.3.4","cost_type":"tokens"}
                  ]}],"has_more":false}
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(1, sink.lines.size());
        ImportProblem e = sink.errors().get(0);
        assertEquals("cost_report.json", e.file());
        assertEquals(4, e.line());
        assertEquals("data[0].results[1].amount", e.column());
        assertEquals("12.3.4", e.value());
        assertTrue(e.message().startsWith("expected"), e.message());
    }

    @Test
    void anUnknownFieldIsOnlyAWarning(@TempDir Path dir) {
        Path file = write(dir, "cost_report.json", """
                {"data":[{"starting_at":"2026-08-05T00:00:00Z","ending_at":"2026-08-06T00:00:00Z",
                  "results":[{"currency":"USD","amount":"100","cost_type":"tokens","account_id":"acct_1"}]}],
                 "has_more":false}
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.errors());
        assertEquals(List.of("data[0].results[0].account_id"), sink.warnings().stream().map(ImportProblem::column).toList());
        assertEquals(0, BigDecimal.ONE.compareTo(sink.lines.get(0).billedCost()));
    }
}

package com.aifinops.workbench.importers.usage.anthropic;

import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.fixture;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.read;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.sum;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnthropicUsageApiReaderTest {
    private static final String FORMAT = "anthropic-usage-api";
    private final AnthropicUsageApiReader reader = new AnthropicUsageApiReader();

    @Test
    void readsTheRealUngroupedReport() {
        CollectingSink sink = read(reader, fixture(FORMAT, "usage_report_messages_2025-09-17.json"));

        assertEquals(List.of(), sink.errors());
        assertEquals(List.of("has_more"), sink.warnings().stream().map(ImportProblem::column).toList());
        assertEquals(1, sink.lines.size());
        UsageLine l = sink.lines.get(0);
        assertEquals(56_047_359, l.uncachedInputTokens());
        assertEquals(51_056_717, l.cacheReadTokens());
        assertEquals(2_777_906, l.cacheWrite5mTokens());
        assertEquals(0, l.cacheWrite1hTokens());
        assertEquals(2_724_851, l.outputTokens());
        // no total in the report: 56,047,359 + 51,056,717 + 2,777,906 + 0 = 109,881,982
        assertEquals(109_881_982, l.inputTokens());
        assertEquals(Instant.parse("2025-09-17T00:00:00Z"), l.start());
        assertEquals(Instant.parse("2025-09-18T00:00:00Z"), l.end());
        assertEquals("", l.model());
        assertNull(l.contextTierLabel());
        assertEquals(Allocation.NONE, l.allocation());
    }

    @Test
    void readsGroupedResultsSkippingTheEmptyBucket() {
        CollectingSink sink = read(reader, fixture(FORMAT, "usage_report_messages_grouped.json"));

        assertEquals(List.of(), sink.problems);
        assertEquals(3, sink.lines.size());
        // uncached 109,911 + 400,000 + 1,000,000; 5m 2,528; 1h 50,000; read 600,000; output 34,988 + 12,000 + 200,000
        assertEquals(1_509_911, sum(sink.lines, UsageLine::uncachedInputTokens));
        assertEquals(2_528, sum(sink.lines, UsageLine::cacheWrite5mTokens));
        assertEquals(50_000, sum(sink.lines, UsageLine::cacheWrite1hTokens));
        assertEquals(600_000, sum(sink.lines, UsageLine::cacheReadTokens));
        assertEquals(246_988, sum(sink.lines, UsageLine::outputTokens));

        UsageLine opus = sink.lines.get(0);
        assertEquals("claude-opus-5", opus.model());
        assertEquals("wrkspc_01WtfAtqQsV3zBDs9RYpNZdR", opus.allocation().workspace());
        assertEquals("apikey_01AAA", opus.allocation().apiKey());
        assertEquals("≤ 200k", opus.contextTierLabel(), "0-200k in the Console's wording");
        assertEquals("standard", opus.allocation().tags().get("service_tier"));
        assertFalse(opus.batch());

        UsageLine sonnet = sink.lines.get(1);
        assertEquals("> 200k", sonnet.contextTierLabel(), "200k-1M");
        assertNull(sonnet.allocation().workspace(), "null = Default workspace");

        UsageLine haiku = sink.lines.get(2);
        assertTrue(haiku.batch(), "service_tier batch");
        assertEquals(Instant.parse("2026-08-07T00:00:00Z"), haiku.start());
    }

    @Test
    void aMalformedCountIsAnErrorWithItsLineAndPath(@TempDir Path dir) {
        Path file = write(dir, "usage_report.json", """
                {"data": [{"starting_at": "2026-08-05T00:00:00Z", "ending_at": "2026-08-06T00:00:00Z",
                  "results": [
                    {"uncached_input_tokens": 10, "cache_read_input_tokens": 0, "output_tokens": 5},
                    {"uncached_input_tokens": 10, "cache_read_input_tokens": 0, "output_tokens": 5,
                     "cache_creation": {"ephemeral_5m_input_tokens": -3, "ephemeral_1h_input_tokens": 0}}
                  ]}], "has_more": false}
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(1, sink.lines.size());
        ImportProblem e = sink.errors().get(0);
        assertEquals(4, e.line());
        assertEquals("data[0].results[1].cache_creation.ephemeral_5m_input_tokens", e.column());
        assertEquals("-3", e.value());
        assertTrue(e.message().contains("non-negative"), e.message());
    }

    @Test
    void anUnknownFieldIsOnlyAWarning(@TempDir Path dir) {
        Path file = write(dir, "usage_report.json", """
                {"data": [{"starting_at": "2026-08-05T00:00:00Z", "ending_at": "2026-08-06T00:00:00Z",
                  "results": [{"uncached_input_tokens": 10, "cache_read_input_tokens": 0, "output_tokens": 5,
                     "cache_creation": {"ephemeral_5m_input_tokens": 1, "ephemeral_24h_input_tokens": 2}}]}],
                 "has_more": false}
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.errors());
        assertEquals(List.of("data[0].results[0].cache_creation.ephemeral_24h_input_tokens"),
                sink.warnings().stream().map(ImportProblem::column).toList());
        assertEquals(11, sink.lines.get(0).inputTokens());
    }

    @Test
    void emptyBucketsOnlyAreZeroLines(@TempDir Path dir) {
        Path file = write(dir, "usage_report.json", """
                {"data":[{"starting_at":"2026-08-05T00:00:00Z","ending_at":"2026-08-06T00:00:00Z","results":[]}],
                 "has_more":false,"next_page":null}
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.lines);
        assertEquals(List.of(), sink.problems);
    }
}

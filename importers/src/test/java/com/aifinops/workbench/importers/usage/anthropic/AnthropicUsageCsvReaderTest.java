package com.aifinops.workbench.importers.usage.anthropic;

import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.fixture;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.read;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.sum;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnthropicUsageCsvReaderTest {
    private static final String FORMAT = "anthropic-usage-csv";
    private static final String HEADER = "usage_date_utc,model_version,api_key,workspace,usage_type,context_window,"
            + "usage_input_tokens_no_cache,usage_input_tokens_cache_write_5m,usage_input_tokens_cache_write_1h,"
            + "usage_input_tokens_cache_read,usage_output_tokens,web_search_count,inference_geo,speed";
    private final AnthropicUsageCsvReader reader = new AnthropicUsageCsvReader();

    @Test
    void readsTheDailyExportWithContextLabelsAndNonAsciiNames() {
        CollectingSink sink = read(reader, fixture(FORMAT, "claude_api_tokens_2026_08.csv"));

        assertEquals(List.of(), sink.problems);
        assertEquals(3, sink.lines.size(), "line 5 has no tokens");
        // uncached 46981 + 250000 + 100000; writes 5m 15969 + 1000, 1h 2000; read 300000; output 16932 + 5000 + 20000
        assertEquals(396_981, sum(sink.lines, UsageLine::uncachedInputTokens));
        assertEquals(16_969, sum(sink.lines, UsageLine::cacheWrite5mTokens));
        assertEquals(2_000, sum(sink.lines, UsageLine::cacheWrite1hTokens));
        assertEquals(300_000, sum(sink.lines, UsageLine::cacheReadTokens));
        assertEquals(41_932, sum(sink.lines, UsageLine::outputTokens));
        assertEquals(0, sum(sink.lines, UsageLine::requests), "the Console export has no request counts");

        UsageLine opus = sink.lines.get(0);
        assertEquals("anthropic", opus.provider());
        assertEquals("claude-opus-5", opus.model());
        assertEquals(Instant.parse("2026-08-05T00:00:00Z"), opus.start());
        assertEquals(Instant.parse("2026-08-06T00:00:00Z"), opus.end());
        assertEquals("≤ 200k", opus.contextTierLabel());
        assertEquals("Closer App", opus.allocation().apiKey());
        assertEquals("Default", opus.allocation().workspace());
        assertEquals(Map.of("usage_type", "standard", "inference_geo", "global"), opus.allocation().tags());
        assertFalse(opus.batch());
        assertEquals(2, opus.source().line());

        UsageLine longContext = sink.lines.get(1);
        assertEquals("> 200k", longContext.contextTierLabel());
        assertEquals("Stéphane", longContext.allocation().apiKey());
        assertEquals("fast", longContext.allocation().tags().get("speed"));
        assertTrue(sink.lines.get(2).batch());
    }

    @Test
    void anHourlyExportHasHourBuckets() {
        CollectingSink sink = read(reader, fixture(FORMAT, "claude_api_tokens_2026_03_31.csv"));

        assertEquals(List.of(), sink.problems);
        assertEquals(2, sink.lines.size());
        assertEquals(Instant.parse("2026-03-31T02:00:00Z"), sink.lines.get(0).start());
        assertEquals(Instant.parse("2026-03-31T03:00:00Z"), sink.lines.get(0).end());
        // 1124832 + 1000 uncached; 254558 + 200 output
        assertEquals(1_125_832, sum(sink.lines, UsageLine::uncachedInputTokens));
        assertEquals(254_758, sum(sink.lines, UsageLine::outputTokens));
        assertEquals(500, sum(sink.lines, UsageLine::cacheReadTokens));
    }

    @Test
    void readsTheMid2025ShapeWithoutContextColumns() {
        CollectingSink sink = read(reader, fixture(FORMAT, "claude_api_tokens_2025_06.csv"));
        assertEquals(List.of(), sink.problems);
        UsageLine l = sink.lines.get(0);
        assertEquals(5_000 + 100 + 2_000, l.inputTokens());
        assertEquals(1_500, l.outputTokens());
        assertNull(l.contextTierLabel());
    }

    @Test
    void malformedValuesAreErrorsAtTheirLineAndColumn(@TempDir Path dir) {
        Path file = write(dir, "claude_api_tokens_bad.csv", HEADER + "\n"
                + "2026-08-05,claude-opus-5,k,Default,standard,≤ 200k,100,0,0,0,1.5,0,global,\n"
                + "31/08/2026,claude-opus-5,k,Default,standard,≤ 200k,100,0,0,0,10,0,global,\n"
                + "2026-08-05,claude-opus-5,k,Default,standard,≤ 200k,100,0,0,0,10,0,global,\n");
        CollectingSink sink = read(reader, file);

        assertEquals(1, sink.lines.size());
        assertEquals(4, sink.lines.get(0).source().line());
        List<ImportProblem> errors = sink.errors();
        assertEquals(2, errors.size());
        assertEquals(2, errors.get(0).line());
        assertEquals("usage_output_tokens", errors.get(0).column());
        assertEquals("1.5", errors.get(0).value());
        assertTrue(errors.get(0).message().contains("whole number"));
        assertEquals(3, errors.get(1).line());
        assertEquals("usage_date_utc", errors.get(1).column());
        assertEquals("31/08/2026", errors.get(1).value());
    }

    @Test
    void anUnknownColumnIsOnlyAWarning(@TempDir Path dir) {
        Path file = write(dir, "claude_api_tokens_new.csv", HEADER + ",usage_input_tokens_cache_write_24h\n"
                + "2026-08-05,claude-opus-5,k,Default,standard,≤ 200k,100,0,0,0,10,0,global,,5\n");
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.errors());
        assertEquals(List.of("usage_input_tokens_cache_write_24h"),
                sink.warnings().stream().map(ImportProblem::column).toList());
        assertEquals(100, sink.lines.get(0).inputTokens());
    }

    @Test
    void aMonthWithoutUsageIsZeroLines(@TempDir Path dir) {
        Path file = write(dir, "claude_api_tokens_empty.csv", HEADER + "\n"
                + "2026-08-01,,,,,,,,,,,,,\n");
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.lines);
        assertEquals(List.of(), sink.problems);
    }
}

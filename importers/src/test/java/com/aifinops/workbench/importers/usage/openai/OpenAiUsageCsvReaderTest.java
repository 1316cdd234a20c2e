package com.aifinops.workbench.importers.usage.openai;

import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.SourceRef;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
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

class OpenAiUsageCsvReaderTest {
    private static final String FORMAT = "openai-usage-csv";
    private final OpenAiUsageCsvReader reader = new OpenAiUsageCsvReader();

    @Test
    void readsTheOctober2025ExportAndSkipsTheEmptyDay() throws Exception {
        Path file = fixture(FORMAT, "completions_usage_2025-10-05_2025-10-07.csv");
        CollectingSink sink = read(reader, file);

        assertEquals(List.of(), sink.problems);
        assertEquals(3, sink.lines.size(), "line 4 is an empty period");
        // requests 10 + 4 + 3; uncached 53440 + 120000 + 600; cached 5760 + 0 + 400; output 10646 + 30000 + 200
        assertEquals(17, sum(sink.lines, UsageLine::requests));
        assertEquals(174_040, sum(sink.lines, UsageLine::uncachedInputTokens));
        assertEquals(6_160, sum(sink.lines, UsageLine::cacheReadTokens));
        assertEquals(40_846, sum(sink.lines, UsageLine::outputTokens));
        assertEquals(0, sum(sink.lines, UsageLine::cacheWrite5mTokens));

        UsageLine gpt4o = sink.lines.get(0);
        // input_tokens 59200 includes the 5760 cached: 59200 − 5760 = 53440 uncached
        assertEquals(53_440, gpt4o.uncachedInputTokens());
        assertEquals(59_200, gpt4o.inputTokens());
        assertEquals(Instant.parse("2025-10-05T00:00:00Z"), gpt4o.start());
        assertEquals(Instant.parse("2025-10-06T00:00:00Z"), gpt4o.end());
        assertEquals("openai", gpt4o.provider());
        assertEquals("gpt-4o-2024-08-06", gpt4o.model());
        assertEquals("proj_4BhFixtureA", gpt4o.allocation().project());
        assertEquals("user-dAUFixture", gpt4o.allocation().user());
        assertEquals("key_OYRZFixture", gpt4o.allocation().apiKey());
        assertEquals(Map.of("service_tier", "default"), gpt4o.allocation().tags());
        assertFalse(gpt4o.batch());
        assertNull(gpt4o.billedCost());
        assertEquals(new SourceRef(file.getFileName().toString(), 2), gpt4o.source());

        assertTrue(sink.lines.get(1).batch(), "True in the batch column");
        assertNull(sink.lines.get(1).allocation().user());
        UsageLine flex = sink.lines.get(2);
        assertFalse(flex.batch(), "FALSE from a spreadsheet round-trip");
        assertEquals(5, flex.source().line());
        assertEquals("flex", flex.allocation().tags().get("service_tier"));
    }

    @Test
    void readsATabSeparatedMinuteExportWithCacheWritesAndNoOffset() {
        CollectingSink sink = read(reader, fixture(FORMAT, "completions_usage_2026-09-28_2026-09-28.tsv"));

        assertEquals(List.of(), sink.problems);
        assertEquals(2, sink.lines.size());
        // row 1 states uncached 500 (1000 = 400 cached + 100 write + 500); row 2 has none: 2500 − 500 − 0 = 2000
        assertEquals(500, sink.lines.get(0).uncachedInputTokens());
        assertEquals(100, sink.lines.get(0).cacheWrite5mTokens());
        assertEquals(2_000, sink.lines.get(1).uncachedInputTokens());
        assertEquals(2_500, sum(sink.lines, UsageLine::uncachedInputTokens));
        assertEquals(900, sum(sink.lines, UsageLine::cacheReadTokens));
        assertEquals(800, sum(sink.lines, UsageLine::outputTokens));
        assertEquals(3, sum(sink.lines, UsageLine::requests));
        // *_iso without offset and Unix seconds agree: UTC, one-minute bucket
        assertEquals(Instant.parse("2026-09-28T00:00:00Z"), sink.lines.get(1).start());
        assertEquals(Instant.parse("2026-09-28T00:01:00Z"), sink.lines.get(1).end());
        assertTrue(sink.lines.get(1).batch());
    }

    @Test
    void anEmptyWindowExportIsZeroLinesNotAnError() {
        CollectingSink sink = read(reader, fixture(FORMAT, "completions_usage_2025-10-08_2025-10-09.csv"));
        assertEquals(List.of(), sink.lines);
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void aMalformedCountIsAnErrorAtItsLineAndColumnAndOnlyThatRowIsDropped(@TempDir Path dir) {
        Path file = write(dir, "completions_usage_bad.csv", """
                start_time,end_time,model,num_model_requests,input_tokens,output_tokens,input_cached_tokens
                1759622400,1759708800,gpt-4o,1.0,100.0,10.0,0.0
                1759622400,1759708800,gpt-4o,1.0,1x00,10.0,0.0
                1759622400,1759708800,gpt-4o,2.5,100.0,10.0,0.0
                1759622400,1759708800,gpt-4o,1.0,100.0,10.0,0.0
                """);
        CollectingSink sink = read(reader, file);

        assertEquals(2, sink.lines.size());
        assertEquals(List.of(2L, 5L), sink.lines.stream().map(l -> l.source().line()).toList());
        List<ImportProblem> errors = sink.errors();
        assertEquals(2, errors.size());
        ImportProblem bad = errors.get(0);
        assertEquals("completions_usage_bad.csv", bad.file());
        assertEquals(3, bad.line());
        assertEquals("input_tokens", bad.column());
        assertEquals("1x00", bad.value());
        assertTrue(bad.message().contains("whole number"), bad.message());
        assertEquals(4, errors.get(1).line());
        assertEquals("num_model_requests", errors.get(1).column());
        assertEquals("2.5", errors.get(1).value());
    }

    @Test
    void cachedAboveInputIsAnError(@TempDir Path dir) {
        Path file = write(dir, "completions_usage_x.csv", """
                start_time,end_time,model,num_model_requests,input_tokens,output_tokens,input_cached_tokens
                1759622400,1759708800,gpt-4o,1.0,100.0,10.0,400.0
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.lines);
        assertEquals(1, sink.errors().size());
        assertEquals("input_tokens", sink.errors().get(0).column());
        assertEquals(2, sink.errors().get(0).line());
    }

    @Test
    void anUnknownColumnIsOnlyAWarning(@TempDir Path dir) throws Exception {
        Path original = fixture(FORMAT, "completions_usage_2025-10-05_2025-10-07.csv");
        List<String> rows = Files.readAllLines(original);
        StringBuilder text = new StringBuilder(rows.get(0)).append(",input_video_tokens\n");
        rows.stream().skip(1).forEach(r -> text.append(r).append(",7.0\n"));
        CollectingSink sink = read(reader, write(dir, "completions_usage_new.csv", text.toString()));

        assertEquals(List.of(), sink.errors());
        assertEquals(1, sink.warnings().size());
        assertEquals("input_video_tokens", sink.warnings().get(0).column());
        assertEquals(1, sink.warnings().get(0).line());
        assertEquals(3, sink.lines.size());
        assertEquals(174_040, sum(sink.lines, UsageLine::uncachedInputTokens));
    }
}

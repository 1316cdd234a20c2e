package com.aifinops.workbench.importers.usage.openai;

import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.model.usage.Allocation;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenAiUsageApiReaderTest {
    private static final String FORMAT = "openai-usage-api";
    private final OpenAiUsageApiReader reader = new OpenAiUsageApiReader();

    @Test
    void readsTheSpecExamplePageAndWarnsThatMorePagesExist() {
        CollectingSink sink = read(reader, fixture(FORMAT, "organization_usage_completions_example_response.json"));

        assertEquals(1, sink.lines.size());
        UsageLine l = sink.lines.get(0);
        // spec invariant: input 1000 = cached 400 + cache write 100 + uncached 500; modality breakdown not added
        assertEquals(500, l.uncachedInputTokens());
        assertEquals(400, l.cacheReadTokens());
        assertEquals(100, l.cacheWrite5mTokens());
        assertEquals(1000, l.inputTokens());
        assertEquals(500, l.outputTokens());
        assertEquals(5, l.requests());
        assertEquals(Instant.parse("2024-11-01T00:00:00Z"), l.start());
        assertEquals(Instant.parse("2024-11-02T00:00:00Z"), l.end());
        assertEquals("", l.model());
        assertEquals(new Allocation(null, null, null, null, null, null, null, null, null, null, Map.of("endpoint", "completions")),
                l.allocation(), "nothing grouped: every dimension null; the endpoint the page came from as a tag");
        assertEquals(List.of(), sink.errors());
        assertEquals(List.of("has_more"), sink.warnings().stream().map(ImportProblem::column).toList());
    }

    @Test
    void embeddingsAreInputOnlyLinesAndImagesAreSkippedWithAWarning() {
        CollectingSink embeddings = read(reader, fixture(FORMAT, "organization_usage_embeddings_example_response.json"));
        assertEquals(List.of(), embeddings.problems);
        assertEquals(1, embeddings.lines.size());
        assertEquals(16, embeddings.lines.get(0).uncachedInputTokens());
        assertEquals(0, embeddings.lines.get(0).outputTokens());
        assertEquals(2, embeddings.lines.get(0).requests());

        CollectingSink images = read(reader, fixture(FORMAT, "organization_usage_images_example_response.json"));
        assertEquals(List.of(), images.lines);
        assertEquals(List.of(), images.errors());
        assertEquals(1, images.warnings().size());
        assertTrue(images.warnings().get(0).message().contains("organization.usage.images.result"));
    }

    @Test
    void readsAnArrayOfPagesSkippingEmptyBuckets() {
        CollectingSink sink = read(reader, fixture(FORMAT, "usage_completions_pages.json"));

        assertEquals(List.of(), sink.problems, "the last page says has_more=false; parts add up");
        assertEquals(3, sink.lines.size());
        // uncached 5,000,000 + 1,000 + (8,000 − 3,000) = 5,006,000
        assertEquals(5_006_000, sum(sink.lines, UsageLine::uncachedInputTokens));
        // cached 9,000,000 + 200 + 3,000; cache write 350,791; output 96,969 + 300 + 2,000; requests 270 + 10 + 4
        assertEquals(9_003_200, sum(sink.lines, UsageLine::cacheReadTokens));
        assertEquals(350_791, sum(sink.lines, UsageLine::cacheWrite5mTokens));
        assertEquals(99_269, sum(sink.lines, UsageLine::outputTokens));
        assertEquals(284, sum(sink.lines, UsageLine::requests));

        UsageLine first = sink.lines.get(0);
        assertEquals(14_350_791, first.inputTokens());
        assertEquals("gpt-5-2025-08-07", first.model());
        assertEquals("proj_a", first.allocation().project());
        assertEquals("key_1", first.allocation().apiKey());
        assertEquals("default", first.allocation().tags().get("service_tier"));
        assertEquals(10, first.source().line(), "the line the result object starts on");
        assertFalse(first.batch());

        UsageLine strings = sink.lines.get(1);
        assertEquals(1_000, strings.uncachedInputTokens(), "\"1200\" and 200.0 read as counts");
        assertEquals(10, strings.requests());
        assertEquals("user-abc", strings.allocation().user());

        UsageLine audio = sink.lines.get(2);
        assertTrue(audio.batch());
        assertEquals(Instant.parse("2026-09-30T00:00:00Z"), audio.start());
        assertEquals(Instant.parse("2026-09-30T01:00:00Z"), audio.end());
        assertEquals(8_000, audio.inputTokens(), "audio tokens are inside input_tokens, not added");
    }

    @Test
    void aMalformedValueIsAnErrorWithItsLineAndJsonPath(@TempDir Path dir) {
        Path file = write(dir, "usage.json", """
                {"object": "page", "data": [
                  {"object": "bucket", "start_time": 1730419200, "end_time": 1730505600, "results": [
                    {"object": "organization.usage.completions.result", "input_tokens": 10, "output_tokens": 5, "num_model_requests": 1},
                    {"object": "organization.usage.completions.result", "input_tokens": 10,
                     "output_tokens": "5x", "num_model_requests": 1}
                  ]}
                ], "has_more": false}
                """);
        CollectingSink sink = read(reader, file);

        assertEquals(1, sink.lines.size());
        ImportProblem e = sink.errors().get(0);
        assertEquals("usage.json", e.file());
        assertEquals(4, e.line());
        assertEquals("data[0].results[1].output_tokens", e.column());
        assertEquals("5x", e.value());
        assertTrue(e.message().contains("whole number"), e.message());
    }

    @Test
    void truncatedJsonIsAnErrorNotAnException(@TempDir Path dir) {
        Path file = write(dir, "cut.json", """
                {"object": "page", "data": [
                  {"object": "bucket", "start_time": 1730419200, "end_time": 1730505600, "results": [
                    {"object": "organization.usage.completions.result", "input_tokens": 10, "output_tokens": 5, "num_model_requests": 1},
                    {"object": "organization.usage.completions.result", "input_tok""");
        CollectingSink sink = read(reader, file);
        assertEquals(1, sink.errors().size());
        assertTrue(sink.errors().get(0).message().startsWith("malformed JSON"), sink.errors().get(0).message());
        assertEquals(4, sink.errors().get(0).line());
    }

    @Test
    void anUnknownFieldIsOnlyAWarningOncePerFile(@TempDir Path dir) {
        Path file = write(dir, "usage.json", """
                {"object": "page", "data": [
                  {"object": "bucket", "start_time": 1730419200, "end_time": 1730505600, "results": [
                    {"object": "organization.usage.completions.result", "input_tokens": 10, "output_tokens": 5,
                     "num_model_requests": 1, "input_video_tokens": 3},
                    {"object": "organization.usage.completions.result", "input_tokens": 20, "output_tokens": 5,
                     "num_model_requests": 1, "input_video_tokens": 3}
                  ]}
                ], "has_more": false}
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.errors());
        assertEquals(1, sink.warnings().size());
        assertEquals("data[0].results[0].input_video_tokens", sink.warnings().get(0).column());
        assertEquals(30, sum(sink.lines, UsageLine::uncachedInputTokens));
    }

    @Test
    void aPageOfOnlyEmptyBucketsIsZeroLines(@TempDir Path dir) {
        Path file = write(dir, "usage.json", """
                {"object":"page","data":[{"object":"bucket","start_time":1730419200,"end_time":1730505600,"results":[]}],
                 "has_more":false,"next_page":null}
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.lines);
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void aBareResultObjectIsNotAPageAndSaysSo() {
        CollectingSink sink = read(reader, fixture(FORMAT, "UsageCompletionsResult_object_example.json"));
        assertEquals(List.of(), sink.lines);
        assertEquals(List.of(), sink.errors());
        assertEquals(List.of("data"), sink.warnings().stream().map(ImportProblem::column).toList());
    }
}

package com.aifinops.workbench.importers.usage.otel;

import com.aifinops.workbench.importers.usage.ReaderFixtures;
import com.aifinops.workbench.importers.usage.ReaderFixtures.CollectingSink;
import com.aifinops.workbench.importers.usage.UsageReaders;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.sum;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.fixture;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.read;
import static com.aifinops.workbench.importers.usage.ReaderFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtelGenAiReaderTest {
    private static final String FORMAT = "otel";
    private final OtelGenAiReader reader = new OtelGenAiReader();



    @ParameterizedTest
    @ValueSource(strings = {"genai_spans.otlp.json", "genai_spans.otlp.jsonl"})
    void everyGenAiSpanIsOneRequestWithCacheTakenOutOfInput(String name) throws IOException {
        CollectingSink sink = read(reader, fixture(FORMAT, name));
        List<UsageLine> lines = sink.lines;
        assertEquals(List.of(), sink.errors());
        // Six spans, one of them a plain HTTP span without gen_ai.usage.*: five requests.
        assertEquals(5, lines.size());
        assertEquals(5, sum(lines, UsageLine::requests));
        // Uncached: (1200−400) + (5000−1000) + (10000−6000−2000) + 700 + 100 = 800 + 4000 + 2000 + 700 + 100 = 7,600
        assertEquals(7_600, sum(lines, UsageLine::uncachedInputTokens));
        // Cache read: 400 + 1000 (older gen_ai.usage.cached_tokens) + 6000 + 500 = 7,900; creation 2,000 (5 m).
        assertEquals(7_900, sum(lines, UsageLine::cacheReadTokens));
        assertEquals(2_000, sum(lines, UsageLine::cacheWrite5mTokens));
        // Output: 300 + 2000 + 800 + 90 + 50 = 3,240, of which reasoning 1,500.
        assertEquals(3_240, sum(lines, UsageLine::outputTokens));
        assertEquals(1_500, sum(lines, UsageLine::reasoningTokens));
        // Prompt per request is the whole input: 1200, 5000, 10000, 700, 100 + 500.
        assertEquals(List.of(1200L, 5000L, 10000L, 700L, 600L), lines.stream().map(UsageLine::promptTokensPerRequest).toList());
        // The haiku span's cache exceeds its input: read as Anthropic's convention, with a warning.
        assertEquals(1, sink.warnings().size());
        assertTrue(lines.stream().allMatch(l -> l.billedCost() == null));
    }

    @Test
    void spanFieldsMapToTheLine() throws IOException {
        List<UsageLine> lines = read(reader, fixture(FORMAT, "genai_spans.otlp.json")).lines;
        UsageLine a = lines.get(0);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), a.start());
        assertEquals(Instant.parse("2026-01-01T00:00:01.500Z"), a.end());
        assertEquals("openai", a.provider());
        assertEquals("gpt-4o-2024-08-06", a.model());                       // response model preferred
        assertEquals("gpt-4o", a.allocation().tags().get("gen_ai.request.model"));
        assertEquals("triage-bot", a.allocation().agent());
        assertEquals("u-42", a.allocation().user());
        assertEquals("support", a.allocation().team());                      // resource app.team
        assertEquals("prod", a.allocation().environment());                  // deployment.environment.name
        assertEquals("support-bot", a.allocation().tags().get("service.name"));
        assertEquals("conv-1", a.allocation().tags().get("gen_ai.conversation.id"));
        assertEquals(39, a.source().line());                                 // the span object's line in the file

        UsageLine c = lines.get(1);
        assertEquals("openai", c.provider());                                // from deprecated gen_ai.system
        assertEquals("o4-mini-2025-04-16", c.model());
        assertEquals(133, c.source().line());

        UsageLine d = lines.get(2);
        assertEquals("anthropic", d.provider());
        assertEquals("claude-sonnet-4-5", d.model());                        // request model when no response model
        assertEquals("agent-7", d.allocation().agent());                      // gen_ai.agent.id without a name
        assertEquals("initech", d.allocation().customer());                   // resource tenant.id
        assertEquals("research-agent", d.allocation().tags().get("service.name"));
        assertEquals("aws.bedrock", lines.get(3).provider());
        assertEquals(325, lines.get(4).source().line());
    }

    @Test
    void jsonLinesNameTheLineOfEachExport() throws IOException {
        List<UsageLine> lines = read(reader, fixture(FORMAT, "genai_spans.otlp.jsonl")).lines;
        assertEquals(List.of(1L, 1L, 2L, 2L, 2L), lines.stream().map(l -> l.source().line()).toList());
    }

    @Test
    void aSpanThatEndedInErrorCarriesTheStatusTag(@TempDir Path dir) throws IOException {
        String tokens = "{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"10\"}}";
        Path file = write(dir, "status.jsonl", String.join("\n",
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"startTimeUnixNano\":\"1767225600000000000\",\"status\":{\"code\":2},\"attributes\":[" + tokens + "]}]}]}]}",
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"startTimeUnixNano\":\"1767225600000000000\",\"attributes\":[" + tokens
                        + ",{\"key\":\"error.type\",\"value\":{\"stringValue\":\"Timeout\"}}]}]}]}]}",
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"startTimeUnixNano\":\"1767225600000000000\",\"status\":{\"code\":\"STATUS_CODE_OK\"},\"attributes\":[" + tokens + "]}]}]}]}",
                ""));
        CollectingSink sink = read(reader, file);
        assertEquals(List.of(), sink.errors());
        assertEquals(java.util.Arrays.asList("error", "timeout", null),
                sink.lines.stream().map(l -> l.allocation().tags().get("status")).toList());
    }

    @Test
    void malformedTokenCountIsAnErrorWithLineAndAttribute(@TempDir Path dir) throws IOException {
        Path file = write(dir, "bad.jsonl", """
                {"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"spans":[{"startTimeUnixNano":"1767225600000000000","attributes":[{"key":"gen_ai.usage.input_tokens","value":{"intValue":"10"}}]}]}]}]}
                {"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"spans":[{"startTimeUnixNano":"1767225600000000000","attributes":[{"key":"gen_ai.usage.output_tokens","value":{"intValue":"12x"}}]}]}]}]}
                {"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":"soon","attributes":[{"key":"gen_ai.usage.input_tokens","value":{"intValue":5}}]}]}]}]}
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(1, sink.lines.size());
        assertEquals(10, sink.lines.get(0).uncachedInputTokens());
        assertNull(sink.lines.get(0).end());
        assertEquals(2, sink.errors().size());
        ImportProblem bad = sink.errors().get(0);
        assertEquals("bad.jsonl", bad.file());
        assertEquals(2, bad.line());
        assertEquals("attributes[gen_ai.usage.output_tokens]", bad.column());
        assertEquals("12x", bad.value());
        assertTrue(bad.message().startsWith("expected a whole number"), bad.message());
        ImportProblem time = sink.errors().get(1);
        assertEquals(3, time.line());
        assertEquals("startTimeUnixNano", time.column());
        assertEquals("soon", time.value());
    }

    @Test
    void brokenJsonIsAnErrorAtItsLine(@TempDir Path dir) throws IOException {
        Path file = write(dir, "cut.json", "{\"resourceSpans\": [\n  {\"scopeSpans\": [\n    {\"spans\": [ {\"name\": \n");
        CollectingSink sink = read(reader, file);
        assertEquals(1, sink.errors().size());
        assertTrue(sink.errors().get(0).line() >= 3, sink.errors().get(0).toString());
    }

    @Test
    void aCutLastLineOfJsonLinesIsOneErrorAndTheLinesBeforeItCount(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(fixture(FORMAT, "genai_spans.otlp.jsonl"));
        Path file = dir.resolve("collector-output.json"); // no .jsonl name: recognised by its first line
        String cut = lines.get(1).substring(0, 60); // inside the resource, before any span
        Files.writeString(file, lines.get(0) + "\n\n" + lines.get(1) + "\n" + cut + "\n");
        CollectingSink sink = read(reader, file);
        // Line 1: two usage spans, line 3: three, line 4 is cut (a collector stopped mid-write).
        assertEquals(5, sink.lines.size());
        assertEquals(List.of(1L, 1L, 3L, 3L, 3L), sink.lines.stream().map(l -> l.source().line()).toList());
        assertEquals(1, sink.errors().size());
        assertEquals(4, sink.errors().get(0).line());
    }

    @Test
    void resourceAfterScopeSpansStillApplies(@TempDir Path dir) throws IOException {
        Path file = write(dir, "late.json", """
                {"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":1767225600000000000,
                  "attributes":[{"key":"gen_ai.usage.input_tokens","value":{"intValue":7}}]}]}],
                  "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"late-svc"}}]}}]}
                """);
        CollectingSink sink = read(reader, file);
        assertEquals(1, sink.lines.size());
        assertEquals("late-svc", sink.lines.get(0).allocation().tags().get("service.name"));
        assertEquals("unknown", sink.lines.get(0).provider());
    }

    @ParameterizedTest
    @ValueSource(strings = {"genai_spans.otlp.json", "genai_spans.otlp.jsonl"})
    void detectionPicksOtel(String name) throws IOException {
        assertEquals("otel-genai", UsageReaders.detect(fixture(FORMAT, name)).orElseThrow().format());
    }
}

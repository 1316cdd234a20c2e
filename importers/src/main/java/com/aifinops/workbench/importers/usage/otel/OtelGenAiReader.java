package com.aifinops.workbench.importers.usage.otel;

import com.aifinops.workbench.importers.usage.AllocationTags;
import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.SourceRef;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OpenTelemetry GenAI spans exported as OTLP/JSON ({@code resourceSpans[].scopeSpans[].spans[]}), as one export
 * object, a JSON array of them, or JSON Lines (one export per line, as collectors' file exporters write). Read with
 * Jackson's streaming parser one span at a time, so a large export is never in memory whole.
 *
 * <p>Every span with a {@code gen_ai.usage.*} attribute is one request: input from
 * {@code gen_ai.usage.input_tokens} (deprecated {@code gen_ai.usage.prompt_tokens}), which by the convention
 * includes cached input, so the cache read ({@code gen_ai.usage.cache_read.input_tokens}, older
 * {@code gen_ai.usage.cache_read_input_tokens} / {@code gen_ai.usage.cached_tokens}) and cache creation
 * ({@code gen_ai.usage.cache_creation.input_tokens}, counted as a 5-minute write: OTel names no TTL) are taken out
 * of it; when they exceed it the instrumentation evidently followed Anthropic's convention (input without cache)
 * and input is taken as uncached, with a warning. Output from {@code gen_ai.usage.output_tokens} (deprecated
 * {@code completion_tokens}), reasoning from {@code gen_ai.usage.reasoning.output_tokens} (inside output).
 * Spans without usage (HTTP, tool, retrieval spans) are skipped.
 */
public final class OtelGenAiReader implements UsageReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE = "gen_ai.usage.";

    /** Span and resource attributes kept as tags besides the ones that name an allocation field. */
    private static final Set<String> TAGGED = Set.of("service.name", "service.namespace", "gen_ai.operation.name",
            "gen_ai.conversation.id", "gen_ai.agent.name", "gen_ai.agent.id", "gen_ai.agent.version");

    @Override
    public String format() {
        return "otel-genai";
    }

    @Override
    public String description() {
        return "OpenTelemetry GenAI spans (OTLP/JSON export or JSON Lines)";
    }

    @Override
    public int detect(String fileName, String head) {
        boolean spans = head.contains("\"resourceSpans\"") || head.contains("\"resource_spans\"");
        if (!spans) return 0;
        return head.contains("\"gen_ai.") ? 95 : 40;
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        String name = file.getFileName().toString();
        if (isJsonLines(file)) {
            readLines(file, name, sink);
            return;
        }
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.getFactory().createParser(in)) {
            values(name, p, 0, sink);
        }
    }

    /**
     * JSON Lines, read line by line so that one broken line (typically the last, cut when a collector stopped)
     * is reported and the others still count (spans completed before the cut count too). A line is one export
     * batch, never the whole file.
     */
    private void readLines(Path file, String name, UsageSink sink) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
                if (text.isBlank()) continue;
                try (JsonParser p = JSON.getFactory().createParser(text)) {
                    values(name, p, line - 1, sink);
                }
            }
        }
    }

    /** Whether the file's first line is a whole JSON object (JSON Lines) rather than the start of one document. */
    private static boolean isJsonLines(Path file) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) return true;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) return false;
            String t = first.replace("\uFEFF", "").strip();
            if (!t.startsWith("{") || !t.endsWith("}")) return false;
            String second = in.readLine();
            while (second != null && second.isBlank()) second = in.readLine();
            return second == null || second.strip().startsWith("{");
        }
    }

    /** Top-level values: export objects, or arrays of them; {@code lineBase} is added to the parser's line numbers. */
    private void values(String name, JsonParser p, long lineBase, UsageSink sink) throws IOException {
        try {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT) {
                    export(name, p, lineBase, sink);
                } else if (t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) export(name, p, lineBase, sink);
                } else {
                    sink.problem(ImportProblem.error(name, lineBase + p.currentTokenLocation().getLineNr(), null,
                            p.getText(), "expected an OTLP/JSON export object {\"resourceSpans\": [...]}"));
                    return;
                }
            }
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            sink.problem(ImportProblem.error(name, lineBase + at, null, null,
                    "expected well-formed JSON: " + e.getOriginalMessage()));
        }
    }

    /** One export object: {@code {"resourceSpans": [...]}}; other members are skipped. */
    private void export(String file, JsonParser p, long lineBase, UsageSink sink) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ((field.equals("resourceSpans") || field.equals("resource_spans")) && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) resourceSpans(file, p, lineBase, sink);
            } else {
                p.skipChildren();
            }
        }
    }

    private record PendingSpan(JsonNode span, long line) {
    }

    /**
     * One {@code resourceSpans} element. Exporters write {@code resource} before {@code scopeSpans}; should a file
     * put it after, that element's spans are held until the resource is known (the only case where more than one
     * span is in memory).
     */
    private void resourceSpans(String file, JsonParser p, long lineBase, UsageSink sink) throws IOException {
        Map<String, String> resource = null;
        List<PendingSpan> pending = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("resource") && value == JsonToken.START_OBJECT) {
                JsonNode r = p.readValueAsTree();
                resource = attributes(r.path("attributes"));
                for (PendingSpan s : pending) span(file, s.span, s.line, resource, sink);
                pending.clear();
            } else if ((field.equals("scopeSpans") || field.equals("scope_spans")
                    || field.equals("instrumentationLibrarySpans")) && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        JsonToken v = p.nextToken();
                        if (f.equals("spans") && v == JsonToken.START_ARRAY) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                long line = lineBase + p.currentTokenLocation().getLineNr();
                                JsonNode span = p.readValueAsTree();
                                if (resource != null) span(file, span, line, resource, sink);
                                else pending.add(new PendingSpan(span, line));
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        for (PendingSpan s : pending) span(file, s.span, s.line, Map.of(), sink);
    }

    private void span(String file, JsonNode span, long line, Map<String, String> resource, UsageSink sink) {
        Map<String, String> a = attributes(span.path("attributes"));
        if (a.keySet().stream().noneMatch(k -> k.startsWith(USAGE))) return;
        try {
            sink.accept(line(file, span, line, a, resource, sink));
        } catch (BadValue e) {
            sink.problem(ImportProblem.error(file, line, e.path, e.value, e.getMessage()));
        }
    }

    private UsageLine line(String file, JsonNode span, long line, Map<String, String> a, Map<String, String> resource,
                           UsageSink sink) {
        Long startNanos = nanos(span, "startTimeUnixNano");
        if (startNanos == null) throw new BadValue("startTimeUnixNano", null, "expected the span's start in Unix nanoseconds");
        Long endNanos = nanos(span, "endTimeUnixNano");
        Instant start = ofNanos(startNanos);
        Instant end = endNanos != null && endNanos >= startNanos ? ofNanos(endNanos) : null;

        long input = count(a, "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens");
        long read = count(a, "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
                "gen_ai.usage.cached_tokens");
        long write = count(a, "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens");
        long output = count(a, "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens");
        long reasoning = count(a, "gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens");
        long uncached = input - read - write;
        long totalInput = input;
        if (uncached < 0) {
            sink.problem(new ImportProblem(file, line, "attributes[gen_ai.usage.input_tokens]", Long.toString(input),
                    "cache tokens (" + (read + write) + ") exceed input tokens: read input as excluding the cache",
                    ImportProblem.Severity.WARNING));
            uncached = input;
            totalInput = input + read + write;
        }
        if (reasoning > output) {
            sink.problem(new ImportProblem(file, line, "attributes[gen_ai.usage.reasoning.output_tokens]",
                    Long.toString(reasoning), "reasoning tokens exceed output tokens: output read as excluding reasoning",
                    ImportProblem.Severity.WARNING));
            output += reasoning;
        }
        String model = first(a, "gen_ai.response.model", "gen_ai.request.model");
        String provider = first(a, "gen_ai.provider.name", "gen_ai.system");
        BigDecimal cost = null;
        String costText = first(a, "gen_ai.usage.cost");
        if (costText != null) {
            try {
                cost = FieldParsers.money(costText);
            } catch (IllegalArgumentException e) {
                throw new BadValue("attributes[gen_ai.usage.cost]", costText, e.getMessage());
            }
        }

        Map<String, String> tags = new LinkedHashMap<>();
        for (Map<String, String> m : List.of(resource, a)) {
            m.forEach((k, v) -> {
                if (TAGGED.contains(k) || k.startsWith("deployment.environment") || AllocationTags.fieldFor(k) != null) {
                    tags.put(k, v);
                }
            });
        }
        String requested = first(a, "gen_ai.request.model");
        if (requested != null && model != null && !requested.equals(model)) tags.put("gen_ai.request.model", requested);
        String tier = first(a, "gen_ai.openai.response.service_tier", "openai.response.service_tier",
                "gen_ai.openai.request.service_tier", "openai.request.service_tier");
        if (tier != null) tags.put("service_tier", tier);
        String failed = failure(span, a);
        if (failed != null) tags.put(STATUS_TAG, failed);
        Allocation alloc = AllocationTags.allocate(null, tags);
        String agent = first(a, "gen_ai.agent.name", "gen_ai.agent.id");
        if (agent != null) {
            alloc = new Allocation(alloc.org(), alloc.team(), alloc.project(), agent, alloc.user(), alloc.apiKey(),
                    alloc.workspace(), alloc.environment(), alloc.feature(), alloc.customer(), alloc.tags());
        }
        return new UsageLine(start, end, provider == null ? "unknown" : provider.toLowerCase(Locale.ROOT), model,
                uncached, read, write, 0, output, reasoning, 1, tier != null && tier.equalsIgnoreCase("batch"),
                totalInput, null, cost, null, alloc, new SourceRef(file, line));
    }

    /** The tag that marks a call that failed, as the LiteLLM reader writes it (Home's retry rate). */
    static final String STATUS_TAG = "status";

    /**
     * {@code error} when the span ended in error (status code 2 / {@code STATUS_CODE_ERROR}) or carries
     * {@code error.type} (its value then, e.g. {@code timeout}); null for a call that succeeded.
     */
    static String failure(JsonNode span, Map<String, String> attributes) {
        String type = attributes.get("error.type");
        if (type != null && !type.isBlank()) {
            return type.strip().toLowerCase(Locale.ROOT);
        }
        JsonNode code = span.path("status").path("code");
        boolean error = code.isInt() ? code.asInt() == 2 : code.asText("").equalsIgnoreCase("STATUS_CODE_ERROR");
        return error ? "error" : null;
    }

    /** OTLP attributes {@code [{"key": k, "value": {"stringValue"|"intValue"|…: v}}]} as text values. */
    static Map<String, String> attributes(JsonNode list) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode kv : list) {
            String key = kv.path("key").asText(null);
            if (key == null) continue;
            String v = anyValue(kv.path("value"));
            if (v != null) out.put(key, v);
        }
        return out;
    }

    private static String anyValue(JsonNode v) {
        if (v.isValueNode()) return v.isNull() ? null : v.asText();
        for (String k : new String[]{"stringValue", "intValue", "doubleValue", "boolValue", "bytesValue"}) {
            JsonNode x = v.get(k);
            if (x != null && !x.isNull()) return x.asText();
        }
        if (v.has("arrayValue")) {
            List<String> items = new ArrayList<>();
            for (JsonNode e : v.path("arrayValue").path("values")) {
                String s = anyValue(e);
                if (s != null) items.add(s);
            }
            return String.join(",", items);
        }
        if (v.has("kvlistValue")) return v.get("kvlistValue").toString();
        return null;
    }

    private static long count(Map<String, String> a, String... keys) {
        for (String k : keys) {
            String v = a.get(k);
            if (v == null) continue;
            try {
                Long n = FieldParsers.count(v);
                if (n != null) return n;
            } catch (IllegalArgumentException e) {
                throw new BadValue("attributes[" + k + "]", v, e.getMessage() + " of tokens");
            }
        }
        return 0;
    }

    private static String first(Map<String, String> a, String... keys) {
        for (String k : keys) {
            String v = a.get(k);
            if (v != null && !v.isBlank()) return v.strip();
        }
        return null;
    }

    private static Long nanos(JsonNode span, String field) {
        JsonNode n = span.get(field);
        if (n == null || n.isNull()) return null;
        String text = n.asText();
        try {
            return FieldParsers.count(text);
        } catch (IllegalArgumentException e) {
            throw new BadValue(field, text, "expected Unix time in nanoseconds, e.g. \"1735689600000000000\"");
        }
    }

    private static Instant ofNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** A value that cannot be read: the span is rejected with this JSON path, value and expectation. */
    private static final class BadValue extends RuntimeException {
        final String path;
        final String value;

        BadValue(String path, String value, String expected) {
            super(expected);
            this.path = path;
            this.value = value;
        }
    }
}

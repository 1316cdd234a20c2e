package com.aifinops.workbench.importers.usage.litellm;

import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.SourceRef;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * LiteLLM proxy request logs ({@code LiteLLM_SpendLogs}: one row per request), as a CSV export of the table or
 * the UI, or as JSON ({@code /spend/logs} array, {@code {"data":[…]}} pages, or one object per line).
 *
 * <p>Mapping: {@code startTime}/{@code endTime} are the request's UTC instants; {@code prompt_tokens} includes
 * cached tokens (OpenAI convention), so uncached input = prompt − cache read − cache write, with the cache split
 * read from {@code metadata.usage_object} (OpenAI's {@code prompt_tokens_details.cached_tokens} or Anthropic's
 * {@code cache_read_input_tokens}/{@code cache_creation_input_tokens}); when the cache tokens exceed the prompt
 * (older proxies reported Anthropic's prompt without them) the prompt is taken as uncached. {@code spend} is the
 * billed USD. Allocation: {@code organization_id} (or the key's org) → org, {@code team_id} → team, the
 * metadata's {@code project_id} → project, {@code agent_id} → agent, {@code user} → user, hashed
 * {@code api_key} → apiKey, {@code end_user} → customer; {@code request_tags} become tags ({@code "k:v"} →
 * k=v, a plain tag → tag=""). A hand-rolled CSV tokenizer ({@link SpendLogsCsv}) and fast paths for the common
 * timestamp and number shapes read a million-row export in seconds; other shapes go through {@link FieldParsers}.
 */
public final class LiteLlmSpendLogsReader implements UsageReader {
    public static final String FORMAT = "litellm-spendlogs";

    /** Every column of the Prisma model (lower case); anything else is reported once as a warning. */
    private static final Set<String> KNOWN = Set.of("request_id", "call_type", "api_key", "spend", "total_tokens",
            "prompt_tokens", "completion_tokens", "starttime", "endtime", "request_duration_ms", "completionstarttime",
            "model", "model_id", "model_group", "custom_llm_provider", "api_base", "user", "metadata", "cache_hit",
            "cache_key", "request_tags", "team_id", "organization_id", "end_user", "requester_ip_address", "messages",
            "response", "proxy_server_request", "session_id", "status", "mcp_namespaced_tool_name", "agent_id",
            "mcp_tool_call_metadata", "mcp_tool_call_result", "mcp_tool_call_spend", "id");

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "LiteLLM proxy request logs, LiteLLM_SpendLogs (CSV or JSON)";
    }

    /**
     * Request-level logs are told apart from LiteLLM's daily spend tables (which have {@code date} and
     * {@code api_requests}) by {@code request_id}, {@code call_type} and {@code startTime}.
     */
    @Override
    public int detect(String fileName, String head) {
        String h = head.toLowerCase(Locale.ROOT);
        boolean json = h.stripLeading().replace("\uFEFF", "").startsWith("[") || h.stripLeading().replace("\uFEFF", "").startsWith("{");
        int marks = 0;
        for (String key : List.of("request_id", "call_type", "starttime")) {
            if (json ? h.contains("\"" + key + "\"") : firstLine(h).contains(key)) marks++;
        }
        if (marks < 2 || !h.contains("request_id")) return 0;
        int score = marks == 3 ? 80 : 60;
        if (h.contains("spend")) score += 10;
        if (fileName.toLowerCase(Locale.ROOT).contains("spend")) score += 5;
        return score;
    }

    private static String firstLine(String h) {
        int nl = h.indexOf('\n');
        return nl < 0 ? h : h.substring(0, nl);
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        String name = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(4096);
            int c;
            do {
                c = in.read();
            } while (c == '\uFEFF' || c == ' ' || c == '\t' || c == '\r' || c == '\n');
            in.reset();
            if (c == '[' || c == '{') {
                readJson(name, in, sink);
            } else {
                readCsv(name, in, sink);
            }
        }
    }

    // ---------------------------------------------------------------- CSV

    private static void readCsv(String file, Reader in, UsageSink sink) throws IOException {
        Map<String, Map<String, String>> tagCache = new HashMap<>();
        SpendLogsCsv csv = new SpendLogsCsv(in);
        try {
            if (!csv.next()) {
                sink.problem(ImportProblem.error(file, 1, null, null, "empty file; expected a header row such as request_id,call_type,…"));
                return;
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < csv.size(); i++) {
                String raw = csv.get(i);
                String key = FieldParsers.headerKey(raw);
                if (key.isEmpty()) continue;
                columns.putIfAbsent(key, i);
                if (!KNOWN.contains(key)) {
                    sink.problem(ImportProblem.warning(file, 1, raw, "unknown column, ignored"));
                }
            }
            if (!requireColumns(file, columns.keySet(), sink)) return;
            CsvRow row = new CsvRow(columns, csv);
            long line = csv.recordLine();
            try {
                while (csv.next()) {
                    line = csv.recordLine();
                    emit(file, line, row, sink, tagCache);
                }
            } catch (SpendLogsCsv.Malformed e) {
                sink.problem(ImportProblem.error(file, e.line, null, null, e.getMessage()));
            }
        } catch (SpendLogsCsv.Malformed e) {
            sink.problem(ImportProblem.error(file, e.line, null, null, e.getMessage()));
        }
    }

    private static boolean requireColumns(String file, Set<String> present, UsageSink sink) {
        boolean ok = true;
        for (String need : List.of("request_id", "startTime", "spend", "prompt_tokens", "completion_tokens")) {
            if (!present.contains(need.toLowerCase(Locale.ROOT))) {
                sink.problem(ImportProblem.error(file, 1, need, null, "missing required column " + need));
                ok = false;
            }
        }
        if (!present.contains("model") && !present.contains("model_group")) {
            sink.problem(ImportProblem.error(file, 1, "model", null, "missing required column model (or model_group)"));
            ok = false;
        }
        return ok;
    }

    private static final class CsvRow implements Row {
        final Map<String, Integer> columns;
        final SpendLogsCsv csv;

        CsvRow(Map<String, Integer> columns, SpendLogsCsv csv) {
            this.columns = columns;
            this.csv = csv;
        }

        @Override
        public String text(String key) {
            Integer i = columns.get(key);
            return i == null || csv.isEmpty(i) ? null : csv.get(i);
        }

        @Override
        public String json(String key) {
            return text(key);
        }

        @Override
        public String dimension(String key) {
            Integer i = columns.get(key);
            return i == null || csv.isEmpty(i) ? null : csv.pooled(i);
        }

        @Override
        public String sharedJson(String key) {
            return dimension(key); // a cell holds JSON as text: json(key) is text(key)
        }
    }

    // ---------------------------------------------------------------- JSON

    private static void readJson(String file, Reader in, UsageSink sink) throws IOException {
        Map<String, Map<String, String>> tagCache = new HashMap<>();
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            boolean checkedColumns = false;
            try {
                if (t == JsonToken.START_OBJECT) {
                    // a page {"data":[…], "total":…} streamed element by element, or the first of one object per line
                    long line = p.currentLocation().getLineNr();
                    com.fasterxml.jackson.databind.node.ObjectNode single = MAPPER.createObjectNode();
                    boolean page = false;
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        if (field.equals("data") && v == JsonToken.START_ARRAY) {
                            page = true;
                            checkedColumns = jsonArray(file, p, sink, checkedColumns, tagCache);
                        } else {
                            single.set(field, p.readValueAsTree());
                        }
                    }
                    if (page) return;
                    checkedColumns = jsonObject(file, line, single, sink, false, tagCache);
                    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                        line = p.currentLocation().getLineNr();
                        checkedColumns = jsonObject(file, line, p.readValueAsTree(), sink, checkedColumns, tagCache);
                    }
                } else if (t == JsonToken.START_ARRAY) {
                    jsonArray(file, p, sink, false, tagCache);
                } else {
                    sink.problem(ImportProblem.error(file, 1, null, null, "expected a JSON array of spend logs"));
                }
            } catch (JsonProcessingException e) {
                sink.problem(ImportProblem.error(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null, null,
                        "malformed JSON: " + e.getOriginalMessage()));
            }
        }
    }

    /** Streams the objects of an array the parser has just entered. */
    private static boolean jsonArray(String file, JsonParser p, UsageSink sink, boolean checkedColumns,
                                     Map<String, Map<String, String>> tagCache) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            long line = p.currentLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) {
                sink.problem(ImportProblem.error(file, line, null, p.getText(), "expected a spend log object"));
                p.skipChildren();
                continue;
            }
            checkedColumns = jsonObject(file, line, p.readValueAsTree(), sink, checkedColumns, tagCache);
        }
        return checkedColumns;
    }

    /** Returns true once the first object's keys were checked (unknown keys are reported once, for the first object). */
    private static boolean jsonObject(String file, long line, JsonNode o, UsageSink sink, boolean checked,
                                      Map<String, Map<String, String>> tagCache) {
        if (o == null || !o.isObject()) {
            sink.problem(ImportProblem.error(file, line, null, o == null ? null : o.toString(), "expected a spend log object"));
            return checked;
        }
        if (!checked) {
            o.fieldNames().forEachRemaining(k -> {
                if (!KNOWN.contains(k.toLowerCase(Locale.ROOT))) {
                    sink.problem(ImportProblem.warning(file, line, k, "unknown field, ignored"));
                }
            });
        }
        emit(file, line, new JsonRow(o), sink, tagCache);
        return true;
    }

    private static final class JsonRow implements Row {
        private final Map<String, JsonNode> fields = new HashMap<>();

        JsonRow(JsonNode o) {
            o.fields().forEachRemaining(e -> fields.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        }

        @Override
        public String text(String key) {
            JsonNode n = fields.get(key);
            if (n == null || n.isNull()) return null;
            if (n.isBigDecimal()) return n.decimalValue().toPlainString();
            return n.isValueNode() ? n.asText() : n.toString();
        }

        @Override
        public String json(String key) {
            JsonNode n = fields.get(key);
            return n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.toString();
        }
    }

    // ---------------------------------------------------------------- one request

    /** A row's cells by lower-case column name; {@link #json} is a JSON value's text (a CSV cell holds it as text). */
    private interface Row {
        String text(String key);

        String json(String key);

        /** A dimension value (model, user, team, key, …): may be a shared instance. */
        default String dimension(String key) {
            return text(key);
        }

        /** A JSON value most rows repeat (request_tags), as {@link #json}: may be a shared instance. */
        default String sharedJson(String key) {
            return json(key);
        }
    }

    /** A bad cell: the request is rejected with the column, the value and what was expected. */
    static final class LineProblem extends RuntimeException {
        final String column;
        final String value;

        LineProblem(String column, String value, String message) {
            super(message, null, false, false);
            this.column = column;
            this.value = value;
        }
    }

    private static void emit(String file, long line, Row r, UsageSink sink, Map<String, Map<String, String>> tagCache) {
        UsageLine u;
        try {
            u = toLine(file, line, r, tagCache);
        } catch (LineProblem e) {
            sink.problem(ImportProblem.error(file, line, e.column, e.value, e.getMessage()));
            return;
        }
        sink.accept(u);
    }

    private static UsageLine toLine(String file, long line, Row r, Map<String, Map<String, String>> tagCache) {
        String requestId = r.text("request_id");
        if (FieldParsers.isBlank(requestId)) throw new LineProblem("request_id", requestId, "expected a request id");
        Instant start = instant(r, "starttime", "startTime", true);
        Instant end = instant(r, "endtime", "endTime", false);
        if (end != null && end.isBefore(start)) end = null;
        String model = r.dimension("model");
        if (FieldParsers.isBlank(model)) model = r.dimension("model_group");
        model = model == null ? "" : model.strip();
        String provider = r.dimension("custom_llm_provider");
        if (FieldParsers.isBlank(provider)) {
            int slash = model.indexOf('/');
            provider = slash > 0 ? model.substring(0, slash) : "unknown";
        }
        provider = provider.strip().toLowerCase(Locale.ROOT);
        long prompt = count(r, "prompt_tokens");
        long completion = count(r, "completion_tokens");
        BigDecimal spend = money(r, "spend");

        SpendLogsMetadata m = SpendLogsMetadata.parse(r.json("metadata"));
        long cacheRead = m.cacheRead;
        long write1h = m.cacheWrite1h;
        long write5m = Math.max(0, m.cacheWrite - write1h);
        long uncached = prompt - cacheRead - write5m - write1h;
        if (uncached < 0) {
            uncached = prompt; // older proxies: Anthropic's prompt excluded the cache tokens
        }
        long reasoning = Math.min(m.reasoning, completion);

        String org = firstNonBlank(r.dimension("organization_id"), m.orgId);
        String team = firstNonBlank(r.dimension("team_id"), m.teamId);
        String user = firstNonBlank(r.dimension("user"), m.userId);
        Allocation a = new Allocation(org, team, blankToNull(m.projectId), blankToNull(r.dimension("agent_id")), user,
                blankToNull(r.dimension("api_key")), null, null, null, blankToNull(r.dimension("end_user")),
                withStatus(tags(r.sharedJson("request_tags"), tagCache), r.dimension("status")));
        return new UsageLine(start, end, provider, model, uncached, cacheRead, write5m, write1h, completion, reasoning, 1,
                false, prompt, null, spend, "USD", a, new SourceRef(file, line));
    }

    /**
     * A request that did not succeed carries its status as the tag {@code status} (e.g. {@code failure}), so the
     * ledger can count failed requests, which clients retry (Home's retry rate, {@code report --by tag:status});
     * successful ones add no tag, so they roll up as before.
     */
    static Map<String, String> withStatus(Map<String, String> tags, String status) {
        if (FieldParsers.isBlank(status) || status.strip().equalsIgnoreCase("success")) {
            return tags;
        }
        Map<String, String> out = new TreeMap<>(tags);
        out.put(STATUS_TAG, status.strip().toLowerCase(Locale.ROOT));
        return Map.copyOf(out);
    }

    /** The tag that marks a request that did not succeed. */
    public static final String STATUS_TAG = "status";

    private static String firstNonBlank(String a, String b) {
        return !FieldParsers.isBlank(a) ? a.strip() : blankToNull(b);
    }

    private static String blankToNull(String s) {
        return FieldParsers.isBlank(s) ? null : s.strip();
    }

    /** Tag lists parsed so far in this read: most files repeat a handful of them. */
    private static Map<String, String> tags(String raw, Map<String, Map<String, String>> tagCache) {
        if (raw == null || raw.isBlank() || raw.equals("[]")) return Map.of();
        Map<String, String> cached = tagCache.get(raw);
        if (cached != null) return cached;
        Map<String, String> tags = new TreeMap<>();
        try (JsonParser p = JSON.createParser(raw)) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw new LineProblem("request_tags", raw, "expected a JSON list of tags");
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                String tag = p.getText().strip();
                if (tag.isEmpty()) continue;
                int colon = tag.indexOf(':');
                if (colon > 0) tags.put(tag.substring(0, colon).strip(), tag.substring(colon + 1).strip());
                else tags.put(tag, "");
            }
        } catch (IOException e) {
            throw new LineProblem("request_tags", raw, "expected a JSON list of tags such as [\"prod\",\"feature:search\"]");
        }
        Map<String, String> result = Map.copyOf(tags);
        if (tagCache.size() < 10_000) tagCache.put(raw, result);
        return result;
    }

    // ---------------------------------------------------------------- fast value parsing

    private static long count(Row r, String key) {
        String s = r.text(key);
        if (s == null || s.isEmpty()) return 0;
        long v = digits(s);
        if (v >= 0) return v;
        try {
            Long c = FieldParsers.count(s);
            return c == null ? 0 : c;
        } catch (IllegalArgumentException e) {
            throw new LineProblem(key, s, e.getMessage());
        }
    }

    /** The value of a string of 1 to 18 ASCII digits, else −1. */
    private static long digits(String s) {
        int n = s.length();
        if (n == 0 || n > 18) return -1;
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static BigDecimal money(Row r, String key) {
        String s = r.text(key);
        if (s == null || s.isEmpty()) return null;
        try {
            return new BigDecimal(s); // the common case: 0.00012345, 1.2e-05
        } catch (NumberFormatException ignored) {
            // try the tolerant path
        }
        try {
            return FieldParsers.money(s);
        } catch (IllegalArgumentException e) {
            throw new LineProblem(key, s, e.getMessage() + " (USD)");
        }
    }

    private static Instant instant(Row r, String key, String column, boolean required) {
        String s = r.text(key);
        if (FieldParsers.isBlank(s)) {
            if (required) throw new LineProblem(column, s, "expected the request's start time such as 2026-06-01 10:00:00");
            return null;
        }
        Instant fast = fastInstant(s);
        if (fast != null) return fast;
        try {
            return FieldParsers.instant(s);
        } catch (IllegalArgumentException e) {
            throw new LineProblem(column, s, e.getMessage());
        }
    }

    /**
     * "2026-06-01 10:00:00", "2026-06-01T10:00:00.123", with an optional "Z" or "+00:00": read without
     * exceptions; null for any other shape (the tolerant parser then decides).
     */
    static Instant fastInstant(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
                || s.charAt(13) != ':' || s.charAt(16) != ':') return null;
        int year = num(s, 0, 4), month = num(s, 5, 7), day = num(s, 8, 10);
        int hour = num(s, 11, 13), minute = num(s, 14, 16), second = num(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) return null;
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int digits = 0;
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                if (digits < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                    digits++;
                }
                i++;
            }
            if (digits == 0) return null;
            for (int k = digits; k < 9; k++) nanos *= 10;
        }
        String zone = s.substring(i);
        if (!(zone.isEmpty() || zone.equals("Z") || zone.equals("+00:00") || zone.equals("+00") || zone.equals("+0000"))) {
            return null;
        }
        if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) return null;
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}

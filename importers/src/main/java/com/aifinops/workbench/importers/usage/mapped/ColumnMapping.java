package com.aifinops.workbench.importers.usage.mapped;

import com.aifinops.workbench.importers.usage.FieldParsers;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How to read "any other CSV" as usage: which header feeds each {@code UsageLine} field. Saved by name (as JSON,
 * {@link #toJson()}) in the ledger's {@code column_mapping} table and reused for every file of the same shape.
 * Header names are matched loosely (case, BOM, surrounding spaces ignored).
 *
 * @param name                    the mapping's name, e.g. "Gateway request log"
 * @param delimiter               the file's delimiter: {@code ,} {@code ;} {@code |} or {@code \t} (also {@code tab})
 * @param startTime               header of the row's time (or bucket start); required
 * @param endTime                 header of the bucket end, or {@code null}
 * @param provider                header of the provider, or {@code null} to use {@code providerConstant}
 * @param providerConstant        the provider of every row (or of rows whose provider cell is empty)
 * @param model                   header of the model name, or {@code null}
 * @param input                   header of input tokens
 * @param inputIncludesCached     true (the default) when {@code input} counts the cache-read and cache-write tokens
 *                                too (OpenAI, OTel, LiteLLM convention); they are then subtracted to get uncached input
 * @param cacheRead               header of cache-read tokens
 * @param cacheWrite5m            header of 5-minute cache-write tokens
 * @param cacheWrite1h            header of 1-hour cache-write tokens
 * @param output                  header of output tokens
 * @param outputIncludesReasoning true (the default) when {@code output} counts the reasoning tokens too (OpenAI);
 *                                false adds them (Gemini's candidates/thoughts split)
 * @param reasoning               header of reasoning tokens
 * @param requests                header of the request count (unmapped: 0, i.e. unknown)
 * @param billedCost              header of the cost the file states, exact
 * @param currency                header of the ISO currency, or {@code null}
 * @param currencyConstant        the currency when no header gives one ({@code USD} when both are unset)
 * @param allocation              allocation field → header; fields: org, team, project, agent, user, apiKey,
 *                                workspace, environment, feature, customer
 * @param tags                    headers kept as tags (tag key = header)
 * @param timeFormat              {@code auto} (ISO, {@code 2025-01-31 10:00:00}, dates, Unix seconds/ms),
 *                                {@code epoch-seconds}, {@code epoch-millis}, or a {@link DateTimeFormatter} pattern
 *                                such as {@code dd/MM/yyyy HH:mm} (read as UTC unless it has an offset)
 * @param tokenMultiplier         tokens per unit in the token columns (1000 when the file counts thousands)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ColumnMapping(String name, String delimiter, String startTime, String endTime, String provider,
                            String providerConstant, String model, String input, Boolean inputIncludesCached,
                            String cacheRead, String cacheWrite5m, String cacheWrite1h, String output,
                            Boolean outputIncludesReasoning, String reasoning, String requests, String billedCost,
                            String currency, String currencyConstant, Map<String, String> allocation,
                            List<String> tags, String timeFormat, long tokenMultiplier) {

    public static final Set<String> ALLOCATION_FIELDS = Set.of("org", "team", "project", "agent", "user", "apiKey",
            "workspace", "environment", "feature", "customer");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public ColumnMapping {
        delimiter = delimiter == null || delimiter.isEmpty() ? "," : delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
        timeFormat = timeFormat == null || timeFormat.isBlank() ? "auto" : timeFormat;
        tokenMultiplier = tokenMultiplier == 0 ? 1 : tokenMultiplier;
        inputIncludesCached = inputIncludesCached == null || inputIncludesCached;
        outputIncludesReasoning = outputIncludesReasoning == null || outputIncludesReasoning;
        allocation = allocation == null ? Map.of() : Map.copyOf(new TreeMap<>(allocation));
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The delimiter as a character (validated). */
    public char delimiterChar() {
        return delimiter.charAt(0);
    }

    /** The header of each mapped field, in a fixed order, for validation and messages ("start time" → "ts"). */
    public Map<String, String> mappedHeaders() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "start time", startTime);
        put(m, "end time", endTime);
        put(m, "provider", provider);
        put(m, "model", model);
        put(m, "input", input);
        put(m, "cache read", cacheRead);
        put(m, "cache write 5m", cacheWrite5m);
        put(m, "cache write 1h", cacheWrite1h);
        put(m, "output", output);
        put(m, "reasoning", reasoning);
        put(m, "requests", requests);
        put(m, "billed cost", billedCost);
        put(m, "currency", currency);
        new TreeMap<>(allocation).forEach((field, header) -> put(m, field, header));
        for (String t : tags) put(m, "tag " + t, t);
        return m;
    }

    private static void put(Map<String, String> m, String field, String header) {
        if (header != null && !header.isBlank()) m.put(field, header);
    }

    /** What is wrong with the mapping on its own (empty when it is usable). */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (name == null || name.isBlank()) p.add("the mapping needs a name");
        if (delimiter.length() != 1) p.add("the delimiter must be one character (or 'tab'), not '" + delimiter + "'");
        if (startTime == null || startTime.isBlank()) p.add("map a column to the start time");
        if (blank(provider) && blank(providerConstant)) p.add("map a column to the provider or give a constant provider");
        if (blank(input) && blank(cacheRead) && blank(cacheWrite5m) && blank(cacheWrite1h) && blank(output)
                && blank(billedCost)) {
            p.add("map at least one token column or the billed cost");
        }
        if (tokenMultiplier < 1) p.add("the token unit multiplier must be 1 or more, not " + tokenMultiplier);
        for (String field : allocation.keySet()) {
            if (!ALLOCATION_FIELDS.contains(field)) {
                p.add("unknown allocation field '" + field + "' (expected one of "
                        + String.join(", ", new TreeSet<>(ALLOCATION_FIELDS)) + ")");
            }
        }
        if (!List.of("auto", "epoch-seconds", "epoch-millis").contains(timeFormat)) {
            try {
                DateTimeFormatter.ofPattern(timeFormat);
            } catch (IllegalArgumentException e) {
                p.add("time format '" + timeFormat + "' is not a date pattern: " + e.getMessage());
            }
        }
        Map<String, String> seen = new LinkedHashMap<>();
        Map<String, String> counted = new LinkedHashMap<>();
        put(counted, "input", input);
        put(counted, "cache read", cacheRead);
        put(counted, "cache write 5m", cacheWrite5m);
        put(counted, "cache write 1h", cacheWrite1h);
        put(counted, "output", output);
        put(counted, "billed cost", billedCost);
        counted.forEach((field, header) -> {
            String k = FieldParsers.headerKey(header);
            String other = seen.putIfAbsent(k, field);
            if (other != null) p.add("column '" + header + "' is mapped to both " + other + " and " + field);
        });
        return p;
    }

    /** Throws {@link IllegalArgumentException} listing every problem when the mapping is not usable. */
    public ColumnMapping validated() {
        List<String> p = problems();
        if (!p.isEmpty()) throw new IllegalArgumentException("column mapping '" + name + "': " + String.join("; ", p));
        return this;
    }

    /**
     * The mapped fields whose header is not in {@code headers} (field → header), compared loosely. A mapping
     * that names a header the file lacks cannot read the file.
     */
    public Map<String, String> missingHeaders(List<String> headers) {
        Set<String> have = new HashSet<>();
        for (String h : headers) have.add(FieldParsers.headerKey(h));
        Map<String, String> missing = new LinkedHashMap<>();
        mappedHeaders().forEach((field, header) -> {
            if (!have.contains(FieldParsers.headerKey(header))) missing.put(field, header);
        });
        return missing;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a mapping saved with {@link #toJson()}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static ColumnMapping fromJson(String json) {
        ColumnMapping m;
        try {
            m = JSON.readValue(json, ColumnMapping.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("column mapping: unknown key '" + e.getPropertyName()
                    + "' (line " + e.getLocation().getLineNr() + ")");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("column mapping: not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (m == null) throw new IllegalArgumentException("column mapping: empty");
        return m.validated();
    }

    /**
     * A first guess for the mapping dialog from a header row, by name similarity ({@code prompt_tokens} → input,
     * {@code cached_tokens} → cache read, {@code cost_usd} → billed cost, {@code team} → allocation team, …).
     * Input is assumed to include cached tokens unless its header says "uncached"/"no cache". The guess may be
     * incomplete (e.g. no provider column): the user finishes it, {@link #problems()} says what is missing.
     */
    public static ColumnMapping suggest(String name, List<String> headers) {
        return MappingSuggester.suggest(name, headers);
    }

    /** A copy with a constant provider (the dialog's "all rows are from …"). */
    public ColumnMapping withProviderConstant(String constant) {
        return new ColumnMapping(name, delimiter, startTime, endTime, provider, constant, model, input,
                inputIncludesCached, cacheRead, cacheWrite5m, cacheWrite1h, output, outputIncludesReasoning, reasoning,
                requests, billedCost, currency, currencyConstant, allocation, tags, timeFormat, tokenMultiplier);
    }

    /** A copy with another delimiter. */
    public ColumnMapping withDelimiter(String d) {
        return new ColumnMapping(name, d, startTime, endTime, provider, providerConstant, model, input,
                inputIncludesCached, cacheRead, cacheWrite5m, cacheWrite1h, output, outputIncludesReasoning, reasoning,
                requests, billedCost, currency, currencyConstant, allocation, tags, timeFormat, tokenMultiplier);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package com.aifinops.workbench.importers.usage.mapped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses a {@link ColumnMapping} from header names. Each field has synonyms, best first; a header scores 100 when
 * it equals a synonym (ignoring case and separators), 60 when its words contain all of a synonym's words
 * ({@code total_prompt_tokens} for {@code prompt tokens}); fewer points for later synonyms. Pairs are then
 * assigned best score first, each header to one field at most.
 */
final class MappingSuggester {
    private static final Map<String, List<String>> SYNONYMS = new LinkedHashMap<>();

    static {
        SYNONYMS.put("startTime", List.of("start time", "start", "timestamp", "time", "date", "start time iso",
                "usage date", "usage date utc", "created at", "datetime", "period start", "ts", "day", "bucket start"));
        SYNONYMS.put("endTime", List.of("end time", "end", "period end", "end time iso", "bucket end"));
        SYNONYMS.put("provider", List.of("provider", "vendor", "llm provider", "custom llm provider", "platform"));
        SYNONYMS.put("model", List.of("model", "model name", "model id", "model version", "deployment", "engine"));
        SYNONYMS.put("input", List.of("input tokens", "prompt tokens", "tokens in", "input", "prompt",
                "uncached input tokens", "input tokens no cache"));
        SYNONYMS.put("cacheRead", List.of("cache read tokens", "cache read input tokens", "cached tokens",
                "input cached tokens", "cached input tokens", "cache hit tokens", "cache read", "cached"));
        SYNONYMS.put("cacheWrite5m", List.of("cache write 5m", "cache creation input tokens", "cache write tokens",
                "cache write input tokens", "cache creation", "cache write"));
        SYNONYMS.put("cacheWrite1h", List.of("cache write 1h", "cache creation 1h", "ephemeral 1h input tokens"));
        SYNONYMS.put("output", List.of("output tokens", "completion tokens", "tokens out", "output", "completion",
                "candidates tokens"));
        SYNONYMS.put("reasoning", List.of("reasoning tokens", "thinking tokens", "thoughts tokens", "reasoning"));
        SYNONYMS.put("requests", List.of("requests", "request count", "num requests", "num model requests", "calls",
                "api requests"));
        SYNONYMS.put("billedCost", List.of("cost", "cost usd", "billed cost", "spend", "total cost", "amount",
                "amount value", "price"));
        SYNONYMS.put("currency", List.of("currency", "currency code", "amount currency"));
        SYNONYMS.put("org", List.of("org", "organization", "organization id", "org id"));
        SYNONYMS.put("team", List.of("team", "team id", "team name", "team alias"));
        SYNONYMS.put("project", List.of("project", "project id", "project name"));
        SYNONYMS.put("agent", List.of("agent", "agent id", "app", "application"));
        SYNONYMS.put("user", List.of("user", "user id", "end user", "user email", "email"));
        SYNONYMS.put("apiKey", List.of("api key", "api key id", "key", "key alias", "api key name"));
        SYNONYMS.put("workspace", List.of("workspace", "workspace id"));
        SYNONYMS.put("environment", List.of("environment", "env", "stage"));
        SYNONYMS.put("feature", List.of("feature", "feature name"));
        SYNONYMS.put("customer", List.of("customer", "customer id", "tenant", "tenant id", "client"));
    }

    private MappingSuggester() {
    }

    static ColumnMapping suggest(String name, List<String> headers) {
        record Pair(String field, int header, int score) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (Map.Entry<String, List<String>> f : SYNONYMS.entrySet()) {
            for (int h = 0; h < headers.size(); h++) {
                int s = score(headers.get(h), f.getValue());
                if (s > 0) pairs.add(new Pair(f.getKey(), h, s));
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::score).reversed().thenComparingInt(Pair::header));
        Map<String, String> chosen = new HashMap<>();
        Set<Integer> used = new HashSet<>();
        for (Pair p : pairs) {
            if (chosen.containsKey(p.field()) || used.contains(p.header())) continue;
            chosen.put(p.field(), headers.get(p.header()).replace("\uFEFF", "").strip());
            used.add(p.header());
        }
        Map<String, String> allocation = new LinkedHashMap<>();
        for (String f : ColumnMapping.ALLOCATION_FIELDS) if (chosen.containsKey(f)) allocation.put(f, chosen.get(f));
        List<String> tags = new ArrayList<>();
        for (int h = 0; h < headers.size(); h++) {
            List<String> w = words(headers.get(h));
            if (!used.contains(h) && !w.isEmpty() && (w.get(0).equals("tag") || w.get(0).equals("tags")
                    || w.get(0).equals("label") || w.get(0).equals("labels") || w.get(0).equals("metadata"))) {
                tags.add(headers.get(h).strip());
            }
        }
        String input = chosen.get("input");
        boolean includesCached = input == null || !(words(input).contains("uncached") || String.join(" ", words(input)).contains("no cache"));
        return new ColumnMapping(name, ",", chosen.get("startTime"), chosen.get("endTime"), chosen.get("provider"), null,
                chosen.get("model"), input, includesCached, chosen.get("cacheRead"), chosen.get("cacheWrite5m"),
                chosen.get("cacheWrite1h"), chosen.get("output"), true, chosen.get("reasoning"), chosen.get("requests"),
                chosen.get("billedCost"), chosen.get("currency"), null, allocation, tags, "auto", 1);
    }

    private static int score(String header, List<String> synonyms) {
        List<String> hw = words(header);
        String joined = String.join("", hw);
        int best = 0;
        for (int i = 0; i < synonyms.size(); i++) {
            List<String> sw = words(synonyms.get(i));
            int s;
            if (joined.equals(String.join("", sw))) s = 100 - i;
            else if (sw.size() > 1 && hw.containsAll(sw)) s = 60 - i;
            else if (sw.size() == 1 && hw.contains(sw.get(0)) && hw.size() <= 3) s = 40 - i;
            else s = 0;
            best = Math.max(best, s);
        }
        return best;
    }

    /** {@code "Prompt_Tokens (total)"} → {@code [prompt, tokens, total]}; camelCase splits too. */
    static List<String> words(String header) {
        String t = header.replace("\uFEFF", "").strip().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Arrays.stream(t.split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
    }
}

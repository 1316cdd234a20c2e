package com.aifinops.workbench.importers.usage.cloud;

import com.aifinops.workbench.model.usage.Allocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tag cells as cloud exports write them, and the allocation path read from tags. Accepted shapes: a JSON object
 * ({@code {"team":"search"}}, CUR 2.0 {@code resource_tags}, Azure {@code Tags}), the same without the outer braces
 * (Azure: {@code "env": "prod","team":"x"}), and a JSON array of {@code {"key":…,"value":…}} (GCP
 * {@code labels}). Keys keep their spelling; allocation lookups ignore case and the provider prefixes
 * {@code user_}, {@code user:} and {@code iamPrincipal/}.
 */
public final class Tags {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Allocation field → tag keys that name it, most specific first. */
    private static final Map<String, List<String>> KEYS = Map.of(
            "org", List.of("org", "organization", "organisation", "business_unit", "businessunit", "bu"),
            "team", List.of("team", "squad", "department", "owner_team"),
            "project", List.of("project", "project_id", "project_name"),
            "agent", List.of("agent", "application", "app"),
            "user", List.of("user", "owner", "user_email", "email"),
            "workspace", List.of("workspace"),
            "environment", List.of("environment", "env", "stage"),
            "feature", List.of("feature"),
            "customer", List.of("customer", "tenant", "client", "customer_id"));

    private Tags() {
    }

    /** The tags of one cell, in order; empty for a blank cell. Throws {@link IllegalArgumentException} when malformed. */
    public static Map<String, String> parse(String cell) {
        Map<String, String> out = new LinkedHashMap<>();
        if (cell == null || cell.isBlank() || cell.strip().equals("{}") || cell.strip().equals("[]")) return out;
        String t = cell.strip();
        if (!t.startsWith("{") && !t.startsWith("[")) t = "{" + t + "}";
        JsonNode node;
        try {
            node = JSON.readTree(t);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("expected tags as JSON, e.g. {\"team\":\"search\"} or [{\"key\":\"team\",\"value\":\"search\"}]");
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) out.put(e.getKey(), text(e.getValue()));
            }
        } else if (node.isArray()) {
            for (JsonNode kv : node) {
                if (!kv.isObject() || !kv.has("key")) {
                    throw new IllegalArgumentException("expected labels as [{\"key\":…,\"value\":…}]");
                }
                JsonNode v = kv.get("value");
                out.put(kv.get("key").asText(), v == null || v.isNull() ? "" : text(v));
            }
        } else {
            throw new IllegalArgumentException("expected tags as a JSON object or an array of key/value pairs");
        }
        return out;
    }

    private static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** The key as allocation lookups see it: lower case, provider prefixes dropped, separators as {@code _}. */
    public static String plainKey(String key) {
        String k = key.strip();
        if (k.startsWith("iamPrincipal/")) k = k.substring("iamPrincipal/".length());
        k = k.toLowerCase(Locale.ROOT);
        if (k.startsWith("user_") || k.startsWith("user:")) k = k.substring(5);
        return k.replace('-', '_').replace(' ', '_').replace(':', '_');
    }

    /** The first tag naming {@code field} (see {@link #KEYS}), or {@code null}. */
    public static String lookup(Map<String, String> tags, String field) {
        for (String want : KEYS.getOrDefault(field, List.of(field))) {
            for (Map.Entry<String, String> e : tags.entrySet()) {
                if (plainKey(e.getKey()).equals(want) && e.getValue() != null && !e.getValue().isBlank()) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /**
     * The allocation read from tags, with {@code fallback} filling what the tags do not name (e.g. the IAM
     * principal as user, the resource group as project). All tags are kept on the allocation.
     */
    public static Allocation allocation(Map<String, String> tags, Allocation fallback) {
        Allocation f = fallback == null ? Allocation.NONE : fallback;
        Map<String, String> all = new LinkedHashMap<>(f.tags());
        all.putAll(tags);
        return new Allocation(
                or(lookup(tags, "org"), f.org()),
                or(lookup(tags, "team"), f.team()),
                or(lookup(tags, "project"), f.project()),
                or(lookup(tags, "agent"), f.agent()),
                or(f.user(), lookup(tags, "user")),
                f.apiKey(),
                or(lookup(tags, "workspace"), f.workspace()),
                or(lookup(tags, "environment"), f.environment()),
                or(lookup(tags, "feature"), f.feature()),
                or(lookup(tags, "customer"), f.customer()),
                all);
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}

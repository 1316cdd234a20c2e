package com.aifinops.workbench.importers.usage;

import com.aifinops.workbench.model.usage.Allocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns free key/value tags (FOCUS {@code Tags}, OTel attributes, LiteLLM {@code key:value} request tags) into
 * the {@link Allocation} fields when a key is a well-known one ({@code team}, {@code project}, {@code env},
 * {@code customer}, {@code agent} …). Keys are compared after lower-casing, turning separators into {@code _}
 * and dropping the prefixes providers add ({@code user:} on AWS cost-allocation tags, {@code aws:}, {@code tag:},
 * {@code app.}). Every tag stays in {@link Allocation#tags()} as written. Cloud billing exports have their own
 * cell shapes and vocabulary ({@link #parseCell}, {@link #allocateCloud}).
 */
public final class AllocationTags {
    private static final List<String> PREFIXES = List.of("user_", "aws_", "tag_", "tags_", "app_", "resource_", "label_");

    private static final Map<String, String> FIELD_BY_KEY = new HashMap<>();
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    static {
        put("org", "org", "organization", "org_id", "org_name", "organization_id", "organization_name");
        put("team", "team", "team_id", "team_name", "squad");
        put("project", "project", "project_id", "project_name");
        put("agent", "agent", "agent_id", "agent_name", "gen_ai_agent_name", "gen_ai_agent_id");
        put("user", "user", "user_id", "username", "user_name", "enduser_id", "end_user", "enduser");
        put("environment", "environment", "env", "stage", "deployment_environment", "deployment_environment_name");
        put("feature", "feature", "feature_name", "feature_id", "use_case", "usecase");
        put("customer", "customer", "customer_id", "customer_name", "client", "client_id", "tenant", "tenant_id");
    }

    /** Keys that stand for the project only when no project key is present. */
    private static final Set<String> PROJECT_FALLBACK = Set.of("application", "app", "app_name", "application_name");

    private AllocationTags() {
    }

    private static void put(String field, String... keys) {
        for (String k : keys) FIELD_BY_KEY.put(k, field);
    }

    /** The allocation field ({@code team}, {@code project} …) a tag key stands for, or {@code null}. */
    public static String fieldFor(String key) {
        String k = normal(key);
        String f = FIELD_BY_KEY.get(k);
        if (f != null) return f;
        for (String p : PREFIXES) {
            if (k.startsWith(p) && k.length() > p.length()) {
                f = FIELD_BY_KEY.get(k.substring(p.length()));
                if (f != null) return f;
            }
        }
        return null;
    }

    /**
     * An allocation from tags over the given defaults: a well-known tag overrides the default for its field
     * (a blank tag value does not). {@code defaults} may be {@code null}.
     */
    public static Allocation allocate(Allocation defaults, Map<String, String> tags) {
        Allocation d = defaults == null ? Allocation.NONE : defaults;
        Map<String, String> f = new LinkedHashMap<>();
        f.put("org", d.org());
        f.put("team", d.team());
        f.put("project", d.project());
        f.put("agent", d.agent());
        f.put("user", d.user());
        f.put("environment", d.environment());
        f.put("feature", d.feature());
        f.put("customer", d.customer());
        String projectFallback = null;
        boolean projectTagged = false;
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue().strip();
            if (v.isEmpty()) continue;
            String field = fieldFor(e.getKey());
            if (field != null) {
                f.put(field, v);
                if (field.equals("project")) projectTagged = true;
            } else if (projectFallback == null && PROJECT_FALLBACK.contains(normal(e.getKey()))) {
                projectFallback = v;
            }
        }
        if (!projectTagged && projectFallback != null && f.get("project") == null) f.put("project", projectFallback);
        Map<String, String> all = new HashMap<>(d.tags());
        tags.forEach((k, v) -> {
            if (k != null && v != null) all.put(k, v);
        });
        return new Allocation(f.get("org"), f.get("team"), f.get("project"), f.get("agent"), f.get("user"), d.apiKey(),
                d.workspace(), f.get("environment"), f.get("feature"), f.get("customer"), all);
    }

    static String normal(String key) {
        String k = NON_ALNUM.matcher(key.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
        int from = 0, to = k.length();
        while (from < to && k.charAt(from) == '_') from++;
        while (to > from && k.charAt(to - 1) == '_') to--;
        return k.substring(from, to);
    }

    // ---- cloud billing tags ------------------------------------------------------------------------------
    // A second vocabulary, kept as the cloud readers were written: it differs from FIELD_BY_KEY above (e.g. "app"
    // and "application" name the agent here but are a project fallback there; "owner", "email", "department",
    // "bu" and "workspace" are read only here), and for the user the fallback (the IAM principal) wins over a tag.

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Cloud exports: allocation field → tag keys that name it, most specific first. */
    private static final Map<String, List<String>> CLOUD_KEYS = Map.of(
            "org", List.of("org", "organization", "organisation", "business_unit", "businessunit", "bu"),
            "team", List.of("team", "squad", "department", "owner_team"),
            "project", List.of("project", "project_id", "project_name"),
            "agent", List.of("agent", "application", "app"),
            "user", List.of("user", "owner", "user_email", "email"),
            "workspace", List.of("workspace"),
            "environment", List.of("environment", "env", "stage"),
            "feature", List.of("feature"),
            "customer", List.of("customer", "tenant", "client", "customer_id"));

    /**
     * The tags of one cloud-export cell, in order: a JSON object ({@code {"team":"search"}}, CUR 2.0
     * {@code resource_tags}, Azure {@code Tags}), the same without the outer braces (Azure:
     * {@code "env": "prod","team":"x"}), or a JSON array of {@code {"key":…,"value":…}} (GCP {@code labels}); keys
     * keep their spelling. Empty for a blank cell. Throws {@link IllegalArgumentException} when malformed.
     */
    public static Map<String, String> parseCell(String cell) {
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

    /** The key as cloud allocation lookups see it (prefixes {@code user_}, {@code user:}, {@code iamPrincipal/} dropped): lower case, provider prefixes dropped, separators as {@code _}. */
    static String cloudKey(String key) {
        String k = key.strip();
        if (k.startsWith("iamPrincipal/")) k = k.substring("iamPrincipal/".length());
        k = k.toLowerCase(Locale.ROOT);
        if (k.startsWith("user_") || k.startsWith("user:")) k = k.substring(5);
        return k.replace('-', '_').replace(' ', '_').replace(':', '_');
    }

    /** The first tag naming {@code field} (see {@link #CLOUD_KEYS}), or {@code null}. */
    static String cloudLookup(Map<String, String> tags, String field) {
        for (String want : CLOUD_KEYS.getOrDefault(field, List.of(field))) {
            for (Map.Entry<String, String> e : tags.entrySet()) {
                if (cloudKey(e.getKey()).equals(want) && e.getValue() != null && !e.getValue().isBlank()) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /**
     * The allocation cloud exports' tags name (AWS CUR, Azure, GCP), with {@code fallback} filling what the tags do not name (e.g. the IAM
     * principal as user, the resource group as project). All tags are kept on the allocation.
     */
    public static Allocation allocateCloud(Map<String, String> tags, Allocation fallback) {
        Allocation f = fallback == null ? Allocation.NONE : fallback;
        Map<String, String> all = new LinkedHashMap<>(f.tags());
        all.putAll(tags);
        return new Allocation(
                or(cloudLookup(tags, "org"), f.org()),
                or(cloudLookup(tags, "team"), f.team()),
                or(cloudLookup(tags, "project"), f.project()),
                or(cloudLookup(tags, "agent"), f.agent()),
                or(f.user(), cloudLookup(tags, "user")),
                f.apiKey(),
                or(cloudLookup(tags, "workspace"), f.workspace()),
                or(cloudLookup(tags, "environment"), f.environment()),
                or(cloudLookup(tags, "feature"), f.feature()),
                or(cloudLookup(tags, "customer"), f.customer()),
                all);
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}

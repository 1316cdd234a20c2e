package com.aifinops.workbench.importers.usage;

import com.aifinops.workbench.model.usage.Allocation;

import java.util.HashMap;
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
 * {@code app.}). Every tag stays in {@link Allocation#tags()} as written.
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
}

package com.aifinops.workbench.model.usage;

import java.util.Map;

/**
 * Who a usage line belongs to: the four-tier path (org → team → project → agent) and the other dimensions
 * exports carry. Any field may be {@code null} (unknown); {@code tags} holds free key/value tags
 * (e.g. FOCUS {@code Tags}, OTel attributes) and is never null.
 */
public record Allocation(String org, String team, String project, String agent, String user, String apiKey,
                         String workspace, String environment, String feature, String customer,
                         Map<String, String> tags) {

    public static final Allocation NONE = new Allocation(null, null, null, null, null, null, null, null, null, null, Map.of());

    public Allocation {
        // an immutable copy (nulls rejected); a map that is one already, as readers share, is kept without copying
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}

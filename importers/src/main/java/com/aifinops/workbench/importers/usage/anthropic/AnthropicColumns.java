package com.aifinops.workbench.importers.usage.anthropic;

import com.aifinops.workbench.importers.usage.vendor.BucketPages;
import com.aifinops.workbench.model.usage.Allocation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What Anthropic's Console exports and Admin API reports share. */
final class AnthropicColumns {
    static final String PROVIDER = "anthropic";

    /** The bucket window of the Admin API usage and cost reports (RFC 3339). */
    static final BucketPages.Window WINDOW = new BucketPages.Window("starting_at", "ending_at",
            "expected the bucket start, e.g. 2025-09-17T00:00:00Z");

    private AnthropicColumns() {
    }

    /**
     * The Admin API's {@code context_window} values in the Console's wording ({@code 0-200k} → {@code ≤ 200k},
     * {@code 200k-1M} → {@code > 200k}), the labels the usage pricer reads to pick a long-context tier.
     * Anything else is kept as written.
     */
    static String contextLabel(String apiValue) {
        if (apiValue == null) {
            return null;
        }
        return switch (apiValue.strip().toLowerCase(Locale.ROOT)) {
            case "0-200k" -> "≤ 200k";
            case "200k-1m" -> "> 200k";
            default -> apiValue.strip();
        };
    }

    /** A batch line: service tier {@code batch}, or a Console usage type naming a batch. */
    static boolean isBatch(String tierOrUsageType) {
        return tierOrUsageType != null && tierOrUsageType.toLowerCase(Locale.ROOT).contains("batch");
    }

    static Allocation allocation(String workspace, String apiKey, String user, Map<String, String> extraTags) {
        Map<String, String> tags = new HashMap<>();
        extraTags.forEach((k, v) -> {
            if (v != null) {
                tags.put(k, v);
            }
        });
        if (workspace == null && apiKey == null && user == null && tags.isEmpty()) {
            return Allocation.NONE;
        }
        return new Allocation(null, null, null, null, user, apiKey, workspace, null, null, null, tags);
    }
}

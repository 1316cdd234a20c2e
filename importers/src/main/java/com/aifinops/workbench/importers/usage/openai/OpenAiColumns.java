package com.aifinops.workbench.importers.usage.openai;

import com.aifinops.workbench.importers.usage.csv.CheckedRecord;
import com.aifinops.workbench.importers.usage.vendor.BucketPages;
import com.aifinops.workbench.model.usage.Allocation;

import java.time.Instant;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** What OpenAI's dashboard exports and admin APIs share: the provider id, time columns, grouping columns. */
final class OpenAiColumns {
    static final String PROVIDER = "openai";

    /** The only columns of an export over a window with no usage (formats.md §1.3). */
    static final Set<String> TIME = Set.of("start_time", "end_time", "start_time_iso", "end_time_iso");

    /** The bucket window of the Usage and Costs API pages (Unix seconds). */
    static final BucketPages.Window WINDOW = new BucketPages.Window("start_time", "end_time",
            "expected the bucket start in Unix seconds");

    private OpenAiColumns() {
    }

    /**
     * The grouping dimensions as an allocation: ids, not names (names and e-mails are optional PII,
     * formats.md §1.3). The service tier is a tag because it is a dimension without an allocation field.
     */
    static Allocation allocation(String org, String project, String user, String apiKey, Map<String, String> extraTags) {
        Map<String, String> tags = new HashMap<>();
        extraTags.forEach((k, v) -> {
            if (v != null) {
                tags.put(k, v);
            }
        });
        if (org == null && project == null && user == null && apiKey == null && tags.isEmpty()) {
            return Allocation.NONE;
        }
        return new Allocation(org, null, project, null, user, apiKey, null, null, null, null, tags);
    }

    /** The first of the time columns with a value (Unix seconds before the {@code *_iso} copy). */
    static Instant time(CheckedRecord row, String... columns) {
        for (String c : columns) {
            if (row.text(c) != null) {
                return row.instant(c);
            }
        }
        return null;
    }

    /**
     * Uncached input tokens: {@code input_uncached_tokens} when present ({@code warn}ing when the export also has
     * {@code input_tokens} and the parts do not add up to it), else input − cached − cache write, since OpenAI's
     * input includes both. {@code null} after {@code fail} when that is negative.
     */
    static Long uncached(long input, boolean hasInput, long cached, long write, Long uncachedCount,
                         Consumer<String> warn, Consumer<String> fail) {
        if (uncachedCount != null) {
            if (hasInput && uncachedCount + cached + write != input) {
                warn.accept("input_tokens " + input + " ≠ uncached " + uncachedCount + " + cached " + cached
                        + " + cache write " + write + "; the parts are used");
            }
            return uncachedCount;
        }
        long uncached = input - cached - write;
        if (uncached < 0) {
            fail.accept("expected input_tokens ≥ input_cached_tokens + input_cache_write_tokens (input includes cached, here "
                    + cached + " + " + write + ")");
            return null;
        }
        return uncached;
    }

    /** Every column of a dashboard export: the time columns and {@code more}. */
    static Set<String> known(Collection<String> more) {
        Set<String> k = new HashSet<>(TIME);
        k.addAll(more);
        return Set.copyOf(k);
    }

    /** "usd" → "USD"; blank → USD (every OpenAI amount seen is in dollars). */
    static String currency(String raw) {
        return raw == null ? "USD" : raw.toUpperCase(Locale.ROOT);
    }

    /**
     * The model a cost line item names, when it has the "model, direction" shape ("gpt-4o-2024-08-06, input",
     * "gpt-5-nano, input_tokens"); otherwise (e.g. "Text tokens", "input_tokens") none. The line item itself
     * stays as a tag: formats.md §1.2 says to treat it as an opaque label.
     */
    static String modelOfLineItem(String lineItem) {
        if (lineItem == null) {
            return "";
        }
        int comma = lineItem.indexOf(',');
        if (comma <= 0) {
            return "";
        }
        String model = lineItem.substring(0, comma).strip();
        return model.contains(" ") ? "" : model;
    }
}

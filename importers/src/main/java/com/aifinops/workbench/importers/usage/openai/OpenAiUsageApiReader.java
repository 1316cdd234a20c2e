package com.aifinops.workbench.importers.usage.openai;

import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.vendor.BucketPages;
import com.aifinops.workbench.importers.usage.vendor.Heads;
import com.aifinops.workbench.importers.usage.vendor.JsonFields;
import com.aifinops.workbench.importers.usage.vendor.UnknownFields;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Pages of the OpenAI Usage API ({@code GET /v1/organization/usage/{endpoint}}, formats.md §1.1) as saved
 * JSON: one page or an array of pages, streamed bucket by bucket. Completions results become full lines
 * (uncached = {@code input_uncached_tokens}, else input − cached − cache write; reasoning is inside output and
 * not reported separately). Embeddings results are token-priced input, so they become input-only lines.
 * Every other endpoint (images, moderations, audio, vector stores, tool calls) is counted in images, seconds,
 * bytes or calls, not tokens: its results are skipped with one warning per kind. Empty buckets are skipped.
 */
public final class OpenAiUsageApiReader implements UsageReader {
    public static final String FORMAT = "openai-usage-api";

    private static final String COMPLETIONS = "organization.usage.completions.result";
    private static final String EMBEDDINGS = "organization.usage.embeddings.result";

    private static final Set<String> KNOWN = Set.of("object", "input_tokens", "input_cached_tokens",
            "input_cache_write_tokens", "input_uncached_tokens", "output_tokens", "input_text_tokens",
            "output_text_tokens", "input_cached_text_tokens", "input_audio_tokens", "input_cached_audio_tokens",
            "output_audio_tokens", "input_image_tokens", "input_cached_image_tokens", "output_image_tokens",
            "num_model_requests", "project_id", "user_id", "api_key_id", "model", "batch", "service_tier");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "OpenAI Usage API pages (JSON)";
    }

    @Override
    public int detect(String fileName, String head) {
        if (!Heads.isJson(head)) {
            return 0;
        }
        if (Heads.mentions(head, "\"organization.usage.")) {
            return 95;
        }
        if (Heads.jsonKeys(head, "start_time", "results", "num_model_requests")) {
            return 80;
        }
        return 0;
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        UnknownFields unknown = new UnknownFields(KNOWN);
        Set<String> skippedKinds = new HashSet<>();
        BucketPages.readResults(file, sink, OpenAiColumns.WINDOW, (r, start, end) -> {
            String kind = r.text("object");
            boolean completions = kind == null ? r.has("output_tokens") : kind.equals(COMPLETIONS);
            boolean embeddings = EMBEDDINGS.equals(kind) || (kind == null && !completions && r.has("input_tokens"));
            if (!completions && !embeddings) {
                if (skippedKinds.add(String.valueOf(kind))) {
                    r.warning("object", "results of kind " + kind + " are not counted in tokens; skipped");
                }
                return null;
            }
            unknown.check(r, "");
            UsageLine line = line(r, start, end, completions ? "completions" : "embeddings");
            return r.ok() ? line : null;
        });
    }

    /** @param endpoint the Usage API endpoint the page came from, kept as the {@code endpoint} tag */
    private static UsageLine line(JsonFields r, Instant start, Instant end, String endpoint) {
        long input = r.countOrZero("input_tokens");
        long cached = r.countOrZero("input_cached_tokens");
        long write = r.countOrZero("input_cache_write_tokens");
        Long uncachedField = r.count("input_uncached_tokens");
        long output = r.countOrZero("output_tokens");
        long requests = r.countOrZero("num_model_requests");
        Boolean batch = r.bool("batch");
        if (!r.ok()) {
            return null;
        }
        Long uncached = OpenAiColumns.uncached(input, r.has("input_tokens"), cached, write, uncachedField,
                m -> r.warning("input_uncached_tokens", m), m -> r.error("input_tokens", Long.toString(input), m));
        if (uncached == null) {
            return null;
        }
        Map<String, String> tags = new HashMap<>();
        tags.put("service_tier", r.text("service_tier"));
        tags.put("endpoint", endpoint); // completions and embeddings pages of one period are different sources
        return new UsageLine(start, end, OpenAiColumns.PROVIDER, r.text("model"), uncached, cached, write, 0, output, 0,
                requests, Boolean.TRUE.equals(batch), null, null, null, "USD",
                OpenAiColumns.allocation(null, r.text("project_id"), r.text("user_id"), r.text("api_key_id"), tags),
                r.source());
    }
}

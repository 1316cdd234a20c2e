package com.aifinops.workbench.importers.usage.anthropic;

import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.vendor.BucketPages;
import com.aifinops.workbench.importers.usage.vendor.Heads;
import com.aifinops.workbench.importers.usage.vendor.UnknownFields;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pages of the Anthropic Admin API messages usage report ({@code GET /v1/organizations/usage_report/messages},
 * formats.md §2.1) as saved JSON: one page or an array of pages. The token classes are disjoint
 * ({@code uncached_input_tokens}, {@code cache_read_input_tokens}, {@code cache_creation.ephemeral_5m/1h_input_tokens},
 * {@code output_tokens}); there is no total input and no request count (requests = 0). Service tier
 * {@code batch} sets the batch flag; {@code context_window} becomes the tier label in the Console's wording.
 * {@code server_tool_use} (web search requests) is not tokens and is read past. Empty buckets are skipped.
 */
public final class AnthropicUsageApiReader implements UsageReader {
    public static final String FORMAT = "anthropic-usage-api";

    private static final Set<String> KNOWN = Set.of("uncached_input_tokens", "cache_read_input_tokens",
            "cache_creation", "cache_creation.ephemeral_5m_input_tokens", "cache_creation.ephemeral_1h_input_tokens",
            "output_tokens", "server_tool_use", "api_key_id", "workspace_id", "model", "service_tier",
            "context_window", "inference_geo", "speed", "account_id", "service_account_id");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Anthropic Admin API messages usage report (JSON)";
    }

    @Override
    public int detect(String fileName, String head) {
        if (!Heads.isJson(head) || !Heads.jsonKeys(head, "starting_at")) {
            return 0;
        }
        if (Heads.jsonKeys(head, "uncached_input_tokens") || Heads.jsonKeys(head, "cache_read_input_tokens", "output_tokens")) {
            // the cost report names token classes only as values ("token_type": "uncached_input_tokens")
            return 95;
        }
        return 0;
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        UnknownFields unknown = new UnknownFields(KNOWN);
        BucketPages.readResults(file, sink, AnthropicColumns.WINDOW, (r, start, end) -> {
            unknown.check(r, "");
            unknown.check(r, "cache_creation");
            long uncached = r.countOrZero("uncached_input_tokens");
            long read = r.countOrZero("cache_read_input_tokens");
            long write5m = r.countOrZero("cache_creation.ephemeral_5m_input_tokens");
            long write1h = r.countOrZero("cache_creation.ephemeral_1h_input_tokens");
            long output = r.countOrZero("output_tokens");
            if (!r.ok()) {
                return null;
            }
            String tier = r.text("service_tier");
            Map<String, String> tags = new HashMap<>();
            tags.put("service_tier", tier);
            tags.put("inference_geo", r.text("inference_geo"));
            tags.put("speed", r.text("speed"));
            tags.put("service_account_id", r.text("service_account_id"));
            return new UsageLine(start, end, AnthropicColumns.PROVIDER, r.text("model"),
                    uncached, read, write5m, write1h, output, 0, 0, AnthropicColumns.isBatch(tier), null,
                    AnthropicColumns.contextLabel(r.text("context_window")), null, "USD",
                    AnthropicColumns.allocation(r.text("workspace_id"), r.text("api_key_id"), r.text("account_id"), tags),
                    r.source());
        });
    }
}

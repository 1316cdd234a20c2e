package com.aifinops.workbench.importers.usage.anthropic;

import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.vendor.BucketPages;
import com.aifinops.workbench.importers.usage.vendor.Heads;
import com.aifinops.workbench.importers.usage.vendor.UnknownFields;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pages of the Anthropic Admin API cost report ({@code GET /v1/organizations/cost_report}, formats.md §2.2).
 * {@code amount} is a decimal string in the currency's <b>lowest unit, cents</b>: {@code "123.45"} is $1.2345,
 * so {@code billedCost = amount / 100} exactly (moving the decimal point, never via double). The model is the
 * API id when grouped by description, else the display name the description starts with
 * ("Claude Sonnet 4.5 Usage - Input Tokens" → "Claude Sonnet 4.5"). Token type, cost type, description and
 * service tier become tags; cost lines carry no token counts. Empty buckets are skipped.
 */
public final class AnthropicCostApiReader implements UsageReader {
    public static final String FORMAT = "anthropic-cost-api";

    private static final Set<String> KNOWN = Set.of("amount", "currency", "workspace_id", "description", "cost_type",
            "token_type", "model", "service_tier", "context_window", "inference_geo", "speed");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Anthropic Admin API cost report (JSON, amounts in cents)";
    }

    @Override
    public int detect(String fileName, String head) {
        if (!Heads.isJson(head) || !Heads.jsonKeys(head, "starting_at", "amount")) {
            return 0;
        }
        if (Heads.jsonKeys(head, "uncached_input_tokens")) {
            return 0; // a usage report
        }
        return Heads.jsonKeys(head, "cost_type") || Heads.jsonKeys(head, "token_type")
                || Heads.jsonKeys(head, "currency") ? 90 : 60;
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        UnknownFields unknown = new UnknownFields(KNOWN);
        BucketPages.readResults(file, sink, AnthropicColumns.WINDOW, (r, start, end) -> {
            unknown.check(r, "");
            BigDecimal cents = r.requiredDecimal("amount", "expected the amount in cents as a decimal string, e.g. \"123.45\"");
            if (cents == null || !r.ok()) {
                return null;
            }
            String currency = r.text("currency");
            String description = r.text("description");
            String tier = r.text("service_tier");
            Map<String, String> tags = new HashMap<>();
            tags.put("description", description);
            tags.put("cost_type", r.text("cost_type"));
            tags.put("token_type", r.text("token_type"));
            tags.put("service_tier", tier);
            tags.put("inference_geo", r.text("inference_geo"));
            tags.put("speed", r.text("speed"));
            String model = r.text("model");
            return new UsageLine(start, end, AnthropicColumns.PROVIDER,
                    model != null ? model : modelOfDescription(description),
                    0, 0, 0, 0, 0, 0, 0, AnthropicColumns.isBatch(tier), null,
                    AnthropicColumns.contextLabel(r.text("context_window")), dollars(cents),
                    currency == null ? "USD" : currency.toUpperCase(Locale.ROOT),
                    AnthropicColumns.allocation(r.text("workspace_id"), null, null, tags), r.source());
        });
    }

    /** Cents to dollars, exactly: "123.45" → 1.2345. */
    static BigDecimal dollars(BigDecimal cents) {
        return cents.movePointLeft(2);
    }

    /** "Claude Sonnet 4.6 Usage - Input Tokens, Cache Hit" → "Claude Sonnet 4.6"; "Web search tool usage" → "". */
    static String modelOfDescription(String description) {
        if (description == null) {
            return "";
        }
        int at = description.indexOf(" Usage - ");
        return at > 0 ? description.substring(0, at).strip() : "";
    }
}

package com.aifinops.workbench.importers.usage.openai;

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
import java.util.Map;
import java.util.Set;

/**
 * Pages of the OpenAI Costs API ({@code GET /v1/organization/costs}, formats.md §1.2) as saved JSON.
 * {@code amount.value} is in <b>dollars</b> (a JSON number, or a string such as {@code "12.50"} as observed in
 * 2026) and becomes the exact {@code billedCost}; {@code line_item} stays a tag, its model part the model.
 * Cost lines carry no token counts (see {@link OpenAiCostCsvReader}). Empty buckets are skipped.
 */
public final class OpenAiCostApiReader implements UsageReader {
    public static final String FORMAT = "openai-cost-api";

    private static final String COSTS = "organization.costs.result";
    private static final Set<String> KNOWN = Set.of("object", "amount", "amount.value", "amount.currency",
            "line_item", "project_id", "api_key_id", "quantity", "quantity_unit", "organization_id");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "OpenAI Costs API pages (JSON)";
    }

    @Override
    public int detect(String fileName, String head) {
        if (!Heads.isJson(head)) {
            return 0;
        }
        if (Heads.mentions(head, "\"" + COSTS + "\"")) {
            return 95;
        }
        if (Heads.jsonKeys(head, "start_time", "results", "amount", "value") && !Heads.jsonKeys(head, "starting_at")) {
            return 75;
        }
        return 0;
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        UnknownFields unknown = new UnknownFields(KNOWN);
        BucketPages.readResults(file, sink, OpenAiColumns.WINDOW, (r, start, end) -> {
            String kind = r.text("object");
            if (kind != null && !kind.equals(COSTS)) {
                r.warning("object", "expected " + COSTS + "; result skipped");
                return null;
            }
            unknown.check(r, "");
            unknown.check(r, "amount");
            BigDecimal amount = r.requiredDecimal("amount.value", "expected the amount in dollars, e.g. 0.06");
            if (amount == null || !r.ok()) {
                return null;
            }
            String lineItem = r.text("line_item");
            Map<String, String> tags = new HashMap<>();
            tags.put("line_item", lineItem);
            return new UsageLine(start, end, OpenAiColumns.PROVIDER, OpenAiColumns.modelOfLineItem(lineItem),
                    0, 0, 0, 0, 0, 0, 0, false, null, null, amount,
                    OpenAiColumns.currency(r.text("amount.currency")),
                    OpenAiColumns.allocation(null, r.text("project_id"), null, r.text("api_key_id"), tags),
                    r.source());
        });
    }
}

package com.aifinops.workbench.importers.usage.anthropic;

import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.csv.CsvRecords;
import com.aifinops.workbench.importers.usage.vendor.Heads;
import com.aifinops.workbench.importers.usage.csv.CheckedRecord;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Claude Console cost export ({@code claude_api_cost_YYYY_MM.csv}, formats.md §2.3): one row per day, model
 * (a display name such as "Claude Sonnet 4.6", kept as written), workspace, key and token type, with
 * {@code cost_usd} in <b>dollars</b> as the exact {@code billedCost}. Columns are parsed by name because the
 * Console drops {@code workspace}/{@code api_key} in months where they are empty (2024 files have seven columns).
 * {@code token_type}, {@code cost_type} and {@code usage_type} become tags; the rows carry no token counts.
 */
public final class AnthropicCostCsvReader implements UsageReader {
    public static final String FORMAT = "anthropic-cost-csv";

    private static final Set<String> KNOWN = Set.of("usage_date_utc", "model", "model_version", "workspace",
            "api_key", "api_key_id", "api_key_status", "usage_type", "context_window", "token_type", "cost_usd",
            "list_price_usd", "cost_type", "inference_geo", "speed");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Claude Console cost export (CSV)";
    }

    @Override
    public int detect(String fileName, String head) {
        List<String> header = Heads.csvHeader(head);
        return Heads.hasAll(header, "usage_date_utc", "cost_usd") ? 95 : 0;
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        CsvRecords.readLines(file, KNOWN, sink, row -> row.text("cost_usd") == null, AnthropicCostCsvReader::line);
    }

    private static UsageLine line(CheckedRecord row) {
        Instant start = row.instant("usage_date_utc");
        BigDecimal cost = row.money("cost_usd");
        if (!row.ok()) {
            return null;
        }
        if (start == null) {
            row.error("usage_date_utc", null, "expected the day, e.g. 2026-03-22");
            return null;
        }
        Instant end = start.plus(AnthropicUsageCsvReader.dayOrHour(row.text("usage_date_utc")));
        String usageType = row.text("usage_type");
        Map<String, String> tags = new HashMap<>();
        tags.put("token_type", row.text("token_type"));
        tags.put("cost_type", row.text("cost_type"));
        tags.put("usage_type", usageType);
        tags.put("inference_geo", row.text("inference_geo"));
        tags.put("speed", row.text("speed"));
        return new UsageLine(start, end, AnthropicColumns.PROVIDER, row.firstText("model", "model_version"),
                0, 0, 0, 0, 0, 0, 0, AnthropicColumns.isBatch(usageType), null, row.text("context_window"), cost, "USD",
                AnthropicColumns.allocation(row.text("workspace"), row.firstText("api_key", "api_key_id"), null, tags),
                row.source());
    }
}

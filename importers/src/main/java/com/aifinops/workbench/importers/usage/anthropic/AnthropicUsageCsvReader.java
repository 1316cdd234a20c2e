package com.aifinops.workbench.importers.usage.anthropic;

import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.csv.CsvRecords;
import com.aifinops.workbench.importers.usage.vendor.Heads;
import com.aifinops.workbench.importers.usage.csv.CheckedRecord;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Claude Console token usage export ({@code claude_api_tokens_<date>.csv}, formats.md §2.3). Token classes
 * are already disjoint (no-cache, cache write 5m / 1h, cache read, output). {@code usage_date_utc} is a day or
 * an hour ({@code 2026-03-31 02:00}), which sets the bucket end. {@code api_key} and {@code workspace} are
 * names; the model is kept as written for the catalogue to resolve; {@code context_window} ({@code ≤ 200k},
 * {@code > 200k}) becomes the context-tier label. The file has no request counts (requests = 0) and web searches
 * are not tokens ({@code web_search_count} is read past). Mid-2025 exports without the last three columns read too.
 */
public final class AnthropicUsageCsvReader implements UsageReader {
    public static final String FORMAT = "anthropic-usage-csv";

    private static final List<String> TOKENS = List.of("usage_input_tokens_no_cache",
            "usage_input_tokens_cache_write_5m", "usage_input_tokens_cache_write_1h", "usage_input_tokens_cache_read",
            "usage_output_tokens");
    private static final Set<String> KNOWN = Set.of("usage_date_utc", "model_version", "model", "api_key",
            "api_key_id", "workspace", "usage_type", "context_window", "usage_input_tokens_no_cache",
            "usage_input_tokens_cache_write_5m", "usage_input_tokens_cache_write_1h", "usage_input_tokens_cache_read",
            "usage_output_tokens", "web_search_count", "inference_geo", "speed");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Claude Console token usage export (CSV)";
    }

    @Override
    public int detect(String fileName, String head) {
        List<String> header = Heads.csvHeader(head);
        if (!header.contains("usage_date_utc")) {
            return 0;
        }
        return header.contains("usage_input_tokens_no_cache") || header.contains("usage_output_tokens") ? 95 : 0;
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        // a row without tokens: nothing used in this period
        CsvRecords.readLines(file, KNOWN, sink, row -> row.allBlank(TOKENS), AnthropicUsageCsvReader::line);
    }

    private static UsageLine line(CheckedRecord row) {
        Instant start = row.instant("usage_date_utc");
        long uncached = row.countOrZero("usage_input_tokens_no_cache");
        long write5m = row.countOrZero("usage_input_tokens_cache_write_5m");
        long write1h = row.countOrZero("usage_input_tokens_cache_write_1h");
        long read = row.countOrZero("usage_input_tokens_cache_read");
        long output = row.countOrZero("usage_output_tokens");
        if (!row.ok()) {
            return null;
        }
        if (start == null) {
            row.error("usage_date_utc", null, "expected the day (2026-03-22) or hour (2026-03-31 02:00) in UTC");
            return null;
        }
        Instant end = start.plus(dayOrHour(row.text("usage_date_utc")));
        String usageType = row.text("usage_type");
        Map<String, String> tags = new HashMap<>();
        tags.put("usage_type", usageType);
        tags.put("inference_geo", row.text("inference_geo"));
        tags.put("speed", row.text("speed"));
        return new UsageLine(start, end, AnthropicColumns.PROVIDER, row.firstText("model_version", "model"),
                uncached, read, write5m, write1h, output, 0, 0, AnthropicColumns.isBatch(usageType), null,
                row.text("context_window"), null, "USD",
                AnthropicColumns.allocation(row.text("workspace"), row.firstText("api_key", "api_key_id"), null, tags),
                row.source());
    }

    /** A time of day in the cell means an hourly export. */
    static Duration dayOrHour(String cell) {
        return cell.contains(":") ? Duration.ofHours(1) : Duration.ofDays(1);
    }
}

package com.aifinops.workbench.importers.usage.openai;

import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.csv.CsvRecords;
import com.aifinops.workbench.importers.usage.vendor.Heads;
import com.aifinops.workbench.importers.usage.csv.CheckedRecord;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The OpenAI dashboard usage export (Usage → Activity → Export, e.g. {@code completions_usage_<from>_<to>.csv}),
 * comma- or tab-separated (formats.md §1.3). Counts are written as {@code 59200.0}; {@code input_tokens}
 * includes cached and cache-write tokens, so uncached = {@code input_uncached_tokens} when the export has it,
 * else input − cached − cache write. The modality breakdown ({@code input_audio_tokens}, …) is already inside
 * the totals and is not added again. Rows of an empty period (only time cells) are skipped; an export of an
 * empty window has only the four time columns and yields no lines. Cache writes ({@code input_cache_write_tokens},
 * 2026) go to {@code cacheWrite5mTokens}: OpenAI publishes no write premium, and the pricer charges plain input
 * for writes when the catalogue has no write price.
 */
public final class OpenAiUsageCsvReader implements UsageReader {
    public static final String FORMAT = "openai-usage-csv";

    /** Cells that carry usage; a row where all are blank is an empty period. */
    private static final List<String> MEASURES = List.of("num_model_requests", "input_tokens", "output_tokens",
            "input_cached_tokens", "input_uncached_tokens", "input_cache_write_tokens");

    private static final Set<String> KNOWN = OpenAiColumns.known(Stream.concat(MEASURES.stream(), Stream.of(
                "project_id", "project_name", "user_id", "user_email", "api_key_id", "api_key_name", "model", "batch",
                "service_tier", "organization_id", "organization_name",
                // modality breakdown: known, deliberately not summed (already inside the totals)
                "input_text_tokens", "output_text_tokens", "input_cached_text_tokens", "input_audio_tokens",
                "input_cached_audio_tokens", "output_audio_tokens", "input_image_tokens", "input_cached_image_tokens",
                "output_image_tokens")).toList());

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "OpenAI dashboard usage export (CSV/TSV)";
    }

    @Override
    public int detect(String fileName, String head) {
        List<String> header = Heads.csvHeader(head);
        boolean timed = header.contains("start_time") || header.contains("start_time_iso");
        if (timed && Heads.hasAll(header, "num_model_requests", "input_tokens")) {
            return header.contains("output_tokens") || header.contains("input_cached_tokens") ? 90 : 80;
        }
        if (Heads.onlyOf(header, OpenAiColumns.TIME) && timed) {
            // an empty-window export: the same four columns for usage and cost; the file name decides
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            return name.contains("usage") ? 40 : name.startsWith("cost") ? 0 : 20;
        }
        return 0;
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        // an empty period: only the time cells
        CsvRecords.readLines(file, KNOWN, sink, row -> row.allBlank(MEASURES), row -> line(row, sink));
    }

    private static UsageLine line(CheckedRecord row, UsageSink sink) {
        Instant start = OpenAiColumns.time(row, "start_time", "start_time_iso");
        Instant end = OpenAiColumns.time(row, "end_time", "end_time_iso");
        if (start == null) {
            if (row.ok()) {
                row.error("start_time", null, "expected the bucket start (Unix seconds or start_time_iso)");
            }
            return null;
        }
        long input = row.countOrZero("input_tokens");
        long cached = row.countOrZero("input_cached_tokens");
        long write = row.countOrZero("input_cache_write_tokens");
        Long uncachedCell = row.count("input_uncached_tokens");
        long output = row.countOrZero("output_tokens");
        long requests = row.countOrZero("num_model_requests");
        Boolean batch = row.bool("batch");
        if (!row.ok()) {
            return null;
        }
        Long uncached = OpenAiColumns.uncached(input, row.text("input_tokens") != null, cached, write, uncachedCell,
                m -> sink.problem(ImportProblem.warning(row.source().file(), row.line(), "input_uncached_tokens", m)),
                m -> row.error("input_tokens", row.text("input_tokens"), m));
        if (uncached == null) {
            return null;
        }
        Map<String, String> tags = new HashMap<>();
        tags.put("service_tier", row.text("service_tier"));
        return new UsageLine(start, end, OpenAiColumns.PROVIDER, row.text("model"),
                uncached, cached, write, 0, output, 0, requests, Boolean.TRUE.equals(batch), null, null, null, "USD",
                OpenAiColumns.allocation(row.firstText("organization_id", "organization_name"),
                        row.firstText("project_id", "project_name"), row.text("user_id"), row.text("api_key_id"), tags),
                row.source());
    }
}

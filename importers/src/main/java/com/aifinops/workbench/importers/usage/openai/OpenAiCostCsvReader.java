package com.aifinops.workbench.importers.usage.openai;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAI dashboard cost export ({@code cost_<from>_<to>.csv}, Usage → Cost → Export), comma- or
 * tab-separated (formats.md §1.3). {@code amount_value} is in dollars with up to 30 decimals and becomes the
 * exact {@code billedCost}; the line item is kept as a tag and its model part ("gpt-4o-2024-08-06, input") as
 * the model. Cost lines carry no token counts: the export's {@code quantity} is not reliably tokens, and
 * importing the usage export too would count the tokens twice. Days without cost are skipped.
 */
public final class OpenAiCostCsvReader implements UsageReader {
    public static final String FORMAT = "openai-cost-csv";

    private static final Set<String> KNOWN = OpenAiColumns.known(List.of("amount_value", "amount_currency",
            "quantity", "quantity_unit", "line_item", "user_id", "api_key_id", "project_id", "organization_id",
            "project_name", "organization_name", "user_email", "api_source"));

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "OpenAI dashboard cost export (CSV/TSV)";
    }

    @Override
    public int detect(String fileName, String head) {
        List<String> header = Heads.csvHeader(head);
        boolean timed = header.contains("start_time") || header.contains("start_time_iso");
        if (timed && header.contains("amount_value")) {
            return header.contains("amount_currency") || header.contains("line_item") ? 90 : 80;
        }
        if (timed && Heads.onlyOf(header, OpenAiColumns.TIME)) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            return name.startsWith("cost") ? 40 : 10;
        }
        return 0;
    }

    @Override
    public void read(Path file, UsageSink sink) throws IOException {
        // a day without cost: only time (and organisation) cells
        CsvRecords.readLines(file, KNOWN, sink, row -> row.text("amount_value") == null, OpenAiCostCsvReader::line);
    }

    private static UsageLine line(CheckedRecord row) {
        Instant start = OpenAiColumns.time(row, "start_time", "start_time_iso");
        Instant end = OpenAiColumns.time(row, "end_time", "end_time_iso");
        BigDecimal amount = row.money("amount_value");
        if (!row.ok()) {
            return null;
        }
        if (start == null) {
            row.error("start_time", null, "expected the day's start (Unix seconds or start_time_iso)");
            return null;
        }
        String lineItem = row.text("line_item");
        Map<String, String> tags = new HashMap<>();
        tags.put("line_item", lineItem);
        return new UsageLine(start, end, OpenAiColumns.PROVIDER, OpenAiColumns.modelOfLineItem(lineItem),
                0, 0, 0, 0, 0, 0, 0, false, null, null, amount, OpenAiColumns.currency(row.text("amount_currency")),
                OpenAiColumns.allocation(row.firstText("organization_id", "organization_name"),
                        row.firstText("project_id", "project_name"), row.text("user_id"), row.text("api_key_id"), tags),
                row.source());
    }
}

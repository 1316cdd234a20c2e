package com.aifinops.workbench.importers.usage;

import com.aifinops.workbench.importers.usage.anthropic.AnthropicCostApiReader;
import com.aifinops.workbench.importers.usage.anthropic.AnthropicCostCsvReader;
import com.aifinops.workbench.importers.usage.anthropic.AnthropicUsageApiReader;
import com.aifinops.workbench.importers.usage.anthropic.AnthropicUsageCsvReader;
import com.aifinops.workbench.importers.usage.cloud.AwsCurReader;
import com.aifinops.workbench.importers.usage.cloud.AzureCostReader;
import com.aifinops.workbench.importers.usage.cloud.GcpBillingReader;
import com.aifinops.workbench.importers.usage.focus.FocusReader;
import com.aifinops.workbench.importers.usage.litellm.LiteLlmDailyReader;
import com.aifinops.workbench.importers.usage.litellm.LiteLlmSpendLogsReader;
import com.aifinops.workbench.importers.usage.mapped.ColumnMapping;
import com.aifinops.workbench.importers.usage.mapped.MappedCsvReader;
import com.aifinops.workbench.importers.usage.openai.OpenAiCostApiReader;
import com.aifinops.workbench.importers.usage.openai.OpenAiCostCsvReader;
import com.aifinops.workbench.importers.usage.openai.OpenAiUsageApiReader;
import com.aifinops.workbench.importers.usage.openai.OpenAiUsageCsvReader;
import com.aifinops.workbench.importers.usage.otel.OtelGenAiReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every usage reader the workbench knows, and format detection over them. */
public final class UsageReaders {
    private static final int HEAD_BYTES = 16 * 1024;

    private UsageReaders() {
    }

    /** All readers; add new formats here. */
    public static List<UsageReader> all() {
        return List.of(
                new OpenAiUsageCsvReader(),
                new OpenAiCostCsvReader(),
                new OpenAiUsageApiReader(),
                new OpenAiCostApiReader(),
                new AnthropicUsageCsvReader(),
                new AnthropicCostCsvReader(),
                new AnthropicUsageApiReader(),
                new AnthropicCostApiReader(),
                new FocusReader(),
                new OtelGenAiReader(),
                new LiteLlmDailyReader(),
                new LiteLlmSpendLogsReader(),
                new AwsCurReader(),
                new AzureCostReader(),
                new GcpBillingReader());
    }

    /** The reader for "any other CSV" through a saved column mapping; never detected, only chosen. */
    public static UsageReader mapped(ColumnMapping mapping) {
        return new MappedCsvReader(mapping);
    }

    public static Optional<UsageReader> byFormat(String format) {
        return all().stream().filter(r -> r.format().equalsIgnoreCase(format)).findFirst();
    }

    /** The reader with the highest detection score above zero for this file, if any. */
    public static Optional<UsageReader> detect(Path file) throws IOException {
        String head = head(file);
        String name = file.getFileName().toString();
        return all().stream()
                .filter(r -> r.detect(name, head) > 0)
                .max(Comparator.comparingInt(r -> r.detect(name, head)));
    }

    /** The first {@value #HEAD_BYTES} bytes of the file as UTF-8 (a cut multi-byte character is replaced). */
    public static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
        }
    }
}

package com.aifinops.workbench.importers.usage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static com.aifinops.workbench.importers.usage.ReaderFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every OpenAI and Anthropic fixture is claimed by its own reader, and by none of the other vendor readers
 * (other readers registered later must score lower on these signatures; this test then still names the winner).
 */
class VendorDetectionTest {
    /** The one documented ambiguity: a time-only OpenAI export is usage or cost by file name alone. */
    private static final Set<String> AMBIGUOUS = Set.of("completions_usage_2025-10-08_2025-10-09.csv|openai-cost-csv");

    private static final Set<String> MINE = Set.of("openai-usage-csv", "openai-cost-csv", "openai-usage-api",
            "openai-cost-api", "anthropic-usage-csv", "anthropic-cost-csv", "anthropic-usage-api", "anthropic-cost-api");

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "openai-usage-csv, completions_usage_2025-10-05_2025-10-07.csv",
            "openai-usage-csv, completions_usage_2026-09-28_2026-09-28.tsv",
            "openai-usage-csv, completions_usage_2025-10-08_2025-10-09.csv",
            "openai-cost-csv, cost_2026-09-28_2026-09-30.csv",
            "openai-cost-csv, cost_2025-10-05_2025-10-10.tsv",
            "openai-usage-api, organization_usage_completions_example_response.json",
            "openai-usage-api, organization_usage_embeddings_example_response.json",
            "openai-usage-api, organization_usage_images_example_response.json",
            "openai-usage-api, usage_completions_pages.json",
            "openai-cost-api, organization_costs_example_response.json",
            "openai-cost-api, costs_pages.json",
            "anthropic-usage-csv, claude_api_tokens_2026_08.csv",
            "anthropic-usage-csv, claude_api_tokens_2026_03_31.csv",
            "anthropic-usage-csv, claude_api_tokens_2025_06.csv",
            "anthropic-cost-csv, claude_api_cost_2024_12.csv",
            "anthropic-cost-csv, claude_api_cost_2024_11.csv",
            "anthropic-cost-csv, claude_api_cost_2026_08.csv",
            "anthropic-usage-api, usage_report_messages_2025-09-17.json",
            "anthropic-usage-api, usage_report_messages_grouped.json",
            "anthropic-cost-api, cost_report_grouped.json"})
    void eachFixtureIsClaimedByItsReaderOnly(String format, String file) throws Exception {
        Path path = fixture(format, file);
        Optional<UsageReader> picked = UsageReaders.detect(path);
        assertTrue(picked.isPresent(), "nothing detected " + file);
        assertEquals(format, picked.get().format());

        String head = UsageReaders.head(path);
        for (UsageReader other : UsageReaders.all()) {
            if (other.format().equals(format) || !MINE.contains(other.format())
                    || AMBIGUOUS.contains(file + "|" + other.format())) {
                continue;
            }
            assertEquals(0, other.detect(file, head), other.format() + " must not claim " + file);
        }
    }

    @ParameterizedTest
    @CsvSource({"openai-usage-csv", "openai-cost-csv", "openai-usage-api", "openai-cost-api",
            "anthropic-usage-csv", "anthropic-cost-csv", "anthropic-usage-api", "anthropic-cost-api"})
    void everyReaderIsRegisteredUnderItsFormat(String format) {
        assertEquals(format, UsageReaders.byFormat(format).orElseThrow().format());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "usage.csv|date,model,input,output",
            "focus.csv|BilledCost,ChargePeriodStart,ServiceName,ProviderName",
            "cur.csv|identity_line_item_id,line_item_usage_type,line_item_unblended_cost",
            "litellm.json|{\"gpt-4o\": {\"input_cost_per_token\": 2.5e-06}}",
            "otel.json|{\"resourceSpans\": [{\"scopeSpans\": []}]}"})
    void foreignFilesAreNotClaimed(String name, String head) {
        for (UsageReader r : UsageReaders.all()) {
            if (MINE.contains(r.format())) {
                assertEquals(0, r.detect(name, head), r.format() + " must not claim " + name);
            }
        }
    }
}

package com.aifinops.workbench.importers.catalog;

import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.price.Rates;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceFileReadersTest {
    private static InputStream fixture(String name) {
        return PriceFileReadersTest.class.getResourceAsStream("/fixtures/catalogs/" + name);
    }

    private static PriceRow row(CatalogImport imp, String id) {
        return imp.rows().stream().filter(r -> r.modelId().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private static void assertRates(Rates r, String in, String read, String w5, String w1h, String out) {
        assertEquals(0, new BigDecimal(in).compareTo(r.input()), "input");
        assertEquals(0, new BigDecimal(out).compareTo(r.output()), "output");
        check(read, r.cachedRead(), "cache read");
        check(w5, r.cacheWrite5m(), "write 5m");
        check(w1h, r.cacheWrite1h(), "write 1h");
    }

    private static void check(String expected, BigDecimal actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": " + actual);
        }
    }

    @Test
    void liteLlmPerTokenPricesBecomeExactPerMTokWithTiers() throws IOException {
        CatalogImport imp = LiteLlmPriceReader.read(fixture("litellm-trimmed.json"), "litellm-trimmed.json", "2026-07-24");
        // gemini-2.5-pro: 1.25e-06 → $1.25, 1.25e-07 → $0.125, 1e-05 → $10; above 200k: 2.5 / 0.25 / 15, write 0.25
        PriceRow gemini = row(imp, "gemini-2.5-pro");
        assertRates(gemini.base(), "1.25", "0.125", null, null, "10");
        assertEquals(1, gemini.tiers().size());
        assertEquals(200_000, gemini.tiers().get(0).aboveTokens());
        assertRates(gemini.tiers().get(0).rates(), "2.5", "0.25", "0.25", null, "15");
        // claude-sonnet-4-5: 3 / 0.3 / 15, writes 3.75 (5m) and 6 (1h); above 200k 6 / 0.6 / 22.5, writes 7.5 and 12
        PriceRow sonnet = row(imp, "claude-sonnet-4-5");
        assertRates(sonnet.base(), "3", "0.3", "3.75", "6", "15");
        assertRates(sonnet.tiers().get(0).rates(), "6", "0.6", "7.5", "12", "22.5");
        assertEquals("anthropic", sonnet.provider());
        assertEquals("2026-07-24", sonnet.asOf());
        // strings and odd notation: "2.5e-06" → 2.5, "1E-5" → 10, 35.2E-8 → 0.352
        assertRates(row(imp, "string-priced-model").base(), "2.5", "0.352", null, null, "10");
        assertEquals(4, imp.rows().size(), "gemini, gpt-5, sonnet, string-priced");
        assertEquals(2, imp.skipped().size(), imp.skipped().toString());
        assertTrue(imp.skipped().stream().anyMatch(s -> s.startsWith("text-embedding-3-small: mode 'embedding'")), imp.skipped().toString());
    }

    @Test
    void langfuseDefaultTierAndLargeContextTier() throws IOException {
        CatalogImport imp = LangfusePriceReader.read(fixture("langfuse-trimmed.json"), "langfuse-trimmed.json", "2026-08-21");
        PriceRow gemini = row(imp, "gemini-2.5-pro");
        assertRates(gemini.base(), "1.25", "0.125", null, null, "10");
        assertEquals(200_000, gemini.tiers().get(0).aboveTokens(), "(input|prompt|cached) > 200000");
        assertRates(gemini.tiers().get(0).rates(), "2.5", "0.25", null, null, "15");
        PriceRow gpt4o = row(imp, "gpt-4o");
        assertRates(gpt4o.base(), "2.5", "1.25", null, null, "10");
        assertTrue(gpt4o.tiers().isEmpty(), "'Fast mode' is keyed on service_tier, not prompt length");
        assertRates(row(imp, "claude-sonnet-4-5-20250929").base(), "3", "0.3", "3.75", "6", "15");
    }

    @Test
    void badPriceTextIsSkippedWithItsReasonNotImportedAsZero() throws IOException {
        String json = "{\"bad\":{\"mode\":\"chat\",\"input_cost_per_token\":\"cheap\",\"output_cost_per_token\":1e-6}}";
        CatalogImport imp = LiteLlmPriceReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "x.json", "d");
        assertTrue(imp.rows().isEmpty());
        assertTrue(imp.skipped().get(0).contains("bad: expected a price per token"), imp.skipped().toString());
        assertThrows(IOException.class, () -> LiteLlmPriceReader.read(new ByteArrayInputStream("[1]".getBytes()), "x.json", "d"));
    }

    @Test
    void theFullSharedFilesImport() throws IOException {
        Path lite = Path.of("../../shared/data/catalogs/litellm-model-prices.json");
        Path lf = Path.of("../../shared/data/catalogs/langfuse-default-model-prices.json");
        Assumptions.assumeTrue(Files.exists(lite) && Files.exists(lf), "shared/data not present");
        CatalogImport a = LiteLlmPriceReader.read(lite, "2026-07-24");
        CatalogImport b = LangfusePriceReader.read(lf, "2026-08-21");
        // 2,985 keys less sample_spec and last_updated = 2,983 model entries, each imported or skipped with a reason
        assertEquals(2983, a.rows().size() + a.skipped().size());
        assertEquals(167, b.rows().size() + b.skipped().size());
        assertTrue(a.rows().size() > 2000, "most entries are chat models: " + a.rows().size());
        System.out.printf("LiteLLM: %d rows, %d skipped; Langfuse: %d rows, %d skipped %s%n", a.rows().size(), a.skipped().size(),
                b.rows().size(), b.skipped().size(), b.skipped());
    }
}

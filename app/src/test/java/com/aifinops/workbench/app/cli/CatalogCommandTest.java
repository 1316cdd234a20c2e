package com.aifinops.workbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogCommandTest {
    @TempDir
    Path dir;
    private String db;
    private Path litellm;

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("catalog").toString();
        litellm = dir.resolve("litellm.json");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/litellm-trimmed.json")) {
            Files.copy(in, litellm);
        }
    }

    private static JsonNode json(CliRun r) throws Exception {
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void importingLiteLlmPricesGeminiProAboveTwoHundredKAtTheHigherTier() throws Exception {
        JsonNode imp = json(CliRun.of("catalog", "import", litellm.toString(), "--db", db, "--as-of", "2026-07-24", "--json"));
        assertEquals("litellm", imp.get("format").asText());
        assertEquals(4, imp.get("imported").asInt(), "gemini-2.5-pro, gpt-5, claude-sonnet-4-5, string-priced-model");
        assertEquals(2, imp.get("skipped").size(), "the embedding and the image model");
        // 1 request of 250,000 in (above 200K: $2.50) and 1,000 out ($15): 0.625 + 0.015 = $0.64
        String[] request = {"cost", "--db", db, "--model", "gemini-2.5-pro", "--users", "1", "--requests-per-day", "1",
                "--days", "1", "--overhead", "1", "--output-tokens", "1000", "--json", "--explain", "--input-tokens"};
        JsonNode above = json(CliRun.of(concat(request, "250000")));
        assertEquals("0.64", above.get("monthlyCostUsd").asText());
        assertTrue(above.get("explanation").asText().contains("tier >200K"), above.toString());
        assertTrue(above.get("explanation").asText().contains("LiteLLM price map"), above.toString());
        // exactly 200,000 in stays in the base tier: 200,000 · 1.25 + 1,000 · 10 = 0.25 + 0.01 = $0.26
        assertEquals("0.26", json(CliRun.of(concat(request, "200000"))).get("monthlyCostUsd").asText());
    }

    @Test
    void reimportingTheSameFileAddsNothing() throws Exception {
        json(CliRun.of("catalog", "import", litellm.toString(), "--db", db, "--as-of", "2026-07-24", "--json"));
        JsonNode again = json(CliRun.of("catalog", "import", litellm.toString(), "--db", db, "--as-of", "2026-07-24", "--json"));
        assertEquals(0, again.get("imported").asInt());
        assertEquals(4, again.get("unchanged").asInt());
    }

    @Test
    void importedRowThatDisagreesWithTheBuiltInOneIsShownAsAConflict() throws Exception {
        json(CliRun.of("catalog", "import", litellm.toString(), "--db", db, "--as-of", "2026-07-24", "--json"));
        JsonNode show = json(CliRun.of("catalog", "show", "gemini-2.5-pro", "--db", db, "--json"));
        assertEquals("1.25", show.get("inputPerMTok").asText());
        assertEquals("0.125", show.get("cachedInputPerMTok").asText(), "the imported row wins");
        assertEquals(1, show.get("conflicts").size(), "the built-in guide row (cached $0.31) stays visible");
        assertEquals("0.31", show.get("conflicts").get(0).get("cachedInputPerMTok").asText());
    }

    @Test
    void contractedCostUsesTheNegotiatedDiscount() throws Exception {
        CliRun set = CliRun.of("catalog", "contract", "--provider", "OpenAI", "--discount", "20", "--db", db);
        assertEquals(0, set.status(), set.err());
        String[] rag = {"cost", "--db", db, "--model", "gpt-5.5", "--users", "10000", "--requests-per-day", "10",
                "--input-tokens", "1500", "--output-tokens", "750", "--cache-hit", "0.5", "--overhead", "1.2", "--json"};
        assertEquals("95850.00", json(CliRun.of(rag)).get("monthlyCostUsd").asText(), "list without --contracted");
        // 95,850 · 0.80 = 76,680.00
        assertEquals("76680.00", json(CliRun.of(concat(rag, "--contracted"))).get("monthlyCostUsd").asText());
    }

    @Test
    void listShowsOneRowPerModelFilteredByProvider() throws Exception {
        JsonNode list = json(CliRun.of("catalog", "list", "--provider", "Anthropic", "--db", db, "--json"));
        assertEquals(3, list.size(), "Opus 4.6, Sonnet 4.6, Haiku 4.5");
        for (JsonNode m : list) {
            assertEquals("Anthropic", m.get("provider").asText());
        }
        // Anthropic rows carry the published write premiums: Sonnet 3.00 → 3.75 (5 min) and 6.00 (1 h)
        JsonNode sonnet = json(CliRun.of("catalog", "show", "claude-sonnet-4.6", "--db", db, "--json"));
        assertEquals("3.75", sonnet.get("cacheWrite5mPerMTok").asText());
        assertEquals("6.00", sonnet.get("cacheWrite1hPerMTok").asText());
    }

    @Test
    void badCatalogInputIsOneLineExit2() {
        CliRun r = CliRun.of("catalog", "import", dir.resolve("missing.json").toString(), "--db", db);
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("error: no such file"), r.err());
        assertEquals(2, CliRun.of("catalog", "show", "gpt-99", "--db", db).status());
        assertEquals(2, CliRun.of("catalog", "frobnicate").status());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

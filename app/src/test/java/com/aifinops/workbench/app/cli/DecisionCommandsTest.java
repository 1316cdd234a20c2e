package com.aifinops.workbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionCommandsTest {
    private static final String SAMPLE = "src/main/resources/samples/rag-support-agent.afw.json";

    private static JsonNode json(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static JsonNode named(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + value);
    }

    @Test
    void tcoPricesTheSamplesOptionsAndSolvesTheCrossover() throws Exception {
        JsonNode j = json("tco", SAMPLE, "--json");
        // 3,000,000 requests · 1.20 · 2,250 tokens · 12 = 97,200,000,000 tokens a year
        assertEquals(97_200_000_000L, j.get("annualTokens").asLong());
        JsonNode api = named(j.get("options"), "name", "GPT-5.5 API");
        assertEquals("1150200.00", api.get("annualCostUsd").asText()); // 12 · 95,850
        // demand per 8-GPU node: 650 · 31,536,000 · 0.55 · 8 / 1.3 = 69,379,200,000 → 97.2e9 needs 2 nodes = 16 GPUs;
        // 16 · 8,760 · $3 = 420,480 + 1 FTE · 210,000 + 30,000 = 660,480
        JsonNode neo = named(j.get("options"), "name", "Neocloud 8×H200 (1-yr reserved)");
        assertEquals("660480.00", neo.get("annualCostUsd").asText());
        assertEquals(16, neo.get("gpus").asInt());
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode l : neo.get("breakdown")) {
            sum = sum.add(new BigDecimal(l.get("usd").asText()));
        }
        assertEquals(new BigDecimal("660480.00"), sum);
        // one node costs 240,000 + 8 · 8,760 · 3 = 450,240; the API reaches it at 450,240 · 97.2e9 / 1,150,200
        // = 38,048,450,704.2 → first whole token 38,048,450,705 (below one node's 69,379,200,000)
        JsonNode x = named(j.get("crossovers"), "challenger", "Neocloud 8×H200 (1-yr reserved)");
        assertEquals("GPT-5.5 API", x.get("incumbent").asText());
        assertEquals(38_048_450_705L, x.get("annualTokens").asLong());
        JsonNode never = j.get("crossovers").get(4);
        assertEquals("DeepSeek V3.2 API", never.get("incumbent").asText());
        assertTrue(never.get("annualTokens").isNull(), "a GPU node costs more than the DeepSeek tokens it serves");
        assertEquals(5, j.get("multiYear").get("volumes").size());
    }

    @Test
    void commitPrintsBreakEvenUtilisationAndMatchingDiscounts() throws Exception {
        JsonNode j = json("commit", SAMPLE, "--provider", "openai", "--json");
        JsonNode ptu = j.get("provisioned").get(0);
        // unit month 1.20 · 24 · 30 = 864 for 3,000 · 60 · 720 = 129.6M tokens → $6.6667/MTok full;
        // PAYG 95,850 / 8,100 MTok = $11.8333 → u* = 864 / (129.6 · 11.8333) = 0.5634
        assertEquals("6.6667", ptu.get("perMTokAtFullUsd").asText());
        assertEquals("11.8333", ptu.get("paygPerMTokUsd").asText());
        assertEquals("0.5634", ptu.get("breakEvenUtilisation").asText());
        JsonNode c = j.get("commitments").get(0);
        // list 95,850 · Σ 1.02^m (m = 0..11) = 95,850 · 13.412090 = 1,285,548.80; consumed · 0.82 = 1,054,150.02;
        // 154,150.02 over the 900,000, billed at the discount: the term costs 1,054,150.02
        assertEquals("1285548.80", c.get("termListUsd").asText());
        assertEquals("1054150.02", c.get("consumedUsd").asText());
        assertEquals("0.00", c.get("shortfallUsd").asText());
        assertEquals("154150.02", c.get("overageUsd").asText());
        assertEquals("231398.78", c.get("savingsUsd").asText());
        // Claude Sonnet 4.6 at the same volume: 49,410/95,850 of the list → 1 − 0.515493 = 0.4845
        JsonNode alt = named(j.get("matchingDiscounts"), "kind", "Another provider");
        assertEquals("0.4845", alt.get("discountToMatch").asText());
    }

    @Test
    void commitRefusesAProviderTheWorkbookDoesNotUse() {
        CliRun r = CliRun.of("commit", SAMPLE, "--provider", "Nobody");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("providers: OpenAI"), r.err());
    }
}

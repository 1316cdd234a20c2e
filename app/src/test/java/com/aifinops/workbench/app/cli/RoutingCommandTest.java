package com.aifinops.workbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingCommandTest {
    private static final String[] RAG = {"--users", "10000", "--requests-per-day", "10", "--input-tokens", "1500",
            "--output-tokens", "750", "--cache-hit", "0.5", "--overhead", "1.2", "--json"};

    private static JsonNode run(String... extra) throws Exception {
        String[] args = new String[RAG.length + extra.length + 1];
        args[0] = "routing";
        System.arraycopy(extra, 0, args, 1, extra.length);
        System.arraycopy(RAG, 0, args, 1 + extra.length, RAG.length);
        CliRun r = CliRun.of(args);
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void cascadeMixOfMiniAndFrontier() throws Exception {
        // 0.8·1706.25 + 0.2·26625 + 0.8·0.25·26625 = 12,015 µ$ · 3,600,000 = $43,254.00; 1 − 43254/95850 = 0.548732
        JsonNode j = run("--share", "gpt-5-mini=0.8", "--share", "gpt-5.5=0.2", "--cascade-escalation", "0.25");
        assertEquals("43254.00", j.get("monthlyCostUsd").asText());
        assertEquals("95850.00", j.get("allFrontierMonthlyCostUsd").asText());
        assertEquals("0.548732", j.get("savingsFraction").asText());
        assertEquals("gpt-5.5", j.get("frontierModel").asText());
    }

    @Test
    void sharesMustSumToOne() {
        CliRun r = CliRun.of("routing", "--share", "gpt-5-mini=0.7", "--share", "gpt-5.5=0.2", "--users", "1",
                "--requests-per-day", "1", "--input-tokens", "1", "--output-tokens", "1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("shares must sum to 1, they sum to 0.9"), r.err());
    }
}

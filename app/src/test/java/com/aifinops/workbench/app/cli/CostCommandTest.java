package com.aifinops.workbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostCommandTest {
    private static final String[] RAG = {"--users", "10000", "--requests-per-day", "10", "--input-tokens", "1500",
            "--output-tokens", "750", "--cache-hit", "0.5", "--overhead", "1.2"};

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(more, 0, all, 0, more.length);
        System.arraycopy(base, 0, all, more.length, base.length);
        return all;
    }

    @Test
    void printsTheSeedCaseMonthlyCost() {
        CliRun r = CliRun.of(with(RAG, "cost", "--model", "gpt-5.5"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Monthly cost:      $95,850.00"), r.out());
    }

    @Test
    void jsonGivesDecimalStringsRoundedHalfUp() throws Exception {
        CliRun r = CliRun.of(with(RAG, "cost", "--model", "gpt-5.5", "--json"));
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("gpt-5.5", j.get("model").asText());
        assertEquals("95850.00", j.get("monthlyCostUsd").textValue());
        assertEquals("0.026625", j.get("costPerRequestUsd").textValue());
        assertEquals("14850.00", j.get("inputCostUsd").textValue()); // 3e6 · 1500 · 2.75/1e6 · 1.2
        assertEquals("81000.00", j.get("outputCostUsd").textValue()); // 3e6 · 750 · 30/1e6 · 1.2
    }

    @Test
    void explicitPricesMakeTheModelCustom() throws Exception {
        CliRun r = CliRun.of(with(RAG, "cost", "--input-price", "5", "--cached-price", "0.5", "--output-price", "30",
                "--days", "31", "--json"));
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("custom", j.get("model").asText());
        // 31 days: 3,100,000 requests · 0.026625 · 1.2 = 99,045.00
        assertEquals("99045.00", j.get("monthlyCostUsd").textValue());
    }

    @Test
    void overridingOnePriceKeepsTheOthersFromTheCatalogue() throws Exception {
        CliRun r = CliRun.of(with(RAG, "cost", "--model", "GPT-5.5", "--output-price", "24", "--json"));
        // 1500·2.75 + 750·24 = 4125 + 18000 = 22125 µ$ · 3e6 · 1.2 = 79,650.00
        assertEquals("79650.00", new ObjectMapper().readTree(r.out()).get("monthlyCostUsd").textValue());
    }

    @Test
    void perRequestCostRoundsHalfUpToSixDecimals() throws Exception {
        // 1 in · $1.5/MTok + 0 out = 0.0000015 → 0.000002 (half-up)
        CliRun r = CliRun.of("cost", "--users", "1", "--requests-per-day", "1", "--input-tokens", "1", "--output-tokens", "0",
                "--input-price", "1.5", "--cached-price", "1.5", "--output-price", "0", "--json");
        assertEquals("0.000002", new ObjectMapper().readTree(r.out()).get("costPerRequestUsd").textValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown model  | cost --model gpt-99 --users 1 --requests-per-day 1 --input-tokens 1 --output-tokens 1 | unknown model 'gpt-99'",
            "bad flag       | cost --model gpt-5.5 --userz 1                                                   | unknown option --userz",
            "not a number   | cost --model gpt-5.5 --users many --requests-per-day 1 --input-tokens 1 --output-tokens 1 | --users: expected a number, got 'many'",
            "hit above one  | cost --model gpt-5.5 --users 1 --requests-per-day 1 --input-tokens 1 --output-tokens 1 --cache-hit 1.5 | --cache-hit: must be at most 1",
            "missing prices | cost --users 1 --requests-per-day 1 --input-tokens 1 --output-tokens 1 --input-price 1 | missing --cached-price, --output-price",
            "unknown command| bill                                                                             | unknown command 'bill'"})
    void badInputPrintsOneLineNamingItAndExits2(String name, String args, String expected) {
        CliRun r = CliRun.of(args.trim().split("\\s+"));
        assertEquals(2, r.status());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void billingExtensionsOnTheCommandLine() throws Exception {
        // Claude Sonnet 4.6, prefix share 0.8, all misses written with a 1-hour TTL, 250 reasoning tokens:
        // 300·3 + 600·0.30 + 600·6 + 1000·15 = 19,680 µ$ · 3,000,000 · 1.2 = $70,848.00
        CliRun r = CliRun.of("cost", "--model", "claude-sonnet-4.6", "--users", "10000", "--requests-per-day", "10",
                "--input-tokens", "1500", "--output-tokens", "750", "--cache-hit", "0.5", "--overhead", "1.2",
                "--prefix-share", "0.8", "--cache-write-share", "1", "--ttl", "1h", "--reasoning-tokens", "250", "--json", "--explain");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("70848.00", j.get("monthlyCostUsd").textValue(), r.err());
        assertTrue(j.get("explanation").textValue().contains("cache write 1h 600 × $6.00/MTok"), j.toString());
        // Anthropic cache break-even: 5 min (1.25 − 1)/(1 − 0.1) → 1 read; 1 h (2 − 1)/0.9 → 2 reads
        assertEquals(1, j.get("cacheBreakEvenReads5m").asInt());
        assertEquals(2, j.get("cacheBreakEvenReads1h").asInt());
    }

    @Test
    void batchShareHalvesThePriceOfTheBatchedPart() throws Exception {
        // half the requests at 50 %: 95,850 · (0.5 + 0.5·0.5) = 71,887.50
        CliRun r = CliRun.of(with(RAG, "cost", "--model", "gpt-5.5", "--batch-share", "0.5", "--json"));
        assertEquals("71887.50", new ObjectMapper().readTree(r.out()).get("monthlyCostUsd").textValue());
    }

    @Test
    void badTtlOrDateIsAUsageError() {
        assertEquals(2, CliRun.of(with(RAG, "cost", "--model", "gpt-5.5", "--ttl", "2h")).status());
        CliRun r = CliRun.of(with(RAG, "cost", "--model", "gpt-5.5", "--date", "July"));
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--date: expected YYYY-MM-DD"), r.err());
    }

    @Test
    void helpDocumentsEveryCostOption() {
        CliRun r = CliRun.of("cost", "--help");
        assertEquals(0, r.status());
        for (String opt : new String[]{"--model", "--users", "--requests-per-day", "--input-tokens", "--output-tokens",
                "--cache-hit", "--overhead", "--days", "--input-price", "--cached-price", "--output-price", "--json",
                "--cache-write-share", "--prefix-share", "--batch-share", "--reasoning-tokens", "--ttl", "--date",
                "--contracted", "--explain"}) {
            assertTrue(r.out().contains(opt), opt);
        }
        assertTrue(CliRun.of("--help").out().contains("cost"));
    }
}

package com.aifinops.workbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastCommandTest {
    @TempDir
    Path dir;

    private Path portfolio() throws Exception {
        Path f = dir.resolve("p.afw.json");
        try (var in = getClass().getResourceAsStream("/workbooks/support-portfolio.afw.json")) {
            Files.copy(in, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return f;
    }

    private JsonNode run(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void growthAndRepricingPerWorkloadAndInTotal() throws Exception {
        JsonNode j = run("forecast", portfolio().toString(), "--scenario", "Growth + repricing", "--months", "8", "--json");
        JsonNode rag = j.get("workloads").get(0).get("monthly");
        // RAG agent $95,850.00 (core formula), +8 %/month: m2 95,850·1.08 = 103,518.00;
        // m7 95,850·1.08⁶·2.5 = 95,850·1.586874322944·2.5 = 380,254.7596… → 380,254.76
        assertEquals("95850.00", rag.get(0).get("costUsd").asText());
        assertEquals("103518.00", rag.get(1).get("costUsd").asText());
        assertEquals("380254.76", rag.get(6).get("costUsd").asText());
        // the chat: window of 4 turns, inputs 1280, 1610, 1940, 2270, 2600, 2600 = 12,300; output 6·250 = 1,500;
        // h 0.3 on mini: rate 0.25·0.7 + 0.025·0.3 = 0.1825 → 12,300·0.1825 + 1,500·2 = 5,244.75 µ$ per conversation;
        // overhead (1.05·1.02·1.10·1.03) = 1.213443 · 20,000 conversations → $127.284103… = $127.28
        assertEquals("127.28", j.get("workloads").get(1).get("monthly").get(0).get("costUsd").asText());
        // summaries: (3,000·0.28 + 500·0.42)/1e6 at half price = 0.000525 · 600,000 = $315.00
        assertEquals("315.00", j.get("workloads").get(2).get("monthly").get(0).get("costUsd").asText());
        assertEquals("96292.28", j.get("total").get(0).get("costUsd").asText());
        assertEquals("0.08", j.get("monthlyGrowth").asText());
        assertEquals(7, j.get("priceChanges").get(0).get("fromMonth").asInt());
    }

    @Test
    void perUserPercentilesWhereTheWorkloadHasASpread() throws Exception {
        JsonNode j = run("forecast", portfolio().toString(), "--months", "2", "--json");
        JsonNode m1 = j.get("workloads").get(0).get("monthly").get(0);
        // mean $9.585/user, σ 1 → median 9.585·e^−0.5 = 5.8136; P90 ·e^(1.28155) = 20.942; P99 ·e^(2.32635) = 59.53
        assertEquals(5.8136, m1.get("perUserP50Usd").asDouble(), 5.8136 * 0.02);
        assertEquals(20.942, m1.get("perUserP90Usd").asDouble(), 20.942 * 0.02);
        assertEquals(59.53, m1.get("perUserP99Usd").asDouble(), 59.53 * 0.02);
        assertEquals(m1.get("perUserP90Usd").asText(), j.get("workloads").get(0).get("budgetPerUserUsd").asText());
        assertTrue(j.get("workloads").get(1).get("monthly").get(0).get("perUserP50Usd").isNull());
    }

    @Test
    void flagsOverrideTheScenario() throws Exception {
        // a cut to half from month 2, no growth: 95,850 then 47,925
        JsonNode j = run("forecast", portfolio().toString(), "--scenario", "Growth + repricing", "--growth", "0",
                "--price-change", "2=0.5", "--months", "2", "--json");
        assertEquals("47925.00", j.get("workloads").get(0).get("monthly").get(1).get("costUsd").asText());
    }

    @Test
    void historyTrendOfTheUsageRollups() throws Exception {
        // monthly totals 100, 120, 140 (two rollups in March): slope 20 a month, exact fit, so no interval width:
        // next months 160 and 180
        var wb = com.aifinops.workbench.importers.workbook.WorkbookJson.read(portfolio());
        java.util.function.BiFunction<String, String, com.aifinops.workbench.model.workbook.UsageRollup> r = (m, usd) ->
                new com.aifinops.workbench.model.workbook.UsageRollup(m, "t", "p", "gpt-5.5", null, null, null, 1, 1, 0, 1,
                        new java.math.BigDecimal(usd));
        Path f = dir.resolve("h.afw.json");
        com.aifinops.workbench.importers.workbook.WorkbookJson.write(wb.withUsageRollups(java.util.List.of(
                r.apply("2026-01", "100"), r.apply("2026-02", "120"), r.apply("2026-03", "90"), r.apply("2026-03", "50"))), f);
        JsonNode h = run("forecast", f.toString(), "--months", "2", "--history", "--json").get("history");
        assertEquals("140.00", h.get("months").get(2).get("costUsd").asText());
        assertEquals("160.00", h.get("forecast").get(0).get("costUsd").asText());
        assertEquals("180.00", h.get("forecast").get(1).get("costUsd").asText());
        assertEquals("180.00", h.get("forecast").get(1).get("lowUsd").asText());
    }

    @Test
    void aPriceChangeOnADateCountsFromTheStartMonth() throws Exception {
        // start 2027-01: a cut to half on 2027-03-15 applies from forecast month 3 (March)
        JsonNode j = run("forecast", portfolio().toString(), "--start", "2027-01", "--price-change", "2027-03-15=0.5",
                "--months", "3", "--json");
        assertEquals(3, j.get("priceChanges").get(0).get("fromMonth").asInt());
        JsonNode m = j.get("workloads").get(0).get("monthly");
        assertEquals("2027-02", m.get(1).get("yearMonth").asText());
        assertEquals("95850.00", m.get(1).get("costUsd").asText());
        assertEquals("47925.00", m.get(2).get("costUsd").asText());
        CliRun early = CliRun.of("forecast", portfolio().toString(), "--start", "2027-01", "--price-change", "2026-12=2");
        assertEquals(2, early.status());
        assertTrue(early.err().contains("before the first forecast month 2027-01"), early.err());
    }

    @Test
    void unknownScenarioAndBadPriceChangeAreUsageErrors() throws Exception {
        CliRun r = CliRun.of("forecast", portfolio().toString(), "--scenario", "Nope");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("no scenario 'Nope'"), r.err());
        CliRun bad = CliRun.of("forecast", portfolio().toString(), "--price-change", "x");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("MONTH=FACTOR"), bad.err());
    }
}

package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AllocationAndReportTest {
    private static final AllocationRules RULES = new AllocationRules(List.of(
            new AllocationRules.Rule(AllocationRules.Field.API_KEY, "k1", "search", "retrieval"),
            new AllocationRules.Rule(AllocationRules.Field.WORKSPACE, "ws", "platform", null)));

    private static Allocation alloc(String team, String key, String workspace, Map<String, String> tags) {
        return new Allocation(null, team, null, "bot", null, key, workspace, null, null, null, tags);
    }

    @Test
    void theRowsOwnTeamBeatsAKeyRuleWhichBeatsAWorkspaceRule() {
        assertEquals("support", RULES.apply(alloc("support", "k1", "ws", null)).team());
        assertEquals("retrieval", RULES.apply(alloc("support", "k1", "ws", null)).project(), "the project still comes from the key rule");
        assertEquals("search", RULES.apply(alloc(null, "k1", "ws", null)).team());
        assertEquals("platform", RULES.apply(alloc("", "k9", "ws", null)).team(), "an empty team counts as missing");
        assertNull(RULES.apply(alloc(null, "k9", "other", null)).team());
    }

    @Test
    void theKeyInventoryFillsOnlyWhatNothingElseDoes() {
        AllocationRules r = new AllocationRules(RULES.rules(), Map.of("k1", "inv-a", "k2", "inv-b"));
        assertEquals("search", r.apply(alloc(null, "k1", null, null)).team(), "the key rule first");
        assertEquals("platform", r.apply(alloc(null, "k2", "ws", null)).team(), "then the workspace rule");
        assertEquals("inv-b", r.apply(alloc(null, "k2", null, null)).team());
        assertEquals("inv-b", r.team(null, "k2", null));
        assertEquals("ops", r.team("ops", "k2", null));
        assertNull(new AllocationRules(List.of(), Map.of("k2", "inv-b")).team(null, "k3", null));
    }

    private static DailyRollup row(String day, String model, Allocation a, long requests, String priced, String billed) {
        return new DailyRollup(LocalDate.parse(day), "openai", model, priced == null ? null : model, a, requests, 100, 50, 10, 5, 20, 0,
                priced == null ? null : new BigDecimal(priced), billed == null ? null : new BigDecimal(billed));
    }

    @Test
    void reportKeepsUnmatchedRowsAsUnallocatedAndAddsUp() {
        List<DailyRollup> rows = List.of(
                row("2026-01-31", "gpt-5", alloc(null, "k1", null, Map.of("env", "prod")), 10, "1.10", null),
                row("2026-02-01", "gpt-5", alloc(null, "k1", null, Map.of()), 5, "0.55", "0.60"),
                row("2026-02-01", "mystery", alloc(null, "k9", null, Map.of("env", "dev")), 7, null, null),
                row("2026-02-02", "gpt-5", alloc("ops", null, null, Map.of("env", "prod")), 1, "0.11", null));
        SpendReport r = SpendReport.of(rows, List.of(Dimension.parse("team"), Dimension.parse("month")), RULES);
        assertEquals(List.of(List.of("ops", "2026-02"), List.of("search", "2026-01"), List.of("search", "2026-02"),
                List.of("unallocated", "2026-02")), r.rows().stream().map(ReportRow::keys).toList());
        // search in February: billed 0.60 beats its priced 0.55
        ReportRow feb = r.rows().get(2);
        assertEquals(0, feb.cost().compareTo(new BigDecimal("0.60")));
        assertEquals(0, feb.billedCost().compareTo(new BigDecimal("0.60")));
        assertNull(r.rows().get(1).billedCost(), "no row of the group states a billed cost");
        ReportRow unallocated = r.rows().get(3);
        assertEquals(0, unallocated.cost().signum());
        assertEquals(7, unallocated.unpricedRequests());
        // total 1.10 + 0.60 + 0 + 0.11 = 1.81; input = uncached 100 + writes 10 + 5 = 115 per row, cache reads 50
        assertEquals(0, r.total().cost().compareTo(new BigDecimal("1.81")));
        assertEquals(4 * 115, r.total().inputTokens());
        assertEquals(4 * 50, r.total().cachedInputTokens());
        assertEquals(23, r.total().requests());
        SpendReport byTag = SpendReport.of(rows, List.of(Dimension.parse("tag:env")), RULES);
        assertEquals(List.of("dev", "prod", "unallocated"), byTag.rows().stream().map(x -> x.keys().get(0)).toList());
        assertEquals(0, byTag.cost(Dimension.parse("tag:env"), "prod").compareTo(new BigDecimal("1.21")));
    }

    @Test
    void dimensionsAndNodesParse() {
        assertEquals(Dimension.Kind.API_KEY, Dimension.parse("api-key").kind());
        assertEquals("tag:Cost Center", Dimension.parse("tag:Cost Center").label());
        assertThrows(IllegalArgumentException.class, () -> Dimension.parse("colour"));
        Node n = Node.parse("tag:env:prod");
        assertEquals("env", n.dimension().tagKey());
        assertEquals("prod", n.value());
        assertEquals("team:a:b", Node.parse("team:a:b").toString(), "a value may hold colons");
        assertThrows(IllegalArgumentException.class, () -> Node.parse("month:2026-01"));
        assertThrows(IllegalArgumentException.class, () -> Node.parse("team"));
    }

    @Test
    void tagTextReadsJsonAndPairs() {
        assertEquals(Map.of("env", "prod", "app", "chat \"x\""), TagText.parse("{\"env\": \"prod\", \"app\": \"chat \\\"x\\\"\"}"));
        assertEquals(Map.of("env", "prod", "n", "3"), TagText.parse("{\"env\":\"prod\",\"n\":3,\"gone\":null}"));
        assertEquals(Map.of("env", "prod", "app", "chat"), TagText.parse("env=prod;app=chat"));
        assertEquals(Map.of(), TagText.parse(null));
        assertEquals("app=chat;env=prod", TagText.write(new java.util.TreeMap<>(Map.of("env", "prod", "app", "chat"))));
    }

    @Test
    void unitEconomicsWithAndWithoutHarness() {
        var jan = java.time.YearMonth.of(2026, 1);
        var feb = java.time.YearMonth.of(2026, 2);
        var months = UnitEconomics.byMonth(Map.of(jan, new BigDecimal("100"), feb, new BigDecimal("80")),
                Map.of(jan, new BigDecimal("50")), Map.of(jan, 40L));
        // January: 100 / 40 = 2.50; with the harness (100 + 50) / 40 = 3.75
        assertEquals(0, months.get(0).costPerOutcome().compareTo(new BigDecimal("2.5")));
        assertEquals(0, months.get(0).costPerOutcomeWithHarness().compareTo(new BigDecimal("3.75")));
        assertNull(months.get(1).costPerOutcome(), "February has no outcomes");
    }
}

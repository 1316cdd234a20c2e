package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.usage.Allocation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A month of five cells:
 * <pre>
 *   c1 acme / support / bot / triage   key sk-s            $10.00
 *   c2 acme / —       / —   / —        key sk-x  ws-1       $4.50
 *   c3 acme / —       / —   / —        key sk-y  ws-1       $2.25
 *   c4 acme / eng     / —   / —        key sk-e             $3.00
 *   c5 —    / —       / —   / —        (no key, no workspace) $0.25
 * </pre>
 * Total 10 + 4.50 + 2.25 + 3 + 0.25 = $20.00; without rules no team for c2, c3, c5: 4.50 + 2.25 + 0.25 = $7.00.
 */
class AllocationBreakdownTest {
    private static final List<AllocationBreakdown.Cell> CELLS = List.of(
            cell("acme", "support", "bot", "triage", "sk-s", null, "10.00"),
            cell("acme", null, null, null, "sk-x", "ws-1", "4.50"),
            cell("acme", null, null, null, "sk-y", "ws-1", "2.25"),
            cell("acme", "eng", null, null, "sk-e", null, "3.00"),
            cell(null, null, null, null, null, null, "0.25"));
    private static final AllocationRules.Rule WS_DATA = new AllocationRules.Rule(AllocationRules.Field.WORKSPACE, "ws-1", "data", null);

    private static AllocationBreakdown.Cell cell(String org, String team, String project, String agent, String key, String ws, String cost) {
        return new AllocationBreakdown.Cell(new Allocation(org, team, project, agent, null, key, ws, null, null, null, Map.of()),
                "gpt-5-mini", "openai", new BigDecimal(cost));
    }

    @Test
    void treeKeepsUnallocatedSpendAndAddsUpToTheMonth() {
        AllocationBreakdown b = AllocationBreakdown.of(CELLS, AllocationRules.NONE);
        assertMoney("20.00", b.total());
        assertMoney("7.00", b.unallocated());
        List<AllocationBreakdown.TreeNode> orgs = b.root().children();
        assertEquals(List.of("acme", "unallocated"), orgs.stream().map(AllocationBreakdown.TreeNode::name).toList());
        assertMoney("19.75", orgs.get(0).cost()); // 20.00 − 0.25
        assertMoney("0.25", orgs.get(1).cost());
        List<AllocationBreakdown.TreeNode> teams = orgs.get(0).children();
        assertEquals(List.of("support", "unallocated", "eng"), teams.stream().map(AllocationBreakdown.TreeNode::name).toList());
        assertMoney("6.75", teams.get(1).cost()); // 4.50 + 2.25
        assertTrue(teams.get(1).unallocated());
        AllocationBreakdown.TreeNode triage = teams.get(0).children().get(0).children().get(0);
        assertEquals(Dimension.Kind.AGENT, triage.tier());
        assertEquals("support", triage.team());
        assertMoney("0", b.root().viaRules());
        // the workspace ws-1 (4.50 + 2.25) before the keys sk-x (4.50) and sk-y (2.25); c5 has neither
        assertEquals(List.of("workspace ws-1 6.75", "api_key sk-x 4.50", "api_key sk-y 2.25"), b.unallocatedSources().stream()
                .map(s -> s.field().label() + " " + s.value() + " " + s.cost().toPlainString()).toList());
    }

    @Test
    void aRuleMovesSpendIntoItsTeamAndCountsItAsViaRules() {
        AllocationBreakdown b = AllocationBreakdown.of(CELLS, new AllocationRules(List.of(WS_DATA)));
        assertMoney("20.00", b.total());
        assertMoney("0.25", b.unallocated()); // only c5
        AllocationBreakdown.TreeNode data = b.root().children().get(0).children().get(1);
        assertEquals("data", data.name());
        assertMoney("6.75", data.cost());
        assertMoney("6.75", data.viaRules());
        assertMoney("6.75", b.root().viaRules());
        assertMoney("6.75", b.spendOf(Node.parse("team:data")));
        assertMoney("6.75", b.spendOf(Node.parse("workspace:ws-1")));
        assertMoney("0.25", b.spendOf(Node.parse("team:unallocated")));
    }

    @Test
    void previewOfAKeyRuleMovesExactlyThatKeysUnallocatedSpend() {
        var rule = new AllocationRules.Rule(AllocationRules.Field.API_KEY, "sk-x", "support", "bot");
        CoveragePreview p = CoveragePreview.of(CELLS, AllocationRules.NONE, rule, null);
        assertMoney("7.00", p.unallocatedBefore());
        assertMoney("4.50", p.moved());
        assertEquals(Map.of("support / bot", new BigDecimal("4.50")), p.destinations());
        assertMoney("2.50", p.unallocatedAfter()); // 7.00 − 4.50
        assertMoney("0", p.reattributed());
        assertMoney("0", p.projectsFilled());
        assertMoney("0", p.returned());
    }

    @Test
    void previewTellsSpendTakenFromAnotherTeamAndProjectsFilledApart() {
        AllocationRules current = new AllocationRules(List.of(WS_DATA));
        // sk-x's 4.50 has team data by the workspace rule; a key rule wins over it → re-attributed, not moved
        CoveragePreview p = CoveragePreview.of(CELLS, current, new AllocationRules.Rule(AllocationRules.Field.API_KEY, "sk-x", "support", null), null);
        assertMoney("0.25", p.unallocatedBefore());
        assertMoney("0", p.moved());
        assertMoney("4.50", p.reattributed());
        // a project for sk-e (team eng already): 3.00 keeps its team
        CoveragePreview q = CoveragePreview.of(CELLS, current, new AllocationRules.Rule(AllocationRules.Field.API_KEY, "sk-e", null, "api"), null);
        assertMoney("3.00", q.projectsFilled());
        assertMoney("0", q.moved());
        // editing the workspace rule to team ml: its 6.75 goes from data to ml
        CoveragePreview r = CoveragePreview.of(CELLS, current, new AllocationRules.Rule(AllocationRules.Field.WORKSPACE, "ws-1", "ml", null), WS_DATA);
        assertMoney("6.75", r.reattributed());
        // editing it into a rule on another workspace drops it: 6.75 falls back to unallocated, nothing moves in
        CoveragePreview s = CoveragePreview.of(CELLS, current, new AllocationRules.Rule(AllocationRules.Field.WORKSPACE, "ws-2", "ml", null), WS_DATA);
        assertMoney("0", s.moved());
        assertMoney("0", s.reattributed());
        assertMoney("6.75", s.returned());
        assertMoney("7.00", s.unallocatedAfter()); // 0.25 + 6.75
    }

    @Test
    void sharedCostSplitsByTheNodesSpendWithTheRulesApplied() {
        AllocationBreakdown b = AllocationBreakdown.of(CELLS, new AllocationRules(List.of(WS_DATA)));
        Map<Node, BigDecimal> nodes = new LinkedHashMap<>();
        nodes.put(Node.parse("team:support"), null);
        nodes.put(Node.parse("team:data"), null);
        var cost = new AllocationQuery.SharedCost(1, "gateway", YearMonth.of(2026, 6), new BigDecimal("10.00"), SharedCostSplit.Method.PROPORTIONAL, nodes);
        Map<String, BigDecimal> parts = b.split(cost);
        // weights 10.00 and 6.75 (sum 16.75): data 10 × 6.75 / 16.75 = 4.0298507…, support takes the rest 5.9701492…
        assertEquals(0, parts.get("team:data").compareTo(new BigDecimal("10.00").multiply(new BigDecimal("6.75")).divide(new BigDecimal("16.75"),
                java.math.MathContext.DECIMAL128)));
        assertMoney("10.00", parts.get("team:support").add(parts.get("team:data")));
        // printed: floors 5.97 + 4.02 = 9.99; the missing cent to the larger remainder (data .0098… > support .0001…)
        assertEquals(List.of(new BigDecimal("5.97"), new BigDecimal("4.03")),
                CentRounding.round(List.of(parts.get("team:support"), parts.get("team:data")), new BigDecimal("10.00")));
    }

    @Test
    void roundToAddsUpToTheParentsPrintedFigure() {
        List<BigDecimal> thirds = List.of(new BigDecimal("0.335"), new BigDecimal("0.335"), new BigDecimal("0.335")); // sum 1.005
        // floors 0.33 × 3 = 0.99; to 1.00: one cent, to the first on the tie; to 1.01: two cents
        assertEquals(List.of(new BigDecimal("0.34"), new BigDecimal("0.33"), new BigDecimal("0.33")), CentRounding.roundTo(thirds, new BigDecimal("1.00")));
        assertEquals(List.of(new BigDecimal("0.34"), new BigDecimal("0.34"), new BigDecimal("0.33")), CentRounding.roundTo(thirds, new BigDecimal("1.01")));
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }
}

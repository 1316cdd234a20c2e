package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.cli.CliRun;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.BudgetPeriod;
import com.aifinops.workbench.model.analysis.BudgetQuery;
import com.aifinops.workbench.model.analysis.Budgets;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rolling budgets and per-budget thresholds over a real H2 ledger: team support spends $5 a day 2026-03-01 ..
 * 03-13 and $12 a day 03-14 .. 03-20 (the ledger's last day); team eng $1 on 03-20. Figures worked by hand.
 */
class RollingBudgetLedgerTest {
    @TempDir
    Path dir;
    String db;

    private static DailyRollup row(LocalDate day, String team, String cost) {
        return new DailyRollup(day, "openai", "gpt-5", "gpt-5", new Allocation(null, team, null, null, null, null, null, null, null, null, Map.of()),
                10, 1000, 0, 0, 0, 100, 0, new BigDecimal(cost), null);
    }

    @BeforeEach
    void ledger() throws Exception {
        Path p = dir.resolve("ledger");
        List<DailyRollup> rows = new ArrayList<>();
        for (int d = 1; d <= 20; d++) {
            rows.add(row(LocalDate.of(2026, 3, d), "support", d <= 13 ? "5" : "12"));
        }
        rows.add(row(LocalDate.of(2026, 3, 20), "eng", "1"));
        try (Database d = Database.open(p)) {
            RollupWriter.write(d, "rolling.csv", rows);
        }
        db = p.toString();
    }

    private static JsonNode json(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.status(), r.err() + r.out());
        return new ObjectMapper().readTree(r.out());
    }

    private static JsonNode find(JsonNode budgets, String node, String period) {
        for (JsonNode b : budgets) {
            if (b.get("node").asText().equals(node) && b.get("period").asText().equals(period)) {
                return b;
            }
        }
        throw new AssertionError(node + " " + period + " not in " + budgets);
    }

    @Test
    void statusListsMonthlyAndRollingBudgetsWithTheirThresholds() throws Exception {
        assertEquals(0, CliRun.of("budget", "set", "--db", db, "--node", "team:support", "--rolling", "10", "--amount", "100").status());
        assertEquals(0, CliRun.of("budget", "set", "--db", db, "--node", "team:support", "--month", "2026-03", "--amount", "300",
                "--thresholds", "50,80,100").status());
        JsonNode j = json("budget", "status", "--db", db, "--json");
        assertEquals("2026-03", j.get("month").asText());
        assertEquals("2026-03-20", j.get("asOf").asText());
        assertEquals(2, j.get("budgets").size());

        // rolling 10 days as of 03-20: 03-11 .. 03-20 = 3 × 5 + 7 × 12 = $99 of $100; 7-day run-rate $12 → projected $120
        JsonNode r = find(j.get("budgets"), "team:support", "rolling");
        assertEquals(10, r.get("days").asInt());
        assertEquals("99.00", r.get("spentUsd").asText());
        assertEquals("99.0", r.get("usedPercent").asText());
        assertEquals("120.00", r.get("projectedUsd").asText());
        assertEquals("12.00", r.get("runRateUsd").asText());
        assertEquals("warning", r.get("state").asText());
        // 80 %: windows ending 03-17 = 78, 03-18 = 85 → crossed 03-18; 100 %: 99 − 5 (03-11 leaves) + 12 = 106 on 03-21
        assertEquals("80", r.get("thresholds").get(0).get("percent").asText());
        assertEquals("2026-03-18", r.get("thresholds").get(0).get("crossedOn").asText());
        assertTrue(r.get("thresholds").get(0).get("projectedOn").isNull());
        assertEquals("2026-03-21", r.get("thresholds").get(1).get("projectedOn").asText());
        // proposal: windows ending 03-20 ($99) and 03-10 ($50), nothing before 03-01: mean 74.50 → 81.95 .. 89.40
        assertEquals("74.50", r.get("baselineUsd").asText());
        assertEquals("81.95", r.get("proposedLowUsd").asText());
        assertEquals("89.40", r.get("proposedHighUsd").asText());

        // March, $300 at 50/80/100: 13 × 5 + 7 × 12 = $149; projected 149 · 31 / 20 = 230.95; 50 % = $150:
        // ceil((150 − 149) · 20 / 149) = 1 day → 03-21; 80 % = $240: ceil(91 · 20 / 149) = 13 → 04-02, past the month
        JsonNode m = find(j.get("budgets"), "team:support", "month");
        assertTrue(m.get("days").isNull());
        assertEquals("149.00", m.get("spentUsd").asText());
        assertEquals("230.95", m.get("projectedUsd").asText());
        assertEquals("7.45", m.get("runRateUsd").asText());
        assertEquals("ok", m.get("state").asText());
        assertEquals(3, m.get("thresholds").size());
        assertEquals("50", m.get("thresholds").get(0).get("percent").asText());
        assertEquals("150.00", m.get("thresholds").get(0).get("amountUsd").asText());
        assertEquals("2026-03-21", m.get("thresholds").get(0).get("projectedOn").asText());
        assertTrue(m.get("thresholds").get(1).get("projectedOn").isNull());
        // the existing fields stay, in their order, before the new ones
        List<String> names = new ArrayList<>();
        m.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("node", "budgetUsd", "spentUsd", "usedPercent", "projectedUsd", "state", "thresholds", "baselineUsd",
                "proposedLowUsd", "proposedHighUsd", "period", "days", "asOf", "runRateUsd"), names);

        // as of 03-15: window 03-06 .. 03-15 = 8 × 5 + 2 × 12 = $64; run-rate (03-09 .. 03-15) = (5 × 5 + 2 × 12) / 7 = 7.00
        JsonNode early = find(json("budget", "status", "--db", db, "--as-of", "2026-03-15", "--json").get("budgets"), "team:support", "rolling");
        assertEquals("64.00", early.get("spentUsd").asText());
        assertEquals("7.00", early.get("runRateUsd").asText());
        assertEquals("2026-03-15", early.get("asOf").asText());
        // 80 % = $80 at $7/day while $5 days leave: +2 a day → 66, 68, …, 80 on day 8 (03-23); 03-14 leaves on 03-24
        assertEquals("2026-03-23", early.get("thresholds").get(0).get("projectedOn").asText());
    }

    @Test
    void textOutputAndUsageErrors() {
        assertEquals(0, CliRun.of("budget", "set", "--db", db, "--node", "team:support", "--rolling", "10", "--usd", "100").status());
        CliRun text = CliRun.of("budget", "status", "--db", db);
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Rolling budgets, as of 2026-03-20"), text.out());
        assertTrue(text.out().contains("team:support /10d"), text.out());
        assertTrue(text.out().contains("at this run-rate on 2026-03-21"), text.out());

        CliRun both = CliRun.of("budget", "set", "--db", db, "--node", "team:support", "--month", "2026-03", "--rolling", "30", "--amount", "5");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("--rolling"), both.err());
        assertEquals(2, CliRun.of("budget", "set", "--db", db, "--node", "team:support", "--amount", "5").status(), "no period");
        assertEquals(2, CliRun.of("budget", "set", "--db", db, "--node", "team:support", "--rolling", "0", "--amount", "5").status());
        assertEquals(2, CliRun.of("budget", "set", "--db", db, "--node", "team:support", "--rolling", "7", "--amount", "5",
                "--thresholds", "100,80").status(), "thresholds must rise");
        assertEquals(0, CliRun.of("budget", "remove", "--db", db, "--node", "team:support", "--rolling", "10").status());
        assertEquals(1, CliRun.of("budget", "remove", "--db", db, "--node", "team:support", "--rolling", "10").status(), "already gone");
    }

    @Test
    void aV4ShapedRowIsAMonthlyBudgetAt80And100() throws Exception {
        try (Database d = Database.open(dir.resolve("ledger"))) {
            try (Statement s = d.connection().createStatement()) {
                s.executeUpdate("INSERT INTO budget (node, budget_month, amount) VALUES ('team:old', '2026-01', 42)");
                try (ResultSet rs = s.executeQuery("SELECT period_kind, period_days, thresholds FROM budget WHERE node = 'team:old'")) {
                    assertTrue(rs.next());
                    assertEquals("month", rs.getString(1));
                    assertEquals(0, rs.getInt(2));
                    assertEquals("80,100", rs.getString(3));
                }
            }
            H2BudgetStore store = new H2BudgetStore(d);
            List<Budget> jan = store.forMonth(YearMonth.of(2026, 1));
            assertEquals(1, jan.size());
            assertEquals(new Budget(Node.parse("team:old"), YearMonth.of(2026, 1), new BigDecimal("42")), jan.get(0));
            assertEquals(Budgets.DEFAULT_THRESHOLDS, jan.get(0).thresholds());
            assertTrue(store.rolling().isEmpty());

            // a node may hold a month's budget and rolling budgets of two lengths side by side
            store.put(new Budget(Node.parse("team:old"), new BudgetPeriod.Rolling(30), new BigDecimal("500"), Budgets.parsePercents("50,100")));
            store.put(new Budget(Node.parse("team:old"), new BudgetPeriod.Rolling(7), new BigDecimal("150"), Budgets.DEFAULT_THRESHOLDS));
            store.put(new Budget(Node.parse("team:old"), new BudgetPeriod.Rolling(30), new BigDecimal("600"), Budgets.parsePercents("50,100")));
            List<Budget> rolling = store.rolling();
            assertEquals(2, rolling.size(), "set again replaces");
            assertEquals(7, rolling.get(0).rollingDays());
            assertEquals(0, rolling.get(1).amount().compareTo(new BigDecimal("600")));
            assertEquals(Budgets.parsePercents("50,100"), rolling.get(1).thresholds());
            assertEquals(YearMonth.of(2026, 1), store.latestMonth(), "rolling rows are no month");
            assertEquals(List.of(YearMonth.of(2026, 1)), store.months());
            assertEquals(1, store.forMonth(YearMonth.of(2026, 1)).size());
        }
    }

    @Test
    void theBudgetsScreenQueryListsRollingBudgetsWithTheirWindowSeries() throws Exception {
        try (Database d = Database.open(dir.resolve("ledger"))) {
            new H2BudgetStore(d).put(new Budget(Node.parse("team:support"), new BudgetPeriod.Rolling(10), new BigDecimal("100"), Budgets.DEFAULT_THRESHOLDS));
            H2ScreenQueries q = new H2ScreenQueries(d);
            List<BudgetQuery.BudgetLine> lines = q.budgets(YearMonth.of(2026, 3));
            assertEquals(1, lines.size());
            assertTrue(lines.get(0).status().budget().isRolling());
            assertEquals(0, lines.get(0).status().spent().compareTo(new BigDecimal("99")));
            // the series covers three windows back from 03-20 (from 02-19): all 20 days of spend
            assertEquals(20, lines.get(0).daily().size());
            Budgets.Proposal p = q.proposeRolling(Node.parse("team:support"), 10, YearMonth.of(2026, 3));
            assertEquals(0, p.low().compareTo(new BigDecimal("81.95")));
            // February: rolling budgets shown as of its last day, when the ledger had nothing yet
            BudgetQuery.BudgetLine feb = q.budgets(YearMonth.of(2026, 2)).get(0);
            assertEquals(LocalDate.of(2026, 2, 28), feb.status().asOf());
            assertEquals(0, feb.status().spent().signum());
            q.remove(lines.get(0).status().budget());
            assertFalse(q.budgets(YearMonth.of(2026, 3)).stream().anyMatch(l -> l.status().budget().isRolling()));
        }
    }
}

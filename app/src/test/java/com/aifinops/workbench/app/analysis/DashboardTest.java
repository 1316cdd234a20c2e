package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.Dashboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The home dashboard on {@link DashboardLedger}, every figure worked by hand. */
class DashboardTest {
    @TempDir
    Path dir;

    private static void same(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }

    @Test
    void theDashboardIsTheHandComputedOne() throws Exception {
        DashboardLedger.write(dir.resolve("db"));
        Dashboard d;
        try (Database db = Database.open(dir.resolve("db"))) {
            d = new H2DashboardQuery(db).dashboard(null);
        }
        assertEquals(LocalDate.parse("2026-03-10"), d.asOf(), "the ledger's last day");
        same("35.00", d.monthToDate()); // 10 + 20 + 5 + 0
        same("108.50", d.forecast()); // 35 / 10 days × 31
        same("100", d.budget()); // team budgets 40 + 60, no org budget
        same("0.35", d.budgetUsed());
        assertEquals(10, d.cumulative().size(), "03-01 … 03-10");
        same("10.00", d.cumulative().get(3).cost()); // 03-04: only 03-01 so far
        same("30.00", d.cumulative().get(4).cost()); // 03-05
        same("35.00", d.cumulative().get(9).cost());

        // unallocated 5 / 35; cache reads 400 / (1000 + 1000 + 100 + 100) input tokens
        same(new BigDecimal(5).divide(new BigDecimal(35), java.math.MathContext.DECIMAL128).toString(), d.unallocatedShare());
        same(new BigDecimal(400).divide(new BigDecimal(2200), java.math.MathContext.DECIMAL128).toString(), d.cacheHitRate());

        // movers vs 02-01 … 02-10 (support 4.00 on gpt-5): +20 gpt-5-mini/eng, +6 gpt-5/support, +5 claude-x/unallocated
        assertEquals(List.of("model gpt-5-mini 20.00", "team eng 20.00", "model gpt-5 6.00", "team support 6.00", "model claude-x 5.00"),
                d.movers().stream().map(m -> m.dimension() + " " + m.key() + " " + m.change().setScale(2)).toList());

        assertEquals(List.of("coder 20.00", "triage 10.00"), d.topAgents().stream().map(r -> r.key() + " " + r.cost().setScale(2)).toList());
        // last 30 days 02-09 … 03-10: 02-03 is outside
        assertEquals(List.of("2026-02-20 50.00", "2026-03-05 20.00", "2026-03-01 10.00", "2026-03-10 5.00"),
                d.topDays().stream().map(r -> r.day() + " " + r.cost().setScale(2)).toList());

        // team:support's March spend 10.00 over 20 tickets
        assertEquals(1, d.outcomes().size());
        same("0.50", d.outcomes().get(0).perOutcome());
        assertEquals("tickets", d.outcomes().get(0).outcome());

        // the two models the catalogue cannot price, first seen in the last 14 days
        Set<String> unpriced = d.anomalies().stream().filter(a -> a.cause() == Anomaly.Cause.UNPRICED_MODEL).map(Anomaly::key)
                .collect(Collectors.toSet());
        assertEquals(Set.of("claude-x", "mystery"), unpriced);

        // maturity: allocated 30/35 = 0.857, priced 30/40 requests = 0.75, budgeted 2/2 teams, reconciled 1/1 provider
        // (February: only openai spent, and it has an invoice) → min 0.75: walk
        Dashboard.Maturity m = d.maturity();
        same(new BigDecimal(30).divide(new BigDecimal(35), java.math.MathContext.DECIMAL128).toString(), m.allocated());
        same("0.75", m.priced());
        same("1", m.budgeted());
        same("1", m.reconciled());
        assertEquals(Dashboard.Level.WALK, m.level());
    }

    @Test
    void levelsAndTheEmptyLedger() throws Exception {
        assertEquals(Dashboard.Level.RUN, Dashboard.Maturity.of(new BigDecimal("0.9"), BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.95")).level());
        assertEquals(Dashboard.Level.WALK, Dashboard.Maturity.of(new BigDecimal("0.89"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE).level());
        assertEquals(Dashboard.Level.CRAWL, Dashboard.Maturity.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.49")).level());
        assertEquals(Dashboard.Level.CRAWL, Dashboard.Maturity.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, null).level(), "missing counts as 0");
        // February 2026 has 28 days: 14 on day 7 → 14 / 7 × 28 = 56
        same("56", Dashboard.forecast(new BigDecimal("14"), LocalDate.parse("2026-02-07")));
        try (Database db = Database.open(dir.resolve("empty"))) {
            Dashboard d = new H2DashboardQuery(db).dashboard(LocalDate.parse("2026-05-01"));
            same("0", d.monthToDate());
            assertNull(d.unallocatedShare());
            assertEquals(Dashboard.Level.CRAWL, d.maturity().level());
        }
    }
}

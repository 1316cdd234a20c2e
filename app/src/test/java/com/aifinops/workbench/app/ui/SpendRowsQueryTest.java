package com.aifinops.workbench.app.ui;

import com.aifinops.workbench.app.analysis.H2AllocationRuleStore;
import com.aifinops.workbench.app.analysis.H2SpendQuery;
import com.aifinops.workbench.app.analysis.H2SpendRows;
import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.InMemorySpendQuery;
import com.aifinops.workbench.model.analysis.SpendRows;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link H2SpendRows} on the ledger of {@link ScreenLedger}: the limit, the totals over every match, the rules. */
class SpendRowsQueryTest {
    static final Dimension TEAM = Dimension.of(Dimension.Kind.TEAM);
    @TempDir
    Path dir;
    Database db;
    H2SpendRows rows;

    @BeforeEach
    void open() throws Exception {
        db = ScreenLedger.create(dir.resolve("ledger"));
        rows = new H2SpendRows(db);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void aCutListStillTotalsEveryMatchingRow() throws Exception {
        SpendRows r = rows.rows(SpendRows.Filter.of(null, null, Map.of()), 5);
        // triage 41 days (2026-01-01 … 02-10), reply 10 days, coder 3 rows
        assertEquals(54, r.matched());
        assertEquals(5, r.rows().size());
        assertTrue(r.cut());
        // triage 30 × $1 + $10 (loop) + 10 × $1 = $50; reply 10 × $9 = $90; coder 2.50 + 4.04 + 0.004 = 6.544
        assertEquals(0, new BigDecimal("146.544").compareTo(r.total().cost()));
        // requests: triage 40 × 100 + 1,000; reply 10 × 300; coder 50 + 60 + 1
        assertEquals(5000 + 3000 + 111, r.total().requests());
        // cut: the rows of the earliest days, triage on 2026-01-01 … 01-05 ($1.00 each)
        assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 3), LocalDate.of(2026, 1, 4),
                LocalDate.of(2026, 1, 5)), r.rows().stream().map(DailyRollup::day).toList());
        // all of them fit: costliest first, the loop day ($10.00), then reply days ($9.00) in day order
        SpendRows all = rows.rows(SpendRows.Filter.of(null, null, Map.of()), 100);
        assertFalse(all.cut());
        assertEquals(ScreenLedger.LOOP_DAY, all.rows().get(0).day());
        assertEquals(LocalDate.of(2026, 2, 1), all.rows().get(1).day());
        assertEquals("reply", all.rows().get(1).allocation().agent());
        assertEquals(LocalDate.of(2026, 2, 4), all.rows().get(4).day());
        assertEquals(r.total(), all.total(), "the same sums, cut or not");
    }

    @Test
    void theOtherSegmentExcludesTheDrawnSeriesAndTagConditionsGiveTheSameSums() throws Exception {
        SpendRows other = rows.rows(new SpendRows.Filter(null, null, Map.of(), Map.of(TEAM, Set.of("support"))), 100);
        assertEquals(3, other.matched());
        assertEquals(0, new BigDecimal("6.544").compareTo(other.total().cost()));
        assertEquals(0, new BigDecimal("6.54").compareTo(other.total().billedCost()), "2.50 + 4.04");
        assertEquals(0, new BigDecimal("4.007").compareTo(other.total().pricedCost()), "4.003 + 0.004");
        assertEquals(0, other.total().unpricedRequests(), "the unpriced model's row is billed: its cost is known");
    }

    @Test
    void rowsCarryTheTeamTheRulesGiveThemAndMatchTheInMemoryQuery() throws Exception {
        Allocation a = new Allocation(null, null, null, "batch", null, "sk-ml", null, null, null, null, Map.of("env", "dev"));
        RollupWriter.write(db, "ml.csv", List.of(new DailyRollup(LocalDate.of(2026, 2, 3), "openai", "gpt-5-mini", "gpt-5-mini", a,
                7, 70, 0, 0, 0, 7, 0, new BigDecimal("0.07"), null)));
        new H2AllocationRuleStore(db).put(new AllocationRules.Rule(AllocationRules.Field.API_KEY, "sk-ml", "ml", "forecasting"));
        SpendRows ml = rows.rows(SpendRows.Filter.of(null, null, Map.of(TEAM, "ml")), 100);
        assertEquals(1, ml.matched());
        assertEquals("ml", ml.rows().get(0).allocation().team(), "the row has no team; the api_key rule gives it one");
        assertEquals("forecasting", ml.rows().get(0).allocation().project());
        // a tag condition takes the Java path: same row, same sums
        SpendRows tagged = rows.rows(SpendRows.Filter.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28),
                Map.of(Dimension.tag("env"), "dev")), 100);
        assertEquals(ml.rows(), tagged.rows());
        assertEquals(ml.total(), tagged.total());
        // the in-memory query over the same rows and rules lists the same
        List<DailyRollup> all = new H2SpendQuery(db).rows(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28));
        InMemorySpendQuery mem = new InMemorySpendQuery(all, new H2AllocationRuleStore(db).rules());
        SpendRows memMl = mem.rows(SpendRows.Filter.of(null, null, Map.of(TEAM, "ml")), 100);
        assertEquals(1, memMl.matched());
        assertEquals(0, memMl.total().cost().compareTo(ml.total().cost()));
        SpendRows memAll = mem.rows(SpendRows.Filter.of(null, null, Map.of()), 5);
        SpendRows h2All = rows.rows(SpendRows.Filter.of(null, null, Map.of()), 5);
        assertEquals(h2All.matched(), memAll.matched());
        assertEquals(0, h2All.total().cost().compareTo(memAll.total().cost()));
        assertEquals(h2All.rows().stream().map(DailyRollup::day).toList(), memAll.rows().stream().map(DailyRollup::day).toList(),
                "both list the earliest days");
    }
}

package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationBreakdown;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.ReportRow;
import com.aifinops.workbench.model.analysis.SpendReport;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Allocation screen's adapter on an H2 file: the rules applied in Java to the month's cells give the teams the
 * SQL report gives. April 2026:
 * <pre>
 *   k1 team a (the row's own)                 $1.10
 *   k2 workspace w1 → rule w1 → team b         $2.20
 *   k3 workspace w1, but rule k3 → team c      $3.30  (a key rule beats a workspace rule)
 *   k4 no rule, the key inventory says team d  $4.40
 *   k5 nothing                                 $0.05  unallocated
 * </pre>
 * Total 1.10 + 2.20 + 3.30 + 4.40 + 0.05 = $11.05; May's $100.00 of k1 is another month.
 */
class H2AllocationTest {
    @TempDir
    Path dir;

    @Test
    void theBreakdownAgreesWithTheReportAndTheMonthTotal() throws Exception {
        try (Database db = Database.open(dir.resolve("ledger"))) {
            LocalDate d = LocalDate.of(2026, 4, 10);
            RollupWriter.write(db, "a.csv", List.of(row(d, "k1", "a", null, "1.10"), row(d, "k2", null, "w1", "2.20"),
                    row(d, "k3", null, "w1", "3.30"), row(d, "k4", null, null, "4.40"), row(d, "k5", null, null, "0.05"),
                    row(LocalDate.of(2026, 5, 2), "k1", "a", null, "100.00")));
            H2Allocation q = new H2Allocation(db);
            q.putRule(new AllocationRules.Rule(AllocationRules.Field.WORKSPACE, "w1", "b", null));
            q.putRule(new AllocationRules.Rule(AllocationRules.Field.API_KEY, "k3", "c", null));
            new H2SpendSettings(db).putApiKey(new H2SpendSettings.ApiKeyEntry("k4", "dora", "d", null, null, null));

            assertEquals(List.of(YearMonth.of(2026, 4), YearMonth.of(2026, 5)), q.months());
            AllocationBreakdown b = AllocationBreakdown.of(q.cells(YearMonth.of(2026, 4)), q.rules());
            assertEquals(0, new BigDecimal("11.05").compareTo(b.total()));
            assertEquals(0, new BigDecimal("0.05").compareTo(b.unallocated()));
            Map<String, BigDecimal> teams = new TreeMap<>();
            b.root().children().forEach(org -> org.children().forEach(t -> teams.merge(t.name(), t.cost(), BigDecimal::add)));
            Map<String, BigDecimal> expected = Map.of("a", new BigDecimal("1.10"), "b", new BigDecimal("2.20"), "c", new BigDecimal("3.30"),
                    "d", new BigDecimal("4.40"), "unallocated", new BigDecimal("0.05"));
            assertEquals(expected.keySet(), teams.keySet());
            expected.forEach((k, v) -> assertEquals(0, v.compareTo(teams.get(k)), k));
            // via rules: b, c by rules and d by the inventory = 2.20 + 3.30 + 4.40 = 9.90
            assertEquals(0, new BigDecimal("9.90").compareTo(b.root().viaRules()));

            SpendReport report = new H2SpendQuery(db).report(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30),
                    List.of(Dimension.of(Dimension.Kind.TEAM)), Map.of());
            assertEquals(0, report.total().cost().compareTo(b.total()), "the report's month total");
            for (ReportRow r : report.rows()) {
                assertEquals(0, r.cost().compareTo(teams.get(r.keys().get(0))), r.keys().toString());
            }
        }
    }

    private static DailyRollup row(LocalDate day, String key, String team, String workspace, String cost) {
        Allocation a = new Allocation(null, team, null, null, null, key, workspace, null, null, null, Map.of());
        return new DailyRollup(day, "openai", "gpt-5-mini", "gpt-5-mini", a, 1, 10, 0, 0, 0, 1, 0, new BigDecimal(cost), null);
    }
}

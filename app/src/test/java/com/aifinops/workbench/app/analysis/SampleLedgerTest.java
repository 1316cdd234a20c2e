package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyDetector;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.Reconciliation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample ledger the Home screen offers, loaded into an H2 file ledger, twice. */
class SampleLedgerTest {
    @TempDir
    Path dir;

    private static long count(Database db, String sql) throws Exception {
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void loadsOnceWithItsPlantedEventsAndAReconcilingInvoice() throws Exception {
        try (Database db = Database.open(dir.resolve("ledger"))) {
            assertFalse(SampleLedger.loaded(db));
            String said = SampleLedger.load(db);
            // 13 agents × 59 days (January and February) + the experiment from 2026-02-20 to 2026-02-28 (9 days) = 776,
            // each with a row of its failed requests beside it
            assertTrue(said.startsWith("Loaded the sample ledger: 1,552 daily rows"), said);
            assertTrue(SampleLedger.load(db).startsWith("The sample ledger is already loaded"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM import_batch"));
            assertEquals(1552, count(db, "SELECT COUNT(*) FROM usage_daily"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM invoice"));
            assertEquals(4, count(db, "SELECT COUNT(*) FROM budget"), "four teams in February");
            // the vector store once per month, not twice
            Map<YearMonth, BigDecimal> harness = new H2SpendSettings(db).harnessCosts(Node.parse("team:support"));
            assertEquals(0, harness.get(YearMonth.of(2026, 1)).compareTo(new BigDecimal("400.00")));

            // the invoice bills February's OpenAI usage in cents, less $250.00, plus $12.34: nothing unexplained
            Reconciliation.Result r = new SpendAnalysis(db).reconcile("openai", YearMonth.of(2026, 2), new BigDecimal("1.00"));
            assertEquals(0, r.credits().compareTo(new BigDecimal("-250.00")));
            assertEquals(0, r.tax().compareTo(new BigDecimal("12.34")));
            assertEquals(0, r.unexplained().signum(), r.unexplained().toPlainString());
            assertFalse(r.flagged());

            // as of 2026-02-28 February is a full month: openai has its invoice, anthropic none → 1 of 2
            var d = new H2DashboardQuery(db).dashboard(null);
            assertEquals(LocalDate.of(2026, 2, 28), d.asOf());
            assertEquals(0, d.maturity().reconciled().compareTo(new BigDecimal("0.5")), d.maturity().reconciled().toPlainString());
            // retry rate: February's failed requests (2 % of each agent-day's, at least one) / all of February's
            long ok = 0, failed = 0;
            for (LedgerGenerator.Row g : LedgerGenerator.generate()) {
                if (g.rollup().day().getMonthValue() == 2) {
                    ok += g.rollup().requests();
                    failed += Math.max(1, g.rollup().requests() / 50);
                }
            }
            BigDecimal expected = BigDecimal.valueOf(failed).divide(BigDecimal.valueOf(ok + failed), java.math.MathContext.DECIMAL128);
            assertEquals(0, d.retryRate().compareTo(expected), d.retryRate() + " vs " + expected);
            assertTrue(d.retryRate().compareTo(new BigDecimal("0.015")) > 0 && d.retryRate().compareTo(new BigDecimal("0.02")) < 0, d.retryRate().toPlainString());

            // governance: only the orphan bot's key has no owner; the experiment's fine-tune is outside dev's approved list
            var g = new H2Governance(db).report(null);
            assertEquals(List.of("key-orphan-bot"), g.findings().stream()
                    .filter(f -> f.kind() == com.aifinops.workbench.model.analysis.Governance.Kind.NO_OWNER).map(f -> f.subject()).toList());
            assertTrue(g.findings().stream().anyMatch(f -> f.kind() == com.aifinops.workbench.model.analysis.Governance.Kind.UNAPPROVED_MODEL
                    && "dev".equals(f.environment())), g.findings().toString());

            List<Anomaly> found = new SpendAnalysis(db).anomalies(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), AnomalyDetector.DEFAULTS);
            assertEquals(List.of("support-triage runaway_loop", "research-summariser model_change", "eng-coder context_growth",
                    LedgerGenerator.UNPRICED_MODEL + " unpriced_model"), found.stream().map(f -> f.key() + " " + f.cause().label()).toList());
        }
    }
}

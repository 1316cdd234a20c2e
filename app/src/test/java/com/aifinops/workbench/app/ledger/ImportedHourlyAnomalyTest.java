package com.aifinops.workbench.app.ledger;

import com.aifinops.workbench.app.analysis.SpendAnalysis;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyDetector;
import com.aifinops.workbench.model.ledger.ImportResult;
import com.aifinops.workbench.model.ledger.ImportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static com.aifinops.workbench.app.ledger.HourlySeriesTest.HEAD;
import static com.aifinops.workbench.app.ledger.HourlySeriesTest.line;
import static com.aifinops.workbench.app.ledger.LedgerFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * From a request-level file to an hourly finding, through the real import (which writes usage_hourly_day) and the real
 * detector. Agent triage of team-a makes 4 requests an hour at $0.01 each, June 1–15, 2026; on June 14 from 13:00 to
 * 15:59 it makes 24 an hour (a runaway loop, 6× the hour). The day: 21 · 4 + 3 · 24 = 156 requests against 96
 * (1.6×, under the daily 2× and 5×), so only the hours show it. Extra cost: 3 hours · (24 − 4) · $0.01 = $0.60.
 */
class ImportedHourlyAnomalyTest {
    @TempDir
    Path dir;

    @Test
    void aLoopInsideADayIsFoundByTheHourAfterAnImport() throws Exception {
        StringBuilder b = new StringBuilder(HEAD);
        int n = 0;
        for (int day = 1; day <= 15; day++) {
            for (int h = 0; h < 24; h++) {
                int requests = day == 14 && h >= 13 && h <= 15 ? 24 : 4;
                for (int i = 0; i < requests; i++) {
                    String t = String.format("2026-06-%02d %02d:%02d:%02d.000", day, h, i * 2, 0);
                    b.append(line("q" + n++, "hk-a", "0.01", 1000, 100, t, "team-a", "triage"));
                }
            }
        }
        try (Database db = Database.open(dir.resolve("ledger"))) {
            ImportResult r = new H2ImportService(db).importFile(write(dir, "spend-logs.csv", b.toString()), null,
                    ImportService.RejectPolicy.ALL_OR_NOTHING, ImportService.ImportProgress.NONE);
            assertEquals(15 * 24 * 4 + 3 * 20, r.imported());

            LocalDate from = LocalDate.of(2026, 6, 10);
            LocalDate to = LocalDate.of(2026, 6, 15);
            SpendAnalysis analysis = new SpendAnalysis(db);
            assertEquals(List.of(), analysis.anomalies(from, to, AnomalyDetector.DEFAULTS,
                    com.aifinops.workbench.model.analysis.HourlyAnomalyDetector.DEFAULTS, EnumSet.of(Anomaly.Granularity.DAY)));
            List<Anomaly> found = analysis.anomalies(from, to, AnomalyDetector.DEFAULTS);
            assertEquals(1, found.size(), found.toString());
            Anomaly a = found.get(0);
            assertEquals("agent", a.dimension());
            assertEquals("triage", a.key());
            assertEquals(Anomaly.Cause.RUNAWAY_LOOP, a.cause());
            assertEquals(Anomaly.Granularity.HOUR, a.granularity());
            assertEquals(Instant.parse("2026-06-14T13:00:00Z"), a.hour());
            assertEquals(Instant.parse("2026-06-14T15:00:00Z"), a.lastHour());
            assertEquals(0, a.extraCost().compareTo(new BigDecimal("0.60")), a.extraCost().toPlainString());
        }
    }

    /**
     * A sparse series (2 requests an hour at $0.01 and $0.02) whose one hour costs $0.03 a request (2 × the mean
     * $0.015, same tokens) is no hourly model change: under 20 requests an hour, ratios are noise.
     */
    @Test
    void aFewRequestsAnHourAreNoHourlyFinding() throws Exception {
        StringBuilder b = new StringBuilder(HEAD);
        int n = 0;
        for (int day = 1; day <= 12; day++) {
            for (int h = 0; h < 24; h++) {
                boolean odd = day == 11 && h == 9;
                for (int i = 0; i < 2; i++) {
                    String t = String.format("2026-06-%02d %02d:%02d:00.000", day, h, i * 20);
                    b.append(line("s" + n++, "hk-s", odd ? "0.03" : i == 0 ? "0.01" : "0.02", 1000, 100, t, "team-s", "sparse"));
                }
            }
        }
        try (Database db = Database.open(dir.resolve("ledger"))) {
            new H2ImportService(db).importFile(write(dir, "sparse.csv", b.toString()), null,
                    ImportService.RejectPolicy.ALL_OR_NOTHING, ImportService.ImportProgress.NONE);
            List<Anomaly> found = new SpendAnalysis(db).anomalies(LocalDate.of(2026, 6, 9), LocalDate.of(2026, 6, 12),
                    AnomalyDetector.DEFAULTS, com.aifinops.workbench.model.analysis.HourlyAnomalyDetector.DEFAULTS,
                    EnumSet.of(Anomaly.Granularity.HOUR));
            assertEquals(List.of(), found);
        }
    }
}

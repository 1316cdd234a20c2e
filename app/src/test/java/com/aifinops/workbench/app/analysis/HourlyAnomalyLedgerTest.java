package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.bench.HourlyWriter;
import com.aifinops.workbench.app.bench.RollupWriter;
import com.aifinops.workbench.app.cli.CliRun;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.AnomalyDetector;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hourly detection end to end over a real H2 ledger: rows written straight into {@code usage_hourly_day} (and the
 * matching days into {@code usage_daily}) for agent {@code triage} of team {@code support} on gpt-5-mini, twelve
 * days from 2026-06-04; by default every hour has 100 requests of 1,000 input and 200 output tokens for $0.50
 * ($0.005 a request), every day 2,400 requests and $12.00. Findings are asked for 2026-06-10 .. 2026-06-15.
 */
class HourlyAnomalyLedgerTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 6, 4);
    private static final int DAYS = 12;
    private static final LocalDate FROM = LocalDate.of(2026, 6, 10), TO = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dir;

    /** One hour of the agent: requests, input tokens per request, cost; null for none. */
    private record Use(long requests, long inputPerRequest, String cost) {
    }

    private static final Use FLAT = new Use(100, 1000, "0.50");

    private static Instant hour(LocalDate day, int h) {
        return day.atTime(h, 0).toInstant(ZoneOffset.UTC);
    }

    /** Writes the agent's hours (and the same as its team's and model's series) and its daily rows. */
    private Database ledger(BiFunction<LocalDate, Integer, Use> use) throws Exception {
        Database db = Database.open(dir.resolve("ledger"));
        List<DailyRollup> days = new ArrayList<>();
        try (HourlyWriter w = new HourlyWriter(db, "requests.jsonl")) {
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = FIRST.plusDays(d);
                long req = 0, in = 0, out = 0;
                BigDecimal cost = BigDecimal.ZERO;
                for (int h = 0; h < 24; h++) {
                    Use u = use.apply(day, h);
                    for (String[] series : new String[][]{{"agent", "triage"}, {"team", "support"}, {"model", "gpt-5-mini"}}) {
                        w.add(HourlyWriter.Row.of(hour(day, h), series[0], series[1], u.requests(), u.requests() * u.inputPerRequest(),
                                u.requests() * 200, new BigDecimal(u.cost())));
                    }
                    req += u.requests();
                    in += u.requests() * u.inputPerRequest();
                    out += u.requests() * 200;
                    cost = cost.add(new BigDecimal(u.cost()));
                }
                Allocation a = new Allocation(null, "support", null, "triage", null, "key-triage", null, "prod", null, null, Map.of());
                days.add(new DailyRollup(day, "openai", "gpt-5-mini", "gpt-5-mini", a, req, in, 0, 0, 0, out, 0, cost, null));
            }
        }
        RollupWriter.write(db, "requests.jsonl (days)", days);
        return db;
    }

    private static List<Anomaly> anomalies(Database db, java.util.Set<Anomaly.Granularity> g) throws Exception {
        return new SpendAnalysis(db).anomalies(FROM, TO, AnomalyDetector.DEFAULTS,
                com.aifinops.workbench.model.analysis.HourlyAnomalyDetector.DEFAULTS, g);
    }

    private static List<Anomaly> anomalies(Database db) throws Exception {
        return new SpendAnalysis(db).anomalies(FROM, TO, AnomalyDetector.DEFAULTS);
    }

    @Test
    void aThreeHourLoopTheDayTotalDilutesIsFoundByTheHour() throws Exception {
        // 2026-06-14 13:00–15:59: 600 requests and $3.00 an hour. The day: 21·100 + 3·600 = 3,900 requests (1.6× the
        // 2,400 of a normal day, under the daily 2× and 5×), $19.50 (under 2 × $12.00), cost per request unchanged
        LocalDate loopDay = LocalDate.of(2026, 6, 14);
        try (Database db = ledger((day, h) -> day.equals(loopDay) && h >= 13 && h <= 15 ? new Use(600, 1000, "3.00") : FLAT)) {
            assertEquals(List.of(), anomalies(db, java.util.EnumSet.of(Anomaly.Granularity.DAY)), "the daily detector misses it");
            List<Anomaly> found = anomalies(db);
            // the team and model series see the same loop; the agent's rows carry both, so one finding remains
            assertEquals(1, found.size(), found.toString());
            Anomaly a = found.get(0);
            assertEquals("agent", a.dimension());
            assertEquals("triage", a.key());
            assertEquals(Anomaly.Cause.RUNAWAY_LOOP, a.cause());
            assertEquals(Instant.parse("2026-06-14T13:00:00Z"), a.hour());
            assertEquals(Instant.parse("2026-06-14T15:00:00Z"), a.lastHour());
            // each loop hour against the $0.50 of the normal hour: 3 · (3.00 − 0.50) = 7.50
            assertEquals(0, a.extraCost().compareTo(new BigDecimal("7.50")), a.extraCost().toPlainString());
            assertEquals(1, a.rows().size(), "the agent's daily row of 06-14");
        }
        CliRun r = CliRun.of("anomalies", "--db", dir.resolve("ledger").toString(), "--from", FROM.toString(), "--to", TO.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out()).get("anomalies");
        assertEquals(1, j.size(), r.out());
        JsonNode a = j.get(0);
        assertEquals("2026-06-14", a.get("date").asText());
        assertEquals("agent", a.get("dimension").asText());
        assertEquals("triage", a.get("key").asText());
        assertEquals("runaway_loop", a.get("cause").asText());
        assertEquals("7.50", a.get("extraCostUsd").asText());
        assertEquals("hour", a.get("granularity").asText());
        assertEquals("2026-06-14T13:00Z", a.get("hour").asText());
        assertEquals("2026-06-14T15:00Z", a.get("lastHour").asText());
        assertEquals(3, a.get("hours").asInt());
        CliRun daily = CliRun.of("anomalies", "--db", dir.resolve("ledger").toString(), "--from", FROM.toString(), "--to", TO.toString(),
                "--granularity", "day", "--json");
        assertEquals("{\"anomalies\":[]}", daily.out().strip());
        CliRun text = CliRun.of("anomalies", "--db", dir.resolve("ledger").toString(), "--from", FROM.toString(), "--to", TO.toString());
        assertTrue(text.out().startsWith("2026-06-14 13:00Z (3 h)"), text.out());
        assertEquals(2, CliRun.of("anomalies", "--db", dir.resolve("ledger").toString(), "--granularity", "minute").status());
    }

    @Test
    void aTripledPromptForSixHoursIsContextGrowth() throws Exception {
        // 2026-06-13 08:00–13:59: 3,000 input tokens per request, $0.90 an hour. The day's input per request is
        // (18·1000 + 6·3000)/24 = 1,500 (1.5×), its cost per request 14.40/2,400 = $0.006 (1.2×): nothing daily
        LocalDate day = LocalDate.of(2026, 6, 13);
        try (Database db = ledger((d, h) -> d.equals(day) && h >= 8 && h <= 13 ? new Use(100, 3000, "0.90") : FLAT)) {
            List<Anomaly> found = anomalies(db);
            assertEquals(1, found.size(), found.toString());
            Anomaly a = found.get(0);
            assertEquals(Anomaly.Cause.CONTEXT_GROWTH, a.cause());
            assertEquals(Instant.parse("2026-06-13T08:00:00Z"), a.hour());
            assertEquals(6, a.hours());
            // the same 100 requests at the baseline's $0.005: 6 · (0.90 − 0.50) = 2.40
            assertEquals(0, a.extraCost().compareTo(new BigDecimal("2.40")), a.extraCost().toPlainString());
        }
    }

    @Test
    void aLoopTheDaysAlsoSeeIsReportedOnceByTheHour() throws Exception {
        // 2026-06-14 10:00–19:59: 1,000 requests, $5.00 an hour; the day: 14·100 + 10·1000 = 11,400 requests
        // (4.75× the 2,400 mean: volume growth by the day), the hours: a 10-hour runaway loop
        LocalDate loopDay = LocalDate.of(2026, 6, 14);
        try (Database db = ledger((day, h) -> day.equals(loopDay) && h >= 10 && h <= 19 ? new Use(1000, 1000, "5.00") : FLAT)) {
            List<Anomaly> byDay = anomalies(db, java.util.EnumSet.of(Anomaly.Granularity.DAY));
            assertEquals(List.of("agent triage volume_growth"), byDay.stream().map(a -> a.dimension() + " " + a.key() + " " + a.cause().label())
                    .filter(s -> s.startsWith("agent")).toList());
            List<Anomaly> found = anomalies(db);
            assertEquals(1, found.size(), found.toString());
            assertEquals(Anomaly.Granularity.HOUR, found.get(0).granularity());
            assertEquals(Anomaly.Cause.RUNAWAY_LOOP, found.get(0).cause());
            assertEquals(Instant.parse("2026-06-14T10:00:00Z"), found.get(0).hour());
            // 10 · (5.00 − 0.50) = 45.00
            assertEquals(0, found.get(0).extraCost().compareTo(new BigDecimal("45.00")));
        }
    }

    @Test
    void aFlatSeriesHasNoFinding() throws Exception {
        try (Database db = ledger((day, h) -> FLAT)) {
            assertEquals(List.of(), anomalies(db));
        }
    }

    @Test
    void theRulesGiveATeamLessKeysHoursTheirTeam() throws Exception {
        // team rows without a team: key-a and key-b (50 requests, $0.25 an hour each) and key-z (the same, no rule);
        // key-a loops 2026-06-14 13:00–15:59 at 550 requests, $2.75
        try (Database db = Database.open(dir.resolve("teams"))) {
            try (HourlyWriter w = new HourlyWriter(db, "gateway.jsonl")) {
                for (int d = 0; d < DAYS; d++) {
                    LocalDate day = FIRST.plusDays(d);
                    for (int h = 0; h < 24; h++) {
                        boolean loop = day.equals(LocalDate.of(2026, 6, 14)) && h >= 13 && h <= 15;
                        w.add(new HourlyWriter.Row(hour(day, h), "team", null, "key-a", null, loop ? 550 : 50, (loop ? 550 : 50) * 1000L,
                                (loop ? 550 : 50) * 200L, new BigDecimal(loop ? "2.75" : "0.25")));
                        w.add(new HourlyWriter.Row(hour(day, h), "team", null, "key-b", "ws-ops", 50, 50_000, 10_000, new BigDecimal("0.25")));
                        w.add(new HourlyWriter.Row(hour(day, h), "team", "", "key-z", null, 50, 50_000, 10_000, new BigDecimal("0.25")));
                    }
                }
            }
            // without rules the three keys are one unallocated series of 150 requests, $0.75 an hour: the loop hours
            // (650 requests, $3.25) are 4.3×, volume growth, extra 3 · (3.25 − 0.75) = 7.50
            List<Anomaly> before = anomalies(db);
            assertEquals(List.of("team unallocated volume_growth"), before.stream().map(a -> a.dimension() + " " + a.key() + " "
                    + a.cause().label()).toList());
            assertEquals(0, before.get(0).extraCost().compareTo(new BigDecimal("7.50")));
            // key-a by its key, key-b by its workspace: support has 100 requests, $0.50 an hour, and 600, $3.00 in
            // the loop: 6×, a runaway loop, extra 3 · (3.00 − 0.50) = 7.50; key-z stays unallocated and flat
            H2AllocationRuleStore rules = new H2AllocationRuleStore(db);
            rules.put(new AllocationRules.Rule(AllocationRules.Field.API_KEY, "key-a", "support", null));
            rules.put(new AllocationRules.Rule(AllocationRules.Field.WORKSPACE, "ws-ops", "support", null));
            List<Anomaly> after = anomalies(db);
            assertEquals(List.of("team support runaway_loop"), after.stream().map(a -> a.dimension() + " " + a.key() + " "
                    + a.cause().label()).toList());
            assertEquals(Instant.parse("2026-06-14T13:00:00Z"), after.get(0).hour());
            assertEquals(0, after.get(0).extraCost().compareTo(new BigDecimal("7.50")));
        }
    }
}

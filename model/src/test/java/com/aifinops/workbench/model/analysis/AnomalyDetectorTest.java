package com.aifinops.workbench.model.analysis;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ten quiet days of 100 requests, 1,000 input and 200 output tokens each, $1.00 a day; then one test day. */
class AnomalyDetectorTest {
    private static final LocalDate START = LocalDate.of(2026, 3, 1);
    private static final LocalDate TEST_DAY = START.plusDays(10);
    /** The ratio tests on a $1.00 day; the $0.50 floor has its own test. */
    private static final AnomalyDetector.Options NO_FLOOR = AnomalyDetector.DEFAULTS.withMinExtraCost(BigDecimal.ZERO);

    private static List<Anomaly> run(long requests, long inputPerRequest, String cost) {
        return run(10, requests, inputPerRequest, cost);
    }

    private static List<Anomaly> run(int quietDays, long requests, long inputPerRequest, String cost) {
        return run(quietDays, requests, inputPerRequest, cost, NO_FLOOR);
    }

    private static List<Anomaly> run(int quietDays, long requests, long inputPerRequest, String cost, AnomalyDetector.Options o) {
        List<AnomalyDetector.DayPoint> pts = new ArrayList<>();
        for (int d = 10 - quietDays; d < 10; d++) {
            pts.add(new AnomalyDetector.DayPoint(START.plusDays(d), 100, 100_000, 20_000, new BigDecimal("1.00")));
        }
        pts.add(new AnomalyDetector.DayPoint(TEST_DAY, requests, requests * inputPerRequest, requests * 200, new BigDecimal(cost)));
        return AnomalyDetector.detect(List.of(new AnomalyDetector.Series("agent", "bot", pts)), START, TEST_DAY, o);
    }

    @Test
    void aFindingWorthLessThanFiftyCentsIsNotReportedByDefault() {
        // 1.30 at flat tokens: a model change worth 0.30, under the default floor of 0.50
        assertEquals(List.of(), run(10, 100, 1000, "1.30", AnomalyDetector.DEFAULTS));
        // 1.50: worth exactly 0.50, reported
        assertFinding(run(10, 100, 1000, "1.50", AnomalyDetector.DEFAULTS), Anomaly.Cause.MODEL_CHANGE, "0.50");
        // a runaway loop of 5× on the same day is worth 4.00 and always reported
        assertFinding(run(10, 500, 1000, "5.00", AnomalyDetector.DEFAULTS), Anomaly.Cause.RUNAWAY_LOOP, "4.00");
    }

    private static void assertFinding(List<Anomaly> found, Anomaly.Cause cause, String extra) {
        assertEquals(1, found.size(), found.toString());
        assertEquals(cause, found.get(0).cause());
        assertEquals(TEST_DAY, found.get(0).date());
        assertEquals(0, found.get(0).extraCost().compareTo(new BigDecimal(extra)), found.get(0).extraCost().toPlainString());
    }

    @Test
    void fiveTimesTheRequestsIsARunawayLoop() {
        // extra against the mean day: 5.00 − 1.00
        assertFinding(run(500, 1000, "5.00"), Anomaly.Cause.RUNAWAY_LOOP, "4.00");
        assertEquals(Anomaly.Cause.VOLUME_GROWTH, run(499, 1000, "4.99").get(0).cause(), "just under the loop factor");
    }

    @Test
    void threeTimesTheInputPerRequestIsContextGrowth() {
        // the same 100 requests would have cost 1.00: extra 2.50 − 1.00
        assertFinding(run(100, 3000, "2.50"), Anomaly.Cause.CONTEXT_GROWTH, "1.50");
        assertEquals(List.of(), run(100, 2999, "1.50"), "2.999× and spend up 50 % with tokens up 2×: nothing");
    }

    @Test
    void thirtyPercentDearerAtFlatTokensIsAModelChange() {
        assertFinding(run(100, 1000, "1.30"), Anomaly.Cause.MODEL_CHANGE, "0.30");
        assertEquals(List.of(), run(100, 1000, "1.29"), "29 % is inside the band");
        // cost per request 1.30× with 120 requests: extra 1.56 − 120 · 0.01 = 0.36
        assertFinding(run(120, 1000, "1.56"), Anomaly.Cause.MODEL_CHANGE, "0.36");
    }

    @Test
    void twiceTheRequestsIsVolumeGrowth() {
        assertFinding(run(200, 1000, "2.00"), Anomaly.Cause.VOLUME_GROWTH, "1.00");
        assertEquals(List.of(), run(199, 1000, "1.99"));
    }

    @Test
    void doubleSpendWithNoOtherPatternIsOther() {
        // input per request ×2 (under 3×), tokens not flat, same requests, spend ×2
        assertFinding(run(100, 2000, "2.00"), Anomaly.Cause.OTHER, "1.00");
    }

    @Test
    void tooShortAHistoryDecidesNothing() {
        assertEquals(List.of(), run(4, 1000, 1000, "10.00"));
        assertEquals(1, run(5, 1000, 1000, "10.00").size());
    }

    @Test
    void consecutiveDaysFormOneFindingAndTheLoopDoesNotRaiseItsOwnBaseline() {
        List<AnomalyDetector.DayPoint> pts = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            boolean loop = d == 10 || d == 11;
            pts.add(new AnomalyDetector.DayPoint(START.plusDays(d), loop ? 1000 : 100, loop ? 1_000_000 : 100_000, 0,
                    new BigDecimal(loop ? "10.00" : "1.00")));
        }
        List<Anomaly> found = AnomalyDetector.detect(List.of(new AnomalyDetector.Series("agent", "bot", pts)), START,
                START.plusDays(13), AnomalyDetector.DEFAULTS);
        assertEquals(1, found.size(), found.toString());
        assertEquals(2, found.get(0).days());
        assertEquals(START.plusDays(11), found.get(0).lastDate());
        // (10 − 1) · 2 = 18: the second day is measured against the quiet days, not the first loop day
        assertEquals(0, found.get(0).extraCost().compareTo(new BigDecimal("18.00")));
    }

    @Test
    void aTeamFindingAnAgentFindingExplainsIsFolded() {
        Anomaly agent = new Anomaly(TEST_DAY, TEST_DAY.plusDays(1), "agent", "bot", Anomaly.Cause.RUNAWAY_LOOP, BigDecimal.ONE, 2, "", List.of());
        Anomaly team = new Anomaly(TEST_DAY.plusDays(1), TEST_DAY.plusDays(1), "team", "support", Anomaly.Cause.VOLUME_GROWTH, BigDecimal.ONE, 1, "", List.of());
        Anomaly other = new Anomaly(TEST_DAY, TEST_DAY, "team", "sales", Anomaly.Cause.VOLUME_GROWTH, BigDecimal.ONE, 1, "", List.of());
        List<Anomaly> out = AnomalyDetector.fold(List.of(agent, team, other), (a, dim) -> dim.equals("team") ? Set.of("support") : Set.of());
        assertEquals(List.of(agent, other), out);
    }

    @Test
    void aNewModelWithoutAPriceIsReportedOnTheDayItAppears() {
        List<Anomaly> found = AnomalyDetector.unpriced(List.of(
                new AnomalyDetector.ModelSeen("ft:x", TEST_DAY, false, new BigDecimal("3.20")),
                new AnomalyDetector.ModelSeen("gpt-5", START, true, null),
                new AnomalyDetector.ModelSeen("old-unpriced", START.minusDays(1), false, null)), START, TEST_DAY);
        assertEquals(1, found.size());
        assertEquals("ft:x", found.get(0).key());
        assertEquals(Anomaly.Cause.UNPRICED_MODEL, found.get(0).cause());
        assertEquals(0, found.get(0).extraCost().compareTo(new BigDecimal("3.20")));
    }
}

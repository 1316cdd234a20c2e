package com.aifinops.workbench.model.analysis;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four days of hours: by default 100 requests an hour, 1,000 input and 200 output tokens per request, $0.50 an hour
 * ($0.005 a request). Findings are asked for the last two days (2026-06-13 and 14), so the first two are history.
 */
class HourlyAnomalyDetectorTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 6, 11);
    private static final LocalDate FROM = FIRST.plusDays(2), TO = FIRST.plusDays(3);
    private static final long H0 = HourlyAnomalyDetector.firstHour(FIRST);

    /** One hour's usage: requests, input tokens per request, cost. */
    private record Hour(long requests, long inputPerRequest, String cost) {
    }

    private static final Hour FLAT = new Hour(100, 1000, "0.50");

    private static List<Anomaly> run(IntFunction<Hour> hourAt) {
        HourlyAnomalyDetector.Builder b = new HourlyAnomalyDetector.Builder("agent", "bot");
        for (int h = 0; h < 96; h++) {
            Hour u = hourAt.apply(h);
            if (u != null) {
                b.add(H0 + h, u.requests(), u.requests() * u.inputPerRequest(), u.requests() * 200, new BigDecimal(u.cost()));
            }
        }
        return HourlyAnomalyDetector.detect(List.of(b.build()), FROM, TO, HourlyAnomalyDetector.DEFAULTS);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void aFlatSeriesHasNoFinding() {
        assertEquals(List.of(), run(h -> FLAT));
    }

    @Test
    void threeHoursAtSixTimesTheRequestsAreOneRunawayLoop() {
        // 2026-06-14 13:00–15:59: 600 requests and $3.00 an hour; hour 13 of day 3 is h = 3·24 + 13 = 85
        List<Anomaly> found = run(h -> h >= 85 && h <= 87 ? new Hour(600, 1000, "3.00") : FLAT);
        assertEquals(1, found.size(), found.toString());
        Anomaly a = found.get(0);
        assertEquals(Anomaly.Cause.RUNAWAY_LOOP, a.cause());
        assertEquals(Anomaly.Granularity.HOUR, a.granularity());
        assertEquals(at("2026-06-14T13:00:00Z"), a.hour());
        assertEquals(at("2026-06-14T15:00:00Z"), a.lastHour());
        assertEquals(3, a.hours());
        assertEquals(LocalDate.of(2026, 6, 14), a.date());
        // each hour against the expected $0.50 (the loop hours never join the baseline): 3 · (3.00 − 0.50) = 7.50
        assertEquals(0, a.extraCost().compareTo(new BigDecimal("7.50")), a.extraCost().toPlainString());
        assertEquals("600 requests in the hour vs an expected 100.0 (×6.0)", a.detail());
    }

    @Test
    void tripledInputPerRequestForSixHoursIsContextGrowth() {
        // 2026-06-13 08:00–13:59 (h = 56 .. 61): 3,000 input tokens per request, $0.90 an hour
        List<Anomaly> found = run(h -> h >= 56 && h <= 61 ? new Hour(100, 3000, "0.90") : FLAT);
        assertEquals(1, found.size(), found.toString());
        Anomaly a = found.get(0);
        assertEquals(Anomaly.Cause.CONTEXT_GROWTH, a.cause());
        assertEquals(at("2026-06-13T08:00:00Z"), a.hour());
        assertEquals(at("2026-06-13T13:00:00Z"), a.lastHour());
        // the same 100 requests cost $0.50 at the baseline's $0.005: 6 · (0.90 − 0.50) = 2.40
        assertEquals(0, a.extraCost().compareTo(new BigDecimal("2.40")), a.extraCost().toPlainString());
    }

    @Test
    void justUnderTheLoopFactorIsVolumeGrowthAndHalfOfItNothing() {
        // 499 requests: ≥ 2 × 100 but < 5 × 100; extra 2.495 − 0.50
        List<Anomaly> growth = run(h -> h == 80 ? new Hour(499, 1000, "2.495") : FLAT);
        assertEquals(1, growth.size(), growth.toString());
        assertEquals(Anomaly.Cause.VOLUME_GROWTH, growth.get(0).cause());
        assertEquals(0, growth.get(0).extraCost().compareTo(new BigDecimal("1.995")));
        assertEquals(List.of(), run(h -> h == 80 ? new Hour(199, 1000, "0.995") : FLAT));
    }

    @Test
    void aDearerModelAtFlatTokensIsAModelChange() {
        // $0.65 for the same 100 requests: ×1.30; extra 0.65 − 0.50 for the one hour
        List<Anomaly> found = run(h -> h == 70 ? new Hour(100, 1000, "0.65") : FLAT);
        assertEquals(1, found.size(), found.toString());
        assertEquals(Anomaly.Cause.MODEL_CHANGE, found.get(0).cause());
        assertEquals(0, found.get(0).extraCost().compareTo(new BigDecimal("0.15")));
        assertEquals(List.of(), run(h -> h == 70 ? new Hour(100, 1000, "0.64") : FLAT), "×1.28 is inside the band");
    }

    @Test
    void businessHoursAreNotAnomaliesButASurgeAtNightIs() {
        // 1,000 requests from 09:00 to 16:59, 50 otherwise: a 9 am hour is 20× the night before, yet the usual 9 am
        IntFunction<Hour> office = h -> h % 24 >= 9 && h % 24 < 17 ? new Hour(1000, 1000, "5.00") : new Hour(50, 1000, "0.25");
        assertEquals(List.of(), run(office));
        // a surge at 03:00 on 2026-06-14 (h = 75): 1,500 requests, $7.50. The recent baseline (h = 51 .. 74) has
        // (8·1000 + 16·50)/24 = 366.67 requests an hour, the 3 am hours 50: 1,500 < 5 × 366.67, no loop. The whole
        // look-back is every earlier hour (h = 0 .. 74): 3 days of 8,800 requests and $44.00 plus three night hours,
        // 26,550 / 75 = 354 requests and $132.75 / 75 = $1.77 an hour; 1,500 ≥ 2 × 354 and ≥ 2 × 50: volume growth,
        // extra against the larger expected cost: 7.50 − max(1.77, 0.25) = 5.73
        List<Anomaly> found = run(h -> h == 75 ? new Hour(1500, 1000, "7.50") : office.apply(h));
        assertEquals(1, found.size(), found.toString());
        assertEquals(Anomaly.Cause.VOLUME_GROWTH, found.get(0).cause());
        assertEquals(at("2026-06-14T03:00:00Z"), found.get(0).hour());
        assertEquals(0, found.get(0).extraCost().compareTo(new BigDecimal("5.73")), found.get(0).extraCost().toPlainString());
    }

    @Test
    void aChangeThatLastsTheWholeLookBackBecomesTheNewNormal() {
        // from h = 50 on, every hour has tripled input: flagged while the look-back still holds 12 clean hours,
        // i.e. through h = 50 + 168 − 12 = 206 > 95, so over these four days it is one run to the end
        List<Anomaly> found = run(h -> h >= 50 ? new Hour(100, 3000, "0.90") : FLAT);
        assertEquals(1, found.size(), found.toString());
        assertEquals(at("2026-06-13T02:00:00Z"), found.get(0).hour());
        assertEquals(at("2026-06-14T23:00:00Z"), found.get(0).lastHour());
        assertEquals(46, found.get(0).hours());
    }

    @Test
    void aGapEndsARun() {
        // loop hours 85 and 87 with no usage at 86: two findings
        List<Anomaly> found = run(h -> h == 86 ? null : h == 85 || h == 87 ? new Hour(600, 1000, "3.00") : FLAT);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).hour().isBefore(found.get(1).hour()));
    }

    @Test
    void anEventFoundDailyAndHourlyIsReportedOnce() {
        LocalDate d = LocalDate.of(2026, 6, 14);
        Anomaly hourly = Anomaly.hourly(at("2026-06-14T13:00:00Z"), at("2026-06-14T22:00:00Z"), "agent", "bot",
                Anomaly.Cause.RUNAWAY_LOOP, BigDecimal.TEN, "");
        Anomaly day = new Anomaly(d, d, "agent", "bot", Anomaly.Cause.VOLUME_GROWTH, BigDecimal.ONE, 1, "", List.of());
        // the hourly finding spans the daily one's day: the hours tell it better
        assertEquals(List.of(hourly), HourlyAnomalyDetector.merge(List.of(day), List.of(hourly)));
        // a switch the days see for three weeks and the hours first at 13:00: the daily finding, with that hour
        Anomaly weeks = new Anomaly(d, d.plusDays(20), "agent", "bot", Anomaly.Cause.MODEL_CHANGE, BigDecimal.ONE, 21, "", List.of());
        Anomaly firstHours = Anomaly.hourly(at("2026-06-14T13:00:00Z"), at("2026-06-20T12:00:00Z"), "agent", "bot",
                Anomaly.Cause.MODEL_CHANGE, BigDecimal.TEN, "");
        List<Anomaly> merged = HourlyAnomalyDetector.merge(List.of(weeks), List.of(firstHours));
        assertEquals(1, merged.size());
        assertEquals(Anomaly.Granularity.DAY, merged.get(0).granularity());
        assertEquals(at("2026-06-14T13:00:00Z"), merged.get(0).hour());
        assertEquals(21, merged.get(0).days());
        // another series' findings are left alone
        Anomaly other = Anomaly.hourly(at("2026-06-14T13:00:00Z"), at("2026-06-14T14:00:00Z"), "agent", "other",
                Anomaly.Cause.RUNAWAY_LOOP, BigDecimal.TEN, "");
        assertEquals(List.of(day, other), HourlyAnomalyDetector.merge(List.of(day), List.of(other)));
    }

    /** Costs added as unscaled values and as decimals stay exact, past the compact units' million dollars too. */
    @Test
    void theBuilderSumsCostsOfAnHourExactly() {
        HourlyAnomalyDetector.Series s = new HourlyAnomalyDetector.Builder("agent", "a")
                .add(10, 1, 1, 1, 3, 2)                                   // $0.03
                .add(10, 1, 1, 1, new java.math.BigDecimal("0.0000000000001")) // 13 decimals: beyond the units
                .add(11, 1, 1, 1, 999_999_999_999L, 6)                    // $999,999.999999
                .add(11, 1, 1, 1, 2, 6)                                   // + $0.000002: a million and past the units
                .add(9, 1, 1, 1, -5, 1)                                   // −$0.5, out of order
                .build();
        assertEquals(3, s.size());
        assertEquals(9, s.hour(0));
        assertEquals(0, new java.math.BigDecimal("-0.5").compareTo(s.cost(0)));
        assertEquals(0, new java.math.BigDecimal("0.0300000000001").compareTo(s.cost(1))); // 0.03 + 0.0000000000001
        assertEquals(0, new java.math.BigDecimal("1000000.000001").compareTo(s.cost(2)));  // 999,999.999999 + 0.000002
        assertEquals(2, s.requests(1));
    }
}

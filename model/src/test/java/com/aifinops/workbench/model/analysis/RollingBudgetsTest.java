package com.aifinops.workbench.model.analysis;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Rolling budgets: every window, crossing day and proposal below is worked by hand in the comments. */
class RollingBudgetsTest {
    private static final Node SUPPORT = Node.parse("team:support");
    private static final LocalDate D = LocalDate.of(2026, 3, 20);

    private static LocalDate mar(int day) {
        return LocalDate.of(2026, 3, day);
    }

    private static Budget rolling(int days, String amount, List<BigDecimal> thresholds) {
        return new Budget(SUPPORT, new BudgetPeriod.Rolling(days), new BigDecimal(amount), thresholds);
    }

    /** $5 a day 03-01 .. 03-13, $12 a day 03-14 .. 03-20, and $1,000 on 03-21 (after the as-of day: never counted). */
    private static TreeMap<LocalDate, BigDecimal> stepUp() {
        TreeMap<LocalDate, BigDecimal> m = new TreeMap<>();
        for (int d = 1; d <= 20; d++) {
            m.put(mar(d), new BigDecimal(d <= 13 ? "5" : "12"));
        }
        m.put(mar(21), new BigDecimal("1000"));
        return m;
    }

    @Test
    void windowSpendCrossedDayAndProjection() {
        Budgets.Status s = Budgets.status(rolling(10, "100", Budgets.DEFAULT_THRESHOLDS), stepUp(), D);
        // window 03-11 .. 03-20: 3 × $5 + 7 × $12 = 15 + 84 = $99
        assertEquals(0, s.spent().compareTo(new BigDecimal("99")));
        assertEquals(D, s.asOf());
        // run-rate: the 7 days 03-14 .. 03-20 are all $12 → $12/day; projected 10 × 12 = $120
        assertEquals(0, s.runRate().compareTo(new BigDecimal("12")));
        assertEquals(0, s.projected().compareTo(new BigDecimal("120")));
        // 80 % = $80: window ending 03-19 = 4·5 + 6·12 = 92, 03-18 = 5·5 + 5·12 = 85, 03-17 = 6·5 + 4·12 = 78 < 80 → crossed 03-18
        assertEquals(mar(18), s.thresholds().get(0).crossedOn());
        assertNull(s.thresholds().get(0).projectedOn());
        // 100 % = $100: on 03-21 the $5 of 03-11 leaves and $12 enters: 99 − 5 + 12 = 106 ≥ 100
        assertNull(s.thresholds().get(1).crossedOn());
        assertEquals(mar(21), s.thresholds().get(1).projectedOn());
        assertEquals(0, s.used().compareTo(new BigDecimal("0.99")));
        assertEquals(Budgets.State.WARNING, s.state());
    }

    @Test
    void ownThresholdsAndAThresholdTheWindowNeverReaches() {
        List<BigDecimal> t = Budgets.parsePercents("50,80,100");
        Budgets.Status s = Budgets.status(rolling(10, "200", t), stepUp(), D);
        assertEquals(3, s.thresholds().size());
        // 50 % = $100: 99 − 5 + 12 = 106 on 03-21
        assertEquals(mar(21), s.thresholds().get(0).projectedOn());
        // 80 % = $160: 106, 113, 120 (03-11, 12, 13 leave), then a $12 day leaves as one enters: $120 for good
        assertEquals(0, s.thresholds().get(1).amount().compareTo(new BigDecimal("160")));
        assertNull(s.thresholds().get(1).projectedOn());
        assertNull(s.thresholds().get(2).projectedOn());
        // used 99 / 200 = 49.5 % < the first threshold; $200 is never reached → ok
        assertEquals(Budgets.State.OK, s.state());
    }

    /** 03-19 $4, 03-20 $6, nothing else: the 7-day mean is 10/7 and the days leaving the window are $0 until 03-19 leaves. */
    private static TreeMap<LocalDate, BigDecimal> lateBurst() {
        TreeMap<LocalDate, BigDecimal> m = new TreeMap<>();
        m.put(mar(19), new BigDecimal("4"));
        m.put(mar(20), new BigDecimal("6"));
        return m;
    }

    @Test
    void aWindowThatPeaksAboveItsSteadyStateIsAtRisk() {
        Budgets.Status s = Budgets.status(rolling(5, "13", Budgets.DEFAULT_THRESHOLDS), lateBurst(), D);
        // window 03-16 .. 03-20 = $10; run-rate 10/7 = 1.428571…; projected 5 · 10/7 = 7.142857… (below $13)
        assertEquals(0, s.spent().compareTo(BigDecimal.TEN));
        assertEquals("7.14", s.projected().setScale(2, RoundingMode.HALF_UP).toPlainString());
        // 80 % = $10.40: 03-21 drops 03-16 ($0): 10 + 10/7 = 11.43 ≥ 10.40
        assertEquals(mar(21), s.thresholds().get(0).projectedOn());
        // 100 % = $13: 03-22: 10 + 20/7 = 12.857 < 13 (exactly: 7·10 + 2·10 = 90 < 91); 03-23: 10 + 30/7 = 14.29 ≥ 13
        assertEquals(mar(23), s.thresholds().get(1).projectedOn());
        // used 10/13 = 76.9 % < 80 %, but the window reaches $13 on 03-23 before 03-19's $4 leaves on 03-24
        assertEquals(Budgets.State.AT_RISK, s.state());

        // $15: 12.86, 14.29, then 03-19 leaves: 6 + 40/7 = 11.71, then 03-20: 50/7 = 7.14: never $15 → ok;
        // 80 % = $12 is reached on 03-22 (12.857)
        Budgets.Status t = Budgets.status(rolling(5, "15", Budgets.DEFAULT_THRESHOLDS), lateBurst(), D);
        assertNull(t.thresholds().get(1).projectedOn());
        assertEquals(mar(22), t.thresholds().get(0).projectedOn());
        assertEquals(Budgets.State.OK, t.state());

        // $12: 80 % = $9.60 ≤ $10 now; the window ending 03-19 held only $4 → crossed 03-20; 100 %: 11.43 then 12.86 → 03-22
        Budgets.Status u = Budgets.status(rolling(5, "12", Budgets.DEFAULT_THRESHOLDS), lateBurst(), D);
        assertEquals(mar(20), u.thresholds().get(0).crossedOn());
        assertEquals(mar(22), u.thresholds().get(1).projectedOn());
    }

    @Test
    void overForTheWholeLookBackIsCrossedOnTheFirstDayOfTheWindow() {
        // $12/day from 03-14: a 3-day window holds $36 from 03-16 on; $30 is over since 03-16, looked for in 03-18 .. 03-20
        Budgets.Status s = Budgets.status(rolling(3, "30", Budgets.DEFAULT_THRESHOLDS), stepUp(), D);
        assertEquals(0, s.spent().compareTo(new BigDecimal("36")));
        assertEquals(Budgets.State.OVER, s.state());
        assertEquals(mar(18), s.thresholds().get(1).crossedOn());
    }

    @Test
    void proposalIsOneTenToOneTwentyOfTheMeanOfTheLastThreeWindows() {
        // windows of 10 days ending 03-20 ($99) and 03-10 (03-01 .. 03-10 = 10 × 5 = $50); nothing on or before 02-28
        Budgets.Proposal p = Budgets.proposeRolling(10, stepUp(), D);
        // (99 + 50) / 2 = 74.5 → 81.95 .. 89.40
        assertEquals(2, p.months());
        assertEquals(0, p.baseline().compareTo(new BigDecimal("74.5")));
        assertEquals(0, p.low().compareTo(new BigDecimal("81.95")));
        assertEquals(0, p.high().compareTo(new BigDecimal("89.40")));

        // 7-day windows: 03-14 .. 03-20 = 84, 03-07 .. 03-13 = 35, 02-28 .. 03-06 = 6 × 5 = 30; February's $700 not read
        TreeMap<LocalDate, BigDecimal> m = stepUp();
        m.put(LocalDate.of(2026, 2, 1), new BigDecimal("700"));
        Budgets.Proposal q = Budgets.proposeRolling(7, m, D);
        // (84 + 35 + 30) / 3 = 49.666… → ×1.1 = 54.63, ×1.2 = 59.60
        assertEquals(3, q.months());
        assertEquals("54.63", q.low().setScale(2, RoundingMode.HALF_UP).toPlainString());
        assertEquals("59.60", q.high().setScale(2, RoundingMode.HALF_UP).toPlainString());
        assertNull(Budgets.proposeRolling(10, new TreeMap<>(), D), "no spend, no proposal");
    }

    @Test
    void monthlyBudgetsUseTheirOwnThresholds() {
        YearMonth feb = YearMonth.of(2026, 2);
        TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
        for (int d = 1; d <= 10; d++) {
            daily.put(feb.atDay(d), new BigDecimal("40"));
        }
        Budget b = new Budget(SUPPORT, new BudgetPeriod.Month(feb), new BigDecimal("1000"), Budgets.parsePercents("30,50,100"));
        Budgets.Status s = Budgets.status(b, daily, feb.atDay(10));
        // $40/day: 30 % = $300 on day 8 (320; day 7: 280); 50 % = $500: ceil((500 − 400)·10 / 400) = 3 → 02-13
        assertEquals(feb.atDay(8), s.thresholds().get(0).crossedOn());
        assertEquals(feb.atDay(13), s.thresholds().get(1).projectedOn());
        assertEquals(Budgets.State.WARNING, s.state(), "40 % used ≥ the first threshold (30 %)");
        assertEquals(0, s.runRate().compareTo(new BigDecimal("40")));
    }

    @Test
    void thresholdsParseAndValidate() {
        assertEquals(Budgets.DEFAULT_THRESHOLDS, Budgets.parsePercents("80, 100"));
        assertEquals("50,87.5,100", Budgets.percents(Budgets.parsePercents("50,87.5,100%")));
        assertThrows(IllegalArgumentException.class, () -> Budgets.parsePercents("80,50"));
        assertThrows(IllegalArgumentException.class, () -> Budgets.parsePercents("0,100"));
        assertThrows(IllegalArgumentException.class, () -> Budgets.parsePercents("80,x"));
        assertThrows(IllegalArgumentException.class, () -> new BudgetPeriod.Rolling(0));
    }
}

package com.aifinops.workbench.model.analysis;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BudgetsTest {
    private static final YearMonth FEB = YearMonth.of(2026, 2); // 28 days
    private static final Budget THOUSAND = new Budget(Node.parse("team:support"), FEB, new BigDecimal("1000"));

    private static TreeMap<LocalDate, BigDecimal> daily(String perDay, int days) {
        TreeMap<LocalDate, BigDecimal> m = new TreeMap<>();
        for (int d = 1; d <= days; d++) {
            m.put(FEB.atDay(d), new BigDecimal(perDay));
        }
        m.put(FEB.atDay(20), new BigDecimal("5000")); // after as-of: never counted
        return m;
    }

    @Test
    void projectsBothThresholdsAtTheRunRate() {
        Budgets.Status s = Budgets.status(THOUSAND, daily("40", 10), FEB.atDay(10));
        assertEquals(0, s.spent().compareTo(new BigDecimal("400")));
        // 400 / 10 days · 28 days = 1,120
        assertEquals(0, s.projected().compareTo(new BigDecimal("1120")));
        assertEquals(Budgets.State.AT_RISK, s.state());
        // 80 %: (800 − 400)·10 / 400 = 10 more days → 02-20; 100 %: 600·10/400 = 15 → 02-25
        assertEquals(FEB.atDay(20), s.thresholds().get(0).projectedOn());
        assertEquals(FEB.atDay(25), s.thresholds().get(1).projectedOn());
        assertNull(s.thresholds().get(0).crossedOn());
    }

    @Test
    void aCrossedThresholdGivesTheDayItWasCrossed() {
        Budgets.Status s = Budgets.status(THOUSAND, daily("90", 10), FEB.atDay(10));
        // 90 · 9 = 810 ≥ 800 on day 9 (day 8: 720)
        assertEquals(FEB.atDay(9), s.thresholds().get(0).crossedOn());
        assertNull(s.thresholds().get(0).projectedOn());
        // 100 %: ceil((1000 − 900)·10 / 900) = ceil(1.11) = 2 → 02-12
        assertEquals(FEB.atDay(12), s.thresholds().get(1).projectedOn());
        assertEquals(Budgets.State.WARNING, s.state());
    }

    @Test
    void overBudget() {
        Budgets.Status s = Budgets.status(THOUSAND, daily("110", 10), FEB.atDay(10));
        assertEquals(FEB.atDay(8), s.thresholds().get(0).crossedOn(), "880 ≥ 800 (day 7: 770)");
        assertEquals(FEB.atDay(10), s.thresholds().get(1).crossedOn(), "1,100 ≥ 1,000 (day 9: 990)");
        assertEquals(Budgets.State.OVER, s.state());
    }

    @Test
    void aThresholdBeyondTheMonthIsNotProjected() {
        Budgets.Status s = Budgets.status(THOUSAND, daily("10", 10), FEB.atDay(10));
        // 80 % would take (800 − 100)·10/100 = 70 more days
        assertNull(s.thresholds().get(0).projectedOn());
        assertNull(s.thresholds().get(1).projectedOn());
        assertEquals(Budgets.State.OK, s.state());
    }

    @Test
    void asOfAfterTheMonthCountsTheWholeMonth() {
        Budgets.Status s = Budgets.status(THOUSAND, daily("10", 28), LocalDate.of(2026, 3, 15));
        // 28 · 10 + the 5,000 on 02-20 replaced the 10 of that day: 27 · 10 + 5,000 = 5,270
        assertEquals(0, s.spent().compareTo(new BigDecimal("5270")));
        assertEquals(FEB.atEndOfMonth(), s.asOf());
        assertEquals(0, s.projected().compareTo(s.spent()), "a finished month projects to what it spent");
    }

    @Test
    void proposalIsOneTenToOneTwentyOfTheMeanOfTheLastThreeMonths() {
        TreeMap<YearMonth, BigDecimal> m = new TreeMap<>();
        m.put(YearMonth.of(2025, 10), new BigDecimal("999"));
        m.put(YearMonth.of(2025, 11), new BigDecimal("330"));
        m.put(YearMonth.of(2025, 12), new BigDecimal("270"));
        m.put(YearMonth.of(2026, 1), new BigDecimal("300"));
        Budgets.Proposal p = Budgets.propose(FEB, m);
        // (330 + 270 + 300) / 3 = 300 → 330 .. 360; October is outside the three months
        assertEquals(0, p.baseline().compareTo(new BigDecimal("300")));
        assertEquals(0, p.low().compareTo(new BigDecimal("330")));
        assertEquals(0, p.high().compareTo(new BigDecimal("360")));
        assertEquals(3, p.months());
        assertNull(Budgets.propose(YearMonth.of(2025, 10), m), "no earlier month, no proposal");
    }
}

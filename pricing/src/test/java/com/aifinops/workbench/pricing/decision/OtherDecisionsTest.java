package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.Commitment;
import com.aifinops.workbench.model.decision.FineTuneCase;
import com.aifinops.workbench.model.decision.ProvisionedOption;
import com.aifinops.workbench.model.decision.SeatPlan;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workload.Workload;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static com.aifinops.workbench.pricing.decision.DecisionFixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtherDecisionsTest {
    private static ProvisionedOption ptu(int units, List<BigDecimal> profile) {
        return new ProvisionedOption("PTU", "P", "m", units, d("1.50"), "hour", d("1000"), profile);
    }

    @Test
    void breakEvenUtilisationOfProvisionedThroughput() {
        // a unit: $1.50 · 24 · 30 = $1,080 a month for 1,000 · 60 · 24 · 30 = 43.2M tokens → $25/MTok when full;
        // against $40/MTok pay-as-you-go it breaks even at 25/40 = 0.625
        assertEquals(0, ProvisionedThroughput.perMTokAt(ptu(1, List.of()), 30, BigDecimal.ONE).compareTo(d("25")));
        assertEquals(0, ProvisionedThroughput.breakEvenUtilisation(ptu(1, List.of()), 30, d("40")).compareTo(d("0.625")));
        // at 50 % utilisation a served MTok costs 50
        assertEquals(0, ProvisionedThroughput.perMTokAt(ptu(1, List.of()), 30, d("0.5")).compareTo(d("50")));
    }

    @Test
    void spillOverOfPeaksToPayAsYouGo() {
        // 12 quiet hours (weight 1) and 12 busy ones (weight 3): 86.4M tokens a month → 1.8M per quiet hour-slot
        // and 5.4M per busy one over the month. A unit serves 1,000 · 60 · 30 = 1.8M per hour-slot a month.
        List<BigDecimal> profile = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            profile.add(h < 12 ? BigDecimal.ONE : d("3"));
        }
        ProvisionedThroughput.Result r = ProvisionedThroughput.evaluate(ptu(2, profile), d("86400000"), d("40"), 30);
        // 2 units: quiet hours all served (1.8M), busy hours 3.6M served, 1.8M spilled → 12 · 1.8M = 21.6M spilled
        assertEquals(0, r.spilledTokens().compareTo(d("21600000")));
        assertEquals(0, r.servedTokens().compareTo(d("64800000")));
        assertEquals(0, r.utilisation().compareTo(d("0.75")));       // 64.8M / (2 · 24 · 1.8M)
        assertEquals(0, r.provisionedCost().compareTo(d("2160")));   // 2 · 1,080
        assertEquals(0, r.spillCost().compareTo(d("864")));          // 21.6 MTok · $40
        assertEquals(0, r.withSpill().compareTo(d("3024")));
        assertEquals(3, r.unitsForPeak());                           // 5.4M / 1.8M
        assertEquals(0, r.peakSizedCost().compareTo(d("3240")));     // without spill-over: 3 · 1,080
        assertEquals(0, r.paygCost().compareTo(d("3456")));          // 86.4 MTok · $40
        // 0 units 3,456; 1 unit 1,080 + 43.2 MTok · 40 = 2,808; 2 units 3,024; 3 units 3,240 → 1 unit
        assertEquals(1, r.bestUnits());
        assertEquals(0, r.bestCost().compareTo(d("2808")));
    }

    @Test
    void aWeeklyProfileOf168HoursSpreadsTheMonthOverDaysOverSeven() {
        // weekdays 9–17 at weight 3, everything else 1: Σw = 5·8·3 + (168 − 40) = 248. 86.4M tokens over 30 days.
        // a busy hour-slot gets 86.4M · 3/248 = 1,045,161.29 tokens over the month's 30/7 weeks, i.e. over
        // 30/7 · 60 = 257.142857 minutes: 4,064.516 a minute; a quiet one 1,354.839
        List<BigDecimal> week = new ArrayList<>();
        for (int h = 0; h < 168; h++) {
            int day = h / 24;
            int hour = h % 24;
            week.add(day < 5 && hour >= 9 && hour < 17 ? d("3") : BigDecimal.ONE);
        }
        ProvisionedThroughput.Result r = ProvisionedThroughput.evaluate(ptu(2, week), d("86400000"), d("40"), 30);
        assertEquals(4064.516, r.demandPerMinute()[9], 0.001);
        assertEquals(1354.839, r.demandPerMinute()[0], 0.001);
        // 2 units serve 2,000 a minute: the 40 busy slots spill 2,064.516 · 257.142857 each = 21,235,023.04 tokens
        assertEquals(21_235_023.04, r.spilledTokens().doubleValue(), 0.01);
        // a flat week is a flat day
        ProvisionedThroughput.Result flatWeek = ProvisionedThroughput.evaluate(ptu(2, java.util.Collections.nCopies(168, BigDecimal.ONE)),
                d("86400000"), d("40"), 30);
        ProvisionedThroughput.Result flatDay = ProvisionedThroughput.evaluate(ptu(2, List.of()), d("86400000"), d("40"), 30);
        assertTrue(flatWeek.withSpill().subtract(flatDay.withSpill()).abs().compareTo(d("0.000001")) < 0);
        assertEquals(0, flatDay.spilledTokens().signum(), "86.4M / 43,200 minutes = 2,000 a minute: exactly 2 units, nothing spills");
    }

    private static Commitment prepaid(String commit, boolean overageAtDiscount, String sigma) {
        return new Commitment("c", "P", d(commit), d("0.20"), 12, overageAtDiscount, null, d(sigma), List.of());
    }

    @Test
    void aCommitmentAboveTheForecastLeavesAShortfall() {
        // $120,000 prepaid at 20 % off; $10,000 of list a month consumes 8,000: 96,000 used, 24,000 shortfall,
        // and the year costs the 120,000 paid = the 120,000 on demand would have cost
        CommitmentPlan.Result r = CommitmentPlan.evaluate(prepaid("120000", true, "0"), d("10000"));
        assertEquals(0, r.totalConsumed().compareTo(d("96000")));
        assertEquals(0, r.shortfall().compareTo(d("24000")));
        assertEquals(0, r.overage().signum());
        assertEquals(0, r.savings().signum());
        assertEquals(0, r.months().get(2).balance().compareTo(d("96000"))); // 120,000 − 3 · 8,000
        assertEquals(0.0, r.breakEvenDiscount(), "committing exactly the certain list spend breaks even at any discount");
        // $130,000 is above the certain list spend of 120,000: paid in full whatever the discount, it never pays
        assertTrue(Double.isNaN(CommitmentPlan.evaluate(prepaid("130000", true, "0"), d("10000")).breakEvenDiscount()));
    }

    @Test
    void overageBeyondTheCommitmentAtDiscountOrAtList() {
        // $60,000 prepaid, 96,000 consumed at 20 % off: 36,000 over. At discount: pay 96,000 (save 24,000);
        // at list the 36,000 of discounted use is 45,000 of list: pay 105,000 (save 15,000)
        CommitmentPlan.Result atDiscount = CommitmentPlan.evaluate(prepaid("60000", true, "0"), d("10000"));
        assertEquals(0, atDiscount.overage().compareTo(d("36000")));
        assertEquals(0, atDiscount.costWithCommitment().compareTo(d("96000")));
        CommitmentPlan.Result atList = CommitmentPlan.evaluate(prepaid("60000", false, "0"), d("10000"));
        assertEquals(0, atList.costWithCommitment().compareTo(d("105000")));
        assertEquals(0, atList.savings().compareTo(d("15000")));
        assertEquals(0.0, atList.breakEvenDiscount(), "below a certain forecast any discount pays");
    }

    @Test
    void underUncertaintyACommitmentAtTheForecastNeedsADiscountToPay() {
        // commit the median list spend C = 12 · 10,000 = 120,000 with the level lognormal, σ = 0.3 (X, median 1).
        // Break-even: E[max(1, (1−d)·X)] = E[X] = e^0.045 = 1.0460. At d = 0.20: P(0.8X < 1) = Φ(ln 1.25 / 0.3)
        // = Φ(0.7438) = 0.7715, plus 0.8 · 1.0460 · Φ(0.3 − 0.7438) = 0.8368 · 0.3286 = 0.2750 → 1.0465 ≈ 1.0460,
        // so d* ≈ 0.20 (at d = 0.15 it is 1.0657, clearly above).
        CommitmentPlan.Result r = CommitmentPlan.evaluate(prepaid("120000", true, "0.3"), d("10000"));
        assertTrue(r.breakEvenDiscount() > 0.17 && r.breakEvenDiscount() < 0.23, "d* = " + r.breakEvenDiscount());
        // P10 of lognormal(median 120,000, σ 0.3) = 120,000 · e^(−1.281552 · 0.3) = 120,000 · 0.680815 = 81,697.7; · 0.8 = 65,358.2
        assertEquals(65_358.2, r.safeCommitP90(), 1);
        assertEquals(120_000, r.p50List(), 120_000 * 0.02);
        // P(0.8 · 120,000 · X < 120,000) = Φ(0.7438) = 0.77
        assertEquals(0.7715, r.shortfallProbability(), 0.01);
    }

    private static Workload users(String users, String reqPerDay) {
        return new Workload("w", d(users), d(reqPerDay), d("1000"), d("500"), d("0"), d("1"), 30, "m");
    }

    @Test
    void seatsAgainstTheApiForTheSameUsers() {
        // API: (1000·2 + 500·8)/1e6 = $0.006 a request. Seat $30 with 1,000 credits, 1 credit a request, $0.001 over.
        // 100 users × 2/day × 30 = 60 requests a user: API 100 · 60 · 0.006 = $36; seats $3,000.
        // Break-even: 30/0.006 = 5,000 > 1,000 included → (30 − 1,000 · 0.001)/(0.006 − 0.001) = 5,800 a month
        // = 193.33 a day
        SeatPlan plan = new SeatPlan("seat", null, d("30"), d("1000"), d("1"), d("0.001"));
        SeatVsUsage.Result r = SeatVsUsage.compare(plan, users("100", "2"), TokenPrices.of("2", null, "8"));
        assertEquals(0, r.apiMonthly().compareTo(d("36")));
        assertEquals(0, r.seatTotalMonthly().compareTo(d("3000")));
        assertEquals("193.333", r.breakEvenRequestsPerUserPerDay().setScale(3, RoundingMode.HALF_UP).toPlainString());
        // at 300 a day (9,000 a month): seat 30 + 8,000 · 0.001 = 38 < API 54 per user
        SeatVsUsage.Result heavy = SeatVsUsage.compare(plan, users("100", "300"), TokenPrices.of("2", null, "8"));
        assertEquals(0, heavy.seatTotalMonthly().compareTo(d("3800")));
        assertTrue(heavy.seatsCheaper());
    }

    @Test
    void fineTuningPaysBackFromTheTokensEachCallSaves() {
        // base (1000·2 + 500·8)/1e6 = 0.006; tuned: 400 input at 1.5 · 2 = 3, output at 8:
        // (400·3 + 500·8)/1e6 = 0.0052 → 0.0008 a call. $4,000 training → 5,000,000 calls to break even;
        // 10,000 users × 10 × 30 = 3,000,000 calls → 2,400 − 400 hosting = 2,000 a month → 2 months
        FineTuneCase t = new FineTuneCase("ft", null, "m", d("4000"), d("1.5"), d("1"), d("600"), d("400"));
        FineTunePayback.Result r = FineTunePayback.evaluate(t, users("10000", "10"), TokenPrices.of("2", null, "8"), TokenPrices.of("2", null, "8"));
        assertEquals(0, r.savingPerCall().compareTo(d("0.0008")));
        assertEquals(0, r.breakEvenCalls().compareTo(d("5000000")));
        assertEquals(0, r.paybackMonths().compareTo(d("2")));
        FineTuneCase dear = new FineTuneCase("ft", null, "m", d("4000"), d("1.5"), d("1.5"), d("600"), d("0"));
        assertNull(FineTunePayback.evaluate(dear, users("10000", "10"), TokenPrices.of("2", null, "8"),
                TokenPrices.of("2", null, "8")).breakEvenCalls());
        // replacing the $2/$8 model by a tuned $0.50/$1 one at 2×: (400·1 + 500·2)/1e6 = 0.0014 → 0.0046 a call
        FineTuneCase small = new FineTuneCase("ft", null, "s", d("4600"), d("2"), d("2"), d("600"), d("0"));
        FineTunePayback.Result s = FineTunePayback.evaluate(small, users("10000", "10"), TokenPrices.of("2", null, "8"),
                TokenPrices.of("0.50", null, "1"));
        assertEquals(0, s.savingPerCall().compareTo(d("0.0046")));
        assertEquals(0, s.breakEvenCalls().compareTo(d("1000000")));   // 4,600 / 0.0046
    }
}

package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import static com.aifinops.workbench.pricing.decision.DecisionFixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BreakdownTest {
    @Test
    void centsAreAllocatedSoTheShownLinesAddUpToTheShownTotal() {
        // 3 × 33.333 = 99.999 → $100.00; each line alone rounds to 33.33 (99.99), so one line gets the cent
        Breakdown b = Breakdown.of(List.of(new Breakdown.Part("a", d("33.333"), ""), new Breakdown.Part("b", d("33.333"), ""),
                new Breakdown.Part("c", d("33.333"), "")));
        assertEquals(d("99.999"), b.total());
        assertEquals(d("100.00"), b.totalCents());
        assertEquals(List.of(d("33.34"), d("33.33"), d("33.33")), b.lines().stream().map(Breakdown.Line::cents).toList());
    }

    @Test
    void everyOptionsBreakdownSumsExactlyToItsCurveAtAnyVolume() {
        TcoModel m = TcoModel.of(DecisionFixtures.workbook(DecisionFixtures.tco("0.5")), new PriceCatalog(List.of()));
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            long v = i == 0 ? m.annualTokens() : 1 + r.nextLong(2_000_000_000_000L);
            for (TcoModel.Costed c : m.at(v)) {
                BigDecimal exact = c.breakdown().lines().stream().map(Breakdown.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal shown = c.breakdown().lines().stream().map(Breakdown.Line::cents).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, exact.compareTo(c.total()), c.option().name() + " at " + v);
                assertEquals(0, c.total().compareTo(c.option().curve().cost(v)), c.option().name() + " at " + v);
                assertEquals(Usd.cents(c.total()), shown, c.option().name() + " at " + v);
            }
        }
    }

    @Test
    void theApiAtTheWorkbooksOwnVolumeCostsTwelveMonthsOfTheEngine() {
        TcoModel m = TcoModel.of(DecisionFixtures.workbook(DecisionFixtures.tco("0.5")), new PriceCatalog(List.of()));
        assertEquals(3_600_000_000L, m.annualTokens()); // 12 · 300,000 · 1,000
        TcoModel.Costed api = m.at(m.annualTokens()).get(0);
        // 12 · 300,000 · (800·5)/1e6 = 14,400 input, 12 · 300,000 · (200·30)/1e6 = 21,600 output
        assertEquals(0, api.total().compareTo(d("36000")));
        assertEquals(d("14400.00"), api.breakdown().lines().get(0).cents());
        assertEquals(d("21600.00"), api.breakdown().lines().get(1).cents());
        assertEquals(0, api.perMTok().compareTo(d("10")));
    }
}

package com.aifinops.workbench.pricing.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ForecastTest {

    @Test
    void compoundGrowthWithARepricingFromMonthThree() {
        // $1,000 a month, +10 % a month compound, prices ×2 from month 3:
        // m1 1,000; m2 1,100; m3 1,210·2 = 2,420; m4 1,331·2 = 2,662
        double[] m = GrowthForecast.monthly(1000, 0.10, List.of(new GrowthForecast.PriceChange(3, 2)), 4);
        assertArrayEquals(new double[]{1000, 1100, 2420, 2662}, m, 1e-9);
        // a cut to half from month 2 on top: m2 550, m3 1,210
        double[] cut = GrowthForecast.monthly(1000, 0.10, List.of(new GrowthForecast.PriceChange(3, 2),
                new GrowthForecast.PriceChange(2, 0.5)), 3);
        assertArrayEquals(new double[]{1000, 550, 1210}, cut, 1e-9);
    }

    @Test
    void leastSquaresTrendByHand() {
        // y = 1, 3, 2, 4 at t = 0..3: t̄ = 1.5, S_tt = 5, ȳ = 2.5, S_ty = 4 → b = 0.8, a = 2.5 − 1.2 = 1.3
        // residuals −0.3, 0.9, −0.9, 0.3 → SSE 1.8, ν = 2, σ̂ = √0.9
        var f = HistoryForecast.fit(new double[]{1, 3, 2, 4}, 1);
        assertEquals(0.8, f.slope(), 1e-12);
        assertEquals(1.3, f.intercept(), 1e-12);
        assertEquals(Math.sqrt(0.9), f.sigma(), 1e-12);
        assertEquals(4.5, f.predict(4), 1e-12);
        // at t = 4 the interval widens by √(1 + 1/4 + 2.5²/5) = √2.5
        assertEquals(Math.sqrt(2.5) * Math.sqrt(0.9) * HistoryForecast.studentT(2, 0.95), f.halfWidth(4, 0.90), 1e-12);
    }

    @Test
    void weeklySeasonalityIsRecovered() {
        // daily totals 100 + 2·t + weekday effect (weekends −30, weekdays +12: Σ = 5·12 − 2·30 = 0)
        double[] effect = {12, 12, 12, 12, 12, -30, -30};
        double[] y = new double[28];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 2 * t + effect[t % 7];
        }
        var f = HistoryForecast.fit(y, 7);
        assertEquals(2, f.slope(), 1e-6);
        assertEquals(100, f.intercept(), 1e-6);
        assertArrayEquals(effect, f.seasonal(), 1e-6);
        var next = HistoryForecast.forecast(y, 7, 7, 0.9);
        assertEquals(100 + 2 * 33 - 30, next[5].value(), 1e-6); // t = 33 is a weekend day (33 mod 7 = 5)
        assertEquals(0, next[5].high() - next[5].low(), 1e-6);  // an exact fit has no residual spread
    }

    @Test
    void studentQuantilesMatchTheTable() {
        assertEquals(2.228, HistoryForecast.studentT(10, 0.975), 0.005);
        assertEquals(1.697, HistoryForecast.studentT(30, 0.95), 0.002);
        assertEquals(2.920, HistoryForecast.studentT(2, 0.95), 0.05);
    }

    @Test
    void tooShortAHistoryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HistoryForecast.fit(new double[]{1, 2, 3}, 7));
    }
}

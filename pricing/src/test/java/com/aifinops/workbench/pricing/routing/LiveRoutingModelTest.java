package com.aifinops.workbench.pricing.routing;

import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.routing.RoutingMix;
import com.aifinops.workbench.model.workload.Workload;
import org.junit.jupiter.api.RepeatedTest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiveRoutingModelTest {
    private static final Map<String, TokenPrices> PRICES = Map.of(
            "a", TokenPrices.of("5.00", "0.50", "30.00"), "b", TokenPrices.of("0.25", "0.025", "2.00"),
            "c", TokenPrices.of("3.00", null, "15.00"));

    @RepeatedTest(20)
    void theLivePathAgreesWithTheExactOneAtEveryHitRate() {
        Random r = new Random();
        List<Workload> ws = new ArrayList<>();
        List<RoutingMix> mixes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ws.add(new Workload("w", BigDecimal.valueOf(1 + r.nextInt(10_000)), BigDecimal.valueOf(1 + r.nextInt(20)),
                    BigDecimal.valueOf(r.nextInt(100_000)), BigDecimal.valueOf(r.nextInt(5_000)), BigDecimal.ZERO,
                    new BigDecimal("1.2"), 30, "a"));
            mixes.add(new RoutingMix(List.of(new RoutingMix.Share("a", new BigDecimal("0.2"), null),
                    new RoutingMix.Share("b", new BigDecimal("0.5"), null), new RoutingMix.Share("c", new BigDecimal("0.3"), null)),
                    BigDecimal.valueOf(r.nextInt(101), 2), new BigDecimal("0.00001")));
        }
        LiveRoutingModel live = new LiveRoutingModel(ws, mixes, PRICES);
        for (int pct = 0; pct <= 100; pct += 25) {
            BigDecimal h = BigDecimal.valueOf(pct, 2);
            double exact = 0;
            for (int i = 0; i < ws.size(); i++) {
                exact += RoutingCalculator.price(ws.get(i).withCacheHitRate(h), mixes.get(i), PRICES).monthlyCost().doubleValue();
            }
            assertEquals(exact, live.totalMonthly(pct / 100.0), Math.max(1e-6, exact * 1e-9), "h = " + h);
        }
    }
}

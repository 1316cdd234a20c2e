package com.aifinops.workbench.pricing.routing;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.routing.RoutingMix;
import com.aifinops.workbench.model.workload.Workload;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingCalculatorTest {
    private static final Map<String, TokenPrices> PRICES = Map.of(
            "gpt-5.5", TokenPrices.of("5.00", "0.50", "30.00"),
            "gpt-5-mini", TokenPrices.of("0.25", "0.025", "2.00"));
    private static final Workload RAG = new Workload("rag", new BigDecimal("10000"), new BigDecimal("10"),
            new BigDecimal("1500"), new BigDecimal("750"), new BigDecimal("0.5"), new BigDecimal("1.20"), 30, "gpt-5.5");

    private static RoutingMix mix(String cascade, String... pairs) {
        List<RoutingMix.Share> shares = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            shares.add(new RoutingMix.Share(pairs[i], new BigDecimal(pairs[i + 1]), null));
        }
        return new RoutingMix(shares, new BigDecimal(cascade), BigDecimal.ZERO);
    }

    @Test
    void eightyTwentyBlendOfMiniAndFrontier() {
        // c(5.5) = 26,625 µ$; c(mini) = 1500·(0.25·0.5 + 0.025·0.5) + 750·2 = 206.25 + 1500 = 1,706.25 µ$
        // blend = 0.8·1706.25 + 0.2·26625 = 1365 + 5325 = 6,690 µ$ · 3,600,000 = $24,084.00
        var r = RoutingCalculator.price(RAG, mix("0", "gpt-5-mini", "0.8", "gpt-5.5", "0.2"), PRICES);
        assertEquals(new BigDecimal("24084.00"), Usd.cents(r.monthlyCost()));
        assertEquals(new BigDecimal("95850.00"), Usd.cents(r.allFrontierMonthly()));
        assertEquals("gpt-5.5", r.frontierModel());
        // 1 − 24084 / 95850 = 0.748732394...
        assertEquals(new BigDecimal("0.748732"), r.savingsFraction().setScale(6, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void cascadeEscalationPaysForBothCalls() {
        // a quarter of the mini share escalates: + 0.8·0.25·26625 = 5,325 µ$ → 12,015 µ$ · 3.6e6 = $43,254.00
        var r = RoutingCalculator.price(RAG, mix("0.25", "gpt-5-mini", "0.8", "gpt-5.5", "0.2"), PRICES);
        assertEquals(new BigDecimal("43254.00"), Usd.cents(r.monthlyCost()));
        assertEquals(new BigDecimal("19170.00"), Usd.cents(r.escalationMonthly()), "5325 µ$ · 3.6e6");
    }

    @Test
    void routerCostIsAddedPerRequest() {
        var m = new RoutingMix(List.of(new RoutingMix.Share("gpt-5.5", BigDecimal.ONE, "frontier")), BigDecimal.ZERO,
                new BigDecimal("0.0001"));
        // 95,850 + 3,600,000 · 0.0001 = 95,850 + 360 = $96,210.00
        assertEquals(new BigDecimal("96210.00"), Usd.cents(RoutingCalculator.price(RAG, m, PRICES).monthlyCost()));
    }

    @Test
    void sharesNotSummingToOneAreFlagged() {
        assertFalse(RoutingCalculator.price(RAG, mix("0", "gpt-5-mini", "0.7", "gpt-5.5", "0.2"), PRICES).sharesSumToOne());
        assertTrue(RoutingCalculator.price(RAG, mix("0", "gpt-5-mini", "0.75", "gpt-5.5", "0.25"), PRICES).sharesSumToOne());
    }

    @RepeatedTest(100)
    void aBlendNeverCostsLessThanTheFrontierShareOfAllFrontier() {
        Random r = new Random();
        Map<String, TokenPrices> prices = new HashMap<>();
        List<String> pairs = new ArrayList<>();
        int n = 2 + r.nextInt(4);
        int left = 1000;
        for (int i = 0; i < n; i++) {
            String id = "m" + i;
            prices.put(id, new TokenPrices(BigDecimal.valueOf(r.nextInt(20_000), 3), null, BigDecimal.valueOf(r.nextInt(100_000), 3)));
            int share = i == n - 1 ? left : r.nextInt(left + 1);
            left -= share;
            pairs.add(id);
            pairs.add(BigDecimal.valueOf(share, 3).toPlainString());
        }
        var result = RoutingCalculator.price(RAG, mix(BigDecimal.valueOf(r.nextInt(1001), 3).toPlainString(),
                pairs.toArray(String[]::new)), prices);
        BigDecimal frontierShare = result.legs().stream().filter(l -> l.share().modelId().equals(result.frontierModel()))
                .map(l -> l.share().share()).findFirst().orElseThrow();
        assertTrue(result.monthlyCost().compareTo(frontierShare.multiply(result.allFrontierMonthly())) >= 0);
    }
}

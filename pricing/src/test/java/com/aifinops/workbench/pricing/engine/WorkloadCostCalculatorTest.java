package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadCostCalculatorTest {
    private static final TokenPrices GPT55 = TokenPrices.of("5.00", "0.50", "30.00");

    private static Workload workload(String users, String perDay, String in, String out, String h, String ovr, int days) {
        return new Workload("w", new BigDecimal(users), new BigDecimal(perDay), new BigDecimal(in), new BigDecimal(out),
                new BigDecimal(h), new BigDecimal(ovr), days, "m");
    }

    @Test
    void ragAgentOnGpt55CostsExactly95850PerMonth() {
        // 1500·(5·0.5 + 0.5·0.5) + 750·30 = 4125 + 22500 = 26625 µ$ per request;
        // 10,000 · 10 · 30 = 3,000,000 requests; · 0.026625 = 79,875; · 1.20 = 95,850.
        WorkloadCost c = WorkloadCostCalculator.cost(workload("10000", "10", "1500", "750", "0.5", "1.20", 30), GPT55);
        assertEquals(0, new BigDecimal("95850").compareTo(c.monthlyCost()));
        assertEquals(0, new BigDecimal("0.026625").compareTo(c.costPerRequest()));
        assertEquals(0, new BigDecimal("14850").compareTo(c.inputCost()), "3e6 · 0.004125 · 1.2");
        assertEquals(0, new BigDecimal("81000").compareTo(c.outputCost()), "3e6 · 0.0225 · 1.2");
        assertEquals("$95,850.00", Usd.format(c.monthlyCost()));
    }

    @ParameterizedTest(name = "{0}: ${1}")
    @CsvSource({
            // 50,000 queries · (8000·P_in + 800·P_out)/1e6, no cache, no overhead
            "deepseek-v3.2,     128.80",
            "gpt-5-mini,        180.00",
            "gemini-2.5-flash,  220.00",
            "claude-sonnet-4.6, 1800.00"})
    void ragPipelineMatchesHandComputedMonthlyCost(String model, String expected) {
        TokenPrices p = BuiltInCatalog.get().find(model).orElseThrow().prices();
        WorkloadCost c = WorkloadCostCalculator.cost(workload("50000", "1", "8000", "800", "0", "1", 1), p);
        assertEquals(new BigDecimal(expected), Usd.cents(c.monthlyCost()));
    }

    @Test
    void cacheHitWithoutPublishedDiscountCostsFullInput() {
        TokenPrices noCache = TokenPrices.of("0.10", null, "0.32");
        Workload cold = workload("1", "1", "1000000", "0", "0", "1", 1);
        Workload hot = cold.withCacheHitRate(BigDecimal.ONE);
        assertEquals(0, WorkloadCostCalculator.cost(cold, noCache).monthlyCost()
                .compareTo(WorkloadCostCalculator.cost(hot, noCache).monthlyCost()));
        assertEquals(0, new BigDecimal("0.10").compareTo(WorkloadCostCalculator.cost(hot, noCache).monthlyCost()));
    }

    @Test
    void quarterCacheHitOnGpt55() {
        // 1500·(5·0.75 + 0.5·0.25) = 5812.5; + 22500 = 28312.5 µ$; · 3e6 · 1.2 = 101,925.00
        WorkloadCost c = WorkloadCostCalculator.cost(workload("10000", "10", "1500", "750", "0.25", "1.20", 30), GPT55);
        assertEquals(new BigDecimal("101925.00"), Usd.cents(c.monthlyCost()));
    }

    @RepeatedTest(200)
    void costIsAffineInCacheHitAndNeverBelowOutputFloor() {
        Random r = new Random();
        TokenPrices p = new TokenPrices(dec(r, 20), dec(r, 2), dec(r, 100));
        Workload base = workload(String.valueOf(1 + r.nextInt(100_000)), String.valueOf(1 + r.nextInt(50)),
                String.valueOf(r.nextInt(200_000)), String.valueOf(r.nextInt(20_000)), "0", "1." + r.nextInt(100), 30);
        BigDecimal h1 = dec(r, 1).min(BigDecimal.ONE);
        BigDecimal h2 = dec(r, 1).min(BigDecimal.ONE);
        BigDecimal c0 = WorkloadCostCalculator.cost(base, p).monthlyCost();
        BigDecimal c1 = WorkloadCostCalculator.cost(base.withCacheHitRate(BigDecimal.ONE), p).monthlyCost();
        BigDecimal at1 = WorkloadCostCalculator.cost(base.withCacheHitRate(h1), p).monthlyCost();
        // affine: c(h) = c(0) + h·(c(1) − c(0)), exactly
        assertEquals(0, c0.add(h1.multiply(c1.subtract(c0))).compareTo(at1));
        BigDecimal floor = base.requestsPerMonth().multiply(base.outputTokens()).multiply(p.outputPerMTok())
                .multiply(base.overhead()).movePointLeft(6);
        assertTrue(WorkloadCostCalculator.cost(base.withCacheHitRate(h2), p).monthlyCost().compareTo(floor) >= 0);
        assertEquals(at1.doubleValue(), WorkloadCostCalculator.monthlyAt(base, p, h1.doubleValue()),
                Math.max(1e-9, at1.doubleValue() * 1e-12));
    }

    private static BigDecimal dec(Random r, int max) {
        return BigDecimal.valueOf(r.nextInt(max * 1000 + 1), 3);
    }
}

package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.catalog.Catalog;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadPricerTest {
    private final WorkloadPricer pricer = new WorkloadPricer(Catalog.builtIn());

    private static Workload rag(String model) {
        return new Workload("rag", new BigDecimal("10000"), new BigDecimal("10"), new BigDecimal("1500"), new BigDecimal("750"),
                new BigDecimal("0.5"), new BigDecimal("1.20"), 30, model);
    }

    private static WorkloadOptions options(String prefix, String write, WorkloadOptions.Ttl ttl, String batch, String reasoning) {
        return new WorkloadOptions(new BigDecimal(prefix), new BigDecimal(write), ttl, new BigDecimal(batch),
                new BigDecimal(reasoning), LocalDate.of(2026, 7, 1), false);
    }

    @Test
    void defaultsReproduceTheCoreFormula() {
        assertEquals("$95,850.00", Usd.format(pricer.price(rag("gpt-5.5"), WorkloadOptions.DEFAULTS).orElseThrow().cost().monthlyCost()));
    }

    @Test
    void prefixShareOneHourWritesAndReasoningOnSonnet() {
        // I=1500, s=0.8 → prefix 1200: 600 hits, 600 misses all written (w=1); uncached = 300.
        // 300·3 + 600·0.30 + 600·6 (1 h = 2×3) + (750+250)·15 = 900 + 180 + 3600 + 15000 = 19,680 µ$ per request
        // · 3,000,000 requests · 1.20 = $70,848.00
        var p = pricer.price(rag("claude-sonnet-4.6"), options("0.8", "1", WorkloadOptions.Ttl.ONE_HOUR, "0", "250")).orElseThrow();
        assertEquals(new BigDecimal("70848.00"), Usd.cents(p.cost().monthlyCost()));
        assertTrue(p.explain().contains("cache write 1h 600 × $6.00/MTok"), p.explain());
    }

    @Test
    void halfTheRequestsInBatchCostThreeQuarters() {
        // blend 1 − 0.5 + 0.5·0.5 = 0.75 on both sides: 95,850 · 0.75 = 71,887.50
        var p = pricer.price(rag("gpt-5.5"), options("1", "0", WorkloadOptions.Ttl.FIVE_MINUTES, "0.5", "0")).orElseThrow();
        assertEquals(new BigDecimal("71887.50"), Usd.cents(p.cost().monthlyCost()));
    }

    @Test
    void longPromptsAreBilledAtTheTierForTheWholeRequest() {
        // Gemini 2.5 Pro, 1 user · 1 req · 1 day, 250,000 in, 1,000 out, no cache, OVR 1:
        // above 200K: 250,000·2.50 + 1,000·15 = 640,000 µ$ = $0.64
        Workload w = new Workload("long", BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("250000"), new BigDecimal("1000"),
                BigDecimal.ZERO, BigDecimal.ONE, 1, "gemini-2.5-pro");
        assertEquals(0, new BigDecimal("0.64").compareTo(pricer.price(w, WorkloadOptions.DEFAULTS).orElseThrow().cost().monthlyCost()));
    }

    @RepeatedTest(100)
    void defaultOptionsAgreeExactlyWithTheCoreCalculator() {
        Random r = new Random();
        var rows = BuiltInCatalog.rows();
        var row = rows.get(r.nextInt(rows.size()));
        long input = r.nextInt(row.tiers().isEmpty() ? 1_000_000 : (int) row.tiers().get(0).aboveTokens());
        Workload w = new Workload("w", BigDecimal.valueOf(1 + r.nextInt(50_000)), BigDecimal.valueOf(1 + r.nextInt(40)),
                BigDecimal.valueOf(input), BigDecimal.valueOf(r.nextInt(10_000)), BigDecimal.valueOf(r.nextInt(101), 2),
                new BigDecimal("1." + r.nextInt(10)), 30, row.modelId());
        BigDecimal core = WorkloadCostCalculator.cost(w, row.base().tokenPrices()).monthlyCost();
        assertEquals(0, core.compareTo(pricer.price(w, WorkloadOptions.DEFAULTS).orElseThrow().cost().monthlyCost()));
    }

    @Test
    void cacheBreakEvenPerTtl() {
        // 5 min: (1.25 − 1)/(1 − 0.1) = 0.28 → 1 read; 1 h: (2 − 1)/0.9 = 1.11 → 2 reads
        assertEquals(1, CacheBreakEven.readsToBreakEven(new BigDecimal("1.25"), new BigDecimal("0.1")));
        assertEquals(2, CacheBreakEven.readsToBreakEven(new BigDecimal("2"), new BigDecimal("0.1")));
        // exactly on the boundary (1.9 − 1)/0.9 = 1: one read only ties, so two are needed
        assertEquals(2, CacheBreakEven.readsToBreakEven(new BigDecimal("1.9"), new BigDecimal("0.1")));
        assertEquals(0, CacheBreakEven.readsToBreakEven(BigDecimal.ONE, new BigDecimal("0.5")), "free writes pay at once");
        assertEquals(-1, CacheBreakEven.readsToBreakEven(new BigDecimal("1.25"), BigDecimal.ONE), "no read discount: never");
        assertEquals(1, CacheBreakEven.readsToBreakEven(new BigDecimal("3.00"), new BigDecimal("3.75"), new BigDecimal("0.30")));
    }
}

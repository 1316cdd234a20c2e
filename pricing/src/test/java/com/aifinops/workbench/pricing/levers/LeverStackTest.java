package com.aifinops.workbench.pricing.levers;

import com.aifinops.workbench.model.levers.Levers;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeverStackTest {
    private static final TokenPrices GPT55 = TokenPrices.of("5.00", "0.50", "30.00");
    private static final Workload RAG = new Workload("rag", new BigDecimal("10000"), new BigDecimal("10"),
            new BigDecimal("1500"), new BigDecimal("750"), new BigDecimal("0.5"), new BigDecimal("1.20"), 30, "gpt-5.5");

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual.toPlainString());
    }

    @Test
    void combinedLeversComposeOnTheQuantitiesTheyAffect() {
        Levers l = Levers.none("rag")
                .withSemanticCache(new BigDecimal("0.2"), new BigDecimal("0.0001"))
                .withPromptTrim(new BigDecimal("0.1"))
                .withOutputCap(new BigDecimal("600"))
                .withPromptCaching(new BigDecimal("0.5"), new BigDecimal("0.8"), new BigDecimal("1.25"))
                .withBatch(new BigDecimal("0.3"), new BigDecimal("0.5"));
        var w = LeverStack.waterfall(RAG, GPT55, l);
        // 3,000,000 requests · OVR 1.2 = 3,600,000 billed calls
        // baseline: (1500·5 + 750·30)/1e6 = 0.03 per call · 3.6 M = $108,000
        assertMoney("108000", w.baseline());
        // semantic cache 20 %: 2.88 M calls · 0.03 = 86,400, + lookups 3,000,000 · $0.0001 = 300 → 86,700 (saves 21,300)
        assertMoney("21300", w.steps().get(0).saving());
        assertMoney("86700", w.steps().get(0).costAfter());
        // trimming 10 %: I = 1,350 → (6,750 + 22,500) µ$ = 0.02925 · 2.88 M = 84,240 + 300 = 84,540 (saves 2,160)
        assertMoney("2160", w.steps().get(1).saving());
        // cap 600 output: (6,750 + 18,000) µ$ = 0.02475 · 2.88 M = 71,280 + 300 = 71,580 (saves 12,960)
        assertMoney("12960", w.steps().get(2).saving());
        // caching: rate = 0.2·5 + 0.8·(0.5·0.5 + 0.5·1.25·5) = 1 + 0.8·3.375 = 3.7 $/MTok
        // 1,350·3.7 = 4,995 µ$ + 18,000 = 22,995 µ$ · 2.88 M = 66,225.60 + 300 = 66,525.60 (saves 5,054.40)
        assertMoney("5054.40", w.steps().get(3).saving());
        // batch 30 % at half price: × (1 − 0.15) = 0.85 → 66,225.60·0.85 = 56,291.76 + 300 = 56,591.76 (saves 9,933.84)
        assertMoney("9933.84", w.steps().get(4).saving());
        assertMoney("56591.76", w.optimised());
        // steps sum to baseline − optimised: 21,300 + 2,160 + 12,960 + 5,054.40 + 9,933.84 = 51,408.24
        assertMoney("51408.24", w.steps().stream().map(LeverStack.Step::saving).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertMoney("51408.24", w.totalSaving());
        // a 1.25× write against a 0.1× read pays after (1.25 − 1)/(1 − 0.1) = 0.28 → 1 read
        assertEquals(1, w.readsToBreakEven());
    }

    @Test
    void addingPercentagesWouldOverstateTheSaving() {
        // 50 % semantic cache, then half the rest at half price (× 1 − 0.5·0.5 = 0.75): 1 − 0.5·0.75 = 62.5 % saved, not 50 + 25 = 75 %
        Levers l = Levers.none("rag").withSemanticCache(new BigDecimal("0.5"), null).withBatch(new BigDecimal("0.5"), new BigDecimal("0.5"));
        var w = LeverStack.waterfall(RAG, GPT55, l);
        assertMoney("40500", w.optimised()); // 108,000 · 0.5 · 0.75
    }

    @RepeatedTest(20)
    void theImpliedLeversReproduceTheWorkloadsOwnCost() {
        Random r = new Random();
        Workload w = RAG.withCacheHitRate(BigDecimal.valueOf(r.nextInt(101), 2)).withBatchShare(BigDecimal.valueOf(r.nextInt(101), 2));
        var wf = LeverStack.waterfall(w, GPT55, LeverStack.implied(w));
        assertEquals(0, WorkloadCostCalculator.cost(w, GPT55).monthlyCost().compareTo(wf.optimised()));
        assertEquals(0, wf.totalSaving().compareTo(wf.steps().stream().map(LeverStack.Step::saving).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }
}

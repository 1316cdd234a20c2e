package com.aifinops.workbench.pricing.sanity;

import com.aifinops.workbench.model.levers.Levers;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.routing.NamedRoutingMix;
import com.aifinops.workbench.model.routing.RoutingMix;
import com.aifinops.workbench.model.workbook.UsageRollup;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.engine.WorkloadCost;
import com.aifinops.workbench.pricing.routing.RoutingCalculator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SanityChecksTest {
    private static final Workload RAG = new Workload("rag", new BigDecimal("10000"), new BigDecimal("10"),
            new BigDecimal("1500"), new BigDecimal("750"), new BigDecimal("0.5"), new BigDecimal("1.20"), 30, "gpt-5.5");

    private static List<SanityWarning.Check> checks(Workbook wb) {
        return SanityChecks.of(wb, BuiltInCatalog.get()).stream().map(SanityWarning::check).toList();
    }

    @Test
    void aCleanWorkbookHasNoWarnings() {
        assertEquals(List.of(), checks(new Workbook("ok", List.of(RAG), List.of("gpt-5-mini"), List.of())));
    }

    @Test
    void unpricedModelAndShortPromptsWithACacheHitRate() {
        Workload shortPrompt = RAG.withName("short").withModel("no-such-model");
        Workload tiny = new Workload("tiny", BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("800"), BigDecimal.TEN,
                new BigDecimal("0.3"), BigDecimal.ONE, 30, "gpt-5.5");
        List<SanityWarning.Check> c = checks(new Workbook("x", List.of(shortPrompt, tiny), List.of(), List.of()));
        assertEquals(List.of(SanityWarning.Check.UNPRICED_MODEL, SanityWarning.Check.CACHE_WITHOUT_PREFIX), c);
    }

    @Test
    void leverHitRateWithoutAPrefixAndSharesNotSummingToOne() {
        Levers noPrefix = Levers.none("rag").withPromptCaching(new BigDecimal("0.6"), BigDecimal.ZERO, BigDecimal.ONE);
        RoutingMix mix = new RoutingMix(List.of(new RoutingMix.Share("gpt-5-mini", new BigDecimal("0.7"), "small"),
                new RoutingMix.Share("gpt-5.5", new BigDecimal("0.2"), "frontier")), BigDecimal.ZERO, BigDecimal.ZERO);
        Workbook wb = new Workbook("x", List.of(RAG), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new NamedRoutingMix("90 %", "rag", mix)), List.of(noPrefix));
        assertEquals(List.of(SanityWarning.Check.CACHE_WITHOUT_PREFIX, SanityWarning.Check.SHARES_NOT_100), checks(wb));
    }

    @Test
    void aBillBelowTheOutputOnlyFloorIsFlagged() {
        // 1,000,000 output tokens on GPT-5.5 at $30/MTok: $30 at list, $15 at batch; a $12 bill cannot be right
        UsageRollup low = new UsageRollup("2026-05", "t", "p", "gpt-5.5", null, null, null, 10, 0, 0, 1_000_000, new BigDecimal("12"));
        UsageRollup fine = new UsageRollup("2026-05", "t", "p", "gpt-5.5", null, null, null, 10, 0, 0, 1_000_000, new BigDecimal("15"));
        Workbook wb = new Workbook("x", List.of(RAG), List.of(), List.of()).withUsageRollups(List.of(low, fine));
        assertEquals(List.of(SanityWarning.Check.BELOW_OUTPUT_FLOOR), checks(wb));
    }

    @Test
    void aBlendBelowTheFrontierShareIsFlagged() {
        // frontier 20 % of an all-frontier $95,850 = $19,170; a reported blend of $19,000 cannot include the frontier's share
        var leg = new RoutingCalculator.RoutingResult.Leg(new RoutingMix.Share("gpt-5.5", new BigDecimal("0.2"), null),
                new WorkloadCost(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        var bad = new RoutingCalculator.RoutingResult(List.of(leg), "gpt-5.5", "gpt-5-mini", BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("19000"), new BigDecimal("95850"), BigDecimal.ZERO, BigDecimal.ONE);
        List<SanityWarning> out = new ArrayList<>();
        SanityChecks.blend("mix", bad, out);
        assertEquals(1, out.size());
        assertTrue(out.get(0).message().contains("$19,170.00"), out.get(0).message());
        // the real calculator's blend never trips it
        List<SanityWarning> none = new ArrayList<>();
        SanityChecks.blend("mix", RoutingCalculator.price(RAG, new RoutingMix(List.of(
                new RoutingMix.Share("gpt-5-mini", new BigDecimal("0.8"), null), new RoutingMix.Share("gpt-5.5", new BigDecimal("0.2"), null)),
                new BigDecimal("0.25"), BigDecimal.ZERO), java.util.Map.of("gpt-5.5", TokenPrices.of("5", "0.5", "30"),
                "gpt-5-mini", TokenPrices.of("0.25", "0.025", "2"))), none);
        assertEquals(List.of(), none);
    }
}

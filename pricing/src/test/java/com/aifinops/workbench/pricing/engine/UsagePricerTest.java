package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.price.ContractTerm;
import com.aifinops.workbench.model.price.ContextTier;
import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.price.Rates;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.pricing.catalog.Catalog;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsagePricerTest {
    private static final Instant JULY = Instant.parse("2026-07-01T00:00:00Z");
    private final UsagePricer pricer = new UsagePricer(Catalog.builtIn());

    static UsageLine line(String model, long uncached, long read, long w5, long w1h, long out, long requests, boolean batch,
                          Long prompt, String tierLabel) {
        return new UsageLine(JULY, null, "test", model, uncached, read, w5, w1h, out, 0, requests, batch, prompt, tierLabel,
                null, "USD", null, null);
    }

    private static void assertCost(String expected, PricedUsage p) {
        assertEquals(0, new BigDecimal(expected).compareTo(p.cost()), () -> "got " + p.cost() + ": " + p.explain());
    }

    @Test
    void gpt55RequestWithCacheReadIsExplained() {
        // 1100·5 + 400·0.50 + 750·30 = 5500 + 200 + 22500 = 28200 µ$
        PricedUsage p = pricer.price(line("gpt-5.5", 1100, 400, 0, 0, 750, 1, false, null, null), false).orElseThrow();
        assertCost("0.0282", p);
        assertTrue(p.explain().contains("cache read 400 × $0.50/MTok"), p.explain());
        assertTrue(p.explain().contains("output 750 × $30.00/MTok"), p.explain());
        assertTrue(p.explain().contains("list") && p.explain().contains("row: OpenAI gpt-5.5 as of 2026-06-20"), p.explain());
    }

    @Test
    void geminiProSwitchesTierExactlyAboveItsThreshold() {
        // ≤200K: 200,000·1.25 + 1,000·10 = 260,000 µ$; >200K: 200,001·2.50 + 1,000·15 = 515,002.5 µ$
        PricedUsage at = pricer.price(line("gemini-2.5-pro", 200_000, 0, 0, 0, 1000, 1, false, 200_000L, null), false).orElseThrow();
        PricedUsage above = pricer.price(line("gemini-2.5-pro", 200_001, 0, 0, 0, 1000, 1, false, 200_001L, null), false).orElseThrow();
        assertCost("0.26", at);
        assertCost("0.5150025", above);
        assertTrue(above.explain().contains("tier >200K"), above.explain());
        assertTrue(at.explain().contains("tier ≤200K"), at.explain());
    }

    @Test
    void bucketWithoutRequestCountIsBilledAtTheBaseTier() {
        // a day of 1,000,000 input tokens with no request count is not one 1M-token prompt: 1M · $1.25/MTok = $1.25
        PricedUsage p = pricer.price(line("gemini-2.5-pro", 1_000_000, 0, 0, 0, 0, 0, false, null, null), false).orElseThrow();
        assertCost("1.25", p);
        // with 2 requests the average prompt is 500,000 tokens: the >200K tier, 1M · $2.50/MTok = $2.50
        assertCost("2.50", pricer.price(line("gemini-2.5-pro", 1_000_000, 0, 0, 0, 0, 2, false, null, null), false).orElseThrow());
    }

    @Test
    void anthropicStyleContextLabelPicksTheUpperTier() {
        PricedUsage p = pricer.price(line("gemini-2.5-pro", 1_000_000, 0, 0, 0, 0, 3, false, null, "> 200k"), false).orElseThrow();
        assertCost("2.50", p); // 1M tokens at the >200K input rate
    }

    @Test
    void batchRequestCostsHalf() {
        // GPT-5: 1M in · 1.25 + 1M out · 10 = 11.25 list; batch 50 % = 5.625
        assertCost("11.25", pricer.price(line("gpt-5", 1_000_000, 0, 0, 0, 1_000_000, 1, false, null, null), false).orElseThrow());
        assertCost("5.625", pricer.price(line("gpt-5", 1_000_000, 0, 0, 0, 1_000_000, 1, true, null, null), false).orElseThrow());
    }

    @Test
    void oneHourCacheWriteCostsTwiceInput() {
        // Claude Sonnet 4.6 input $3: 1M tokens written for 1 h = 2 × 3 = $6.00; for 5 min 1.25 × 3 = $3.75
        assertCost("6.00", pricer.price(line("claude-sonnet-4.6", 0, 0, 0, 1_000_000, 0, 1, false, null, null), false).orElseThrow());
        assertCost("3.75", pricer.price(line("claude-sonnet-4.6", 0, 0, 1_000_000, 0, 0, 1, false, null, null), false).orElseThrow());
    }

    @Test
    void contractDiscountAppliesOnlyWhenAskedAndNamesItself() {
        Catalog c = Catalog.builtIn().withRowsFirst(List.of(),
                List.of(new ContractTerm(ContractTerm.Scope.PROVIDER, "OpenAI", new BigDecimal("15"), null)));
        UsagePricer withContract = new UsagePricer(c);
        UsageLine l = line("gpt-5.5", 1100, 400, 0, 0, 750, 1, false, null, null);
        assertCost("0.0282", withContract.price(l, false).orElseThrow());
        PricedUsage p = withContract.price(l, true).orElseThrow();
        assertCost("0.02397", p); // 28200 µ$ · 0.85
        assertTrue(p.explain().contains("contract −15 %"), p.explain());
    }

    @Test
    void unknownModelIsUnpricedNotZero() {
        assertTrue(pricer.price(line("gpt-99", 1, 0, 0, 0, 1, 1, false, null, null), false).isEmpty());
    }

    @RepeatedTest(100)
    void listAtLeastContractedBatchAtMostStandardAndTierSwitchesAtThreshold() {
        Random r = new Random();
        Rates base = new Rates(dec(r, 20), dec(r, 2), dec(r, 30), dec(r, 40), dec(r, 100));
        Rates upper = base.map(p -> p.multiply(new BigDecimal("2")));
        long threshold = 1000 + r.nextInt(500_000);
        PriceRow row = new PriceRow("P", "m", "M", List.of(), null, null, "test", "now", base,
                List.of(new ContextTier(threshold, upper)), null, null);
        Catalog c = new Catalog(List.of(row), List.of(new ContractTerm(ContractTerm.Scope.MODEL, "m", dec(r, 100), null)));
        UsagePricer up = new UsagePricer(c);
        long[] t = {r.nextInt(1_000_000), r.nextInt(1_000_000), r.nextInt(100_000), r.nextInt(100_000), r.nextInt(100_000)};
        UsageLine std = line("m", t[0], t[1], t[2], t[3], t[4], 1, false, (long) r.nextInt(2 * (int) threshold), null);
        UsageLine batch = line("m", t[0], t[1], t[2], t[3], t[4], 1, true, std.promptTokensPerRequest(), null);
        assertTrue(up.price(std, false).orElseThrow().cost().compareTo(up.price(std, true).orElseThrow().cost()) >= 0, "list ≥ contracted");
        assertTrue(up.price(batch, false).orElseThrow().cost().compareTo(up.price(std, false).orElseThrow().cost()) <= 0, "batch ≤ standard");
        UsageLine at = line("m", t[0], 0, 0, 0, t[4], 1, false, threshold, null);
        UsageLine over = line("m", t[0], 0, 0, 0, t[4], 1, false, threshold + 1, null);
        BigDecimal atCost = up.price(at, false).orElseThrow().cost();
        BigDecimal overCost = up.price(over, false).orElseThrow().cost();
        BigDecimal expectedAt = BigDecimal.valueOf(t[0]).multiply(base.input()).add(BigDecimal.valueOf(t[4]).multiply(base.output())).movePointLeft(6);
        assertEquals(0, expectedAt.compareTo(atCost), "at the threshold: base tier");
        assertEquals(0, expectedAt.multiply(new BigDecimal("2")).compareTo(overCost), "one token above: the whole request at the tier");
    }

    private static BigDecimal dec(Random r, int max) {
        return BigDecimal.valueOf(r.nextInt(max * 1000 + 1), 3);
    }
}

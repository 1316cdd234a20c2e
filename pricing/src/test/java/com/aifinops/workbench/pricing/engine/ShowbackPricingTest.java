package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.analysis.ShowbackBuilder;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.price.ContractTerm;
import com.aifinops.workbench.model.price.Rates;
import com.aifinops.workbench.pricing.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ShowbackPricingTest {
    private static final LocalDate DAY = LocalDate.of(2026, 7, 1);

    private static DailyRollup rollup(String model, long requests, long uncached, long read, long w5, long w1h, long out, String priced) {
        return new DailyRollup(DAY, "test", model, model, null, requests, uncached, read, w5, w1h, out, 0,
                priced == null ? null : new BigDecimal(priced), null);
    }

    private static void eq(List<String> expected, List<BigDecimal> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(0, new BigDecimal(expected.get(i)).compareTo(actual.get(i)), "class " + i + ": " + actual);
        }
    }

    @Test
    void classesAtListAndUnderADiscount() {
        Catalog c = Catalog.builtIn().withRowsFirst(List.of(), List.of(new ContractTerm(ContractTerm.Scope.PROVIDER, "Anthropic",
                new BigDecimal("10"), null)));
        // claude-sonnet-4.6: 1,000,000 uncached × $3 + 2,000,000 read × $0.30 + 100,000 w5m × $3.75 + 100,000 w1h × $6
        // + 200,000 out × $15 = 3 + 0.60 + 0.375 + 0.60 + 3 = 7.575
        ShowbackBuilder.Priced p = new ShowbackPricing(c).price(rollup("claude-sonnet-4.6", 100, 1_000_000, 2_000_000, 100_000, 100_000,
                200_000, "7.575"));
        eq(List.of("3", "0.60", "0.375", "0.60", "3"), p.list());
        eq(List.of("2.7", "0.54", "0.3375", "0.54", "2.7"), p.contracted()); // × 0.9
        assertEquals(0, new BigDecimal("6.8175").compareTo(p.total()));      // 7.575 × 0.9
        // no term for OpenAI: contracted is list, and the total is the priced cost as stored (here 1.00, not 0.90)
        ShowbackBuilder.Priced open = new ShowbackPricing(c).price(rollup("gpt-5.5", 1, 100_000, 0, 0, 0, 10_000, "1.00"));
        eq(List.of("0.5", "0", "0", "0", "0.3"), open.list());
        assertEquals(open.list(), open.contracted());
        assertEquals(0, BigDecimal.ONE.compareTo(open.total()));
    }

    @Test
    void contractPricesAndTheAveragePromptsTier() {
        Catalog c = Catalog.builtIn().withRowsFirst(List.of(), List.of(new ContractTerm(ContractTerm.Scope.MODEL, "gemini-2.5-pro", null,
                Rates.of("1.00", null, "8.00"))));
        // 2 requests of 500,000 input on average: above 200K, the long-context tier ($2.50 in, $0.625 read, $15 out)
        ShowbackBuilder.Priced p = new ShowbackPricing(c).price(rollup("gemini-2.5-pro", 2, 800_000, 200_000, 0, 0, 10_000, "2.275"));
        // 800,000 × 2.50 = 2.00; 200,000 × 0.625 = 0.125; 10,000 × 15 = 0.15
        eq(List.of("2.00", "0.125", "0", "0", "0.15"), p.list());
        // contract prices replace the tier's: 800,000 × 1 = 0.80; the read keeps its list 0.625 (not named) = 0.125; 10,000 × 8 = 0.08
        eq(List.of("0.80", "0.125", "0", "0", "0.08"), p.contracted());
        assertEquals(0, new BigDecimal("1.005").compareTo(p.total()));
        assertNull(new ShowbackPricing(c).price(new DailyRollup(DAY, "x", "mystery", null, null, 1, 1, 0, 0, 0, 1, 0, null, null)));
    }
}

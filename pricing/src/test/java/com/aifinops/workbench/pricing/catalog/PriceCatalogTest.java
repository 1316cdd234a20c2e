package com.aifinops.workbench.pricing.catalog;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.price.TokenPrices;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceCatalogTest {
    @Test
    void findsModelByIdDisplayNameOrAliasIgnoringCase() {
        PriceCatalog c = BuiltInCatalog.get();
        assertEquals("gpt-5.5", c.find("GPT-5.5").orElseThrow().id());
        assertEquals("claude-sonnet-4.6", c.find("Claude Sonnet 4.6").orElseThrow().id());
        assertEquals("claude-sonnet-4.6", c.find("claude-sonnet-4-6").orElseThrow().id());
        assertTrue(c.find("no-such-model").isEmpty());
    }

    @Test
    void workbookRowsOverrideCatalogueRows() {
        ModelPrice negotiated = new ModelPrice("gpt-5.5", "GPT-5.5", "OpenAI", List.of(),
                TokenPrices.of("4.00", "0.40", "24.00"), "contract", "2026-07-01");
        PriceCatalog c = BuiltInCatalog.get().overriddenBy(List.of(negotiated));
        assertEquals(new BigDecimal("4.00"), c.find("gpt-5.5").orElseThrow().prices().inputPerMTok());
        assertEquals(BuiltInCatalog.get().all().size(), c.all().size());
    }
}

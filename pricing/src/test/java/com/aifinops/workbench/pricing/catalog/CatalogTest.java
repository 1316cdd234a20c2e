package com.aifinops.workbench.pricing.catalog;

import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.price.Rates;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {
    private static PriceRow row(String from, String until, String input, String source) {
        return new PriceRow("OpenAI", "gpt-x", "GPT-X", List.of("gpt-x-latest"), from == null ? null : LocalDate.parse(from),
                until == null ? null : LocalDate.parse(until), source, from, Rates.of(input, null, "10"), List.of(), null, null);
    }

    @Test
    void theRowInForceOnADateWins() {
        Catalog c = new Catalog(List.of(row("2026-01-01", null, "2.00", "old list"), row("2026-07-01", null, "1.50", "price cut")), List.of());
        assertEquals(new BigDecimal("2.00"), c.resolve("gpt-x", LocalDate.parse("2026-06-30")).orElseThrow().row().base().input());
        assertEquals(new BigDecimal("1.50"), c.resolve("GPT-X", LocalDate.parse("2026-07-01")).orElseThrow().row().base().input());
        assertTrue(c.resolve("gpt-x", LocalDate.parse("2025-12-31")).isEmpty(), "nothing in force before the first row");
    }

    @Test
    void anExpiredRowStopsApplyingOnItsUntilDate() {
        Catalog c = new Catalog(List.of(row("2026-01-01", "2026-03-01", "2.00", "promo")), List.of());
        assertTrue(c.resolve("gpt-x-latest", LocalDate.parse("2026-02-28")).isPresent());
        assertTrue(c.resolve("gpt-x", LocalDate.parse("2026-03-01")).isEmpty());
    }

    @Test
    void equallyRecentRowsThatDisagreeAreReportedAsConflicts() {
        Catalog c = new Catalog(List.of(row("2026-04-01", null, "0.80", "guide"), row("2026-04-01", null, "1.00", "provider")), List.of());
        Catalog.Resolution r = c.resolve("gpt-x", LocalDate.parse("2026-05-01")).orElseThrow();
        assertEquals("guide", r.row().source(), "the earlier row in the list wins");
        assertEquals(1, r.conflicts().size());
        assertEquals("provider", r.conflicts().get(0).source());
    }

    @Test
    void builtInRowsAllResolveAndMatchTheStudioCatalogue() {
        for (PriceRow row : BuiltInCatalog.rows()) {
            assertEquals(row, Catalog.builtIn().resolve(row.modelId(), LocalDate.now()).orElseThrow().row());
            assertEquals(row.base().input(), BuiltInCatalog.get().find(row.modelId()).orElseThrow().prices().inputPerMTok());
        }
    }

    @Test
    void theStudioSeesOneRowPerModelAsInForceToday() {
        Catalog c = new Catalog(List.of(row("2026-01-01", null, "2.00", "old"), row("2026-07-01", null, "1.50", "cut")), List.of())
                .withRowsFirst(List.of(), List.of());
        PriceCatalog july = c.inForce(LocalDate.parse("2026-07-02"));
        assertEquals(1, july.all().size());
        assertEquals(new BigDecimal("1.50"), july.find("gpt-x").orElseThrow().prices().inputPerMTok());
    }
}

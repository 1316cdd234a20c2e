package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkbookCostsTest {
    private static final Workload RAG = new Workload("RAG", new BigDecimal("10000"), new BigDecimal("10"), new BigDecimal("1500"),
            new BigDecimal("750"), new BigDecimal("0.50"), new BigDecimal("1.20"), 30, "gpt-5.5");

    @Test
    void pricesEveryWorkloadAndScenarioOnTheWorkbooksOwnRows() {
        ModelPrice own = new ModelPrice("gpt-5.5", "GPT-5.5", "OpenAI", List.of(), TokenPrices.of("5.00", "0.50", "30.00"), "x", "2026");
        ModelPrice custom = new ModelPrice("house-model", "House", "Us", List.of(), TokenPrices.of("1", null, "4"), "contract", "2026-05");
        Workbook wb = new Workbook("t", List.of(RAG), List.of("house-model", "not-a-model"), List.of(own, custom),
                List.of(new Scenario("cache", null, new BigDecimal("0.80"), null)), List.of(), List.of(), null);
        List<WorkbookCosts.Case> cases = WorkbookCosts.of(wb, new PriceCatalog(List.of()));
        assertEquals(4, cases.size());
        // 3,000,000 req × 1.20 × 0.026625 = 95,850.00; house: 3,600,000 × (1500·1 + 750·4)/1e6 = 16,200.00
        assertEquals("95850.00", Usd.cents(cases.get(0).cost().monthlyCost()).toPlainString());
        assertEquals("16200.00", Usd.cents(cases.get(1).cost().monthlyCost()).toPlainString());
        // h = 0.80: 3,600,000 × (1500·1.4 + 22,500)/1e6 = 88,560.00
        assertEquals("cache", cases.get(2).scenario());
        assertEquals("88560.00", Usd.cents(cases.get(2).cost().monthlyCost()).toPlainString());
        assertEquals(List.of("not-a-model"), WorkbookCosts.missingModels(wb, new PriceCatalog(List.of())));
    }

    @Test
    void selfContainedWorkbookCarriesTheCatalogueRowsItUses() {
        Workbook wb = new Workbook("t", List.of(RAG), List.of("gpt-5-mini"), List.of());
        Workbook full = WorkbookCosts.withPricesUsed(wb, BuiltInCatalog.get());
        assertEquals(List.of("gpt-5.5", "gpt-5-mini"), full.priceRows().stream().map(ModelPrice::id).toList());
        assertEquals(full, WorkbookCosts.withPricesUsed(full, BuiltInCatalog.get()));
    }
}

package com.aifinops.workbench.app;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleWorkbookTest {
    @Test
    void bundledSampleIsTheSeedRagAgentOnGpt55AndThreeCheaperModels() {
        Workbook wb = SampleWorkbook.load();
        assertEquals(1, wb.workloads().size());
        assertEquals(List.of("claude-sonnet-4.6", "gpt-5-mini", "deepseek-v3.2"), wb.compareModels());
        PriceCatalog prices = BuiltInCatalog.get().overriddenBy(wb.priceRows());
        var w = wb.workloads().get(0);
        assertEquals("$95,850.00", Usd.format(WorkloadCostCalculator.cost(w, prices.find(w.modelId()).orElseThrow().prices()).monthlyCost()));
        // every compared model is cheaper than GPT-5.5 on this workload
        for (String id : wb.compareModels()) {
            var c = WorkloadCostCalculator.cost(w, prices.find(id).orElseThrow().prices()).monthlyCost();
            assertEquals(-1, c.compareTo(new java.math.BigDecimal("95850")), id);
        }
    }
}

package com.aifinops.workbench.importers.workbook;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workbook.Note;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workbook.UsageRollup;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;

import java.math.BigDecimal;
import java.util.List;

/** A workbook with every section filled, for format and export tests. */
public final class WorkbookFixtures {
    private WorkbookFixtures() {
    }

    public static Workload rag() {
        return new Workload("RAG", new BigDecimal("10000"), new BigDecimal("10"), new BigDecimal("1500"),
                new BigDecimal("750"), new BigDecimal("0.50"), new BigDecimal("1.20"), 30, "gpt-5.5");
    }

    public static Workbook full() {
        Workload triage = new Workload("Ticket triage", new BigDecimal("250"), new BigDecimal("40"), new BigDecimal("800"),
                new BigDecimal("120"), new BigDecimal("0.25"), new BigDecimal("1.10"), 22, "gpt-5-mini");
        ModelPrice gpt55 = new ModelPrice("gpt-5.5", "GPT-5.5", "OpenAI", List.of(), TokenPrices.of("5.00", "0.50", "30.00"),
                "industry article", "2026-06-20");
        ModelPrice mini = new ModelPrice("gpt-5-mini", "GPT-5 Mini", "OpenAI", List.of(), TokenPrices.of("0.25", "0.025", "2.00"),
                "pricing guide", "2026-04");
        ModelPrice nocache = new ModelPrice("no-cache-model", "No-cache model", "Acme", List.of("nc"),
                TokenPrices.of("1.00", null, "4.00"), "vendor sheet", "2026-05");
        return new Workbook("Full", List.of(rag(), triage), List.of("gpt-5-mini", "no-cache-model"),
                List.of(gpt55, mini, nocache),
                List.of(new Scenario("Aggressive caching", null, new BigDecimal("0.80"), null),
                        new Scenario("Lean RAG", "RAG", null, new BigDecimal("1.05"))),
                List.of(new Note("Shared assumption", false), new Note("Internal: budget ceiling", true)),
                List.of(new UsageRollup("2026-05", "Support", "RAG bot", "gpt-5.5", "u-1001", "key-prod-1", "Acme Corp",
                                1200, 1_500_000, 900_000, 600_000, new BigDecimal("27.45")),
                        new UsageRollup("2026-05", "Support", "RAG bot", "gpt-5.5", "u-1002", "key-prod-1", "Globex",
                                300, 400_000, 100_000, 150_000, new BigDecimal("6.55"))), null);
    }
}

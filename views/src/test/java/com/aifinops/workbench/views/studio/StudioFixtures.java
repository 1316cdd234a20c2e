package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.workload.Workload;

import java.math.BigDecimal;

/** The seed RAG agent: 10,000 users · 10 req/day · 1,500 in · 750 out · h 0.5 · OVR 1.20 · 30 days on GPT-5.5. */
final class StudioFixtures {
    private StudioFixtures() {
    }

    static Workload ragAgent() {
        return new Workload("RAG support agent", new BigDecimal("10000"), new BigDecimal("10"), new BigDecimal("1500"),
                new BigDecimal("750"), new BigDecimal("0.50"), new BigDecimal("1.20"), 30, "gpt-5.5");
    }
}

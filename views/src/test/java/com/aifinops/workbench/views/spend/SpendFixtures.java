package com.aifinops.workbench.views.spend;

import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.InMemorySpendQuery;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ten days of nine teams: team-i spends $(i+1) a day on gpt-5 (odd i: on claude) — $45 a day in all. */
final class SpendFixtures {
    static final LocalDate FIRST = LocalDate.of(2026, 3, 1);

    private SpendFixtures() {
    }

    static InMemorySpendQuery query() {
        List<DailyRollup> rows = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            for (int i = 0; i < 9; i++) {
                rows.add(new DailyRollup(FIRST.plusDays(d), i % 2 == 0 ? "openai" : "anthropic", i % 2 == 0 ? "gpt-5" : "claude",
                        i % 2 == 0 ? "gpt-5" : "claude", new Allocation(null, "team-" + i, null, "bot-" + i, null, null, null, null, null, null,
                        Map.of()), 10, 100, 0, 0, 0, 10, 0, BigDecimal.valueOf(i + 1), null));
            }
        }
        return new InMemorySpendQuery(rows, AllocationRules.NONE);
    }
}

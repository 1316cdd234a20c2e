package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link SpendQuery} over rows held in memory (a workbook's rollups, tests): the same grouping as the H2 one. */
public final class InMemorySpendQuery implements SpendQuery {
    private final List<DailyRollup> rows;
    private final AllocationRules rules;

    public InMemorySpendQuery(List<DailyRollup> rows, AllocationRules rules) {
        this.rows = List.copyOf(rows);
        this.rules = rules;
    }

    @Override
    public SpendReport report(LocalDate from, LocalDate to, List<Dimension> by, Map<Dimension, String> filters) {
        List<DailyRollup> kept = new ArrayList<>();
        for (DailyRollup r : rows) {
            if ((from != null && r.day().isBefore(from)) || (to != null && r.day().isAfter(to))) {
                continue;
            }
            Allocation a = rules.apply(r.allocation());
            boolean match = true;
            for (Map.Entry<Dimension, String> f : filters.entrySet()) {
                match &= f.getKey().valueOf(r, a).equals(f.getValue());
            }
            if (match) {
                kept.add(r);
            }
        }
        return SpendReport.of(kept, by, rules);
    }

    @Override
    public LocalDate[] span() {
        LocalDate min = null, max = null;
        for (DailyRollup r : rows) {
            min = min == null || r.day().isBefore(min) ? r.day() : min;
            max = max == null || r.day().isAfter(max) ? r.day() : max;
        }
        return min == null ? null : new LocalDate[]{min, max};
    }
}

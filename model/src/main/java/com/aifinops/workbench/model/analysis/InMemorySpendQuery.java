package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link SpendQuery} over rows held in memory (a workbook's rollups, tests): the same grouping as the H2 one. */
public final class InMemorySpendQuery implements SpendQuery, SpendRowsQuery {
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
    public SpendRows rows(SpendRows.Filter filter, int limit) {
        List<DailyRollup> kept = new ArrayList<>();
        for (DailyRollup r : rows) {
            Allocation a = rules.apply(r.allocation());
            if (filter.matches(r, a)) {
                kept.add(withAllocation(r, a));
            }
        }
        return SpendRows.of(filter, kept, limit);
    }

    private static DailyRollup withAllocation(DailyRollup r, Allocation a) {
        return a == r.allocation() ? r : new DailyRollup(r.day(), r.provider(), r.modelRaw(), r.modelId(), a, r.requests(), r.uncachedInput(),
                r.cacheRead(), r.cacheWrite5m(), r.cacheWrite1h(), r.outputTokens(), r.reasoningTokens(), r.pricedCost(), r.billedCost());
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

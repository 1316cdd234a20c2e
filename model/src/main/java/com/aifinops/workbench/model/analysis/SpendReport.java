package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spend grouped by one or more dimensions. Every row of the ledger lands in exactly one group (missing values
 * as {@link Dimension#UNALLOCATED}), so the groups always add up to the total.
 *
 * @param dimensions what the rows are grouped by
 * @param rows       one per combination of values, sorted by the values
 * @param total      the sum over every group (keys empty)
 */
public record SpendReport(List<Dimension> dimensions, List<ReportRow> rows, ReportRow total) {

    public static final Comparator<ReportRow> BY_KEYS = (a, b) -> {
        for (int i = 0; i < a.keys().size(); i++) {
            int c = a.keys().get(i).compareTo(b.keys().get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    public SpendReport {
        dimensions = List.copyOf(dimensions);
        rows = List.copyOf(rows);
    }

    /** A zero total (no usage). */
    public static ReportRow empty(List<String> keys) {
        return new ReportRow(keys, 0, 0, 0, 0, BigDecimal.ZERO, null, BigDecimal.ZERO, 0);
    }

    /** One row's contribution, as {@link ReportRow} counts it. */
    public static ReportRow of(DailyRollup r, List<String> keys) {
        boolean unknown = r.billedCost() == null && r.pricedCost() == null;
        return new ReportRow(keys, r.requests(), r.uncachedInput() + r.cacheWrite5m() + r.cacheWrite1h(), r.cacheRead(),
                r.outputTokens(), r.cost(), r.billedCost(), r.pricedCost() == null ? BigDecimal.ZERO : r.pricedCost(),
                unknown ? r.requests() : 0);
    }

    /** Groups rows in memory (the H2 query does the same in SQL), after applying the allocation rules. */
    public static SpendReport of(Iterable<DailyRollup> rollups, List<Dimension> by, AllocationRules rules) {
        Map<List<String>, ReportRow> groups = new HashMap<>();
        ReportRow total = empty(List.of());
        for (DailyRollup r : rollups) {
            Allocation a = rules.apply(r.allocation());
            List<String> keys = new ArrayList<>(by.size());
            for (Dimension d : by) {
                keys.add(d.valueOf(r, a));
            }
            ReportRow row = of(r, keys);
            groups.merge(keys, row, ReportRow::plus);
            total = total.plus(of(r, List.of()));
        }
        return sorted(by, groups.values(), total);
    }

    /** A report from already grouped rows. */
    public static SpendReport sorted(List<Dimension> by, Iterable<ReportRow> groups, ReportRow total) {
        List<ReportRow> rows = new ArrayList<>();
        groups.forEach(rows::add);
        rows.sort(BY_KEYS);
        return new SpendReport(by, rows, total);
    }

    /** Total cost of the rows whose value for {@code d} is {@code value} (the report must group by {@code d}). */
    public BigDecimal cost(Dimension d, String value) {
        int i = dimensions.indexOf(d);
        if (i < 0) {
            throw new IllegalArgumentException("report is not grouped by " + d);
        }
        return rows.stream().filter(r -> r.keys().get(i).equals(value)).map(ReportRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

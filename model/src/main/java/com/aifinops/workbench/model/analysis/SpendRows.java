package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ledger rows behind one figure of a report (a bar segment, a table row, a dashboard item): the daily rollups
 * with the allocation rules applied, at most a limit of them, and the total over every row that matched, so the
 * total equals the figure even when the list is cut.
 *
 * @param rows    the rows listed, costliest first, each with its allocation as the rules resolve it: every match, or
 *                when more than the limit matched, those of the earliest days (a ledger orders by day cheaply, not
 *                by cost)
 * @param matched how many rows matched in all ({@code >= rows.size()})
 * @param total   the sums over all {@code matched} rows, as {@link SpendReport} counts them (keys empty)
 */
public record SpendRows(Filter filter, List<DailyRollup> rows, long matched, ReportRow total) {
    /** How many rows the window lists at most. */
    public static final int LIMIT = 10_000;

    /** The order rows are listed in: costliest first, then by day. */
    public static final java.util.Comparator<DailyRollup> COSTLIEST_FIRST = java.util.Comparator.comparing(DailyRollup::cost).reversed()
            .thenComparing(DailyRollup::day);

    public SpendRows {
        Objects.requireNonNull(filter, "filter");
        rows = List.copyOf(rows);
        Objects.requireNonNull(total, "total");
    }

    /** Whether more rows matched than are listed. */
    public boolean cut() {
        return rows.size() < matched;
    }

    /**
     * Which rows: the days {@code from}..{@code to} (inclusive, either null for open), each {@code equal} dimension at
     * its value and each {@code excluded} dimension at none of its values (the "other" bar segment: every series but
     * the ones drawn). Values compare as {@link Dimension#valueOf} shows them ({@code unallocated} for missing).
     */
    public record Filter(LocalDate from, LocalDate to, Map<Dimension, String> equal, Map<Dimension, Set<String>> excluded) {
        public Filter {
            // in the order given: the title reads as the screen's filter, then what was clicked
            equal = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(equal));
            excluded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        }

        public static Filter of(LocalDate from, LocalDate to, Map<Dimension, String> equal) {
            return new Filter(from, to, equal, Map.of());
        }

        /** Whether a row, its allocation already resolved by the rules, passes the filter. */
        public boolean matches(DailyRollup r, Allocation resolved) {
            if ((from != null && r.day().isBefore(from)) || (to != null && r.day().isAfter(to))) {
                return false;
            }
            for (Map.Entry<Dimension, String> e : equal.entrySet()) {
                if (!e.getKey().valueOf(r, resolved).equals(e.getValue())) {
                    return false;
                }
            }
            for (Map.Entry<Dimension, Set<String>> e : excluded.entrySet()) {
                if (e.getValue().contains(e.getKey().valueOf(r, resolved))) {
                    return false;
                }
            }
            return true;
        }

        /** {@code team=support · model≠gpt-5.5,o3 · 2026-02-01 … 2026-02-10}, for a window title. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            equal.forEach((d, v) -> parts.add(d.label() + "=" + v));
            excluded.forEach((d, v) -> parts.add(d.label() + " not " + String.join(", ", new java.util.TreeSet<>(v))));
            String period = from == null && to == null ? "all days"
                    : Objects.equals(from, to) ? String.valueOf(from)
                    : (from == null ? "…" : from.toString()) + " … " + (to == null ? "…" : to.toString());
            parts.add(period);
            return String.join(" · ", parts);
        }
    }

    /** Sums every row already filtered; lists them all, or the {@code limit} of the earliest days, costliest first. */
    public static SpendRows of(Filter filter, List<DailyRollup> matching, int limit) {
        ReportRow total = SpendReport.empty(List.of());
        for (DailyRollup r : matching) {
            total = total.plus(SpendReport.of(r, List.of()));
        }
        List<DailyRollup> kept = new ArrayList<>(matching);
        if (kept.size() > limit) {
            kept.sort(java.util.Comparator.comparing(DailyRollup::day));
            kept = new ArrayList<>(kept.subList(0, limit));
        }
        kept.sort(COSTLIEST_FIRST);
        return new SpendRows(filter, kept, matching.size(), total);
    }
}

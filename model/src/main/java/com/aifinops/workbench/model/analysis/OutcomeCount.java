package com.aifinops.workbench.model.analysis;

import java.time.YearMonth;
import java.util.Objects;

/**
 * How many outcomes of one kind (resolved tickets, merged PRs) a node produced in a month. A {@code null} count
 * means none recorded: writing it removes the entry (how undo takes back a first entry).
 */
public record OutcomeCount(Node node, YearMonth month, String outcome, Long count) {
    public OutcomeCount {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(outcome, "outcome");
        if (count != null && count < 0) {
            throw new IllegalArgumentException("an outcome count is never negative: " + count);
        }
    }

    /**
     * A count as a person or a spreadsheet writes it: a whole number ≥ 0, {@code 1,234} and {@code 1_234} read as
     * 1234 (thousands separators); anything else throws with "expected a whole number ≥ 0".
     */
    public static long parseCount(String s) {
        String t = s == null ? "" : s.strip().replace(",", "").replace("_", "");
        if (!t.matches("\\d{1,18}")) throw new IllegalArgumentException("expected a whole number ≥ 0");
        return Long.parseLong(t);
    }

    /** The same node, month and outcome with another count. */
    public OutcomeCount withCount(Long n) {
        return new OutcomeCount(node, month, outcome, n);
    }
}

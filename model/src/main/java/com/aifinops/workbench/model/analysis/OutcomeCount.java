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

    /** The same node, month and outcome with another count. */
    public OutcomeCount withCount(Long n) {
        return new OutcomeCount(node, month, outcome, n);
    }
}

package com.aifinops.workbench.model.analysis;

import java.util.Objects;

/**
 * A node of the allocation tree that budgets, shared costs and outcomes attach to: a dimension and its value,
 * written {@code team:support} or {@code agent:triage-bot}.
 */
public record Node(Dimension dimension, String value) {

    public Node {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(value, "value");
        if (dimension.kind() == Dimension.Kind.DAY || dimension.kind() == Dimension.Kind.MONTH) {
            throw new IllegalArgumentException("a node is on the allocation path, not a date: " + dimension);
        }
    }

    /** Parses {@code team:support}; {@code tag:env:prod} is the tag {@code env} with value {@code prod}. */
    public static Node parse(String text) {
        String t = text.strip();
        int colon = t.regionMatches(true, 0, "tag:", 0, 4) ? t.indexOf(':', 4) : t.indexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("expected DIMENSION:VALUE such as team:support, got '" + text + "'");
        }
        return new Node(Dimension.parse(t.substring(0, colon)), t.substring(colon + 1));
    }

    @Override
    public String toString() {
        return dimension.label() + ":" + value;
    }
}

package com.aifinops.workbench.pricing.catalog;

import com.aifinops.workbench.model.price.ModelPrice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Looks up a model's price row by id, display name or alias. Immutable and thread-safe. */
public final class PriceCatalog {
    private final List<ModelPrice> rows;

    public PriceCatalog(List<ModelPrice> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<ModelPrice> all() {
        return rows;
    }

    /** The first row that answers to {@code name}; rows earlier in the list win. */
    public Optional<ModelPrice> find(String name) {
        return rows.stream().filter(r -> r.answersTo(name)).findFirst();
    }

    /** A catalogue where {@code overrides} (e.g. a workbook's own price rows) take precedence over these rows. */
    public PriceCatalog overriddenBy(List<ModelPrice> overrides) {
        List<ModelPrice> merged = new ArrayList<>(overrides);
        rows.stream().filter(r -> overrides.stream().noneMatch(o -> o.id().equals(r.id()))).forEach(merged::add);
        return new PriceCatalog(merged);
    }
}

package com.aifinops.workbench.pricing.catalog;

import com.aifinops.workbench.model.price.ContractTerm;
import com.aifinops.workbench.model.price.PriceRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The versioned price catalogue: every row from every source, and the contract terms negotiated on top.
 * Immutable and thread-safe.
 *
 * <p>Which row is in force for a model on a date: among the rows that answer to the name and are in force on
 * that date, the one with the latest {@code effectiveFrom} wins; among equally recent rows, the one earliest
 * in the list (user and imported rows come before the built-in ones). Rows that tie but price differently
 * are returned as conflicts, so the choice is visible, never silent.
 */
public final class Catalog {
    private final List<PriceRow> rows;
    private final List<ContractTerm> contract;

    public Catalog(List<PriceRow> rows, List<ContractTerm> contract) {
        this.rows = List.copyOf(rows);
        this.contract = List.copyOf(contract);
    }

    /** The built-in rows only, no contract. */
    public static Catalog builtIn() {
        return new Catalog(BuiltInCatalog.rows(), List.of());
    }

    /** {@code first} rows (e.g. the user's) take precedence over these on equal dates. */
    public Catalog withRowsFirst(List<PriceRow> first, List<ContractTerm> terms) {
        List<PriceRow> all = new ArrayList<>(first);
        all.addAll(rows);
        List<ContractTerm> t = new ArrayList<>(terms);
        t.addAll(contract);
        return new Catalog(all, t);
    }

    public List<PriceRow> rows() {
        return rows;
    }

    public List<ContractTerm> contractTerms() {
        return contract;
    }

    /** The studio's one-row-per-model view: each model's row in force on {@code date}, base-tier prices. */
    public PriceCatalog inForce(LocalDate date) {
        List<com.aifinops.workbench.model.price.ModelPrice> models = new ArrayList<>();
        rows.stream().map(PriceRow::modelId).distinct()
                .forEach(id -> resolve(id, date).ifPresent(r -> models.add(r.row().toModelPrice())));
        return new PriceCatalog(models);
    }

    /** The row in force for {@code name} on {@code date}, with any conflicting rows. */
    public Optional<Resolution> resolve(String name, LocalDate date) {
        List<PriceRow> candidates = matching(name).stream().filter(r -> r.inForceOn(date)).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        LocalDate latest = candidates.stream().map(r -> r.effectiveFrom() == null ? LocalDate.MIN : r.effectiveFrom())
                .max(Comparator.naturalOrder()).orElseThrow();
        List<PriceRow> top = candidates.stream()
                .filter(r -> (r.effectiveFrom() == null ? LocalDate.MIN : r.effectiveFrom()).equals(latest)).toList();
        PriceRow chosen = top.get(0);
        List<PriceRow> conflicts = top.stream().skip(1)
                .filter(r -> !r.base().equals(chosen.base()) || !r.tiers().equals(chosen.tiers())).toList();
        return Optional.of(new Resolution(chosen, conflicts));
    }

    /** Rows for {@code name}: an exact id match first (so "gemini-2.5-pro" is not "gemini/gemini-2.5-pro"), else any alias. */
    public List<PriceRow> matching(String name) {
        List<PriceRow> byId = rows.stream().filter(r -> r.modelId().equalsIgnoreCase(name.trim())).toList();
        return byId.isEmpty() ? rows.stream().filter(r -> r.answersTo(name)).toList() : byId;
    }

    /** The contract term for a row: a model term beats a provider term; none when list price applies. */
    public Optional<ContractTerm> termFor(PriceRow row) {
        return contract.stream().filter(t -> t.scope() == ContractTerm.Scope.MODEL && t.appliesTo(row)).findFirst()
                .or(() -> contract.stream().filter(t -> t.scope() == ContractTerm.Scope.PROVIDER && t.appliesTo(row)).findFirst());
    }

    /**
     * The resolved row and the rows that priced the same model differently on the same date.
     */
    public record Resolution(PriceRow row, List<PriceRow> conflicts) {
    }
}

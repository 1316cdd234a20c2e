package com.aifinops.workbench.model.price;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * A negotiated rate, kept apart from list prices: either a discount in percent off list, or explicit contracted
 * prices, for a whole provider or one model. A model term beats a provider term.
 *
 * @param scope           {@link Scope#PROVIDER} or {@link Scope#MODEL}
 * @param name            the provider name or the model id it applies to (case-insensitive)
 * @param discountPercent percent off list (0–100), or {@code null} when {@code contracted} is given
 * @param contracted      explicit contracted base prices, or {@code null}
 */
public record ContractTerm(Scope scope, String name, BigDecimal discountPercent, Rates contracted) {
    public enum Scope { PROVIDER, MODEL }

    public ContractTerm {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        if ((discountPercent == null) == (contracted == null)) {
            throw new IllegalArgumentException("a contract term has either a discount or contracted prices");
        }
        if (discountPercent != null && (discountPercent.signum() < 0 || discountPercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("discount must be 0 to 100 %: " + discountPercent);
        }
    }

    public boolean appliesTo(PriceRow row) {
        String n = name.toLowerCase(Locale.ROOT);
        return scope == Scope.MODEL ? row.answersTo(name) : row.provider().toLowerCase(Locale.ROOT).equals(n);
    }
}

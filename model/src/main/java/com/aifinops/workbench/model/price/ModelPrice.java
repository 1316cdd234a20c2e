package com.aifinops.workbench.model.price;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One catalogue row: a model's list prices with where they come from.
 *
 * @param id          stable lower-case id, e.g. {@code gpt-5.5}
 * @param displayName name as the provider writes it, e.g. {@code GPT-5.5}
 * @param provider    e.g. {@code OpenAI}
 * @param aliases     other names the model goes by in exports (matched case-insensitively)
 * @param prices      list prices per MTok
 * @param source      where the prices were read, e.g. "industry article"
 * @param asOf        when the source stated them, free text such as {@code 2026-06-20}
 */
public record ModelPrice(String id, String displayName, String provider, List<String> aliases,
                         TokenPrices prices, String source, String asOf) {

    public ModelPrice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prices, "prices");
        displayName = displayName == null ? id : displayName;
        provider = provider == null ? "" : provider;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        source = source == null ? "" : source;
        asOf = asOf == null ? "" : asOf;
    }

    /** True when {@code name} is this row's id, display name or an alias, ignoring case and spaces vs dashes. */
    public boolean answersTo(String name) {
        String key = normalise(name);
        if (normalise(id).equals(key) || normalise(displayName).equals(key)) {
            return true;
        }
        return aliases.stream().anyMatch(a -> normalise(a).equals(key));
    }

    static String normalise(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
    }
}

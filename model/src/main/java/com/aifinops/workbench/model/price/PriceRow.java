package com.aifinops.workbench.model.price;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One versioned catalogue row: what a model costs from a date, according to a source.
 * Several rows for one model may coexist (other sources, other dates); the catalogue picks the one in force.
 *
 * @param provider       e.g. {@code OpenAI}
 * @param modelId        stable lower-case id, e.g. {@code gpt-5.5}
 * @param displayName    as the provider writes it
 * @param aliases        other names the model appears under in exports
 * @param effectiveFrom  first day the prices apply, or {@code null} for "always"
 * @param effectiveUntil first day they no longer apply (exclusive), or {@code null} for "still in force"
 * @param source         where the prices come from, e.g. "provider pricing page", "LiteLLM price map"
 * @param asOf           when the source stated them, e.g. {@code 2026-06-20}
 * @param base           the prices of the base tier
 * @param tiers          higher context tiers, ascending by threshold
 * @param batchInput     batch-API input price per MTok, or {@code null} for the default 50 % of input
 * @param batchOutput    batch-API output price per MTok, or {@code null} for the default 50 % of output
 */
public record PriceRow(String provider, String modelId, String displayName, List<String> aliases,
                       LocalDate effectiveFrom, LocalDate effectiveUntil, String source, String asOf,
                       Rates base, List<ContextTier> tiers, BigDecimal batchInput, BigDecimal batchOutput) {

    /** Batch APIs bill half the list price unless a row says otherwise. */
    public static final BigDecimal DEFAULT_BATCH_FACTOR = new BigDecimal("0.5");

    public PriceRow {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(base, "base");
        provider = provider == null ? "" : provider;
        displayName = displayName == null ? modelId : displayName;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        source = source == null ? "" : source;
        asOf = asOf == null ? "" : asOf;
        tiers = tiers == null ? List.of() : tiers.stream().sorted(Comparator.comparingLong(ContextTier::aboveTokens)).toList();
        if (effectiveFrom != null && effectiveUntil != null && !effectiveUntil.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException(modelId + ": effective until " + effectiveUntil + " is not after " + effectiveFrom);
        }
    }

    public static PriceRow simple(String provider, String modelId, String displayName, Rates base, String source, String asOf,
                                  String... aliases) {
        return new PriceRow(provider, modelId, displayName, List.of(aliases), null, null, source, asOf, base, List.of(), null, null);
    }

    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveUntil == null || date.isBefore(effectiveUntil));
    }

    /** True when {@code name} is the id, display name or an alias, ignoring case, and spaces/underscores vs dashes. */
    public boolean answersTo(String name) {
        String key = normalise(name);
        return normalise(modelId).equals(key) || normalise(displayName).equals(key)
                || aliases.stream().anyMatch(a -> normalise(a).equals(key));
    }

    /** The tier a request with a prompt of {@code promptTokens} is billed at: the highest threshold it exceeds. */
    public Tiered tierFor(long promptTokens) {
        Tiered t = new Tiered(null, base);
        for (ContextTier tier : tiers) {
            if (promptTokens > tier.aboveTokens()) {
                t = new Tiered(tier, tier.rates());
            }
        }
        return t;
    }

    /** The tier picked for a request, and its rates ({@code tier} is null for the base tier). */
    public record Tiered(ContextTier tier, Rates rates) {
        public String label(PriceRow row) {
            if (tier != null) {
                return "tier >" + compact(tier.aboveTokens());
            }
            return row.tiers().isEmpty() ? "single tier" : "tier ≤" + compact(row.tiers().get(0).aboveTokens());
        }
    }

    public BigDecimal batchInputOr(BigDecimal listInput) {
        return batchInput != null ? batchInput : listInput.multiply(DEFAULT_BATCH_FACTOR);
    }

    public BigDecimal batchOutputOr(BigDecimal listOutput) {
        return batchOutput != null ? batchOutput : listOutput.multiply(DEFAULT_BATCH_FACTOR);
    }

    /** The studio's simpler view of this row: base-tier list prices. */
    public ModelPrice toModelPrice() {
        return new ModelPrice(modelId, displayName, provider, aliases, base.tokenPrices(), source, asOf);
    }

    /** "OpenAI list 2026-06-20 (industry article)": how an explanation names the row. */
    public String describe() {
        return (provider.isEmpty() ? "" : provider + " ") + modelId + (asOf.isEmpty() ? "" : " as of " + asOf)
                + (source.isEmpty() ? "" : " (" + source + ")");
    }

    static String normalise(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
    }

    static String compact(long tokens) {
        return tokens % 1000 == 0 ? tokens / 1000 + "K" : Long.toString(tokens);
    }
}

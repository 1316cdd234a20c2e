package com.aifinops.workbench.importers.catalog;

import com.aifinops.workbench.model.price.ContextTier;
import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.price.Rates;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Langfuse model definitions (a JSON array; prices in USD per unit, usually per token). The default
 * pricing tier becomes the base rates; a tier whose condition is "input usage greater than N" becomes a context
 * tier above N tokens. Tiers keyed on request attributes (e.g. {@code service_tier ∈ {priority}}) are not
 * context tiers and are left out; models not priced per token, or without input and output prices, are skipped
 * with the reason.
 */
public final class LangfusePriceReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private LangfusePriceReader() {
    }

    public static CatalogImport read(Path file, String asOf) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), asOf);
        }
    }

    public static CatalogImport read(InputStream in, String name, String asOf) throws IOException {
        List<PriceRow> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(name + ": not Langfuse model definitions (expected a JSON array of models)");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                JsonNode m = MAPPER.readTree(p);
                String model = m.path("modelName").asText("");
                try {
                    String reason = skipReason(m);
                    if (reason != null) {
                        skipped.add(model + ": " + reason);
                    } else {
                        rows.add(row(m, asOf));
                    }
                } catch (IllegalArgumentException e) {
                    skipped.add(model + ": " + e.getMessage());
                }
            }
        }
        return new CatalogImport(rows, skipped);
    }

    private static String skipReason(JsonNode m) {
        if (m.path("modelName").asText("").isBlank()) {
            return "no modelName";
        }
        String unit = m.path("unit").asText("TOKENS");
        if (!unit.equalsIgnoreCase("TOKENS")) {
            return "priced per " + unit.toLowerCase(Locale.ROOT) + ", not per token";
        }
        JsonNode prices = defaultPrices(m);
        if (prices == null || first(prices, "input", "input_tokens") == null || first(prices, "output", "output_tokens") == null) {
            return "no input/output price in the default tier";
        }
        return null;
    }

    private static PriceRow row(JsonNode m, String asOf) {
        Rates base = rates(defaultPrices(m));
        List<ContextTier> tiers = new ArrayList<>();
        for (JsonNode tier : m.path("pricingTiers")) {
            Long above = usageThreshold(tier);
            if (above != null && !tier.path("isDefault").asBoolean(false)) {
                tiers.add(new ContextTier(above, rates(tier.path("prices"))));
            }
        }
        String id = m.path("modelName").asText().toLowerCase(Locale.ROOT);
        LocalDate from = m.hasNonNull("startDate") ? OffsetDateTime.parse(m.get("startDate").asText()).toLocalDate() : null;
        return new PriceRow("", id, m.path("modelName").asText(), List.of(), from, null, "Langfuse model prices", asOf, base,
                tiers, null, null);
    }

    /** The default tier's prices, or the deprecated top-level {@code prices} map. */
    private static JsonNode defaultPrices(JsonNode m) {
        for (JsonNode tier : m.path("pricingTiers")) {
            if (tier.path("isDefault").asBoolean(false)) {
                return tier.path("prices");
            }
        }
        return m.has("prices") ? m.get("prices") : null;
    }

    /** "input usage > N" (or ≥ N) → N (N − 1); any other condition → not a context tier. */
    private static Long usageThreshold(JsonNode tier) {
        JsonNode conditions = tier.path("conditions");
        if (conditions.size() != 1 || !conditions.get(0).has("usageDetailPattern")) {
            return null;
        }
        JsonNode c = conditions.get(0);
        String pattern = c.path("usageDetailPattern").asText("").toLowerCase(Locale.ROOT);
        if (!pattern.contains("input") && !pattern.contains("prompt")) {
            return null;
        }
        long value = c.path("value").decimalValue().longValue();
        return switch (c.path("operator").asText("")) {
            case "gt" -> value;
            case "gte" -> value - 1;
            default -> null;
        };
    }

    private static Rates rates(JsonNode prices) {
        return new Rates(first(prices, "input", "input_tokens"),
                first(prices, "input_cached_tokens", "input_cache_read", "cache_read_input_tokens"),
                first(prices, "input_cache_creation_5m", "input_cache_creation", "cache_creation_input_tokens", "cache_write_tokens"),
                first(prices, "input_cache_creation_1h"),
                first(prices, "output", "output_tokens"));
    }

    private static BigDecimal first(JsonNode prices, String... keys) {
        for (String k : keys) {
            BigDecimal v = PerTokenPrices.perMTok(prices.get(k));
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads LiteLLM's {@code model_prices_and_context_window.json}: one object per model key, prices in USD per
 * token. Streams the top level entry by entry. Token-priced chat, completion and responses models become rows
 * (base, cache read, cache write 5m and 1h, batch, and the {@code _above_NNNk_tokens} context tiers); everything
 * else is skipped with its reason. {@code sample_spec} is documentation and is skipped silently.
 */
public final class LiteLlmPriceReader {
    private static final Set<String> TOKEN_MODES = Set.of("chat", "completion", "responses");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private LiteLlmPriceReader() {
    }

    /** @param asOf the date the file was saved, recorded on every row */
    public static CatalogImport read(Path file, String asOf) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), asOf);
        }
    }

    public static CatalogImport read(InputStream in, String name, String asOf) throws IOException {
        List<PriceRow> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(name + ": not a LiteLLM price map (expected a JSON object of models)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                JsonNode model = MAPPER.readTree(p);
                if (key.equals("sample_spec") || !model.isObject()) {
                    // documentation and file metadata (e.g. "last_updated"), not models
                    continue;
                }
                try {
                    String reason = skipReason(model);
                    if (reason != null) {
                        skipped.add(key + ": " + reason);
                    } else {
                        rows.add(row(key, model, asOf));
                    }
                } catch (IllegalArgumentException e) {
                    skipped.add(key + ": " + e.getMessage());
                }
            }
        }
        return new CatalogImport(rows, skipped);
    }

    private static String skipReason(JsonNode m) {
        if (!m.isObject()) {
            return "not an object";
        }
        String mode = m.path("mode").asText("");
        if (!TOKEN_MODES.contains(mode)) {
            return "mode '" + mode + "' is not token-priced text generation";
        }
        if (PerTokenPrices.perMTok(m.get("input_cost_per_token")) == null
                || PerTokenPrices.perMTok(m.get("output_cost_per_token")) == null) {
            return "no input/output price per token";
        }
        return null;
    }

    private static PriceRow row(String key, JsonNode m, String asOf) {
        Rates base = rates(m, "");
        List<ContextTier> tiers = new ArrayList<>();
        for (var it = m.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.startsWith("input_cost_per_token_above_") && f.endsWith("_tokens")) {
                String suffix = f.substring("input_cost_per_token".length()); // _above_200k_tokens
                tiers.add(new ContextTier(threshold(suffix), rates(m, suffix)));
            }
        }
        String provider = m.path("litellm_provider").asText("");
        String id = key.toLowerCase(Locale.ROOT);
        String source = "LiteLLM price map" + (m.hasNonNull("source") ? " (" + m.get("source").asText() + ")" : "");
        return new PriceRow(provider, id, key, List.of(), null, null, source, asOf, base, tiers,
                PerTokenPrices.perMTok(m.get("input_cost_per_token_batches")),
                PerTokenPrices.perMTok(m.get("output_cost_per_token_batches")));
    }

    /** Rates of the base tier (suffix "") or of a tier ("_above_200k_tokens"), falling back to base cache prices. */
    private static Rates rates(JsonNode m, String suffix) {
        BigDecimal input = PerTokenPrices.perMTok(m.get("input_cost_per_token" + suffix));
        BigDecimal output = PerTokenPrices.perMTok(m.get("output_cost_per_token" + suffix));
        if (output == null) {
            output = PerTokenPrices.perMTok(m.get("output_cost_per_token"));
        }
        BigDecimal read = PerTokenPrices.perMTok(m.get("cache_read_input_token_cost" + suffix));
        BigDecimal write5m = PerTokenPrices.perMTok(m.get("cache_creation_input_token_cost" + suffix));
        BigDecimal write1h = PerTokenPrices.perMTok(m.get("cache_creation_input_token_cost_above_1hr" + suffix));
        return new Rates(input, read, write5m, write1h, output);
    }

    /** "_above_200k_tokens" → 200,000; "_above_1m_tokens" → 1,000,000. */
    static long threshold(String suffix) {
        String n = suffix.substring("_above_".length(), suffix.length() - "_tokens".length()).toLowerCase(Locale.ROOT);
        long scale = 1;
        if (n.endsWith("k")) {
            scale = 1_000;
            n = n.substring(0, n.length() - 1);
        } else if (n.endsWith("m")) {
            scale = 1_000_000;
            n = n.substring(0, n.length() - 1);
        }
        try {
            return new BigDecimal(n).multiply(BigDecimal.valueOf(scale)).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("unreadable tier threshold '" + suffix + "'");
        }
    }
}

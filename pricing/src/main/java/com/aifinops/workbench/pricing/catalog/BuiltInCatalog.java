package com.aifinops.workbench.pricing.catalog;

import com.aifinops.workbench.model.price.ContextTier;
import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.price.Rates;

import java.util.List;

/**
 * The catalogue the workbench ships with: the list prices of {@code shared/seed-pricing.md} (USD per MTok,
 * mid-2026 industry write-ups) plus rates the providers publish. Where sources disagree the provider's rate is
 * used and the other is named in {@code source}. Anthropic rows carry the published cache-write premiums
 * (1.25× input for 5 minutes, 2× for 1 hour).
 */
public final class BuiltInCatalog {
    private static final String ARTICLE = "industry article";
    private static final String GUIDE = "pricing guide";

    private BuiltInCatalog() {
    }

    /** The studio's view: one row per model, base-tier prices. */
    public static PriceCatalog get() {
        return new PriceCatalog(ROWS.stream().map(PriceRow::toModelPrice).toList());
    }

    /** The full versioned rows, with tiers, cache writes and sources. */
    public static List<PriceRow> rows() {
        return ROWS;
    }

    private static PriceRow row(String provider, String id, String name, String in, String cached, String out,
                                String source, String asOf, String... aliases) {
        Rates r = Rates.of(in, cached, out);
        if (provider.equals("Anthropic")) {
            r = r.withDefaultWritePremiums();
        }
        return PriceRow.simple(provider, id, name, r, source, asOf, aliases);
    }

    private static PriceRow tiered(PriceRow row, long above, String in, String cached, String out) {
        Rates r = Rates.of(in, cached, out);
        if (row.provider().equals("Anthropic")) {
            r = r.withDefaultWritePremiums();
        }
        return new PriceRow(row.provider(), row.modelId(), row.displayName(), row.aliases(), row.effectiveFrom(),
                row.effectiveUntil(), row.source(), row.asOf(), row.base(), List.of(new ContextTier(above, r)),
                row.batchInput(), row.batchOutput());
    }

    private static final List<PriceRow> ROWS = List.of(
            row("OpenAI", "gpt-5.5", "GPT-5.5", "5.00", "0.50", "30.00", ARTICLE + ", ≤270K tier (price above 270K not given)",
                    "2026-06-20"),
            row("OpenAI", "gpt-5.1", "GPT-5.1", "1.25", "0.125", "10.00", ARTICLE, "2026-06-20"),
            row("OpenAI", "gpt-5.2-pro", "GPT-5.2 Pro", "21.00", "2.10", "168.00", GUIDE, "2026-04"),
            row("OpenAI", "gpt-5.2", "GPT-5.2", "1.75", "0.175", "14.00", GUIDE, "2026-04"),
            row("OpenAI", "gpt-5", "GPT-5", "1.25", "0.125", "10.00", GUIDE, "2026-04"),
            row("OpenAI", "gpt-5-mini", "GPT-5 Mini", "0.25", "0.025", "2.00", GUIDE, "2026-04"),
            row("OpenAI", "gpt-4.1", "GPT-4.1", "2.00", "0.20", "8.00", GUIDE, "2026-04"),
            row("OpenAI", "o1", "o1", "15.00", "7.50", "60.00", GUIDE, "2026-04"),
            row("Anthropic", "claude-opus-4.6", "Claude Opus 4.6", "5.00", "0.50", "25.00",
                    GUIDE + " (cached read 0.30 in one source; 0.50 under the 10 % rule)", "2026-04", "claude-opus-4-6"),
            row("Anthropic", "claude-sonnet-4.6", "Claude Sonnet 4.6", "3.00", "0.30", "15.00", GUIDE, "2026-06",
                    "claude-sonnet-4-6"),
            row("Anthropic", "claude-haiku-4.5", "Claude Haiku 4.5", "1.00", "0.10", "5.00",
                    "provider rate (a guide lists 0.80 / 0.08 / 4.00)", "2026-04", "claude-haiku-4-5"),
            tiered(row("Google", "gemini-2.5-pro", "Gemini 2.5 Pro", "1.25", "0.31", "10.00",
                    GUIDE + "; above 200K prompt tokens the provider's long-context rate", "2026-04"), 200_000, "2.50", "0.625", "15.00"),
            row("Google", "gemini-2.5-flash", "Gemini 2.5 Flash", "0.30", "0.03", "2.50", GUIDE, "2026-04"),
            row("Google", "gemini-2.0-flash-lite", "Gemini 2.0 Flash-Lite", "0.075", null, "0.30", GUIDE, "2026-04"),
            row("DeepSeek", "deepseek-v3.2", "DeepSeek V3.2", "0.28", "0.028", "0.42", GUIDE, "2026-04",
                    "deepseek-v3.2-exp", "deepseek-chat"),
            row("Meta (hosted)", "llama-4-maverick", "Llama 4 Maverick", "0.15", null, "0.60", GUIDE, "2026-04"),
            row("Meta (hosted)", "llama-3.3-70b", "Llama 3.3 70B", "0.10", null, "0.32", GUIDE, "2026-04"),
            row("Mistral", "mistral-small-3.2", "Mistral Small 3.2", "0.07", null, "0.20", GUIDE, "2026-04"),
            row("Mistral", "mistral-nemo", "Mistral Nemo", "0.02", null, "0.04", GUIDE, "2026-04"));

}

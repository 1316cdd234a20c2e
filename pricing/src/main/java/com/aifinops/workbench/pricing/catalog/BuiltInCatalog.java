package com.aifinops.workbench.pricing.catalog;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.price.TokenPrices;

import java.util.List;

/**
 * The small catalogue the workbench ships with, from the list prices in {@code shared/seed-pricing.md}
 * (USD per MTok, mid-2026 industry write-ups). Where two sources disagree, the provider's published rate
 * is used and the other is noted in {@code source}.
 */
public final class BuiltInCatalog {
    private static final String ARTICLE = "industry article";
    private static final String GUIDE = "pricing guide";

    private BuiltInCatalog() {
    }

    public static PriceCatalog get() {
        return new PriceCatalog(ROWS);
    }

    private static ModelPrice row(String id, String name, String provider, String in, String cached, String out,
                                  String source, String asOf, String... aliases) {
        return new ModelPrice(id, name, provider, List.of(aliases), TokenPrices.of(in, cached, out), source, asOf);
    }

    private static final List<ModelPrice> ROWS = List.of(
            row("gpt-5.5", "GPT-5.5", "OpenAI", "5.00", "0.50", "30.00", ARTICLE, "2026-06-20"),
            row("gpt-5.1", "GPT-5.1", "OpenAI", "1.25", "0.125", "10.00", ARTICLE, "2026-06-20"),
            row("gpt-5.2-pro", "GPT-5.2 Pro", "OpenAI", "21.00", "2.10", "168.00", GUIDE, "2026-04"),
            row("gpt-5.2", "GPT-5.2", "OpenAI", "1.75", "0.175", "14.00", GUIDE, "2026-04"),
            row("gpt-5", "GPT-5", "OpenAI", "1.25", "0.125", "10.00", GUIDE, "2026-04"),
            row("gpt-5-mini", "GPT-5 Mini", "OpenAI", "0.25", "0.025", "2.00", GUIDE, "2026-04"),
            row("gpt-4.1", "GPT-4.1", "OpenAI", "2.00", "0.20", "8.00", GUIDE, "2026-04"),
            row("o1", "o1", "OpenAI", "15.00", "7.50", "60.00", GUIDE, "2026-04"),
            row("claude-opus-4.6", "Claude Opus 4.6", "Anthropic", "5.00", "0.50", "25.00",
                    GUIDE + " (cached read 0.30 in one source; 0.50 under the 10 % rule)", "2026-04", "claude-opus-4-6"),
            row("claude-sonnet-4.6", "Claude Sonnet 4.6", "Anthropic", "3.00", "0.30", "15.00", GUIDE, "2026-06",
                    "claude-sonnet-4-6"),
            row("claude-haiku-4.5", "Claude Haiku 4.5", "Anthropic", "1.00", "0.10", "5.00",
                    "provider rate (a guide lists 0.80 / 0.08 / 4.00)", "2026-04", "claude-haiku-4-5"),
            row("gemini-2.5-pro", "Gemini 2.5 Pro", "Google", "1.25", "0.31", "10.00", GUIDE + ", ≤200K tier", "2026-04"),
            row("gemini-2.5-flash", "Gemini 2.5 Flash", "Google", "0.30", "0.03", "2.50", GUIDE, "2026-04"),
            row("gemini-2.0-flash-lite", "Gemini 2.0 Flash-Lite", "Google", "0.075", null, "0.30", GUIDE, "2026-04"),
            row("deepseek-v3.2", "DeepSeek V3.2", "DeepSeek", "0.28", "0.028", "0.42", GUIDE, "2026-04",
                    "deepseek-v3.2-exp", "deepseek-chat"),
            row("llama-4-maverick", "Llama 4 Maverick", "Meta (hosted)", "0.15", null, "0.60", GUIDE, "2026-04"),
            row("llama-3.3-70b", "Llama 3.3 70B", "Meta (hosted)", "0.10", null, "0.32", GUIDE, "2026-04"),
            row("mistral-small-3.2", "Mistral Small 3.2", "Mistral", "0.07", null, "0.20", GUIDE, "2026-04"),
            row("mistral-nemo", "Mistral Nemo", "Mistral", "0.02", null, "0.04", GUIDE, "2026-04"));
}

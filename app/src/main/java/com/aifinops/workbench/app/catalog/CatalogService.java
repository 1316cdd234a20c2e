package com.aifinops.workbench.app.catalog;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.app.store.H2CatalogStore;
import com.aifinops.workbench.importers.catalog.CatalogImport;
import com.aifinops.workbench.importers.catalog.LangfusePriceReader;
import com.aifinops.workbench.importers.catalog.LiteLlmPriceReader;
import com.aifinops.workbench.model.price.ContextTier;
import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.price.Rates;
import com.aifinops.workbench.pricing.catalog.Catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The catalogue in force: the user's rows and contract terms from the database over the built-in rows. */
public final class CatalogService {
    private final H2CatalogStore store;

    public CatalogService(Database db) {
        this.store = db == null ? null : new H2CatalogStore(db);
    }

    public Catalog catalog() throws Exception {
        if (store == null) {
            return Catalog.builtIn();
        }
        return Catalog.builtIn().withRowsFirst(store.rows(), store.contractTerms());
    }

    public H2CatalogStore store() {
        return store;
    }

    /**
     * What an import did.
     *
     * @param format      litellm or langfuse
     * @param imported    rows added
     * @param unchanged   rows already in the catalogue with the same date, source date and prices (re-import)
     * @param conflicting rows added that price a model differently from a row of the same effective date
     * @param skipped     entries not imported, each "name: reason"
     */
    public record ImportResult(String format, int imported, int unchanged, List<String> conflicting, List<String> skipped) {
    }

    /** Imports a LiteLLM or Langfuse price file in one transaction; {@code format} null detects it. */
    public ImportResult importFile(Path file, String format, String asOf) throws Exception {
        String f = format != null ? format : detect(file);
        CatalogImport read = switch (f) {
            case "litellm" -> LiteLlmPriceReader.read(file, asOf);
            case "langfuse" -> LangfusePriceReader.read(file, asOf);
            default -> throw new IllegalArgumentException("unknown catalogue format '" + f + "' (litellm or langfuse)");
        };
        List<PriceRow> existing = new ArrayList<>(store.rows());
        existing.addAll(Catalog.builtIn().rows());
        List<PriceRow> fresh = new ArrayList<>();
        List<String> conflicting = new ArrayList<>();
        int unchanged = 0;
        for (PriceRow r : read.rows()) {
            List<PriceRow> sameDate = existing.stream().filter(e -> e.modelId().equalsIgnoreCase(r.modelId())
                    && Objects.equals(e.effectiveFrom(), r.effectiveFrom())).toList();
            if (sameDate.stream().anyMatch(e -> e.asOf().equals(r.asOf()) && e.source().equals(r.source()) && samePrices(e, r))) {
                unchanged++;
                continue;
            }
            sameDate.stream().filter(e -> !samePrices(e, r)).findFirst()
                    .ifPresent(e -> conflicting.add(r.modelId() + " (differs from " + e.source() + " as of " + e.asOf() + ")"));
            fresh.add(r);
        }
        store.add(fresh);
        return new ImportResult(f, fresh.size(), unchanged, conflicting, read.skipped());
    }

    /** A JSON object of models is LiteLLM's map; an array is Langfuse's list. */
    static String detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int ch;
            do {
                ch = in.read();
            } while (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t' || ch == 0xEF || ch == 0xBB || ch == 0xBF);
            if (ch == '{') return "litellm";
            if (ch == '[') return "langfuse";
        }
        throw new IllegalArgumentException(file + ": not a LiteLLM price map or Langfuse model list (expected JSON)");
    }

    static boolean samePrices(PriceRow a, PriceRow b) {
        if (!sameRates(a.base(), b.base()) || a.tiers().size() != b.tiers().size()
                || !sameDecimal(a.batchInput(), b.batchInput()) || !sameDecimal(a.batchOutput(), b.batchOutput())) {
            return false;
        }
        for (int i = 0; i < a.tiers().size(); i++) {
            ContextTier x = a.tiers().get(i);
            ContextTier y = b.tiers().get(i);
            if (x.aboveTokens() != y.aboveTokens() || !sameRates(x.rates(), y.rates())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameRates(Rates a, Rates b) {
        return sameDecimal(a.input(), b.input()) && sameDecimal(a.cachedRead(), b.cachedRead())
                && sameDecimal(a.cacheWrite5m(), b.cacheWrite5m()) && sameDecimal(a.cacheWrite1h(), b.cacheWrite1h())
                && sameDecimal(a.output(), b.output());
    }

    private static boolean sameDecimal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}

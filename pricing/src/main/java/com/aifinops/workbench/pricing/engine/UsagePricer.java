package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.price.ContractTerm;
import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.price.Rates;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.pricing.catalog.Catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prices normalised usage exactly as a provider bills it: each token class at its rate, the whole request at
 * the context tier its prompt length falls in, batch requests at batch rates, and optionally the contracted
 * rate instead of list. Pure and thread-safe.
 */
public final class UsagePricer {
    private final Catalog catalog;

    public UsagePricer(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Prices a line with the row in force on its date; empty when the model is unknown (unpriced, never $0). */
    public Optional<PricedUsage> price(UsageLine line, boolean contracted) {
        LocalDate date = LocalDate.ofInstant(line.start(), ZoneOffset.UTC);
        return catalog.resolve(line.model(), date).map(r -> price(line, r.row(), contracted));
    }

    public PricedUsage price(UsageLine line, PriceRow row, boolean contracted) {
        PriceRow.Tiered tier = row.tierFor(promptLength(line, row));
        Rates rates = tier.rates();
        String basis = "list";
        if (contracted) {
            Optional<ContractTerm> term = catalog.termFor(row);
            if (term.isPresent()) {
                rates = Contracts.apply(term.get(), rates);
                basis = Contracts.describe(term.get());
            }
        }
        BigDecimal inFactor = BigDecimal.ONE;
        BigDecimal outFactor = BigDecimal.ONE;
        if (line.batch()) {
            // batch rates scale every input-side class by the row's batch/list input ratio, output likewise
            inFactor = ratio(row.batchInputOr(row.base().input()), row.base().input());
            outFactor = ratio(row.batchOutputOr(row.base().output()), row.base().output());
            basis += " · batch";
        }
        List<CostLine> lines = new ArrayList<>();
        lines.add(CostLine.of("uncached input", BigDecimal.valueOf(line.uncachedInputTokens()), rates.input().multiply(inFactor)));
        lines.add(CostLine.of("cache read", BigDecimal.valueOf(line.cacheReadTokens()), rates.cacheHit().multiply(inFactor)));
        lines.add(CostLine.of("cache write 5m", BigDecimal.valueOf(line.cacheWrite5mTokens()), rates.write5m().multiply(inFactor)));
        lines.add(CostLine.of("cache write 1h", BigDecimal.valueOf(line.cacheWrite1hTokens()), rates.write1h().multiply(inFactor)));
        lines.add(CostLine.of("output", BigDecimal.valueOf(line.outputTokens()), rates.output().multiply(outFactor)));
        BigDecimal cost = lines.stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PricedUsage(cost, List.copyOf(lines), tier.label(row), row, basis);
    }

    /**
     * The prompt length that picks the tier: the line's own per-request prompt when known; else, for a source
     * label such as Anthropic's "> 200k", just above the first threshold; else the average input per request.
     * A bucket that counts no requests (Anthropic's usage report) says nothing about prompt length: base tier,
     * never its whole day's input taken as one prompt.
     */
    static long promptLength(UsageLine line, PriceRow row) {
        if (line.promptTokensPerRequest() != null) {
            return line.promptTokensPerRequest();
        }
        String label = line.contextTierLabel();
        if (label != null && label.strip().startsWith(">") && !row.tiers().isEmpty()) {
            return row.tiers().get(0).aboveTokens() + 1;
        }
        if (label != null && (label.strip().startsWith("≤") || label.strip().startsWith("<"))) {
            return 0;
        }
        return line.requests() > 0 ? line.inputTokens() / line.requests() : 0;
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ONE : part.divide(whole, MathContext.DECIMAL128);
    }
}

package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.price.ContractTerm;
import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.price.Rates;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.Catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * Prices a modelled workload with every billing rule the catalogue knows, in exact decimals. Per request of
 * I input tokens with prefix share s, hit rate h and write share w:
 * <pre>
 * cache read      = I·s·h                     at the cached price
 * cache write     = I·s·(1−h)·w               at the TTL's write price
 * uncached input  = I·(1−s) + I·s·(1−h)·(1−w) at the input price
 * output          = O + reasoning              at the output price
 * </pre>
 * all at the context tier of a prompt of I tokens; a batch share b of requests is billed at batch rates;
 * monthly = M · R · days · cost_request · OVR. With the {@link WorkloadOptions#DEFAULTS} this is the core formula.
 */
public final class WorkloadPricer {
    private final Catalog catalog;

    public WorkloadPricer(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Prices the workload on its own model; empty when the model has no row in force on the date. */
    public Optional<Priced> price(Workload w, WorkloadOptions o) {
        return catalog.resolve(w.modelId(), o.date()).map(r -> price(w, o, r.row()));
    }

    public Priced price(Workload w, WorkloadOptions o, PriceRow row) {
        PriceRow.Tiered tier = row.tierFor(w.inputTokens().longValue());
        Rates rates = tier.rates();
        String basis = "list";
        if (o.contracted()) {
            Optional<ContractTerm> term = catalog.termFor(row);
            if (term.isPresent()) {
                rates = Contracts.apply(term.get(), rates);
                basis = Contracts.describe(term.get());
            }
        }
        BigDecimal in = w.inputTokens();
        BigDecimal prefix = in.multiply(o.prefixShare());
        BigDecimal hits = prefix.multiply(w.cacheHitRate());
        BigDecimal misses = prefix.subtract(hits);
        BigDecimal writes = misses.multiply(o.cacheWriteShare());
        BigDecimal uncached = in.subtract(prefix).add(misses.subtract(writes));
        boolean oneHour = o.ttl() == WorkloadOptions.Ttl.ONE_HOUR;
        List<CostLine> lines = List.of(
                CostLine.of("uncached input", uncached, rates.input()),
                CostLine.of("cache read", hits, rates.cacheHit()),
                CostLine.of(oneHour ? "cache write 1h" : "cache write 5m", writes, oneHour ? rates.write1h() : rates.write5m()),
                CostLine.of("output", w.outputTokens().add(o.reasoningTokens()), rates.output()));
        BigDecimal inputSide = lines.subList(0, 3).stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal outputSide = lines.get(3).amount();
        if (o.batchShare().signum() > 0) {
            // (1 − b) of requests at list, b at batch: scale each side by 1 − b + b·(batch/list)
            inputSide = inputSide.multiply(blend(o.batchShare(), row.batchInputOr(row.base().input()), row.base().input()));
            outputSide = outputSide.multiply(blend(o.batchShare(), row.batchOutputOr(row.base().output()), row.base().output()));
            basis += " · " + o.batchShare().movePointRight(2).stripTrailingZeros().toPlainString() + " % batch";
        }
        BigDecimal volume = w.requestsPerMonth().multiply(w.overhead());
        BigDecimal inputCost = volume.multiply(inputSide);
        BigDecimal outputCost = volume.multiply(outputSide);
        return new Priced(new WorkloadCost(inputSide.add(outputSide), w.requestsPerMonth(), inputCost, outputCost,
                inputCost.add(outputCost)), lines, tier.label(row), row, basis);
    }

    private static BigDecimal blend(BigDecimal share, BigDecimal batch, BigDecimal list) {
        BigDecimal factor = list.signum() == 0 ? BigDecimal.ONE : batch.divide(list, MathContext.DECIMAL128);
        return BigDecimal.ONE.subtract(share).add(share.multiply(factor));
    }

    /**
     * A priced workload: the cost, the per-request components at list or contracted rates before batch, and
     * which tier, row and basis applied.
     */
    public record Priced(WorkloadCost cost, List<CostLine> perRequest, String tierLabel, PriceRow row, String basis) {
        public String explain() {
            StringBuilder b = new StringBuilder();
            for (CostLine l : perRequest) {
                if (l.tokens().signum() != 0) {
                    b.append(b.length() == 0 ? "" : ", ").append(l.describe());
                }
            }
            return b + " per request; " + tierLabel + "; " + basis + "; row: " + row.describe();
        }
    }
}

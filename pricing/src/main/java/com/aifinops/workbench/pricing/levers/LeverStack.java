package com.aifinops.workbench.pricing.levers;

import com.aifinops.workbench.model.levers.Levers;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.engine.CacheBreakEven;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a workload's cost levers one after another, each to the quantity it changes, so they compose by
 * multiplication on the right quantity and never by adding percentages:
 * <pre>
 * calls      = units·(1 − semantic share)                      semantic cache: fewer model calls
 * input      = I·(1 − trim)                                    prompt trimming: shorter prompts
 * output     = min(O, cap·calls per unit)                      output cap: shorter answers
 * input rate = (1 − s)·P_in + s·(h·P_hit + (1 − h)·w·P_in)     prompt caching on the prefix share s
 * price      × (1 − b·d)                                       batch shift of a share b at discount d
 * monthly    = OVR·calls·(input·rate + output·P_out)/1e6·(1 − b·d) + requests·lookup
 * </pre>
 * The semantic lookup (embedding + vector search) runs on every request and is not multiplied by overhead.
 * The waterfall starts from the baseline (no lever: no caching, no batch) and adds the levers in that order;
 * each step is the saving of one lever given the ones before it, so the steps sum exactly to
 * baseline − optimised. Exact decimals throughout.
 */
public final class LeverStack {

    /** The lever order of the waterfall. */
    public enum Lever {
        SEMANTIC_CACHE("Semantic cache"), PROMPT_TRIM("Prompt trimming"), OUTPUT_CAP("Output cap"),
        PROMPT_CACHE("Prompt caching"), BATCH("Batch shift");

        public final String label;

        Lever(String label) {
            this.label = label;
        }
    }

    /** One waterfall step: the lever, what it saved given the earlier ones, and the cost after it. */
    public record Step(Lever lever, BigDecimal saving, BigDecimal costAfter) {
    }

    /**
     * @param baseline         monthly cost with no lever
     * @param steps            one per lever, in order (a neutral lever saves 0)
     * @param optimised        monthly cost with every lever
     * @param readsToBreakEven cache reads after a write at which prompt caching pays (−1: never)
     */
    public record Waterfall(BigDecimal baseline, List<Step> steps, BigDecimal optimised, long readsToBreakEven) {
        public BigDecimal totalSaving() {
            return baseline.subtract(optimised);
        }
    }

    private LeverStack() {
    }

    /** The levers a workload already implies: its own cache hit rate (whole input cacheable) and batch share. */
    public static Levers implied(Workload w) {
        return Levers.none(w.name()).withCacheHitRate(w.cacheHitRate()).withBatch(w.batchShare(), WorkloadCostCalculator.BATCH_PRICE_FACTOR);
    }

    public static Waterfall waterfall(Workload w, TokenPrices p, Levers l) {
        Levers applied = Levers.none(l.workload());
        BigDecimal baseline = monthly(w, p, applied);
        BigDecimal before = baseline;
        List<Step> steps = new ArrayList<>();
        for (Lever lever : Lever.values()) {
            applied = switch (lever) {
                case SEMANTIC_CACHE -> applied.withSemanticCache(l.semanticCacheShare(), l.semanticLookupCostPerCall());
                case PROMPT_TRIM -> applied.withPromptTrim(l.promptTrimShare());
                case OUTPUT_CAP -> applied.withOutputCap(l.outputCapTokens());
                case PROMPT_CACHE -> applied.withPromptCaching(l.cacheHitRate(), l.prefixShare(), l.cacheWritePremium());
                case BATCH -> applied.withBatch(l.batchShare(), l.batchDiscount());
            };
            BigDecimal after = monthly(w, p, applied);
            steps.add(new Step(lever, before.subtract(after), after));
            before = after;
        }
        BigDecimal hitMultiple = p.inputPerMTok().signum() == 0 ? BigDecimal.ONE
                : p.cacheHitPerMTok().divide(p.inputPerMTok(), java.math.MathContext.DECIMAL128);
        return new Waterfall(baseline, List.copyOf(steps), before,
                CacheBreakEven.readsToBreakEven(l.cacheWritePremium(), hitMultiple));
    }

    /** The monthly cost of {@code w} on {@code p} with levers {@code l} (the workload's own h and batch ignored). */
    public static BigDecimal monthly(Workload w, TokenPrices p, Levers l) {
        WorkloadCostCalculator.Units u = WorkloadCostCalculator.units(w);
        BigDecimal calls = u.units().multiply(BigDecimal.ONE.subtract(l.semanticCacheShare()));
        BigDecimal input = u.input().multiply(BigDecimal.ONE.subtract(l.promptTrimShare()));
        BigDecimal output = l.outputCapTokens() == null ? u.output() : u.output().min(l.outputCapTokens().multiply(u.callsPerUnit()));
        BigDecimal s = l.prefixShare();
        BigDecimal h = l.cacheHitRate();
        BigDecimal prefixRate = h.multiply(p.cacheHitPerMTok())
                .add(BigDecimal.ONE.subtract(h).multiply(l.cacheWritePremium()).multiply(p.inputPerMTok()));
        BigDecimal inputRate = BigDecimal.ONE.subtract(s).multiply(p.inputPerMTok()).add(s.multiply(prefixRate));
        BigDecimal perCall = input.multiply(inputRate).add(output.multiply(p.outputPerMTok())).movePointLeft(6);
        BigDecimal batch = BigDecimal.ONE.subtract(l.batchShare().multiply(l.batchDiscount()));
        BigDecimal lookups = w.requestsPerMonth().multiply(l.semanticLookupCostPerCall());
        return calls.multiply(w.overhead()).multiply(perCall).multiply(batch).add(lookups);
    }
}

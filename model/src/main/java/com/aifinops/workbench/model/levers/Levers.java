package com.aifinops.workbench.model.levers;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cost levers of one workload, each on the quantity it affects. A lever left at its neutral value
 * (0 share, no cap, write premium 1) changes nothing. {@code pricing.levers.LeverStack} applies them in a
 * fixed order, each to what the previous ones left.
 *
 * @param workload                   the workload name they apply to
 * @param cacheHitRate               prompt caching: share of cacheable-prefix tokens read from the cache
 * @param prefixShare                prompt caching: share of input tokens that is a stable, cacheable prefix
 * @param cacheWritePremium          prompt caching: a prefix miss is written at this multiple of the input price
 *                                   (1.25 for a 5-minute TTL at Anthropic, 2 for 1 hour; 1 = no premium)
 * @param semanticCacheShare         semantic caching: share of calls answered from the cache, no model call
 * @param semanticLookupCostPerCall  semantic caching: USD per call for the embedding + vector lookup (every call)
 * @param batchShare                 batch shift: share of the remaining calls moved to a batch API
 * @param batchDiscount              batch shift: the batch discount off list (0.5 = half price)
 * @param outputCapTokens            output-length cap: output tokens per call at most this; {@code null} = no cap
 * @param promptTrimShare            prompt trimming: share of input tokens removed from every prompt
 */
public record Levers(String workload, BigDecimal cacheHitRate, BigDecimal prefixShare, BigDecimal cacheWritePremium,
                     BigDecimal semanticCacheShare, BigDecimal semanticLookupCostPerCall, BigDecimal batchShare,
                     BigDecimal batchDiscount, BigDecimal outputCapTokens, BigDecimal promptTrimShare) {

    public Levers {
        cacheHitRate = share(cacheHitRate, "cache hit rate", BigDecimal.ZERO);
        prefixShare = share(prefixShare, "prefix share", BigDecimal.ONE);
        cacheWritePremium = nonNegative(cacheWritePremium, "cache write premium", BigDecimal.ONE);
        semanticCacheShare = share(semanticCacheShare, "semantic cache share", BigDecimal.ZERO);
        semanticLookupCostPerCall = nonNegative(semanticLookupCostPerCall, "semantic lookup cost", BigDecimal.ZERO);
        batchShare = share(batchShare, "batch share", BigDecimal.ZERO);
        batchDiscount = share(batchDiscount, "batch discount", new BigDecimal("0.5"));
        if (outputCapTokens != null && outputCapTokens.signum() < 0) {
            throw new IllegalArgumentException("output cap must not be negative: " + outputCapTokens);
        }
        promptTrimShare = share(promptTrimShare, "prompt trim share", BigDecimal.ZERO);
    }

    /** No lever pulled. */
    public static Levers none(String workload) {
        return new Levers(workload, null, null, null, null, null, null, null, null, null);
    }

    public Levers withCacheHitRate(BigDecimal h) {
        return new Levers(workload, h, prefixShare, cacheWritePremium, semanticCacheShare, semanticLookupCostPerCall,
                batchShare, batchDiscount, outputCapTokens, promptTrimShare);
    }

    public Levers withPromptCaching(BigDecimal h, BigDecimal prefix, BigDecimal writePremium) {
        return new Levers(workload, h, prefix, writePremium, semanticCacheShare, semanticLookupCostPerCall,
                batchShare, batchDiscount, outputCapTokens, promptTrimShare);
    }

    public Levers withSemanticCache(BigDecimal share, BigDecimal lookupCost) {
        return new Levers(workload, cacheHitRate, prefixShare, cacheWritePremium, share, lookupCost,
                batchShare, batchDiscount, outputCapTokens, promptTrimShare);
    }

    public Levers withBatch(BigDecimal share, BigDecimal discount) {
        return new Levers(workload, cacheHitRate, prefixShare, cacheWritePremium, semanticCacheShare, semanticLookupCostPerCall,
                share, discount, outputCapTokens, promptTrimShare);
    }

    public Levers withOutputCap(BigDecimal cap) {
        return new Levers(workload, cacheHitRate, prefixShare, cacheWritePremium, semanticCacheShare, semanticLookupCostPerCall,
                batchShare, batchDiscount, cap, promptTrimShare);
    }

    public Levers withPromptTrim(BigDecimal share) {
        return new Levers(workload, cacheHitRate, prefixShare, cacheWritePremium, semanticCacheShare, semanticLookupCostPerCall,
                batchShare, batchDiscount, outputCapTokens, share);
    }

    public Levers withWorkload(String name) {
        return new Levers(name, cacheHitRate, prefixShare, cacheWritePremium, semanticCacheShare, semanticLookupCostPerCall,
                batchShare, batchDiscount, outputCapTokens, promptTrimShare);
    }

    private static BigDecimal share(BigDecimal v, String what, BigDecimal dflt) {
        if (v == null) {
            return dflt;
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(what + " must be between 0 and 1: " + v);
        }
        return v;
    }

    private static BigDecimal nonNegative(BigDecimal v, String what, BigDecimal dflt) {
        if (v == null) {
            return dflt;
        }
        Objects.requireNonNull(v, what);
        if (v.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + v);
        }
        return v;
    }
}

package com.aifinops.workbench.pricing.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The billing details of a modelled workload beyond the core formula. {@link #DEFAULTS} reproduces the core
 * formula exactly.
 *
 * @param prefixShare     share of input tokens that is a stable, cacheable prefix (the hit rate applies to it only)
 * @param cacheWriteShare share of prefix misses written to the cache, billed at the TTL's write price
 * @param ttl             which cache-write price applies
 * @param batchShare      share of requests sent through a batch API
 * @param reasoningTokens reasoning tokens per request, billed as output on top of the output tokens
 * @param date            the date whose catalogue rows apply
 * @param contracted      price at the contracted instead of the list rate
 */
public record WorkloadOptions(BigDecimal prefixShare, BigDecimal cacheWriteShare, Ttl ttl, BigDecimal batchShare,
                              BigDecimal reasoningTokens, LocalDate date, boolean contracted) {

    public enum Ttl { FIVE_MINUTES, ONE_HOUR }

    public static final WorkloadOptions DEFAULTS = new WorkloadOptions(BigDecimal.ONE, BigDecimal.ZERO, Ttl.FIVE_MINUTES,
            BigDecimal.ZERO, BigDecimal.ZERO, LocalDate.now(), false);

    public WorkloadOptions {
        share(prefixShare, "prefix share");
        share(cacheWriteShare, "cache write share");
        share(batchShare, "batch share");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(date, "date");
        if (reasoningTokens.signum() < 0) {
            throw new IllegalArgumentException("reasoning tokens must not be negative");
        }
    }

    private static void share(BigDecimal v, String what) {
        Objects.requireNonNull(v, what);
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(what + " must be between 0 and 1: " + v);
        }
    }
}

package com.aifinops.workbench.pricing.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * When prompt caching pays. Writing a prefix of n tokens costs n·w (w = write price as a multiple of input,
 * e.g. 1.25 for Anthropic's 5-minute TTL, 2 for 1 hour) instead of n·1, and each later read costs n·r instead of
 * n·1 (r = read price as a multiple of input, e.g. 0.1). After k reads caching has cost n·(w + k·r) against
 * n·(1 + k) without it, so it pays once k > (w − 1)/(1 − r). n cancels out: the break-even does not depend on
 * the prefix length (which only has to reach the provider's minimum cacheable size).
 */
public final class CacheBreakEven {
    private CacheBreakEven() {
    }

    /**
     * The smallest number of cache reads after the write at which caching costs strictly less than not caching;
     * 0 when the write costs no more than input, -1 when caching never pays (reads cost at least input).
     */
    public static long readsToBreakEven(BigDecimal writeMultiple, BigDecimal readMultiple) {
        BigDecimal extraWrite = writeMultiple.subtract(BigDecimal.ONE);
        BigDecimal savedPerRead = BigDecimal.ONE.subtract(readMultiple);
        if (extraWrite.signum() < 0 || (extraWrite.signum() == 0 && savedPerRead.signum() > 0)) {
            return 0;
        }
        if (savedPerRead.signum() <= 0) {
            return -1;
        }
        // smallest integer k with k·saved > extra
        BigDecimal q = extraWrite.divide(savedPerRead, MathContext.DECIMAL128);
        return q.setScale(0, RoundingMode.FLOOR).longValueExact() + 1;
    }

    /** Break-even from per-MTok prices: write and read as multiples of the input price. */
    public static long readsToBreakEven(BigDecimal inputPrice, BigDecimal writePrice, BigDecimal readPrice) {
        return readsToBreakEven(writePrice.divide(inputPrice, MathContext.DECIMAL128), readPrice.divide(inputPrice, MathContext.DECIMAL128));
    }
}

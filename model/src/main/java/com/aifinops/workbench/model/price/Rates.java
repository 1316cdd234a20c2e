package com.aifinops.workbench.model.price;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Prices per million tokens for one pricing tier, in USD.
 *
 * @param input        uncached input
 * @param cachedRead   cache read, or {@code null} when no discount is published (a hit costs {@code input})
 * @param cacheWrite5m writing a 5-minute cache entry, or {@code null} when writes cost the plain input price
 * @param cacheWrite1h writing a 1-hour cache entry, or {@code null} when writes cost the plain input price
 * @param output       output, reasoning included
 */
public record Rates(BigDecimal input, BigDecimal cachedRead, BigDecimal cacheWrite5m, BigDecimal cacheWrite1h,
                    BigDecimal output) {

    /** Anthropic's published cache-write premiums as multiples of input: 5 minutes and 1 hour. */
    public static final BigDecimal WRITE_PREMIUM_5M = new BigDecimal("1.25");
    public static final BigDecimal WRITE_PREMIUM_1H = new BigDecimal("2");

    public Rates {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        for (BigDecimal v : new BigDecimal[]{input, cachedRead, cacheWrite5m, cacheWrite1h, output}) {
            if (v != null && v.signum() < 0) {
                throw new IllegalArgumentException("a price must not be negative: " + v);
            }
        }
    }

    public static Rates of(String input, String cachedRead, String output) {
        return new Rates(new BigDecimal(input), cachedRead == null ? null : new BigDecimal(cachedRead), null, null,
                new BigDecimal(output));
    }

    /** These rates with Anthropic-style write premiums (1.25× and 2× input) where none are set. */
    public Rates withDefaultWritePremiums() {
        return new Rates(input, cachedRead, cacheWrite5m != null ? cacheWrite5m : input.multiply(WRITE_PREMIUM_5M),
                cacheWrite1h != null ? cacheWrite1h : input.multiply(WRITE_PREMIUM_1H), output);
    }

    public BigDecimal cacheHit() {
        return cachedRead == null ? input : cachedRead;
    }

    public BigDecimal write5m() {
        return cacheWrite5m == null ? input : cacheWrite5m;
    }

    public BigDecimal write1h() {
        return cacheWrite1h == null ? input : cacheWrite1h;
    }

    /** Applies {@code f} to every price that is set (e.g. a contract discount). */
    public Rates map(UnaryOperator<BigDecimal> f) {
        return new Rates(f.apply(input), cachedRead == null ? null : f.apply(cachedRead),
                cacheWrite5m == null ? null : f.apply(cacheWrite5m), cacheWrite1h == null ? null : f.apply(cacheWrite1h),
                f.apply(output));
    }

    public TokenPrices tokenPrices() {
        return new TokenPrices(input, cachedRead, output);
    }
}

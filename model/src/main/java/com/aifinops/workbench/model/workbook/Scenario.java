package com.aifinops.workbench.model.workbook;

import com.aifinops.workbench.model.workload.Workload;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A named "what if": overrides applied to the workbook's workloads. A {@code null} override keeps the workload's
 * own value.
 *
 * @param name         e.g. "Aggressive caching"
 * @param workload     the name of the workload it applies to, or {@code null}/blank for every workload
 * @param cacheHitRate cache hit rate to use instead (0..1), or {@code null}
 * @param overhead     overhead multiplier to use instead, or {@code null}
 * @param monthlyGrowth compound monthly adoption growth a forecast assumes (0.05 = +5 % a month), or {@code null}
 * @param priceChanges  price changes a forecast assumes, in any order (empty = prices stay)
 */
public record Scenario(String name, String workload, BigDecimal cacheHitRate, BigDecimal overhead,
                       BigDecimal monthlyGrowth, List<PriceChange> priceChanges) {

    /** A scenario of overrides only, no forecast assumptions. */
    public Scenario(String name, String workload, BigDecimal cacheHitRate, BigDecimal overhead) {
        this(name, workload, cacheHitRate, overhead, null, null);
    }

    public Scenario {
        priceChanges = priceChanges == null ? List.of() : List.copyOf(priceChanges);
        Objects.requireNonNull(name, "name");
        if (cacheHitRate != null && (cacheHitRate.signum() < 0 || cacheHitRate.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("scenario cache hit rate must be between 0 and 1: " + cacheHitRate);
        }
        if (overhead != null && overhead.signum() < 0) {
            throw new IllegalArgumentException("scenario overhead must not be negative: " + overhead);
        }
    }

    /** True when this scenario changes {@code w}: it names no workload or names this one. */
    public boolean appliesTo(Workload w) {
        return workload == null || workload.isBlank() || workload.equals(w.name());
    }

    /** {@code w} with this scenario's overrides. */
    public Workload applyTo(Workload w) {
        Workload out = w;
        if (cacheHitRate != null) {
            out = out.withCacheHitRate(cacheHitRate);
        }
        if (overhead != null) {
            out = out.withOverhead(overhead);
        }
        return out;
    }
}

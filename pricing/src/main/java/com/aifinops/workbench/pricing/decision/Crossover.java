package com.aifinops.workbench.pricing.decision;

/**
 * Where a challenger's annual cost first falls to or below an incumbent's.
 *
 * @param incumbent     the option that is cheaper at small volumes
 * @param challenger    the option that becomes cheaper (or equal)
 * @param volume        the smallest annual token volume at which challenger ≤ incumbent, or -1 when that never
 *                      happens up to {@code searchedTo}
 * @param sustainedFrom the smallest volume from which challenger ≤ incumbent at every volume up to
 *                      {@code searchedTo} (a stepwise fleet can lose again just after it buys its next GPU), or -1
 * @param searchedTo    the largest volume examined
 */
public record Crossover(String incumbent, String challenger, long volume, long sustainedFrom, long searchedTo) {
    public boolean found() {
        return volume >= 0;
    }
}

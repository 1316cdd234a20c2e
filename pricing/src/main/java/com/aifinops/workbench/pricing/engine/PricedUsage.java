package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.price.PriceRow;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The exact cost of one usage line with how it was reached: the components, the tier, the row and whether the
 * list price or a contract applied.
 *
 * @param cost      the sum of the components, unrounded
 * @param lines     the components with tokens, rates and amounts
 * @param tierLabel e.g. "tier ≤270K" or "tier >200K"
 * @param row       the catalogue row used
 * @param basis     "list", "contract −15 %", "contract price", and " · batch" when batch rates applied
 */
public record PricedUsage(BigDecimal cost, List<CostLine> lines, String tierLabel, PriceRow row, String basis) {

    /** "cache read 400 × $0.50/MTok, output 750 × $30/MTok; tier ≤270K; list; row: OpenAI gpt-5.5 as of 2026-06-20 (…)". */
    public String explain() {
        return lines.stream().filter(l -> l.tokens().signum() != 0).map(CostLine::describe).collect(Collectors.joining(", "))
                + "; " + tierLabel + "; " + basis + "; row: " + row.describe();
    }
}

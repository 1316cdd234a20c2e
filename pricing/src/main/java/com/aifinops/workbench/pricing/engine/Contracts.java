package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.price.ContractTerm;
import com.aifinops.workbench.model.price.Rates;

import java.math.BigDecimal;

/** Applies a negotiated term to list rates. */
public final class Contracts {
    private Contracts() {
    }

    /**
     * A discount scales every list price by (1 − d/100); explicit contracted prices replace the list prices,
     * keeping any list price the contract does not name.
     */
    public static Rates apply(ContractTerm term, Rates list) {
        if (term.discountPercent() != null) {
            BigDecimal keep = BigDecimal.ONE.subtract(term.discountPercent().movePointLeft(2));
            return list.map(p -> p.multiply(keep));
        }
        Rates c = term.contracted();
        return new Rates(c.input(), c.cachedRead() != null ? c.cachedRead() : list.cachedRead(),
                c.cacheWrite5m() != null ? c.cacheWrite5m() : list.cacheWrite5m(),
                c.cacheWrite1h() != null ? c.cacheWrite1h() : list.cacheWrite1h(), c.output());
    }

    public static String describe(ContractTerm term) {
        return term.discountPercent() != null
                ? "contract −" + term.discountPercent().stripTrailingZeros().toPlainString() + " %"
                : "contract price";
    }
}

package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.analysis.ShowbackBuilder;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.price.ContractTerm;
import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.pricing.catalog.Catalog;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The token-class and contracted costs of a statement's rows: each class at the rates of the catalogue row in force
 * on the rollup's day (as {@link UsagePricer} prices it), list and with the contract term applied.
 *
 * <p>A daily rollup no longer knows each request's prompt length nor whether it went through a batch API, so the
 * classes are priced at the tier of the rollup's average prompt and at non-batch rates; whatever the import priced
 * differently becomes the statement's adjustment line, so the classes still add up to the priced cost. The
 * contracted cost of the whole row comes from its priced cost: unchanged without a term, scaled by (1 − d) under a
 * discount (exact whatever the tier or batch rate), and at the contracted prices when the term names prices.
 */
public final class ShowbackPricing implements ShowbackBuilder.Pricer {
    private final Catalog catalog;
    private final UsagePricer pricer;

    public ShowbackPricing(Catalog catalog) {
        this.catalog = catalog;
        this.pricer = new UsagePricer(catalog);
    }

    @Override
    public ShowbackBuilder.Priced price(DailyRollup r) {
        if (!r.priced()) {
            return null;
        }
        Optional<Catalog.Resolution> res = catalog.resolve(r.modelId(), r.day());
        if (res.isEmpty()) {
            return null;
        }
        PriceRow row = res.get().row();
        UsageLine line = new UsageLine(r.day().atStartOfDay(ZoneOffset.UTC).toInstant(), null, r.provider(), r.modelRaw(),
                r.uncachedInput(), r.cacheRead(), r.cacheWrite5m(), r.cacheWrite1h(), r.outputTokens(), r.reasoningTokens(),
                r.requests(), false, null, null, null, "USD", r.allocation(), null);
        PricedUsage list = pricer.price(line, row, false);
        Optional<ContractTerm> term = catalog.termFor(row);
        PricedUsage contracted = term.isPresent() ? pricer.price(line, row, true) : list;
        BigDecimal total;
        if (term.isEmpty()) {
            total = r.pricedCost();
        } else if (term.get().discountPercent() != null) {
            total = r.pricedCost().multiply(BigDecimal.ONE.subtract(term.get().discountPercent().movePointLeft(2)));
        } else {
            total = contracted.cost();
        }
        return new ShowbackBuilder.Priced(amounts(list.lines()), amounts(contracted.lines()), total);
    }

    private static List<BigDecimal> amounts(List<CostLine> lines) {
        // UsagePricer's components are in the order of Showback.TokenClass.PRICED
        return lines.stream().map(CostLine::amount).toList();
    }
}

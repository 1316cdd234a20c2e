package com.aifinops.workbench.pricing.sanity;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.levers.Levers;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.routing.NamedRoutingMix;
import com.aifinops.workbench.model.routing.RoutingMix;
import com.aifinops.workbench.model.workbook.UsageRollup;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.VolumeBasis;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import com.aifinops.workbench.pricing.routing.RoutingCalculator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that catch figures which cannot be right:
 * <ul>
 *   <li>a billed cost below the output-only floor (output tokens × the output price: a bill can never be less);</li>
 *   <li>a routing blend below the frontier share × the all-frontier cost (the frontier's own requests alone
 *       cost that much);</li>
 *   <li>routing shares that do not sum to 100 %;</li>
 *   <li>a model with no price row in the workbook or the catalogue;</li>
 *   <li>a cache hit rate with no cacheable prefix: a lever prefix share of 0, or prompts shorter than the
 *       {@value #MIN_CACHEABLE_TOKENS}-token minimum the providers cache.</li>
 * </ul>
 */
public final class SanityChecks {
    /** OpenAI and Anthropic cache prompts from 1,024 tokens; shorter prompts never hit. */
    public static final int MIN_CACHEABLE_TOKENS = 1024;

    private SanityChecks() {
    }

    public static List<SanityWarning> of(Workbook wb, PriceCatalog catalog) {
        PriceCatalog c = WorkbookCosts.catalogFor(wb, catalog);
        List<SanityWarning> out = new ArrayList<>();
        for (String id : WorkbookCosts.missingModels(wb, catalog)) {
            out.add(new SanityWarning(SanityWarning.Check.UNPRICED_MODEL, id,
                    "no price row in the workbook or the catalogue; its costs are left out"));
        }
        for (Workload w : wb.workloads()) {
            cacheWithoutPrefix(w, out);
        }
        for (Levers l : wb.levers()) {
            if (l.cacheHitRate().signum() > 0 && l.prefixShare().signum() == 0) {
                out.add(new SanityWarning(SanityWarning.Check.CACHE_WITHOUT_PREFIX, l.workload(), "levers: cache hit rate "
                        + percent(l.cacheHitRate()) + " but no cacheable prefix (prefix share 0): caching saves nothing"));
            }
        }
        for (NamedRoutingMix m : wb.routingMixes()) {
            Optional<Workload> w = wb.workloads().stream().filter(x -> x.name().equals(m.workload())).findFirst();
            routing(m.name(), w.orElse(null), m.mix(), c, out);
        }
        for (UsageRollup r : wb.usageRollups()) {
            if (r.model() == null) {
                continue;
            }
            c.find(r.model()).ifPresent(p -> {
                BigDecimal floor = BigDecimal.valueOf(r.outputTokens()).multiply(p.prices().outputPerMTok()).movePointLeft(6)
                        .multiply(new BigDecimal("0.5")); // a batch bill may be half of list, never less
                if (r.costUsd().compareTo(floor) < 0) {
                    out.add(new SanityWarning(SanityWarning.Check.BELOW_OUTPUT_FLOOR, r.month() + " " + r.model(),
                            "billed " + Usd.format(r.costUsd()) + " is below the output-only floor " + Usd.format(floor)
                                    + " (" + r.outputTokens() + " output tokens at half the list output price)"));
                }
            });
        }
        return out;
    }

    /** The checks on one workload alone (for the editor's warnings). */
    public static void cacheWithoutPrefix(Workload w, List<SanityWarning> out) {
        if (w.cacheHitRate().signum() > 0 && w.volume() != VolumeBasis.CONVERSATIONS
                && w.inputTokens().compareTo(BigDecimal.valueOf(MIN_CACHEABLE_TOKENS)) < 0) {
            out.add(new SanityWarning(SanityWarning.Check.CACHE_WITHOUT_PREFIX, w.name(), "cache hit rate "
                    + percent(w.cacheHitRate()) + " but prompts of " + w.inputTokens().toPlainString()
                    + " tokens are below the " + MIN_CACHEABLE_TOKENS + "-token minimum providers cache"));
        }
    }

    /** Shares, the blend against the frontier share, and the output floor of one routing mix. */
    public static void routing(String name, Workload w, RoutingMix mix, PriceCatalog c, List<SanityWarning> out) {
        if (mix.shareTotal().compareTo(BigDecimal.ONE) != 0) {
            out.add(new SanityWarning(SanityWarning.Check.SHARES_NOT_100, name,
                    "routing shares sum to " + percent(mix.shareTotal()) + ", not 100 %"));
        }
        Map<String, TokenPrices> prices = new LinkedHashMap<>();
        for (RoutingMix.Share s : mix.shares()) {
            Optional<ModelPrice> p = c.find(s.modelId());
            if (p.isEmpty()) {
                out.add(new SanityWarning(SanityWarning.Check.UNPRICED_MODEL, name, "routes to " + s.modelId()
                        + ", which has no price row"));
                return;
            }
            prices.put(s.modelId(), p.get().prices());
        }
        if (w == null) {
            return;
        }
        blend(name, RoutingCalculator.price(w, mix, prices), out);
    }

    /** The blend must cost at least the frontier's own share of the all-frontier cost. */
    public static void blend(String name, RoutingCalculator.RoutingResult r, List<SanityWarning> out) {
        BigDecimal frontierShare = r.legs().stream().filter(l -> l.share().modelId().equals(r.frontierModel()))
                .map(l -> l.share().share()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal floor = frontierShare.multiply(r.allFrontierMonthly());
        if (r.monthlyCost().compareTo(floor) < 0) {
            out.add(new SanityWarning(SanityWarning.Check.BLEND_BELOW_FRONTIER_SHARE, name, "blended "
                    + Usd.format(r.monthlyCost()) + " is below the frontier share " + percent(frontierShare)
                    + " × all-frontier " + Usd.format(r.allFrontierMonthly()) + " = " + Usd.format(floor)));
        }
    }

    static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}

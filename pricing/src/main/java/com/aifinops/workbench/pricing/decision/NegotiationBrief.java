package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.Commitment;
import com.aifinops.workbench.model.decision.NegotiationInputs;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.routing.RoutingMix;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;
import com.aifinops.workbench.pricing.forecast.MonteCarlo;
import com.aifinops.workbench.pricing.forecast.SpendDistribution;
import com.aifinops.workbench.pricing.routing.RoutingCalculator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What to take into a meeting with one provider: the volume and spend on its models now and over the next 12
 * months, list against contracted, what the same volume would cost elsewhere, the discount off list that matches
 * each alternative ({@code 1 − alternative / forecast list}), and the commitment the forecast supports at P90.
 *
 * <p>The 12-month forecast is Σ_{m=0..11} monthly · (1 + g)^m. Alternatives at the same volume: another provider's
 * model, routing a share of requests to a smaller model (the cost engine's routing blend), and the cheapest
 * self-hosted TCO option at the forecast token volume. The safe commitment is the contracted 12-month spend that
 * the lognormal forecast (median = the forecast, spread σ) exceeds in 90 % of futures.
 */
public final class NegotiationBrief {
    private static final MathContext MC = MathContext.DECIMAL128;

    private NegotiationBrief() {
    }

    public record ModelLine(String modelId, String displayName, BigDecimal monthlyTokens, BigDecimal monthlyList,
                            BigDecimal monthlyContracted, BigDecimal forecastAnnualList) {
    }

    /** @param discountToMatch the discount off list at which the provider costs what this alternative does (≥ 0) */
    public record Alternative(String kind, String label, BigDecimal annualCost, BigDecimal discountToMatch) {
    }

    public record Brief(String provider, List<ModelLine> lines, BigDecimal monthlyTokens, BigDecimal monthlyList,
                        BigDecimal contractedDiscount, BigDecimal monthlyContracted, BigDecimal forecastAnnualTokens,
                        BigDecimal forecastAnnualList, BigDecimal forecastAnnualContracted, List<Alternative> alternatives,
                        double p50AnnualContracted, double p90AnnualContracted, double safeCommitP90) {
    }

    /** The providers the workbook's workloads run on, in first-use order. */
    public static List<String> providers(Workbook wb, PriceCatalog catalog) {
        PriceCatalog c = WorkbookCosts.catalogFor(wb, catalog);
        return wb.workloads().stream().map(w -> c.find(w.modelId()).map(ModelPrice::provider).orElse(""))
                .filter(p -> !p.isBlank()).distinct().toList();
    }

    /** The workbook's negotiation inputs for {@code provider}, or neutral ones (no growth, no spread). */
    public static NegotiationInputs inputsFor(Workbook wb, String provider) {
        return wb.decisions().negotiations().stream().filter(n -> n.provider().equalsIgnoreCase(provider)).findFirst()
                .orElse(new NegotiationInputs(provider, null, null, null, null, null));
    }

    public static Brief build(Workbook wb, PriceCatalog catalog, NegotiationInputs in) {
        PriceCatalog c = WorkbookCosts.catalogFor(wb, catalog);
        String provider = in.provider();
        List<Workload> ws = wb.workloads().stream()
                .filter(w -> c.find(w.modelId()).map(m -> m.provider().equalsIgnoreCase(provider)).orElse(false)).toList();
        if (ws.isEmpty()) {
            throw new IllegalArgumentException("no workload runs on a model of provider '" + provider + "'");
        }
        BigDecimal growth = BigDecimal.ONE.add(in.monthlyGrowth());
        BigDecimal sumOfGrowth = BigDecimal.ZERO; // Σ (1+g)^m, m = 0..11: the 12-month forecast per unit of this month
        for (int m = 0; m < 12; m++) {
            sumOfGrowth = sumOfGrowth.add(growth.pow(m));
        }
        BigDecimal twelve = sumOfGrowth;
        BigDecimal discount = wb.decisions().commitments().stream().filter(k -> k.provider().equalsIgnoreCase(provider))
                .map(Commitment::discount).findFirst().orElse(BigDecimal.ZERO);
        BigDecimal keep = BigDecimal.ONE.subtract(discount);

        Map<String, BigDecimal[]> byModel = new LinkedHashMap<>(); // tokens, list
        BigDecimal tokensSum = BigDecimal.ZERO;
        BigDecimal listSum = BigDecimal.ZERO;
        for (Workload w : ws) {
            ModelPrice m = c.find(w.modelId()).orElseThrow();
            BigDecimal t = TcoModel.annualTokens(w).divide(BigDecimal.valueOf(12), MC);
            BigDecimal cost = WorkloadCostCalculator.cost(w, m.prices()).monthlyCost();
            BigDecimal[] acc = byModel.computeIfAbsent(m.id(), k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            acc[0] = acc[0].add(t);
            acc[1] = acc[1].add(cost);
            tokensSum = tokensSum.add(t);
            listSum = listSum.add(cost);
        }
        BigDecimal tokens = tokensSum;
        BigDecimal list = listSum;
        List<ModelLine> lines = new ArrayList<>();
        byModel.forEach((id, acc) -> lines.add(new ModelLine(id, c.find(id).map(ModelPrice::displayName).orElse(id), acc[0],
                acc[1], acc[1].multiply(keep), acc[1].multiply(twelve))));
        BigDecimal forecastList = list.multiply(twelve);
        BigDecimal forecastTokens = tokens.multiply(twelve);

        List<Alternative> alts = new ArrayList<>();
        other(wb, c, ws, in, provider).ifPresent(m -> alts.add(alternative("Another provider",
                m.displayName() + " (" + m.provider() + ")", monthlyOn(ws, m).multiply(twelve), forecastList)));
        small(wb, c, ws, in, provider).ifPresent(m -> {
            BigDecimal monthly = BigDecimal.ZERO;
            for (Workload w : ws) {
                ModelPrice own = c.find(w.modelId()).orElseThrow();
                if (own.id().equals(m.id())) {
                    monthly = monthly.add(WorkloadCostCalculator.cost(w, own.prices()).monthlyCost());
                    continue;
                }
                RoutingMix mix = new RoutingMix(List.of(new RoutingMix.Share(m.id(), in.smallModelShare(), "small"),
                        new RoutingMix.Share(own.id(), BigDecimal.ONE.subtract(in.smallModelShare()), "frontier")), null, null);
                Map<String, TokenPrices> prices = Map.of(m.id(), m.prices(), own.id(), own.prices());
                monthly = monthly.add(RoutingCalculator.price(w, mix, prices).monthlyCost());
            }
            alts.add(alternative("Smaller model via routing", in.smallModelShare().movePointRight(2).stripTrailingZeros()
                    .toPlainString() + " % of requests to " + m.displayName(), monthly.multiply(twelve), forecastList));
        });
        if (wb.decisions().tco().hasOptions()) {
            TcoModel tco = TcoModel.of(wb, ws, catalog, Factors.NONE);
            long v = forecastTokens.setScale(0, RoundingMode.HALF_UP).longValueExact();
            tco.options().stream().filter(TcoOption::selfHosted).min(Comparator.comparing(o -> o.curve().cost(v)))
                    .ifPresent(o -> alts.add(alternative("Self-hosting", o.name() + " · "
                            + String.format(Locale.ROOT, "%,d GPUs", o.gpus(v)), o.curve().cost(v), forecastList)));
        }

        double contracted = forecastList.multiply(keep).doubleValue();
        double sigma = in.forecastSigma().doubleValue();
        double p50 = contracted;
        double p90 = contracted;
        double safe = contracted;
        if (sigma > 0 && contracted > 0) {
            SpendDistribution.LogNormal d = new SpendDistribution.LogNormal(contracted, sigma);
            MonteCarlo.Percentiles p = MonteCarlo.run(d, 20_000, 20_260_701L);
            p50 = p.p50();
            p90 = p.p90();
            safe = d.quantile(0.10);
        }
        return new Brief(provider, List.copyOf(lines), tokens, list, discount, list.multiply(keep), forecastTokens,
                forecastList, forecastList.multiply(keep), List.copyOf(alts), p50, p90, safe);
    }

    private static Alternative alternative(String kind, String label, BigDecimal annual, BigDecimal forecastList) {
        BigDecimal d = forecastList.signum() == 0 ? BigDecimal.ZERO
                : BigDecimal.ONE.subtract(annual.divide(forecastList, MC)).max(BigDecimal.ZERO);
        return new Alternative(kind, label, annual, d);
    }

    private static BigDecimal monthlyOn(List<Workload> ws, ModelPrice m) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Workload w : ws) {
            sum = sum.add(WorkloadCostCalculator.cost(w.withModel(m.id()), m.prices()).monthlyCost());
        }
        return sum;
    }

    private static Optional<ModelPrice> other(Workbook wb, PriceCatalog c, List<Workload> ws, NegotiationInputs in, String provider) {
        if (in.alternativeModelId() != null) {
            return c.find(in.alternativeModelId());
        }
        return wb.compareModels().stream().map(c::find).flatMap(Optional::stream)
                .filter(m -> !m.provider().equalsIgnoreCase(provider)).min(Comparator.comparing(m -> monthlyOn(ws, m)));
    }

    private static Optional<ModelPrice> small(Workbook wb, PriceCatalog c, List<Workload> ws, NegotiationInputs in, String provider) {
        if (in.smallModelId() != null) {
            return c.find(in.smallModelId());
        }
        return wb.compareModels().stream().map(c::find).flatMap(Optional::stream)
                .filter(m -> m.provider().equalsIgnoreCase(provider))
                .filter(m -> ws.stream().noneMatch(w -> w.modelId().equals(m.id())))
                .min(Comparator.comparing(m -> monthlyOn(ws, m)));
    }
}

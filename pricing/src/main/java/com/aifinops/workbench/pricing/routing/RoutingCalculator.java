package com.aifinops.workbench.pricing.routing;

import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.routing.RoutingMix;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.engine.WorkloadCost;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The blended cost of a routing mix, exact. Per request:
 * <pre>
 * blend = Σ sᵢ·cᵢ + s_cheap·e·c_frontier + router
 * </pre>
 * where cᵢ is the per-request cost of the workload on model i (core formula), the frontier is the most expensive
 * model in the mix, the cheapest model's requests escalate with probability e and then pay for both calls, and
 * router is the classifier's cost per request. Monthly = requests · OVR · blend, set against all-frontier.
 */
public final class RoutingCalculator {
    private RoutingCalculator() {
    }

    /**
     * @param prices the price of every model in the mix, by id
     */
    public static RoutingResult price(Workload w, RoutingMix mix, Map<String, TokenPrices> prices) {
        List<RoutingResult.Leg> legs = new ArrayList<>();
        for (RoutingMix.Share s : mix.shares()) {
            TokenPrices p = prices.get(s.modelId());
            if (p == null) {
                throw new IllegalArgumentException("no price for " + s.modelId());
            }
            legs.add(new RoutingResult.Leg(s, WorkloadCostCalculator.cost(w.withModel(s.modelId()), p)));
        }
        Comparator<RoutingResult.Leg> byCost = Comparator.comparing(l -> l.cost().costPerRequest());
        RoutingResult.Leg frontier = legs.stream().max(byCost).orElseThrow();
        RoutingResult.Leg cheapest = legs.stream().min(byCost).orElseThrow();
        BigDecimal blend = BigDecimal.ZERO;
        for (RoutingResult.Leg l : legs) {
            blend = blend.add(l.share().share().multiply(l.cost().costPerRequest()));
        }
        BigDecimal escalation = cheapest.share().share().multiply(mix.cascadeEscalation()).multiply(frontier.cost().costPerRequest());
        blend = blend.add(escalation).add(mix.routerCostPerRequest());
        BigDecimal volume = w.requestsPerMonth().multiply(w.overhead());
        BigDecimal monthly = volume.multiply(blend);
        BigDecimal allFrontier = frontier.cost().monthlyCost();
        BigDecimal savings = allFrontier.signum() == 0 ? BigDecimal.ZERO
                : BigDecimal.ONE.subtract(monthly.divide(allFrontier, MathContext.DECIMAL128));
        return new RoutingResult(List.copyOf(legs), frontier.share().modelId(), cheapest.share().modelId(), blend,
                volume.multiply(escalation), monthly, allFrontier, savings, mix.shareTotal());
    }

    /**
     * The blended cost and what it saves.
     *
     * @param legs                each model's share and its cost on the whole workload
     * @param frontierModel       the most expensive model per request
     * @param cheapestModel       the cheapest model (where a cascade starts)
     * @param costPerRequest      blended, before overhead
     * @param escalationMonthly   the monthly cost of escalated second calls
     * @param monthlyCost         blended monthly cost
     * @param allFrontierMonthly  the same workload entirely on the frontier model
     * @param savingsFraction     1 − monthly / all-frontier
     * @param shareTotal          sum of the shares (a sanity check flags anything but 1)
     */
    public record RoutingResult(List<Leg> legs, String frontierModel, String cheapestModel, BigDecimal costPerRequest,
                                BigDecimal escalationMonthly, BigDecimal monthlyCost, BigDecimal allFrontierMonthly,
                                BigDecimal savingsFraction, BigDecimal shareTotal) {
        public record Leg(RoutingMix.Share share, WorkloadCost cost) {
        }

        public boolean sharesSumToOne() {
            return shareTotal.compareTo(BigDecimal.ONE) == 0;
        }
    }
}

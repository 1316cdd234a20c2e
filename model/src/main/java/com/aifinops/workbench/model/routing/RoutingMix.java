package com.aifinops.workbench.model.routing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How a workload's requests are spread across model tiers.
 *
 * @param shares             the models and the share of requests each receives first; shares should sum to 1
 * @param cascadeEscalation  share of the requests sent to the cheapest model that fail there and escalate to the
 *                           most expensive model, paying for both calls (0 = no cascade)
 * @param routerCostPerRequest the classifier/router's own cost per request in USD (0 when free)
 */
public record RoutingMix(List<Share> shares, BigDecimal cascadeEscalation, BigDecimal routerCostPerRequest) {

    /**
     * @param modelId     catalogue id
     * @param share       share of requests, 0..1
     * @param qualityTier what the share is trusted with, e.g. "frontier", "mid", "small" (free text)
     */
    public record Share(String modelId, BigDecimal share, String qualityTier) {
        public Share {
            Objects.requireNonNull(modelId, "modelId");
            Objects.requireNonNull(share, "share");
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("a routing share must be between 0 and 1: " + modelId + "=" + share);
            }
        }
    }

    public RoutingMix {
        shares = List.copyOf(shares);
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("a routing mix needs at least one model");
        }
        cascadeEscalation = cascadeEscalation == null ? BigDecimal.ZERO : cascadeEscalation;
        routerCostPerRequest = routerCostPerRequest == null ? BigDecimal.ZERO : routerCostPerRequest;
        if (cascadeEscalation.signum() < 0 || cascadeEscalation.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("cascade escalation must be between 0 and 1: " + cascadeEscalation);
        }
    }

    public BigDecimal shareTotal() {
        return shares.stream().map(Share::share).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

package com.aifinops.workbench.model.decision;

import java.math.BigDecimal;

/**
 * What a negotiation brief for one provider assumes.
 *
 * @param provider            the provider negotiated with, matched against the price rows' provider
 * @param monthlyGrowth       month-on-month growth of volume over the next 12 months
 * @param forecastSigma       log-space spread of the 12-month forecast (Monte Carlo)
 * @param alternativeModelId  another provider's model to quote at the same volume ({@code null} = the cheapest
 *                            comparison model of another provider)
 * @param smallModelId        a smaller model a router would send easy requests to ({@code null} = the cheapest
 *                            comparison model of the same provider)
 * @param smallModelShare     share of requests the router sends to the small model
 */
public record NegotiationInputs(String provider, BigDecimal monthlyGrowth, BigDecimal forecastSigma,
                                String alternativeModelId, String smallModelId, BigDecimal smallModelShare) {
    public NegotiationInputs {
        java.util.Objects.requireNonNull(provider, "provider");
        monthlyGrowth = monthlyGrowth == null ? BigDecimal.ZERO : monthlyGrowth;
        forecastSigma = Checks.nonNegative(forecastSigma, "forecast sigma");
        smallModelShare = Checks.share(smallModelShare, "small model share", new BigDecimal("0.5"));
    }
}

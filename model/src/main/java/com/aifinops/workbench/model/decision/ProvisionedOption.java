package com.aifinops.workbench.model.decision;

import java.math.BigDecimal;
import java.util.List;

/**
 * Provisioned throughput (reserved capacity units such as PTUs): a fixed price per unit buys a rate of tokens per
 * minute, used or not. Demand above the provisioned rate either spills over to pay-as-you-go or is not served.
 *
 * @param name                   e.g. "GPT-5.5 provisioned (PTU)"
 * @param provider               who sells the units
 * @param modelId                the model the units serve; its pay-as-you-go price is the alternative
 * @param units                  units provisioned
 * @param unitPriceUsd           price of one unit per {@code billing} period
 * @param billing                "hour" or "month"
 * @param tokensPerMinutePerUnit blended input + output tokens per minute one unit serves
 * @param demandProfile          relative demand per hour: 24 values (a typical day) or 168 (a week, Monday 00:00
 *                               first); only the shape matters, the volume comes from the workload. Empty = flat.
 */
public record ProvisionedOption(String name, String provider, String modelId, int units, BigDecimal unitPriceUsd,
                                String billing, BigDecimal tokensPerMinutePerUnit, List<BigDecimal> demandProfile) {
    public ProvisionedOption {
        name = Checks.text(name, "Provisioned throughput");
        provider = Checks.text(provider, "");
        if (units < 0) {
            throw new IllegalArgumentException("provisioned units must not be negative: " + units);
        }
        Checks.positive(unitPriceUsd, "unit price");
        billing = Checks.text(billing, "hour");
        if (!billing.equals("hour") && !billing.equals("month")) {
            throw new IllegalArgumentException("billing must be \"hour\" or \"month\": " + billing);
        }
        Checks.positive(tokensPerMinutePerUnit, "tokens per minute per unit");
        demandProfile = Checks.list(demandProfile);
        if (!demandProfile.isEmpty() && demandProfile.size() != 24 && demandProfile.size() != 168) {
            throw new IllegalArgumentException("a demand profile has 24 or 168 hourly values, not " + demandProfile.size());
        }
        demandProfile.forEach(v -> Checks.nonNegative(v, "demand profile value"));
        if (!demandProfile.isEmpty() && demandProfile.stream().allMatch(v -> v.signum() == 0)) {
            throw new IllegalArgumentException("a demand profile needs at least one hour above 0");
        }
    }
}

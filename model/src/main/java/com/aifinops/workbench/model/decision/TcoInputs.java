package com.aifinops.workbench.model.decision;

import java.math.BigDecimal;
import java.util.List;

/**
 * The self-host vs API comparison: the options and how the future is assumed to move.
 *
 * @param workload        the workload whose volume is compared, or {@code null} for all workloads together
 * @param apis            pay-as-you-go API options
 * @param neoclouds       rented-GPU options
 * @param factories       owned-GPU options
 * @param years           horizon of the multi-year view; 0 reads as 5
 * @param volumeGrowth    annual growth of the token volume (0.5 = +50 % a year)
 * @param apiPriceDecline annual decline of API prices (0.2 = 20 % cheaper each year)
 * @param gpuPriceDecline annual decline of GPU-hour prices and node capex
 */
public record TcoInputs(String workload, List<ApiOption> apis, List<NeocloudOption> neoclouds,
                        List<FactoryOption> factories, int years, BigDecimal volumeGrowth, BigDecimal apiPriceDecline,
                        BigDecimal gpuPriceDecline) {
    public static final TcoInputs NONE = new TcoInputs(null, List.of(), List.of(), List.of(), 5, null, null, null);

    public TcoInputs {
        apis = Checks.list(apis);
        neoclouds = Checks.list(neoclouds);
        factories = Checks.list(factories);
        years = years == 0 ? 5 : years;
        if (years < 1 || years > 15) {
            throw new IllegalArgumentException("TCO years must be 1..15: " + years);
        }
        volumeGrowth = Checks.nonNegative(volumeGrowth, "volume growth");
        apiPriceDecline = Checks.share(apiPriceDecline, "API price decline", BigDecimal.ZERO);
        gpuPriceDecline = Checks.share(gpuPriceDecline, "GPU price decline", BigDecimal.ZERO);
    }

    /** True when there is at least one option to compare. */
    public boolean hasOptions() {
        return !(apis.isEmpty() && neoclouds.isEmpty() && factories.isEmpty());
    }
}

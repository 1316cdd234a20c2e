package com.aifinops.workbench.model.decision;

import java.math.BigDecimal;

/**
 * Rented GPUs (a neocloud or hyperscaler), on demand or reserved, running an open model. The fleet is sized for
 * the volume and billed all year; the team that runs it and the serving software are fixed costs.
 *
 * @param name               e.g. "Neocloud 8×H200 (1-year reserved)"
 * @param provider           who rents the GPUs
 * @param term               "on-demand" or "reserved", free text shown beside the price
 * @param gpuHourUsd         price per GPU-hour on that term
 * @param capacity           throughput, utilisation, headroom and the step GPUs are rented in
 * @param staffFte           engineers running the stack (full-time equivalents)
 * @param loadedCostPerFteUsd fully loaded annual cost of one FTE
 * @param softwareAnnualUsd  serving software, support and licences per year
 */
public record NeocloudOption(String name, String provider, String term, BigDecimal gpuHourUsd, GpuCapacity capacity,
                             BigDecimal staffFte, BigDecimal loadedCostPerFteUsd, BigDecimal softwareAnnualUsd) {
    public NeocloudOption {
        name = Checks.text(name, "Neocloud");
        provider = Checks.text(provider, "");
        term = Checks.text(term, "reserved");
        Checks.positive(gpuHourUsd, "GPU-hour price");
        java.util.Objects.requireNonNull(capacity, "capacity");
        staffFte = Checks.nonNegative(staffFte, "staff FTE");
        loadedCostPerFteUsd = Checks.nonNegative(loadedCostPerFteUsd, "loaded cost per FTE");
        softwareAnnualUsd = Checks.nonNegative(softwareAnnualUsd, "software per year");
    }
}

package com.aifinops.workbench.model.decision;

import java.math.BigDecimal;

/**
 * An owned "AI factory": GPU nodes bought and amortised, in a data centre whose power, cooling and network are
 * paid per node, with a fixed software bill and team. Capacity is bought in whole nodes
 * ({@code capacity.gpusPerStep()} GPUs each).
 *
 * @param name                       e.g. "Owned 8×H200 nodes"
 * @param capacity                   throughput, utilisation, headroom and GPUs per node
 * @param capexPerNodeUsd            purchase price of one node, installed
 * @param amortisationYears          straight-line amortisation; 0 reads as 4
 * @param powerKwPerNode             average draw of one node in kW
 * @param pue                        power usage effectiveness of the site (cooling overhead); 0 reads as 1
 * @param electricityUsdPerKwh       price of power
 * @param networkingPerNodeAnnualUsd fabric, ports and transit per node per year
 * @param softwareAnnualUsd          serving software, support and licences per year
 * @param staffFte                   engineers running the fleet
 * @param loadedCostPerFteUsd        fully loaded annual cost of one FTE
 */
public record FactoryOption(String name, GpuCapacity capacity, BigDecimal capexPerNodeUsd, int amortisationYears,
                            BigDecimal powerKwPerNode, BigDecimal pue, BigDecimal electricityUsdPerKwh,
                            BigDecimal networkingPerNodeAnnualUsd, BigDecimal softwareAnnualUsd, BigDecimal staffFte,
                            BigDecimal loadedCostPerFteUsd) {
    public FactoryOption {
        name = Checks.text(name, "Owned AI factory");
        java.util.Objects.requireNonNull(capacity, "capacity");
        Checks.positive(capexPerNodeUsd, "capex per node");
        amortisationYears = amortisationYears == 0 ? 4 : amortisationYears;
        if (amortisationYears < 1 || amortisationYears > 15) {
            throw new IllegalArgumentException("amortisation years must be 1..15: " + amortisationYears);
        }
        powerKwPerNode = Checks.nonNegative(powerKwPerNode, "power per node");
        pue = pue == null || pue.signum() == 0 ? BigDecimal.ONE : pue;
        if (pue.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("PUE must be at least 1: " + pue.toPlainString());
        }
        electricityUsdPerKwh = Checks.nonNegative(electricityUsdPerKwh, "electricity price");
        networkingPerNodeAnnualUsd = Checks.nonNegative(networkingPerNodeAnnualUsd, "networking per node");
        softwareAnnualUsd = Checks.nonNegative(softwareAnnualUsd, "software per year");
        staffFte = Checks.nonNegative(staffFte, "staff FTE");
        loadedCostPerFteUsd = Checks.nonNegative(loadedCostPerFteUsd, "loaded cost per FTE");
    }
}

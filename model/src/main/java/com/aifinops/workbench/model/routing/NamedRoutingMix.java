package com.aifinops.workbench.model.routing;

import java.util.Objects;

/**
 * A routing mix saved in a workbook: which workload it routes and how.
 *
 * @param name     e.g. "80/20 with cascade"
 * @param workload the workload name whose requests are routed
 * @param mix      the shares (each with its quality tier), cascade escalation and classifier cost
 */
public record NamedRoutingMix(String name, String workload, RoutingMix mix) {
    public NamedRoutingMix {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mix, "mix");
    }
}

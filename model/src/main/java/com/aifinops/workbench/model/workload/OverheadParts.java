package com.aifinops.workbench.model.workload;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The overhead multiplier stated as its causes, each as extra traffic on top of the modelled requests
 * (0.05 = +5 %). Whether they compound matters: retries of agent-loop calls are retried calls too.
 *
 * @param retries        failed or timed-out calls sent again
 * @param evalTraffic    evaluation and regression runs on production prompts
 * @param agentLoops     extra tool/agent steps per request
 * @param observability  tracing, guardrail or judge calls
 * @param multiplicative true: OVR = Π(1 + part); false: OVR = 1 + Σ part
 */
public record OverheadParts(BigDecimal retries, BigDecimal evalTraffic, BigDecimal agentLoops,
                            BigDecimal observability, boolean multiplicative) {

    public OverheadParts {
        retries = orZero(retries, "retries");
        evalTraffic = orZero(evalTraffic, "eval traffic");
        agentLoops = orZero(agentLoops, "agent loops");
        observability = orZero(observability, "observability");
    }

    /** The overhead multiplier these parts amount to, exact. */
    public BigDecimal multiplier() {
        BigDecimal[] parts = {retries, evalTraffic, agentLoops, observability};
        BigDecimal m = BigDecimal.ONE;
        if (multiplicative) {
            for (BigDecimal p : parts) {
                m = m.multiply(BigDecimal.ONE.add(p));
            }
        } else {
            for (BigDecimal p : parts) {
                m = m.add(p);
            }
        }
        return m;
    }

    private static BigDecimal orZero(BigDecimal v, String what) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        Objects.requireNonNull(v, what);
        if (v.signum() < 0) {
            throw new IllegalArgumentException(what + " overhead must not be negative: " + v);
        }
        return v;
    }
}

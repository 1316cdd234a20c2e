package com.aifinops.workbench.pricing.engine;

import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workload.VolumeBasis;
import com.aifinops.workbench.model.workload.Workload;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The core formula every part of the workbench agrees on, in exact decimal arithmetic:
 * <pre>
 * cost_request = ( I·[P_in·(1−h) + P_hit·h] + O·P_out ) / 1e6
 * monthly      = M · R · days · cost_request · OVR
 * </pre>
 * Stateless and thread-safe. Nothing is rounded: dividing by a million is an exact decimal shift.
 */
public final class WorkloadCostCalculator {
    private WorkloadCostCalculator() {
    }

    /** A batch API bills at half the list price unless a catalogue row says otherwise (the pricer knows rows). */
    public static final BigDecimal BATCH_PRICE_FACTOR = new BigDecimal("0.5");

    /**
     * The exact cost. A plain workload (users × requests/day, no reasoning, no batch) is the core formula above;
     * the optional fields extend it: a stated monthly request count replaces M·R·days; reasoning tokens R_t per
     * call are billed as output; a batch share b bills each side at (1 − b) + b·0.5 of list; a conversation is
     * priced per conversation on its exact token totals ({@link ConversationTokens}), × conversations per month.
     */
    public static WorkloadCost cost(Workload w, TokenPrices p) {
        BigDecimal h = w.cacheHitRate();
        BigDecimal inputRate = p.inputPerMTok().multiply(BigDecimal.ONE.subtract(h)).add(p.cacheHitPerMTok().multiply(h));
        BigDecimal units;
        BigDecimal inTokens;
        BigDecimal outTokens;
        BigDecimal callsPerUnit;
        if (w.volume() == VolumeBasis.CONVERSATIONS) {
            ConversationTokens.Totals t = ConversationTokens.of(w.conversation());
            units = w.conversation().conversationsPerMonth();
            inTokens = t.input();
            callsPerUnit = BigDecimal.valueOf(w.conversation().turns());
            outTokens = t.output().add(w.reasoningTokens().multiply(callsPerUnit));
        } else {
            units = w.requestsPerMonth();
            inTokens = w.inputTokens();
            outTokens = w.outputTokens().add(w.reasoningTokens());
            callsPerUnit = BigDecimal.ONE;
        }
        BigDecimal inputPerUnit = inTokens.multiply(inputRate).movePointLeft(6);
        BigDecimal outputPerUnit = outTokens.multiply(p.outputPerMTok()).movePointLeft(6);
        if (w.batchShare().signum() > 0) {
            BigDecimal f = batchFactor(w.batchShare());
            inputPerUnit = inputPerUnit.multiply(f);
            outputPerUnit = outputPerUnit.multiply(f);
        }
        BigDecimal volume = units.multiply(w.overhead());
        BigDecimal inputCost = volume.multiply(inputPerUnit);
        BigDecimal outputCost = volume.multiply(outputPerUnit);
        BigDecimal perUnit = inputPerUnit.add(outputPerUnit);
        BigDecimal perRequest = callsPerUnit.compareTo(BigDecimal.ONE) == 0 ? perUnit
                : perUnit.divide(callsPerUnit, MathContext.DECIMAL128);
        return new WorkloadCost(perRequest, w.requestsPerMonth(), inputCost, outputCost, inputCost.add(outputCost));
    }

    /**
     * What a workload is priced on: {@code units} per month (requests, or conversations), each with
     * {@code input} and {@code output} tokens (reasoning included) over {@code callsPerUnit} model calls.
     */
    public record Units(BigDecimal units, BigDecimal input, BigDecimal output, BigDecimal callsPerUnit) {
    }

    public static Units units(Workload w) {
        if (w.volume() == VolumeBasis.CONVERSATIONS) {
            ConversationTokens.Totals t = ConversationTokens.of(w.conversation());
            BigDecimal calls = BigDecimal.valueOf(w.conversation().turns());
            return new Units(w.conversation().conversationsPerMonth(), t.input(),
                    t.output().add(w.reasoningTokens().multiply(calls)), calls);
        }
        return new Units(w.requestsPerMonth(), w.inputTokens(), w.outputTokens().add(w.reasoningTokens()), BigDecimal.ONE);
    }

    /** Monthly cost ÷ outcomes per month; empty when the workload states no outcome (or zero of them). */
    public static java.util.Optional<BigDecimal> costPerOutcome(Workload w, WorkloadCost c) {
        if (w.outcome() == null || w.outcome().outcomesPerMonth().signum() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(c.monthlyCost().divide(w.outcome().outcomesPerMonth(), MathContext.DECIMAL128));
    }

    /**
     * The same workload in the original nine fields, priced identically by the core formula on every model: users =
     * units per month (requests, or conversations), 1 request a day for 1 day, the tokens per unit (reasoning in the
     * output) scaled by the batch factor (cost is linear in tokens and the batch factor does not depend on the model).
     * For exports whose live formulas know only the core formula; a plain workload is returned as is.
     */
    public static Workload asCoreWorkload(Workload w) {
        if (w.usesCoreFormulaOnly()) {
            return w;
        }
        Units u = units(w);
        BigDecimal f = batchFactor(w.batchShare());
        return new Workload(w.name(), u.units(), BigDecimal.ONE, u.input().multiply(f), u.output().multiply(f),
                w.cacheHitRate(), w.overhead(), 1, w.modelId());
    }

    /** (1 − b) of calls at list and b at the batch price: the factor on list. */
    public static BigDecimal batchFactor(BigDecimal b) {
        return BigDecimal.ONE.subtract(b).add(b.multiply(BATCH_PRICE_FACTOR));
    }

    /**
     * The monthly cost as a {@code double} for charting, at cache hit rate {@code h}. Cost is affine in h,
     * so a chart needs only the two ends; this stays fast enough to call per point per frame.
     */
    public static double monthlyAt(Workload w, TokenPrices p, double h) {
        double in = p.inputPerMTok().doubleValue();
        double hit = p.cacheHitPerMTok().doubleValue();
        double units;
        double inTokens;
        double outTokens;
        if (w.volume() == VolumeBasis.CONVERSATIONS) {
            ConversationTokens.Totals t = ConversationTokens.of(w.conversation());
            units = w.conversation().conversationsPerMonth().doubleValue();
            inTokens = t.input().doubleValue();
            outTokens = t.output().doubleValue() + w.reasoningTokens().doubleValue() * w.conversation().turns();
        } else {
            units = w.requestsPerMonth().doubleValue();
            inTokens = w.inputTokens().doubleValue();
            outTokens = w.outputTokens().doubleValue() + w.reasoningTokens().doubleValue();
        }
        double b = w.batchShare().doubleValue();
        double perUnit = (inTokens * (in * (1 - h) + hit * h) + outTokens * p.outputPerMTok().doubleValue()) / 1e6
                * (1 - b + b * 0.5);
        return units * w.overhead().doubleValue() * perUnit;
    }
}

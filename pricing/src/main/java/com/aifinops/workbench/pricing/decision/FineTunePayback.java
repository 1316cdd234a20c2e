package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.FineTuneCase;
import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.engine.WorkloadCostCalculator;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Fine-tuning pays back when the input tokens each call saves outweigh the tuned model's premium. The tuned model
 * is the case's model (the workload's own, or a smaller one it replaces) at its list price times the multipliers:
 * <pre>
 * saving per call = cost(I, O at the current price) − cost(I − saved, O at tuned price)   (core formula, per call)
 * calls per month = requests · overhead
 * net per month   = calls · saving per call − hosting
 * break-even calls = training / saving per call;  months to payback = training / net per month
 * </pre>
 */
public final class FineTunePayback {
    private FineTunePayback() {
    }

    /** {@code breakEvenCalls} and {@code paybackMonths} are null when the tuned model never saves. */
    public record Result(FineTuneCase tune, BigDecimal baseCostPerCall, BigDecimal tunedCostPerCall,
                         BigDecimal savingPerCall, BigDecimal callsPerMonth, BigDecimal netMonthlySaving,
                         BigDecimal breakEvenCalls, BigDecimal paybackMonths) {
    }

    /**
     * @param current the price the workload pays today
     * @param base    the list price of the model that is tuned (the same as {@code current} when it tunes its own)
     */
    public static Result evaluate(FineTuneCase t, Workload w, TokenPrices current, TokenPrices base) {
        TokenPrices tuned = new TokenPrices(base.inputPerMTok().multiply(t.inputPriceMultiplier()),
                base.cachedInputPerMTok() == null ? null : base.cachedInputPerMTok().multiply(t.inputPriceMultiplier()),
                base.outputPerMTok().multiply(t.outputPriceMultiplier()));
        Workload shorter = new Workload(w.name(), w.users(), w.requestsPerUserPerDay(),
                w.inputTokens().subtract(t.inputTokensSavedPerCall()).max(BigDecimal.ZERO), w.outputTokens(),
                w.cacheHitRate(), w.overhead(), w.daysPerMonth(), w.modelId());
        BigDecimal c0 = WorkloadCostCalculator.cost(w, current).costPerRequest();
        BigDecimal c1 = WorkloadCostCalculator.cost(shorter, tuned).costPerRequest();
        BigDecimal saving = c0.subtract(c1);
        BigDecimal calls = w.requestsPerMonth().multiply(w.overhead());
        BigDecimal net = calls.multiply(saving).subtract(t.hostingMonthlyUsd());
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal breakEven = saving.signum() > 0 ? t.trainingCostUsd().divide(saving, mc) : null;
        BigDecimal months = net.signum() > 0 ? t.trainingCostUsd().divide(net, mc) : null;
        return new Result(t, c0, c1, saving, calls, net, breakEven, months);
    }
}

package com.aifinops.workbench.model.decision;

import java.math.BigDecimal;

/**
 * Fine-tuning a model so that calls need a shorter prompt: a one-off training cost and a per-token inference
 * premium, against the input tokens every call saves.
 *
 * @param name                   e.g. "Fine-tuned GPT-5 Mini"
 * @param workload               the workload the tuned model would serve ({@code null} = the first)
 * @param modelId                the model that is tuned (its list price is the base of the premium)
 * @param trainingCostUsd        one-off cost of training (and evaluation runs)
 * @param inputPriceMultiplier   tuned input price ÷ base input price (e.g. 1.5); 0 reads as 1
 * @param outputPriceMultiplier  tuned output price ÷ base output price; 0 reads as 1
 * @param inputTokensSavedPerCall prompt tokens the tuned model no longer needs per call
 * @param hostingMonthlyUsd      monthly hosting fee of the tuned model, if any
 */
public record FineTuneCase(String name, String workload, String modelId, BigDecimal trainingCostUsd,
                           BigDecimal inputPriceMultiplier, BigDecimal outputPriceMultiplier,
                           BigDecimal inputTokensSavedPerCall, BigDecimal hostingMonthlyUsd) {
    public FineTuneCase {
        name = Checks.text(name, "Fine-tune");
        trainingCostUsd = Checks.nonNegative(trainingCostUsd, "training cost");
        inputPriceMultiplier = inputPriceMultiplier == null || inputPriceMultiplier.signum() == 0 ? BigDecimal.ONE
                : Checks.nonNegative(inputPriceMultiplier, "input price multiplier");
        outputPriceMultiplier = outputPriceMultiplier == null || outputPriceMultiplier.signum() == 0 ? BigDecimal.ONE
                : Checks.nonNegative(outputPriceMultiplier, "output price multiplier");
        inputTokensSavedPerCall = Checks.nonNegative(inputTokensSavedPerCall, "input tokens saved per call");
        hostingMonthlyUsd = Checks.nonNegative(hostingMonthlyUsd, "hosting per month");
    }
}

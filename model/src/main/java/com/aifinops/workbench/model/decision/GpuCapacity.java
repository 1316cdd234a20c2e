package com.aifinops.workbench.model.decision;

import java.math.BigDecimal;

/**
 * How an open model runs on GPUs and how capacity is bought. The GPUs a volume needs are
 * {@code ceil(tokens / (tokensPerGpuSecond · seconds · utilisation) · (1 + headroom))}, bought in whole steps
 * of {@code gpusPerStep} (1 = single GPUs, 8 = whole nodes).
 *
 * @param openModel          the open-weights model served, e.g. "DeepSeek V3.2"
 * @param tokensPerGpuSecond blended input + output tokens one GPU serves per second at the target latency
 * @param utilisation        the share of the hours the fleet does useful work (0 &lt; u ≤ 1)
 * @param headroom           spare capacity for peaks on top of the average need (0.3 = 30 %)
 * @param gpusPerStep        GPUs bought at once; 0 reads as 1
 */
public record GpuCapacity(String openModel, BigDecimal tokensPerGpuSecond, BigDecimal utilisation, BigDecimal headroom,
                          int gpusPerStep) {
    public GpuCapacity {
        openModel = Checks.text(openModel, "open model");
        Checks.positive(tokensPerGpuSecond, "tokens per GPU-second");
        Checks.positive(utilisation, "utilisation");
        Checks.share(utilisation, "utilisation", null);
        headroom = Checks.nonNegative(headroom, "headroom");
        gpusPerStep = gpusPerStep == 0 ? 1 : gpusPerStep;
        if (gpusPerStep < 0) {
            throw new IllegalArgumentException("GPUs per step must be at least 1: " + gpusPerStep);
        }
    }
}

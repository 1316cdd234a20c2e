package com.aifinops.workbench.pricing.decision;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Annual cost as a function of annual token volume V, in the one shape every option has:
 * <pre>
 * cost(V) = fixed + perStep · steps(V) + V · perTokenNum / perTokenDen
 * steps(V) = ceil(V · demandFactor / stepTokens)
 * </pre>
 * A pay-as-you-go API is the linear part alone ({@code perTokenNum/perTokenDen} = annual cost / annual tokens at
 * the workbook's volume, kept as a fraction so the cost at that volume is exact); a GPU fleet is the step part
 * ({@code stepTokens} tokens a year one step serves at its utilisation, {@code demandFactor} = 1 + headroom).
 * Comparisons ({@link #compare}) are exact; {@link #cost} divides once, at 34 digits, only for the linear part.
 */
public record CostCurve(String option, BigDecimal fixed, BigDecimal perStep, BigDecimal stepTokens,
                        BigDecimal demandFactor, BigDecimal perTokenNum, BigDecimal perTokenDen) {

    public CostCurve {
        if (perTokenDen.signum() <= 0) {
            throw new IllegalArgumentException("per-token denominator must be positive");
        }
        if (stepTokens != null && stepTokens.signum() <= 0) {
            throw new IllegalArgumentException(option + ": a step must serve some tokens");
        }
    }

    /** A line through the origin with {@code annualCost} at {@code annualTokens}. */
    public static CostCurve linear(String option, BigDecimal annualCost, BigDecimal annualTokens) {
        if (annualTokens.signum() <= 0) {
            throw new IllegalArgumentException(option + ": no tokens to price a line on");
        }
        return new CostCurve(option, BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ONE, annualCost, annualTokens);
    }

    public static CostCurve stepped(String option, BigDecimal fixed, BigDecimal perStep, BigDecimal stepTokens,
                                    BigDecimal demandFactor) {
        return new CostCurve(option, fixed, perStep, stepTokens, demandFactor, BigDecimal.ZERO, BigDecimal.ONE);
    }

    public boolean isStepped() {
        return stepTokens != null;
    }

    /** Whole steps (GPUs or nodes) a volume needs: ceil(V · demandFactor / stepTokens); 0 for a line. */
    public long steps(long tokens) {
        if (stepTokens == null || tokens <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(tokens).multiply(demandFactor).divide(stepTokens, 0, RoundingMode.CEILING).longValueExact();
    }

    /** The linear part V · num / den (exact when den divides V · num, as at the reference volume). */
    public BigDecimal linearPart(long tokens) {
        if (perTokenNum.signum() == 0 || tokens == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(tokens).multiply(perTokenNum).divide(perTokenDen, MathContext.DECIMAL128);
    }

    /** The fixed and step part: fixed + perStep · steps(V), exact. */
    public BigDecimal fixedAndSteps(long tokens) {
        return fixed.add(perStep.multiply(BigDecimal.valueOf(steps(tokens))));
    }

    public BigDecimal cost(long tokens) {
        return fixedAndSteps(tokens).add(linearPart(tokens));
    }

    /** The cost as a double, for charts. */
    public double costAt(double tokens) {
        double steps = stepTokens == null || tokens <= 0 ? 0
                : Math.ceil(tokens * demandFactor.doubleValue() / stepTokens.doubleValue() - 1e-12);
        return fixed.doubleValue() + perStep.doubleValue() * steps
                + tokens * perTokenNum.doubleValue() / perTokenDen.doubleValue();
    }

    /**
     * The last volume with the same number of steps as {@code tokens}: floor(steps · stepTokens / demandFactor),
     * {@code Long.MAX_VALUE} for a line. Between two such ends the cost is linear in V.
     */
    public long pieceEnd(long tokens) {
        if (stepTokens == null) {
            return Long.MAX_VALUE;
        }
        long m = steps(tokens);
        if (m == 0) {
            return 0;
        }
        BigInteger end = BigDecimal.valueOf(m).multiply(stepTokens).divide(demandFactor, 0, RoundingMode.FLOOR).toBigInteger();
        return end.bitLength() < 63 ? end.longValue() : Long.MAX_VALUE;
    }

    /**
     * The sign of a(V) − b(V), exact: (Xa − Xb)·da·db + V·na·db − V·nb·da, where X is the fixed and step part,
     * n/d the per-token fraction. No division, so no rounding decides a crossover.
     */
    public static int compare(CostCurve a, CostCurve b, long tokens) {
        BigDecimal v = BigDecimal.valueOf(tokens);
        BigDecimal da = a.perTokenDen;
        BigDecimal db = b.perTokenDen;
        BigDecimal diff = a.fixedAndSteps(tokens).subtract(b.fixedAndSteps(tokens)).multiply(da).multiply(db)
                .add(v.multiply(a.perTokenNum).multiply(db))
                .subtract(v.multiply(b.perTokenNum).multiply(da));
        return diff.signum();
    }

    /** The same curve with the per-token price scaled by {@code factor} (a sensitivity of the API price). */
    public CostCurve scaledPerToken(BigDecimal factor) {
        return new CostCurve(option, fixed, perStep, stepTokens, demandFactor, perTokenNum.multiply(factor), perTokenDen);
    }
}

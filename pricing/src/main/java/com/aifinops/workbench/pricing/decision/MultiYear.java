package com.aifinops.workbench.pricing.decision;

import com.aifinops.workbench.model.decision.TcoInputs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The TCO options over several years, in cash: volume grows by {@code volumeGrowth} a year, API prices fall by
 * {@code apiPriceDecline}, GPU-hour prices and node capex by {@code gpuPriceDecline}. Year y (from 1):
 * <pre>
 * volume_y = V · (1 + g)^(y−1)
 * API      = cost(volume_y) · (1 − d_api)^(y−1)
 * neocloud = staff + software + steps(volume_y) · GPU-year · (1 − d_gpu)^(y−1)
 * factory  = capex of the nodes bought that year · (1 − d_gpu)^(y−1) + nodes owned · (power + network) + fixed
 * </pre>
 * An owned fleet never shrinks; a node is bought when the volume first needs it and replaced after the
 * amortisation years. Savings and the payback year are against the first API option.
 */
public final class MultiYear {
    private MultiYear() {
    }

    /**
     * One option's years. {@code paybackYear}: for a self-hosted option, the first year its cumulative cost is ≤ the
     * baseline's; 0 when it never is, and for APIs (nothing to pay back).
     */
    public record Line(String option, List<BigDecimal> annual, List<BigDecimal> cumulative, List<BigDecimal> savings,
                       int paybackYear) {
    }

    /** @param volumes annual tokens per year */
    public record Projection(List<Long> volumes, String baseline, List<Line> lines) {
    }

    public static Projection project(TcoModel model, long startTokens) {
        TcoInputs in = model.inputs();
        int years = in.years();
        List<Long> volumes = new ArrayList<>();
        BigDecimal growth = BigDecimal.ONE.add(in.volumeGrowth());
        for (int y = 0; y < years; y++) {
            volumes.add(BigDecimal.valueOf(startTokens).multiply(growth.pow(y)).setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
        List<List<BigDecimal>> annuals = new ArrayList<>();
        for (TcoOption o : model.options()) {
            annuals.add(annual(o, volumes, in));
        }
        TcoOption baseline = model.options().stream().filter(o -> !o.selfHosted()).findFirst().orElse(model.options().get(0));
        List<BigDecimal> baseCum = cumulative(annuals.get(model.options().indexOf(baseline)));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < model.options().size(); i++) {
            List<BigDecimal> cum = cumulative(annuals.get(i));
            List<BigDecimal> savings = new ArrayList<>();
            int payback = 0;
            for (int y = 0; y < years; y++) {
                savings.add(baseCum.get(y).subtract(cum.get(y)));
                if (payback == 0 && cum.get(y).compareTo(baseCum.get(y)) <= 0 && model.options().get(i).selfHosted()) {
                    payback = y + 1;
                }
            }
            lines.add(new Line(model.options().get(i).name(), annuals.get(i), cum, savings, payback));
        }
        return new Projection(List.copyOf(volumes), baseline.name(), List.copyOf(lines));
    }

    private static List<BigDecimal> annual(TcoOption o, List<Long> volumes, TcoInputs in) {
        BigDecimal apiKeep = BigDecimal.ONE.subtract(in.apiPriceDecline());
        BigDecimal gpuKeep = BigDecimal.ONE.subtract(in.gpuPriceDecline());
        List<BigDecimal> out = new ArrayList<>();
        long owned = 0;
        List<long[]> cohorts = new ArrayList<>(); // {year bought, nodes}
        for (int y = 0; y < volumes.size(); y++) {
            long v = volumes.get(y);
            CostCurve c = o.curve();
            BigDecimal cost;
            if (o instanceof TcoOption.Factory f) {
                int life = f.input().amortisationYears();
                long replaced = 0;
                for (long[] k : cohorts) {
                    if (k[0] + life == y) {
                        replaced += k[1];
                    }
                }
                long added = Math.max(0, c.steps(v) - owned);
                owned += added;
                long bought = added + replaced;
                if (bought > 0) {
                    cohorts.add(new long[]{y, bought});
                }
                BigDecimal capex = f.input().capexPerNodeUsd().multiply(BigDecimal.valueOf(bought)).multiply(gpuKeep.pow(y));
                cost = capex.add(f.powerPerNode().add(f.networkPerNode()).multiply(BigDecimal.valueOf(owned))).add(c.fixed());
            } else if (o instanceof TcoOption.Neocloud) {
                cost = c.fixed().add(c.perStep().multiply(BigDecimal.valueOf(c.steps(v))).multiply(gpuKeep.pow(y)));
            } else {
                cost = c.cost(v).multiply(apiKeep.pow(y));
            }
            out.add(cost);
        }
        return out;
    }

    private static List<BigDecimal> cumulative(List<BigDecimal> annual) {
        List<BigDecimal> out = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal a : annual) {
            sum = sum.add(a);
            out.add(sum);
        }
        return out;
    }
}

package com.aifinops.workbench.pricing.routing;

import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.routing.RoutingMix;
import com.aifinops.workbench.model.workload.Workload;

import java.util.List;
import java.util.Map;

/**
 * The slider path of a many-workload model. Each model's cost per request is affine in the cache hit rate h,
 * so it is reduced once to two doubles (cost at h = 0 and the slope); a slider step then costs a few
 * multiply-adds per workload instead of exact decimal arithmetic. The exact figures come from
 * {@link RoutingCalculator} when the slider is released; this path is for drawing while it moves.
 */
public final class LiveRoutingModel {
    private final double[][] base;   // [workload][leg] monthly cost per request at h = 0, × volume
    private final double[][] slope;  // [workload][leg] d(cost)/dh, × volume
    private final double[][] share;
    private final double[] escalation;
    private final double[] routerMonthly;

    public LiveRoutingModel(List<Workload> workloads, List<RoutingMix> mixes, Map<String, TokenPrices> prices) {
        int n = workloads.size();
        base = new double[n][];
        slope = new double[n][];
        share = new double[n][];
        escalation = new double[n];
        routerMonthly = new double[n];
        for (int i = 0; i < n; i++) {
            Workload w = workloads.get(i);
            RoutingMix mix = mixes.get(i);
            double volume = w.requestsPerMonth().doubleValue() * w.overhead().doubleValue();
            int legs = mix.shares().size();
            base[i] = new double[legs];
            slope[i] = new double[legs];
            share[i] = new double[legs];
            for (int k = 0; k < legs; k++) {
                RoutingMix.Share s = mix.shares().get(k);
                TokenPrices p = prices.get(s.modelId());
                double in = w.inputTokens().doubleValue();
                double at0 = (in * p.inputPerMTok().doubleValue() + w.outputTokens().doubleValue() * p.outputPerMTok().doubleValue()) / 1e6;
                double at1 = (in * p.cacheHitPerMTok().doubleValue() + w.outputTokens().doubleValue() * p.outputPerMTok().doubleValue()) / 1e6;
                base[i][k] = at0 * volume;
                slope[i][k] = (at1 - at0) * volume;
                share[i][k] = s.share().doubleValue();
            }
            escalation[i] = mix.cascadeEscalation().doubleValue();
            routerMonthly[i] = mix.routerCostPerRequest().doubleValue() * volume;
        }
    }

    /** The total blended monthly cost of every workload at cache hit rate {@code h}. */
    public double totalMonthly(double h) {
        double total = 0;
        for (int i = 0; i < base.length; i++) {
            double[] b = base[i];
            double[] s = slope[i];
            double[] sh = share[i];
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            int cheapest = 0;
            for (int k = 0; k < b.length; k++) {
                double c = b[k] + s[k] * h;
                sum += sh[k] * c;
                if (c > max) max = c;
                if (c < min) { min = c; cheapest = k; }
            }
            total += sum + sh[cheapest] * escalation[i] * max + routerMonthly[i];
        }
        return total;
    }
}

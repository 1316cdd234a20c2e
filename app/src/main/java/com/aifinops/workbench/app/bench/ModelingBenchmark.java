package com.aifinops.workbench.app.bench;

import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.routing.RoutingMix;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.pricing.forecast.MonteCarlo;
import com.aifinops.workbench.pricing.forecast.SpendDistribution;
import com.aifinops.workbench.pricing.routing.LiveRoutingModel;
import com.aifinops.workbench.pricing.routing.RoutingCalculator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The modelling engine's speed (README: "Benchmarks"): the exact recompute of a 2,000-workload model, each on a
 * three-tier routing mix with a cascade, as a slider move triggers it; and a 100,000-sample Monte Carlo.
 * Prints the median and p95 of 50 timed runs after 20 warm-up runs.
 */
public final class ModelingBenchmark {
    private ModelingBenchmark() {
    }

    public static void main(String[] args) {
        Random r = new Random(1);
        Map<String, TokenPrices> prices = new HashMap<>();
        BuiltInCatalog.get().all().forEach(m -> prices.put(m.id(), m.prices()));
        List<String> ids = new ArrayList<>(prices.keySet());
        List<Workload> workloads = new ArrayList<>();
        List<RoutingMix> mixes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            workloads.add(new Workload("w" + i, BigDecimal.valueOf(100 + r.nextInt(50_000)), BigDecimal.valueOf(1 + r.nextInt(30)),
                    BigDecimal.valueOf(200 + r.nextInt(20_000)), BigDecimal.valueOf(50 + r.nextInt(2_000)),
                    BigDecimal.valueOf(r.nextInt(101), 2), new BigDecimal("1.20"), 30, ids.get(0)));
            mixes.add(new RoutingMix(List.of(
                    new RoutingMix.Share(ids.get(r.nextInt(ids.size())), new BigDecimal("0.6"), "small"),
                    new RoutingMix.Share(ids.get(r.nextInt(ids.size())), new BigDecimal("0.3"), "mid"),
                    new RoutingMix.Share(ids.get(r.nextInt(ids.size())), new BigDecimal("0.1"), "frontier")),
                    new BigDecimal("0.15"), BigDecimal.ZERO));
        }
        double[] recompute = time(() -> {
            // a cache-hit slider step: every workload re-priced at the new hit rate
            BigDecimal h = BigDecimal.valueOf(r.nextInt(101), 2);
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < workloads.size(); i++) {
                total = total.add(RoutingCalculator.price(workloads.get(i).withCacheHitRate(h), mixes.get(i), prices).monthlyCost());
            }
            return total;
        });
        LiveRoutingModel live = new LiveRoutingModel(workloads, mixes, prices);
        double[] liveStep = time(() -> live.totalMonthly(r.nextInt(101) / 100.0));
        SpendDistribution d = new SpendDistribution.Mixture(new SpendDistribution.LogNormal(2.0, 0.8),
                new SpendDistribution.LogNormal(60.0, 0.7), 0.05);
        long[] seed = {0};
        double[] monteCarlo = time(() -> MonteCarlo.run(d, 100_000, seed[0]++));
        report("slider step, 2,000 workloads with 3-tier routing + cascade (live double path)", liveStep);
        report("exact recompute of the same 2,000 workloads (BigDecimal, on release)", recompute);
        report("Monte Carlo, 100,000 samples (light/heavy lognormal mixture)", monteCarlo);
    }

    private static double[] time(java.util.function.Supplier<Object> work) {
        Object sink = null;
        for (int i = 0; i < 20; i++) {
            sink = work.get();
        }
        double[] ms = new double[50];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            sink = work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String what, double[] ms) {
        System.out.printf("%s: median %.2f ms, p95 %.2f ms (%d runs)%n", what, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms.length);
    }
}

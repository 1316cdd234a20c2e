package com.aifinops.workbench.app.bench;

import com.aifinops.workbench.model.price.TokenPrices;
import com.aifinops.workbench.model.routing.RoutingMix;
import com.aifinops.workbench.model.workbook.PriceChange;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Conversation;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.PriceCatalog;
import com.aifinops.workbench.pricing.engine.WorkbookCosts;
import com.aifinops.workbench.pricing.forecast.WorkbookForecast;
import com.aifinops.workbench.pricing.levers.LeverStack;
import com.aifinops.workbench.pricing.sanity.SanityChecks;
import com.aifinops.workbench.views.levers.LeversViewModel;
import com.aifinops.workbench.views.routing.RoutingViewModel;
import com.aifinops.workbench.views.studio.StudioHistory;
import com.aifinops.workbench.views.studio.StudioSession;
import com.aifinops.workbench.views.studio.WorkbookSummaryViewModel;
import com.aifinops.workbench.views.studio.WorkloadStudioViewModel;
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
        Workbook big = bigWorkbook(2000);
        PriceCatalog catalog = BuiltInCatalog.get();
        double[] workbookTotal = time(() -> WorkbookCosts.scenarioTotals(big, catalog));
        double[] sanity = time(() -> SanityChecks.of(big, catalog));
        TokenPrices p0 = prices.get(ids.get(0));
        double[] waterfalls = time(() -> {
            BigDecimal t = BigDecimal.ZERO;
            for (Workload w : big.workloads()) {
                t = t.add(LeverStack.waterfall(w, p0, LeverStack.implied(w).withSemanticCache(new BigDecimal("0.2"), null)).optimised());
            }
            return t;
        });
        double[] forecast = time(() -> WorkbookForecast.of(big, catalog, big.scenarios().get(0), 12, null, null));
        // the studio's own work per cache-slider step on the same workbook, without drawing: editor recompute, write-back
        // into the workbook, undo record, workbook total and warnings, lever waterfall and routing blend of the selection
        WorkloadStudioViewModel editor = new WorkloadStudioViewModel(catalog, big.compareModels(), Runnable::run);
        StudioSession session = new StudioSession(big, editor);
        new StudioHistory(session);
        WorkbookSummaryViewModel summary = new WorkbookSummaryViewModel(session, Runnable::run);
        new LeversViewModel(session);
        new RoutingViewModel(session);
        int[] step = {0};
        double[] studioStep = time(() -> {
            editor.cacheHitPercentProperty().set(step[0]++ % 101);
            return summary.summaryProperty().get();
        });
        report("slider step, 2,000 workloads with 3-tier routing + cascade (live double path)", liveStep);
        report("studio step on a 2,000-workload workbook, engine and view models only (no drawing)", studioStep);
        report("exact recompute of the same 2,000 workloads (BigDecimal, on release)", recompute);
        report("Monte Carlo, 100,000 samples (light/heavy lognormal mixture)", monteCarlo);
        report("workbook of 2,000 workloads (a third of them 8-turn conversations): exact total, as entered + 1 scenario", workbookTotal);
        report("sanity checks over the same workbook", sanity);
        report("lever waterfall (5 exact steps) for each of the 2,000 workloads", waterfalls);
        report("12-month forecast of the 2,000 workloads (no spend spread)", forecast);
    }

    /**
     * A workbook of {@code n} workloads on built-in models: two thirds per user and day, one third 8-turn
     * conversations with a 4-turn window; one growth scenario.
     */
    public static Workbook bigWorkbook(int n) {
        Random r = new Random(7);
        List<String> ids = BuiltInCatalog.get().all().stream().map(m -> m.id()).toList();
        List<Workload> ws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Workload w = new Workload("w" + i, BigDecimal.valueOf(100 + r.nextInt(50_000)), BigDecimal.valueOf(1 + r.nextInt(30)),
                    BigDecimal.valueOf(1024 + r.nextInt(20_000)), BigDecimal.valueOf(50 + r.nextInt(2_000)),
                    BigDecimal.valueOf(r.nextInt(101), 2), new BigDecimal("1.20"), 30, ids.get(r.nextInt(Math.min(ids.size(), 6))));
            if (i % 3 == 2) {
                w = w.withConversation(new Conversation(BigDecimal.valueOf(1000 + r.nextInt(50_000)), 8, BigDecimal.valueOf(1200),
                        BigDecimal.valueOf(80), BigDecimal.valueOf(250), Conversation.HistoryCap.SLIDING_WINDOW, 4, null, null));
            }
            ws.add(w);
        }
        return new Workbook("bench", ws, ids.subList(0, Math.min(2, ids.size())), List.of(),
                List.of(new Scenario("growth", null, new BigDecimal("0.6"), null, new BigDecimal("0.05"),
                        List.of(new PriceChange(7, new BigDecimal("2"), null)))), List.of(), List.of());
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

package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The view model runs without the JavaFX toolkit: recompute is scheduled through an injected executor. */
class WorkloadStudioViewModelTest {
    private final List<Runnable> queued = new ArrayList<>();
    private final WorkloadStudioViewModel vm = new WorkloadStudioViewModel(BuiltInCatalog.get(),
            List.of("gpt-5-mini", "deepseek-v3.2"), queued::add);

    private void runQueued() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void loadingTheRagAgentShowsItsCostOnEveryComparedModel() {
        vm.load(StudioFixtures.ragAgent());
        runQueued();
        StudioResult r = vm.resultProperty().get();
        assertEquals(List.of("gpt-5.5", "gpt-5-mini", "deepseek-v3.2"), r.rows().stream().map(m -> m.model().id()).toList());
        assertEquals("$95,850.00", Usd.format(r.selected().cost().monthlyCost()));
        // GPT-5 Mini: 1500·(0.25·0.5 + 0.025·0.5) + 750·2 = 206.25 + 1500 = 1706.25 µ$; · 3e6 · 1.2 = $6,142.50
        assertEquals("$6,142.50", Usd.format(r.rows().get(1).cost().monthlyCost()));
    }

    @Test
    void manyInputChangesInOnePulseRecomputeOnce() {
        vm.load(StudioFixtures.ragAgent());
        assertEquals(1, queued.size(), "nine property changes, one scheduled recompute");
        vm.cacheHitPercentProperty().set(10);
        vm.cacheHitPercentProperty().set(20);
        vm.overheadProperty().set(2.0);
        assertEquals(1, queued.size());
        runQueued();
        // h 0.2: 1500·(5·0.8 + 0.5·0.2) = 6150; + 22500 = 28650 µ$; · 3e6 · 2.00 = $171,900.00
        assertEquals("$171,900.00", Usd.format(vm.resultProperty().get().selected().cost().monthlyCost()));
    }

    @Test
    void sliderDoublesBecomeExactDecimalsOnce() {
        vm.load(StudioFixtures.ragAgent());
        vm.cacheHitPercentProperty().set(33.333333);
        vm.overheadProperty().set(1.2345);
        assertEquals(new BigDecimal("0.3333"), vm.workload().cacheHitRate());
        assertEquals(new BigDecimal("1.23"), vm.workload().overhead());
    }

    @Test
    void curveEndsMatchTheExactCostAtNoAndFullCacheHit() {
        vm.load(StudioFixtures.ragAgent());
        runQueued();
        StudioResult.ModelCost gpt = vm.resultProperty().get().selected();
        double[] ys = gpt.curveMonthly();
        // h=0: (1500·5 + 750·30) = 30000 µ$ · 3.6e6 = 108,000; h=1: (750 + 22500) µ$ · 3.6e6 = 83,700
        assertArrayEquals(new double[]{108_000, 83_700}, new double[]{ys[0], ys[ys.length - 1]}, 1e-6);
    }
}

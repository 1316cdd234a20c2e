package com.aifinops.workbench.views.home;

import com.aifinops.workbench.model.analysis.Anomaly;
import com.aifinops.workbench.model.analysis.Dashboard;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class HomeViewModelTest {
    @Test
    void refreshPublishesTheDashboardAndTilesLeadToTheSpendScreen() {
        Dashboard d = Dashboard.empty(LocalDate.parse("2026-03-10"));
        List<HomeViewModel.Link> opened = new ArrayList<>();
        HomeViewModel vm = new HomeViewModel(asOf -> d, Runnable::run, Runnable::run, opened::add);
        vm.refresh();
        assertSame(d, vm.dashboardProperty().get());
        vm.open(vm.monthToDate("team=unallocated"));
        assertEquals(List.of(new HomeViewModel.Link("spend", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-10"), "team=unallocated")),
                opened);
        Anomaly a = new Anomaly(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-06"), "agent", "eng-coder",
                Anomaly.Cause.CONTEXT_GROWTH, BigDecimal.TEN, 3, "input ×3", List.of());
        assertEquals(new HomeViewModel.Link("spend", LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-06"), "agent=eng-coder"),
                HomeViewModel.of(a));
    }

    @Test
    void aFailingQueryShowsItsMessage() {
        HomeViewModel vm = new HomeViewModel(asOf -> {
            throw new IllegalStateException("database is locked");
        }, Runnable::run, Runnable::run, l -> { });
        vm.refresh();
        assertEquals("database is locked", vm.errorProperty().get());
        assertEquals(false, vm.loadingProperty().get());
    }

    @Test
    void percentRoundsHalfUpToOneDecimal() {
        // 1/7 = 0.142857… → 14.3 %; 0.00125 → 0.125 % → 0.1 %; unknown → —
        assertEquals("14.3 %", HomeViewModel.percent(BigDecimal.ONE.divide(BigDecimal.valueOf(7), java.math.MathContext.DECIMAL128)));
        assertEquals("0.1 %", HomeViewModel.percent(new BigDecimal("0.00125")));
        assertEquals("—", HomeViewModel.percent(null));
    }
}

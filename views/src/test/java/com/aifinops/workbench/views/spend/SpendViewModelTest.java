package com.aifinops.workbench.views.spend;

import com.aifinops.workbench.model.analysis.Dimension;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpendViewModelTest {
    private static SpendViewModel vm() {
        return new SpendViewModel(SpendFixtures.query(), Runnable::run, Runnable::run);
    }

    @Test
    void opensOnTheLedgersWholeSpanStackedByTeam() {
        SpendViewModel vm = vm();
        vm.refresh();
        assertEquals(SpendFixtures.FIRST, vm.fromProperty().get());
        assertEquals(SpendFixtures.FIRST.plusDays(9), vm.toProperty().get());
        // 10 days · (1 + 2 + … + 9) = $450.00 over 10 · 9 · 10 requests
        assertEquals("$450.00 over 900 requests", vm.totalProperty().get());
        SpendViewModel.ChartData c = vm.chartProperty().get();
        assertEquals(10, c.periods().size());
        // nine teams: the six costliest, then "other" for team-0, team-1, team-2 (1 + 2 + 3 = $6 a day)
        assertEquals(List.of("team-8", "team-7", "team-6", "team-5", "team-4", "team-3", "other"), c.series());
        assertEquals(9.0, c.values()[0][0], 1e-9);
        assertEquals(6.0, c.values()[6][3], 1e-9);
        assertEquals(9, vm.tableProperty().get().rows().size());
    }

    @Test
    void filterPeriodAndStackingNarrowTheResult() {
        SpendViewModel vm = vm();
        vm.fromProperty().set(SpendFixtures.FIRST.plusDays(2));
        vm.toProperty().set(SpendFixtures.FIRST.plusDays(3));
        vm.stackByProperty().set(Dimension.parse("model"));
        vm.grainProperty().set(Dimension.parse("month"));
        vm.filterProperty().set("provider=openai");
        vm.refresh();
        // two days of teams 0, 2, 4, 6, 8: 2 · (1 + 3 + 5 + 7 + 9) = $50.00
        assertEquals("$50.00 over 100 requests", vm.totalProperty().get());
        assertEquals(List.of("gpt-5"), vm.chartProperty().get().series());
        assertEquals(List.of("2026-03"), vm.chartProperty().get().periods());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void aBadFilterIsShownNotThrown() {
        SpendViewModel vm = vm();
        vm.filterProperty().set("colour=blue");
        vm.refresh();
        assertTrue(vm.errorProperty().get().contains("unknown dimension 'colour'"), vm.errorProperty().get());
    }

    @Test
    void onlyTheLatestRequestIsPublished() {
        List<Runnable> queued = new ArrayList<>();
        SpendViewModel vm = new SpendViewModel(SpendFixtures.query(), Runnable::run, queued::add);
        vm.filterProperty().set("team=team-1");
        vm.refresh();
        vm.filterProperty().set("team=team-2");
        vm.refresh();
        queued.forEach(Runnable::run);
        // team-2 alone: 10 days · $3
        assertEquals("$30.00 over 100 requests", vm.totalProperty().get());
    }

    @Test
    void theOtherSegmentDrillsIntoTheSeriesNotDrawn() {
        SpendViewModel vm = vm();
        vm.refresh();
        vm.drillChart(SpendFixtures.FIRST.plusDays(3).toString(), SpendViewModel.OTHER);
        SpendViewModel.Drill d = vm.rowsProperty().get();
        // team-0, team-1, team-2 on 2026-03-04: $1 + $2 + $3 = $6, the segment's own figure
        assertEquals(3, d.rows().matched());
        assertEquals(0, new java.math.BigDecimal("6").compareTo(d.rows().total().cost()));
        assertEquals(0, d.figure().compareTo(d.rows().total().cost()));
        assertEquals(java.util.Set.of("team-0", "team-1", "team-2"),
                d.rows().rows().stream().map(r -> r.allocation().team()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aMonthBarIsClippedToTheShownPeriodAndTheShownFilterStays() {
        SpendViewModel vm = vm();
        vm.fromProperty().set(SpendFixtures.FIRST.plusDays(2));
        vm.toProperty().set(SpendFixtures.FIRST.plusDays(3));
        vm.grainProperty().set(Dimension.parse("month"));
        vm.filterProperty().set("provider=openai");
        vm.refresh();
        vm.filterProperty().set("provider=anthropic"); // typed, not applied: the drill-down keeps what is shown
        vm.drillChart("2026-03", "team-8");
        SpendViewModel.Drill d = vm.rowsProperty().get();
        // team-8 (openai) on 03-03 and 03-04 only: 2 × $9
        assertEquals(2, d.rows().matched());
        assertEquals(0, new java.math.BigDecimal("18").compareTo(d.rows().total().cost()));
        assertEquals("provider=openai · team=team-8 · 2026-03-03 … 2026-03-04", d.rows().filter().describe());
        // a table row: team-6 over the same period and filter
        vm.drillTable(vm.tableProperty().get().rows().stream().filter(r -> r.keys().get(0).equals("team-6")).findFirst().orElseThrow());
        assertEquals(0, new java.math.BigDecimal("14").compareTo(vm.rowsProperty().get().rows().total().cost()), "2 × $7");
    }
}

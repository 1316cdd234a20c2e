package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudioHistoryTest {
    private long now;
    private WorkloadStudioViewModel vm;
    private StudioHistory history;

    @BeforeEach
    void setUp() {
        vm = new WorkloadStudioViewModel(BuiltInCatalog.get(), List.of(), Runnable::run);
        vm.load(StudioFixtures.ragAgent());
        history = new StudioHistory(vm, () -> now);
    }

    private BigDecimal hit() {
        return vm.resultProperty().get().workload().cacheHitRate();
    }

    @Test
    void aSliderDragIsOneUndoStep() {
        for (int pct = 51; pct <= 80; pct++) {
            now += 16_000_000; // one frame apart
            vm.cacheHitPercentProperty().set(pct);
        }
        assertEquals(0, new BigDecimal("0.80").compareTo(hit()));
        history.undo();
        assertEquals(0, new BigDecimal("0.50").compareTo(hit()), "back to where the drag started");
        assertFalse(history.canUndoProperty().get());
        history.redo();
        assertEquals(0, new BigDecimal("0.80").compareTo(hit()));
    }

    @Test
    void changesToDifferentInputsOrAfterAPauseAreSeparateSteps() {
        vm.cacheHitPercentProperty().set(60);
        now += 16_000_000;
        vm.overheadProperty().set(1.5);
        now += 2_000_000_000L;
        vm.overheadProperty().set(2.0);
        history.undo();
        assertEquals(0, new BigDecimal("1.50").compareTo(vm.resultProperty().get().workload().overhead()));
        history.undo();
        assertEquals(0, new BigDecimal("1.20").compareTo(vm.resultProperty().get().workload().overhead()));
        assertEquals(0, new BigDecimal("0.60").compareTo(hit()));
        history.undo();
        assertEquals(0, new BigDecimal("0.50").compareTo(hit()));
    }

    @Test
    void aNewEditAfterUndoClearsRedo() {
        vm.cacheHitPercentProperty().set(70);
        history.undo();
        assertTrue(history.canRedoProperty().get());
        now += 2_000_000_000L;
        vm.usersProperty().set(new BigDecimal("20000"));
        assertFalse(history.canRedoProperty().get());
        // the restored state is undoable too: undo brings back 10,000 users at 50 %
        history.undo();
        assertEquals(0, new BigDecimal("10000").compareTo(vm.resultProperty().get().workload().users()));
    }
}

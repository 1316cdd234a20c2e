package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The TCO view model without a toolkit: a synchronous scheduler, one published result per change. */
class TcoViewModelTest {
    @Test
    void opensAtTheWorkbooksExactVolumeAndFollowsAChangedWorkbook() {
        AtomicReference<Workbook> wb = new AtomicReference<>(DecisionFixtures.sample());
        TcoViewModel vm = new TcoViewModel(wb::get, BuiltInCatalog.get(), Runnable::run);
        assertEquals(97_200_000_000L, vm.resultProperty().get().volume(), "the slider's double lands on the exact volume");
        assertEquals("GPT-5.5 API", vm.apiOptionProperty().get());
        assertEquals("Neocloud 8×H200 (1-yr reserved)", vm.hostedOptionProperty().get());
        // the studio doubles the users: 194.4e9 tokens, and the screen follows on its next refresh
        Workbook doubled = wb.get().withWorkload(0, new com.aifinops.workbench.model.workload.Workload("RAG support agent",
                new BigDecimal("20000"), new BigDecimal("10"), new BigDecimal("1500"), new BigDecimal("750"),
                new BigDecimal("0.50"), new BigDecimal("1.20"), 30, "gpt-5.5"));
        wb.set(doubled);
        vm.refresh();
        assertEquals(194_400_000_000L, vm.resultProperty().get().volume());
        // the crossover volume does not depend on the workbook's volume (same prices, same fleet)
        assertEquals(38_048_450_705L, vm.resultProperty().get().selected().volume());
    }

    @Test
    void aWorkbookWithoutTcoInputsSaysWhatIsMissing() {
        Workbook plain = new Workbook("p", DecisionFixtures.sample().workloads(), java.util.List.of(), java.util.List.of());
        TcoViewModel vm = new TcoViewModel(() -> plain, BuiltInCatalog.get(), Runnable::run);
        assertNull(vm.resultProperty().get());
        assertNotNull(vm.problemProperty().get());
    }
}

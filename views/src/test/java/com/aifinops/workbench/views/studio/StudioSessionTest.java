package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.routing.NamedRoutingMix;
import com.aifinops.workbench.model.routing.RoutingMix;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.aifinops.workbench.pricing.catalog.BuiltInCatalog;
import com.aifinops.workbench.views.levers.LeversViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudioSessionTest {
    private long now;
    private StudioSession session;
    private StudioHistory history;
    private WorkloadStudioViewModel editor;
    private Workbook original;

    @BeforeEach
    void setUp() {
        Workload rag = StudioFixtures.ragAgent();
        Workload batch = new Workload("Batch", new BigDecimal("100"), new BigDecimal("5"), new BigDecimal("2000"),
                new BigDecimal("100"), BigDecimal.ZERO, BigDecimal.ONE, 30, "gpt-5-mini");
        original = new Workbook("t", List.of(rag, batch), List.of("gpt-5-mini"), List.of());
        editor = new WorkloadStudioViewModel(BuiltInCatalog.get(), original.compareModels(), Runnable::run);
        session = new StudioSession(original, editor);
        history = new StudioHistory(session, () -> now);
    }

    private void later() {
        now += 2_000_000_000L;
    }

    @Test
    void loadingAWorkloadIsNotAnEditAndSelectingIsNotAnEdit() {
        assertSame(original, session.workbook(), "0.50 read back from the slider as 0.5000 is the same figure");
        session.select(1);
        assertEquals("Batch", editor.nameProperty().get());
        assertSame(original, session.workbook());
        assertFalse(history.canUndoProperty().get());
    }

    @Test
    void editsGoToTheSelectedWorkloadAndUndoWalksBackAcrossWorkloads() {
        editor.cacheHitPercentProperty().set(80);
        later();
        session.select(1);
        editor.usersProperty().set(new BigDecimal("300"));
        assertEquals(0, new BigDecimal("0.80").compareTo(session.workbook().workloads().get(0).cacheHitRate()));
        assertEquals(0, new BigDecimal("300").compareTo(session.workbook().workloads().get(1).users()));
        history.undo();
        assertEquals(0, new BigDecimal("100").compareTo(session.workbook().workloads().get(1).users()));
        history.undo();
        assertEquals(0, new BigDecimal("0.50").compareTo(session.workbook().workloads().get(0).cacheHitRate()));
        assertEquals(0, session.selected(), "undo reselects the workload the edit was on");
        assertEquals(50, editor.cacheHitPercentProperty().get(), 1e-9);
    }

    @Test
    void addRenameRemoveAreUndoable() {
        session.addWorkload();
        assertEquals(3, session.workbook().workloads().size());
        assertEquals(2, session.selected());
        later();
        session.select(0);
        session.setRoutingMix(new NamedRoutingMix("mix", "RAG support agent", new RoutingMix(List.of(
                new RoutingMix.Share("gpt-5.5", BigDecimal.ONE, "frontier")), null, null)));
        later();
        session.rename("Support agent");
        assertEquals("Support agent", session.workbook().workloads().get(0).name());
        assertEquals("Support agent", session.workbook().routingMixes().get(0).workload(), "the mix follows the rename");
        later();
        session.removeWorkload(0);
        assertEquals(2, session.workbook().workloads().size());
        assertTrue(session.workbook().routingMixes().isEmpty(), "its mix goes with it");
        history.undo();
        assertEquals("Support agent", session.workbook().workloads().get(0).name());
        assertEquals(1, session.workbook().routingMixes().size());
        history.undo();
        history.undo();
        history.undo();
        assertEquals(original.workloads(), session.workbook().workloads());
        assertFalse(history.canUndoProperty().get());
    }

    @Test
    void leverAndScenarioEditsAreUndoSteps() {
        LeversViewModel levers = new LeversViewModel(session);
        for (int p = 1; p <= 30; p++) {
            now += 16_000_000;
            levers.semanticPercentProperty().set(p); // one drag: one step
        }
        assertEquals(0, new BigDecimal("0.30").compareTo(session.workbook().levers().get(0).semanticCacheShare()));
        later();
        session.saveScenario("Mine");
        assertEquals("RAG support agent", session.workbook().scenarios().get(0).workload());
        assertEquals(0, new BigDecimal("0.50").compareTo(session.workbook().scenarios().get(0).cacheHitRate()));
        history.undo();
        assertTrue(session.workbook().scenarios().isEmpty());
        history.undo();
        assertTrue(session.workbook().levers().isEmpty());
        assertEquals(0, levers.semanticPercentProperty().get(), 1e-9, "the controls show the restored levers");
        history.redo();
        assertEquals(30, levers.semanticPercentProperty().get(), 1e-9);
    }
}

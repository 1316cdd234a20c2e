package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.workload.Workload;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Undo and redo for the workload editor. It records the workload after each published result; a run of
 * changes to the same input within {@link #MERGE_WINDOW_NANOS} (a slider drag, typing a number) becomes one
 * step, so undo returns to where the drag or the typing started, not one pixel back.
 */
public final class StudioHistory {
    static final long MERGE_WINDOW_NANOS = 1_000_000_000L;

    private final WorkloadStudioViewModel vm;
    private final LongSupplier clock;
    private final Deque<Workload> undo = new ArrayDeque<>();
    private final Deque<Workload> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private Workload current;
    private String lastField;
    private long lastChange;
    private boolean restoring;

    public StudioHistory(WorkloadStudioViewModel vm) {
        this(vm, System::nanoTime);
    }

    StudioHistory(WorkloadStudioViewModel vm, LongSupplier clock) {
        this.vm = vm;
        this.clock = clock;
        this.current = vm.resultProperty().get() == null ? null : vm.resultProperty().get().workload();
        vm.resultProperty().addListener((o, old, r) -> record(r.workload()));
    }

    private void record(Workload next) {
        if (restoring || next.equals(current)) {
            current = restoring ? next : current;
            return;
        }
        String field = changedField(current, next);
        long now = clock.getAsLong();
        boolean merge = field != null && field.equals(lastField) && now - lastChange < MERGE_WINDOW_NANOS && !undo.isEmpty();
        if (!merge && current != null) {
            undo.push(current);
        }
        redo.clear();
        current = next;
        lastField = field;
        lastChange = now;
        update();
    }

    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(current);
            restore(undo.pop());
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(current);
            restore(redo.pop());
        }
    }

    private void restore(Workload w) {
        restoring = true;
        try {
            vm.load(w);
            vm.recomputeNow();
        } finally {
            restoring = false;
        }
        current = w;
        lastField = null;
        update();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The single input that differs, or {@code null} when several do. */
    private static String changedField(Workload a, Workload b) {
        if (a == null) {
            return null;
        }
        String field = null;
        int changes = 0;
        if (!Objects.equals(a.name(), b.name())) { field = "name"; changes++; }
        if (!Objects.equals(a.users(), b.users())) { field = "users"; changes++; }
        if (!Objects.equals(a.requestsPerUserPerDay(), b.requestsPerUserPerDay())) { field = "requests"; changes++; }
        if (!Objects.equals(a.inputTokens(), b.inputTokens())) { field = "input"; changes++; }
        if (!Objects.equals(a.outputTokens(), b.outputTokens())) { field = "output"; changes++; }
        if (!Objects.equals(a.cacheHitRate(), b.cacheHitRate())) { field = "cache"; changes++; }
        if (!Objects.equals(a.overhead(), b.overhead())) { field = "overhead"; changes++; }
        if (a.daysPerMonth() != b.daysPerMonth()) { field = "days"; changes++; }
        if (!Objects.equals(a.modelId(), b.modelId())) { field = "model"; changes++; }
        return changes == 1 ? field : null;
    }
}

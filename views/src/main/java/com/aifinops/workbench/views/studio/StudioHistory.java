package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Undo and redo for the studio. It records the state after each edit: the whole {@link StudioSession.State}
 * (every workload, lever, routing mix and scenario, and the selection), or for a lone editor the workload. A
 * run of changes to the same input within {@link #MERGE_WINDOW_NANOS} (a slider drag, typing a number) becomes
 * one step, so undo returns to where the drag or the typing started, not one pixel back. Selecting another
 * workload is not an edit.
 */
public final class StudioHistory {
    static final long MERGE_WINDOW_NANOS = 1_000_000_000L;

    private final Consumer<Object> restorer;
    private final LongSupplier clock;
    private final Deque<Object> undo = new ArrayDeque<>();
    private final Deque<Object> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private Object current;
    private String lastField;
    private long lastChange;
    private boolean restoring;

    /** History of a lone workload editor. */
    public StudioHistory(WorkloadStudioViewModel vm) {
        this(vm, System::nanoTime);
    }

    StudioHistory(WorkloadStudioViewModel vm, LongSupplier clock) {
        this.clock = clock;
        this.restorer = w -> {
            vm.load((Workload) w);
            vm.recomputeNow();
        };
        this.current = vm.resultProperty().get() == null ? null : vm.resultProperty().get().workload();
        vm.resultProperty().addListener((o, old, r) -> record(r.workload()));
    }

    /** History of the whole studio: every workload, lever, routing and scenario edit. */
    public StudioHistory(StudioSession session) {
        this(session, System::nanoTime);
    }

    StudioHistory(StudioSession session, LongSupplier clock) {
        this.clock = clock;
        this.restorer = s -> session.restore((StudioSession.State) s);
        ObservableValue<StudioSession.State> state = session.stateProperty();
        this.current = state.getValue();
        state.addListener((o, old, s) -> record(s));
    }

    private void record(Object next) {
        if (restoring) {
            current = next;
            return;
        }
        if (next.equals(current)) {
            return;
        }
        if (current instanceof StudioSession.State a && next instanceof StudioSession.State b
                && a.workbook().equals(b.workbook())) {
            current = next; // only the selection moved
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

    private void restore(Object s) {
        restoring = true;
        try {
            restorer.accept(s);
        } finally {
            restoring = false;
        }
        current = s;
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

    /** What changed, as a merge key: one workload input, one section; {@code null} when several things did. */
    private static String changedField(Object a, Object b) {
        if (a instanceof Workload wa && b instanceof Workload wb) {
            return workloadField(wa, wb);
        }
        if (!(a instanceof StudioSession.State sa) || !(b instanceof StudioSession.State sb)) {
            return null;
        }
        Workbook x = sa.workbook();
        Workbook y = sb.workbook();
        if (x.workloads().size() != y.workloads().size()) {
            return null;
        }
        String field = null;
        int changes = 0;
        for (int i = 0; i < x.workloads().size(); i++) {
            if (!x.workloads().get(i).equals(y.workloads().get(i))) {
                String f = workloadField(x.workloads().get(i), y.workloads().get(i));
                field = "workload " + i + " " + f;
                changes += f == null ? 2 : 1;
            }
        }
        if (!x.levers().equals(y.levers())) { field = "levers"; changes++; }
        if (!x.routingMixes().equals(y.routingMixes())) { field = "routing"; changes++; }
        if (!x.scenarios().equals(y.scenarios())) { field = null; changes += 2; } // saving a scenario is its own step
        return changes == 1 ? field : null;
    }

    private static String workloadField(Workload a, Workload b) {
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
        if (!Objects.equals(a.overhead(), b.overhead()) || !Objects.equals(a.overheadParts(), b.overheadParts())) { field = "overhead"; changes++; }
        if (a.daysPerMonth() != b.daysPerMonth()) { field = "days"; changes++; }
        if (!Objects.equals(a.modelId(), b.modelId())) { field = "model"; changes++; }
        if (a.volume() != b.volume() || !Objects.equals(a.monthlyRequests(), b.monthlyRequests())) { field = "volume"; changes++; }
        if (!Objects.equals(a.conversation(), b.conversation())) { field = "conversation"; changes++; }
        if (!Objects.equals(a.reasoningTokens(), b.reasoningTokens())) { field = "reasoning"; changes++; }
        if (!Objects.equals(a.batchShare(), b.batchShare())) { field = "batch"; changes++; }
        if (!Objects.equals(a.outcome(), b.outcome())) { field = "outcome"; changes++; }
        return changes == 1 ? field : null;
    }
}

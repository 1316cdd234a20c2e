package com.aifinops.workbench.views.studio;

import com.aifinops.workbench.model.levers.Levers;
import com.aifinops.workbench.model.routing.NamedRoutingMix;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The studio's whole workbook: its workloads (one of them selected and loaded into the editor), their levers,
 * routing mixes and scenarios. Every edit publishes a new immutable {@link Workbook}; the editor's results
 * are written back into the selected workload. {@link StudioHistory} records these states for undo.
 */
public final class StudioSession {
    /** What undo restores: the workbook and which workload was selected. */
    public record State(Workbook workbook, int selected) {
    }

    private final WorkloadStudioViewModel editor;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>();
    private boolean loading;

    public StudioSession(Workbook wb, WorkloadStudioViewModel editor) {
        this.editor = editor;
        state.set(new State(wb, 0));
        load(0);
        editor.resultProperty().addListener((o, old, r) -> {
            if (r != null && !loading) {
                writeBack(r.workload());
            }
        });
    }

    public WorkloadStudioViewModel editor() {
        return editor;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public Workbook workbook() {
        return state.get().workbook();
    }

    public int selected() {
        return state.get().selected();
    }

    public Workload selectedWorkload() {
        return workbook().workloads().get(selected());
    }

    public void select(int index) {
        if (index < 0 || index >= workbook().workloads().size() || index == selected()) {
            return;
        }
        state.set(new State(workbook(), index));
        load(index);
    }

    /** Adds a copy of the selected workload under a fresh name and selects it. */
    public void addWorkload() {
        Workload copy = selectedWorkload().withName(freshName("Workload " + (workbook().workloads().size() + 1)));
        List<Workload> ws = new ArrayList<>(workbook().workloads());
        ws.add(copy);
        state.set(new State(workbook().withWorkloads(ws), ws.size() - 1));
        load(ws.size() - 1);
    }

    /** Removes a workload (never the last one) with its levers and routing mixes. */
    public void removeWorkload(int index) {
        List<Workload> ws = new ArrayList<>(workbook().workloads());
        if (ws.size() <= 1 || index < 0 || index >= ws.size()) {
            return;
        }
        String name = ws.remove(index).name();
        Workbook wb = workbook().withWorkloads(ws)
                .withLevers(workbook().levers().stream().filter(l -> !l.workload().equals(name)).toList())
                .withRoutingMixes(workbook().routingMixes().stream().filter(m -> !name.equals(m.workload())).toList());
        int sel = Math.min(selected() >= index && selected() > 0 ? selected() - 1 : selected(), ws.size() - 1);
        state.set(new State(wb, sel));
        load(sel);
    }

    /** Renames the selected workload; its levers, routing mixes and scenarios follow the new name. */
    public void rename(String newName) {
        editor.nameProperty().set(newName); // the editor's result writes it back
        editor.recomputeNow();
    }

    public Levers leversFor(Workload w) {
        return workbook().levers().stream().filter(l -> l.workload().equals(w.name())).findFirst().orElse(null);
    }

    public void setLevers(Levers l) {
        List<Levers> ls = new ArrayList<>(workbook().levers());
        ls.removeIf(x -> x.workload().equals(l.workload()));
        ls.add(l);
        state.set(new State(workbook().withLevers(ls), selected()));
    }

    public Optional<NamedRoutingMix> routingFor(Workload w) {
        return workbook().routingMixes().stream().filter(m -> w.name().equals(m.workload())).findFirst();
    }

    public void setRoutingMix(NamedRoutingMix mix) {
        List<NamedRoutingMix> ms = new ArrayList<>(workbook().routingMixes());
        int at = -1;
        for (int i = 0; i < ms.size(); i++) {
            if (ms.get(i).name().equals(mix.name()) && java.util.Objects.equals(ms.get(i).workload(), mix.workload())) {
                at = i;
            }
        }
        if (at >= 0) {
            ms.set(at, mix);
        } else {
            ms.add(mix);
        }
        state.set(new State(workbook().withRoutingMixes(ms), selected()));
    }

    /** Saves the selected workload's cache hit rate and overhead as a scenario (replacing one of that name). */
    public void saveScenario(String name) {
        Workload w = selectedWorkload();
        List<Scenario> ss = new ArrayList<>(workbook().scenarios());
        ss.removeIf(s -> s.name().equals(name));
        ss.add(new Scenario(name, w.name(), w.cacheHitRate(), w.overhead()));
        state.set(new State(workbook().withScenarios(ss), selected()));
    }

    public void removeScenario(String name) {
        List<Scenario> ss = new ArrayList<>(workbook().scenarios());
        if (ss.removeIf(s -> s.name().equals(name))) {
            state.set(new State(workbook().withScenarios(ss), selected()));
        }
    }

    /** Puts back a recorded state (undo/redo). */
    public void restore(State s) {
        int sel = Math.max(0, Math.min(s.selected(), s.workbook().workloads().size() - 1));
        state.set(new State(s.workbook(), sel));
        load(sel);
    }

    private void writeBack(Workload w) {
        Workload old = selectedWorkload();
        if (sameFigures(old, w)) {
            return; // e.g. 0.50 read back from the slider as 0.5000: not an edit
        }
        Workbook wb = workbook().withWorkload(selected(), w);
        if (!old.name().equals(w.name())) {
            wb = renamed(wb, old.name(), w.name());
        }
        state.set(new State(wb, selected()));
    }

    private static Workbook renamed(Workbook wb, String from, String to) {
        return wb.withLevers(wb.levers().stream().map(l -> l.workload().equals(from) ? l.withWorkload(to) : l).toList())
                .withRoutingMixes(wb.routingMixes().stream().map(m -> from.equals(m.workload())
                        ? new NamedRoutingMix(m.name(), to, m.mix()) : m).toList())
                .withScenarios(wb.scenarios().stream().map(s -> from.equals(s.workload())
                        ? new Scenario(s.name(), to, s.cacheHitRate(), s.overhead(), s.monthlyGrowth(), s.priceChanges()) : s).toList());
    }

    private void load(int index) {
        loading = true;
        try {
            editor.load(workbook().workloads().get(index));
            editor.recomputeNow();
        } finally {
            loading = false;
        }
    }

    private String freshName(String base) {
        String n = base;
        int k = 2;
        while (true) {
            String candidate = n;
            if (workbook().workloads().stream().noneMatch(w -> w.name().equals(candidate))) {
                return n;
            }
            n = base + " (" + k++ + ")";
        }
    }

    /** Equal but for the scale of the two slider values (0.50 vs 0.5000). */
    static boolean sameFigures(Workload a, Workload b) {
        if (a.cacheHitRate().compareTo(b.cacheHitRate()) != 0 || a.overhead().compareTo(b.overhead()) != 0) {
            return false;
        }
        Workload a2 = new Workload(a.name(), a.users(), a.requestsPerUserPerDay(), a.inputTokens(), a.outputTokens(),
                b.cacheHitRate(), b.overhead(), a.daysPerMonth(), a.modelId(), a.volume(), a.monthlyRequests(),
                a.conversation(), a.reasoningTokens(), a.batchShare(), a.overheadParts(), a.outcome(), a.spendSigma());
        return a2.equals(b);
    }

    /** The exact monthly cost contribution of a workload is a pricing concern; this only says whether it has one. */
    static boolean hasOutcome(Workload w) {
        return w.outcome() != null && w.outcome().outcomesPerMonth().compareTo(BigDecimal.ZERO) > 0;
    }
}

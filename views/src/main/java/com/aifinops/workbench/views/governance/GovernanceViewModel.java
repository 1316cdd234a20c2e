package com.aifinops.workbench.views.governance;

import com.aifinops.workbench.model.analysis.Governance;
import com.aifinops.workbench.model.analysis.GovernanceQuery;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import com.aifinops.workbench.views.common.Loading;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * State of the Governance screen: the key inventory as the ledger sees it, the findings, and each environment's
 * approved models with the spend outside them. Queries and writes run on {@code background} and publish through
 * {@code fx}; every edit (an inventory field, an approval) can be undone, latest first.
 */
public final class GovernanceViewModel {
    private final GovernanceQuery query;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final Loading loading;
    private final AtomicLong generation = new AtomicLong();

    private final ReadOnlyObjectWrapper<Governance.Report> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<KeyLine> keys = FXCollections.observableArrayList();
    private final ObservableList<Governance.Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Governance.EnvironmentRow> environments = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final Deque<Edit> undo = new ArrayDeque<>();
    /**
     * Inventory entries as the edits not yet shown by a refresh left them (null value: not in the inventory), so two
     * quick edits of one key build on each other; FX thread only.
     */
    private final Map<String, Governance.KeyEntry> written = new java.util.HashMap<>();
    private int pendingWrites;

    /** An inventory field editable in place. */
    public enum Field {
        OWNER("owner"), TEAM("team"), COST_CENTRE("cost centre"), DECLARED_USE("declared use"), ENVIRONMENT("environment");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One key as the screen lists it: the report's row, the workspaces and projects its spend was seen in, and the
     * kinds of finding about it (no owner, unused, drift, surge).
     */
    public record KeyLine(Governance.KeyRow row, List<String> workspaces, List<String> projects, Set<Governance.Kind> findings) {
        public KeyLine {
            workspaces = List.copyOf(workspaces);
            projects = List.copyOf(projects);
            findings = findings.isEmpty() ? Set.of() : Set.copyOf(findings);
        }

        public String apiKey() {
            return row.apiKey();
        }

        public String value(Field f) {
            return switch (f) {
                case OWNER -> row.owner();
                case TEAM -> row.team();
                case COST_CENTRE -> row.costCentre();
                case DECLARED_USE -> row.declaredUse();
                case ENVIRONMENT -> row.declaredEnvironment();
            };
        }

        /** The inventory entry as it stands, or null when the key is not in the inventory. */
        Governance.KeyEntry entry() {
            return row.inInventory() ? new Governance.KeyEntry(row.apiKey(), row.owner(), row.team(), row.costCentre(), row.declaredUse(),
                    row.declaredEnvironment()) : null;
        }
    }

    private interface Write {
        void run() throws Exception;
    }

    /** An edit's inverse, with what to say when it is undone, and the key entry it writes back (for key edits). */
    private record Edit(String description, Write inverse, String apiKey, Governance.KeyEntry restores) {
    }

    public GovernanceViewModel(GovernanceQuery query, Executor background, Consumer<Runnable> fx) {
        this.query = query;
        this.background = background;
        this.fx = fx;
        this.loading = new Loading(background, fx);
    }

    public ReadOnlyObjectProperty<Governance.Report> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<KeyLine> keys() {
        return keys;
    }

    public ObservableList<Governance.Finding> findings() {
        return findings;
    }

    public ObservableList<Governance.EnvironmentRow> environments() {
        return environments;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The last edit or undo, one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** True while a refresh is running. */
    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return loading.activeProperty();
    }

    /** Reloads the report as of the ledger's last day. */
    public void refresh() {
        long gen = generation.incrementAndGet();
        loading.execute(() -> {
            try {
                Governance.Report r = query.report(null);
                List<KeyLine> lines = lines(r);
                fx.accept(() -> {
                    if (gen != generation.get()) {
                        return;
                    }
                    if (pendingWrites == 0) {
                        written.clear(); // the report has every write
                    }
                    report.set(r);
                    keys.setAll(lines);
                    findings.setAll(r.findings());
                    environments.setAll(r.environments());
                    error.set("");
                });
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    static List<KeyLine> lines(Governance.Report r) {
        Map<String, TreeSet<String>> workspaces = new TreeMap<>(), projects = new TreeMap<>();
        r.workspaces().forEach(w -> w.apiKeys().forEach(k -> workspaces.computeIfAbsent(k, x -> new TreeSet<>()).add(w.name())));
        r.projects().forEach(p -> p.apiKeys().forEach(k -> projects.computeIfAbsent(k, x -> new TreeSet<>()).add(p.name())));
        Map<String, EnumSet<Governance.Kind>> kinds = new TreeMap<>();
        for (Governance.Finding f : r.findings()) {
            if (f.kind() != Governance.Kind.UNAPPROVED_MODEL) {
                kinds.computeIfAbsent(f.subject(), k -> EnumSet.noneOf(Governance.Kind.class)).add(f.kind());
            }
        }
        List<KeyLine> out = new ArrayList<>();
        for (Governance.KeyRow k : r.keys()) {
            out.add(new KeyLine(k, new ArrayList<>(workspaces.getOrDefault(k.apiKey(), new TreeSet<>())),
                    new ArrayList<>(projects.getOrDefault(k.apiKey(), new TreeSet<>())),
                    kinds.getOrDefault(k.apiKey(), EnumSet.noneOf(Governance.Kind.class))));
        }
        return out;
    }

    /**
     * Sets one inventory field of a key (blank clears it), adding the key to the inventory when it is not in it;
     * undo writes back the entry as it was, or drops the key again.
     */
    public void edit(KeyLine line, Field field, String value) {
        String v = value == null || value.isBlank() ? null : value.strip();
        Governance.KeyEntry before = written.containsKey(line.apiKey()) ? written.get(line.apiKey()) : line.entry();
        if (java.util.Objects.equals(v, before == null ? null : value(before, field))) {
            return;
        }
        Governance.KeyEntry base = before != null ? before : new Governance.KeyEntry(line.apiKey(), null, null, null, null, null);
        Governance.KeyEntry after = new Governance.KeyEntry(base.apiKey(),
                field == Field.OWNER ? v : base.owner(), field == Field.TEAM ? v : base.team(),
                field == Field.COST_CENTRE ? v : base.costCentre(), field == Field.DECLARED_USE ? v : base.declaredUse(),
                field == Field.ENVIRONMENT ? v : base.environment());
        String what = field.label() + " of " + line.apiKey();
        String was = before == null ? null : value(before, field);
        written.put(line.apiKey(), after);
        write(() -> query.putKey(after), new Edit(what + " back to " + (was == null ? "none" : was),
                before == null ? () -> query.removeKey(line.apiKey()) : () -> query.putKey(before), line.apiKey(), before),
                what + (v == null ? " cleared" : " set to " + v));
    }

    private static String value(Governance.KeyEntry e, Field f) {
        return switch (f) {
            case OWNER -> e.owner();
            case TEAM -> e.team();
            case COST_CENTRE -> e.costCentre();
            case DECLARED_USE -> e.declaredUse();
            case ENVIRONMENT -> e.environment();
        };
    }

    public void approve(String environment, String model) {
        String env = strip(environment), m = strip(model);
        if (env == null || m == null) {
            error.set("approve: name an environment and a model");
            return;
        }
        if (approved(env).contains(m)) {
            status.set(m + " is already approved for " + env);
            return;
        }
        write(() -> query.approve(env, m), new Edit(m + " off the approved list of " + env + " again", () -> query.unapprove(env, m), null, null),
                m + " approved for " + env);
    }

    public void unapprove(String environment, String model) {
        String env = strip(environment), m = strip(model);
        if (env == null || m == null) {
            error.set("remove: name an environment and a model");
            return;
        }
        if (!approved(env).contains(m)) {
            error.set(m + " is not on the approved list of " + env);
            return;
        }
        write(() -> query.unapprove(env, m), new Edit(m + " approved for " + env + " again", () -> query.approve(env, m), null, null),
                m + " removed from the approved list of " + env);
    }

    private Set<String> approved(String env) {
        return environments.stream().filter(e -> e.environment().equals(env)).findFirst().map(Governance.EnvironmentRow::approved).orElse(Set.of());
    }

    /** Undoes the latest edit not yet undone. */
    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Edit e = undo.pop();
        canUndo.set(!undo.isEmpty());
        if (e.apiKey() != null) {
            written.put(e.apiKey(), e.restores());
        }
        pendingWrites++;
        background.execute(() -> {
            try {
                e.inverse().run();
                fx.accept(() -> {
                    pendingWrites--;
                    status.set("Undone: " + e.description());
                    refresh();
                });
            } catch (Exception ex) {
                fx.accept(() -> pendingWrites--);
                fail(ex);
            }
        });
    }

    private void write(Write w, Edit inverse, String done) {
        pendingWrites++;
        background.execute(() -> {
            try {
                w.run();
                fx.accept(() -> {
                    pendingWrites--;
                    undo.push(inverse);
                    canUndo.set(true);
                    status.set(done);
                    error.set("");
                    refresh();
                });
            } catch (Exception e) {
                fx.accept(() -> pendingWrites--);
                fail(e);
            }
        });
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void fail(Exception e) {
        fx.accept(() -> error.set(e.getMessage() == null ? e.toString() : e.getMessage()));
    }
}

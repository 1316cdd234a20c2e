package com.aifinops.workbench.views.unit;

import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.OutcomeCount;
import com.aifinops.workbench.model.analysis.UnitEconomics;
import com.aifinops.workbench.model.analysis.UnitQuery;
import com.aifinops.workbench.views.common.Loading;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * State of the Unit economics screen: one node and outcome, its months (model spend, harness, outcomes, cost per
 * outcome without and with the harness, change on the month before) and its harness lines. Queries, writes and CSV
 * reads run on {@code background} and publish through {@code fx}; every edit (a count, a harness line, an import)
 * can be undone and redone.
 */
public final class UnitViewModel {
    static final String DEFAULT_OUTCOME = "resolved tickets";

    private final UnitQuery query;
    private final Consumer<Runnable> fx;
    private final Loading loading;
    private final AtomicLong generation = new AtomicLong();

    private final ObservableList<String> nodes = FXCollections.observableArrayList();
    private final ObservableList<String> outcomes = FXCollections.observableArrayList();
    private final StringProperty node = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<UnitQuery.HarnessItem> harness = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UnitQuery.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();

    /**
     * One month of the table.
     *
     * @param recorded the count as entered ({@code null}: none recorded, counted as 0)
     * @param change   the with-harness cost per outcome against the calendar month before, as a fraction
     *                 ({@code null} when either month has no outcomes or the month before is not in the table)
     */
    public record Row(UnitEconomics.Month month, Long recorded, BigDecimal change) {
        public YearMonth yearMonth() {
            return month.month();
        }
    }

    public UnitViewModel(UnitQuery query, Executor background, Consumer<Runnable> fx) {
        this.query = query;
        this.fx = fx;
        this.loading = new Loading(background, fx);
    }

    public ObservableList<String> nodes() {
        return nodes;
    }

    public ObservableList<String> outcomes() {
        return outcomes;
    }

    /** The node as typed or picked ({@code team:support}). */
    public StringProperty nodeProperty() {
        return node;
    }

    public StringProperty outcomeProperty() {
        return outcome;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<UnitQuery.HarnessItem> harness() {
        return harness;
    }

    public ReadOnlyObjectProperty<UnitQuery.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The last edit, undo or import, one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a query, write or import is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return loading.activeProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /**
     * Reloads the nodes and outcome names seen in the ledger; while none is chosen, picks the first node with
     * outcome counts (else the first node) and the first outcome name (or {@value #DEFAULT_OUTCOME}), then loads
     * the months.
     */
    public void refresh() {
        work(() -> {
            List<String> n = query.nodes().stream().map(Node::toString).toList();
            List<String> withCounts = query.nodesWithOutcomes().stream().map(Node::toString).toList();
            List<String> o = query.outcomeNames();
            fx.accept(() -> {
                if (!nodes.equals(n)) {
                    nodes.setAll(n);
                }
                if (!outcomes.equals(o)) {
                    outcomes.setAll(o);
                }
                if (node.get() == null || node.get().isBlank()) {
                    // a node with counts first: cost per outcome is what this screen is for
                    node.set(!withCounts.isEmpty() ? withCounts.get(0) : n.isEmpty() ? "" : n.get(0));
                }
                if (outcome.get() == null || outcome.get().isBlank()) {
                    outcome.set(o.isEmpty() || o.contains(DEFAULT_OUTCOME) ? DEFAULT_OUTCOME : o.get(0));
                }
                load();
            });
        });
    }

    /** Loads the months and harness lines of the chosen node and outcome. */
    public void load() {
        Node n = node();
        String o = outcomeName();
        if (n == null || o == null) {
            return;
        }
        long gen = generation.incrementAndGet();
        work(() -> {
            UnitQuery.Result r = query.load(n, o);
            List<Row> list = rows(r);
            fx.accept(() -> {
                if (gen != generation.get()) {
                    return; // a later choice is loading
                }
                rows.setAll(list);
                harness.setAll(r.harness());
                result.set(r);
                error.set("");
            });
        });
    }

    static List<Row> rows(UnitQuery.Result r) {
        List<Row> out = new ArrayList<>();
        UnitEconomics.Month prev = null;
        for (UnitEconomics.Month m : r.months()) {
            BigDecimal change = null;
            if (prev != null && prev.month().equals(m.month().minusMonths(1)) && prev.costPerOutcomeWithHarness() != null
                    && m.costPerOutcomeWithHarness() != null && prev.costPerOutcomeWithHarness().signum() != 0) {
                change = m.costPerOutcomeWithHarness().subtract(prev.costPerOutcomeWithHarness())
                        .divide(prev.costPerOutcomeWithHarness(), MathContext.DECIMAL128);
            }
            out.add(new Row(m, r.recorded().get(m.month()), change));
            prev = m;
        }
        return out;
    }

    /** The chosen node, or null (with an error) when the text is not {@code DIMENSION:VALUE}. */
    private Node node() {
        String t = node.get();
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return Node.parse(t);
        } catch (IllegalArgumentException e) {
            error.set("node: " + e.getMessage());
            return null;
        }
    }

    private String outcomeName() {
        String t = outcome.get();
        if (t == null || t.isBlank()) {
            error.set("outcome: name what is counted, e.g. " + DEFAULT_OUTCOME);
            return null;
        }
        return t.strip();
    }

    /**
     * Sets a month's count from what was typed in the table: a whole number ≥ 0 (thousands separators allowed);
     * blank removes the count. Anything else is refused with an error naming the month and the value.
     */
    public void setCount(Row row, String text) {
        Node n = node();
        String o = outcomeName();
        if (n == null || o == null) {
            return;
        }
        Long count;
        if (text == null || text.isBlank()) {
            count = null;
        } else {
            try {
                count = OutcomeCount.parseCount(text);
            } catch (IllegalArgumentException e) {
                error.set(row.yearMonth() + " " + o + ": " + e.getMessage() + ", got \"" + text.strip() + "\"");
                return;
            }
        }
        if (Objects.equals(count, row.recorded())) {
            return;
        }
        OutcomeCount after = new OutcomeCount(n, row.yearMonth(), o, count);
        perform(new CountsEdit(List.of(after), n + " " + row.yearMonth() + " " + o + (count == null ? " cleared" : " set to " + count)));
    }

    /** Adds a harness line for the chosen node: month {@code YYYY-MM}, a description, an amount in USD. */
    public void addHarness(String monthText, String description, String usdText) {
        Node n = node();
        if (n == null) {
            return;
        }
        YearMonth m;
        try {
            m = YearMonth.parse(monthText == null ? "" : monthText.strip());
        } catch (RuntimeException e) {
            error.set("harness month: expected YYYY-MM such as 2026-03, got \"" + (monthText == null ? "" : monthText.strip()) + "\"");
            return;
        }
        if (description == null || description.isBlank()) {
            error.set("harness: describe the cost, e.g. vector DB");
            return;
        }
        BigDecimal usd;
        try {
            usd = new BigDecimal(usdText == null ? "" : usdText.strip().replace("$", "").replace(",", ""));
        } catch (NumberFormatException e) {
            error.set("harness amount: expected USD such as 1200 or 1,200.50, got \"" + (usdText == null ? "" : usdText.strip()) + "\"");
            return;
        }
        if (usd.signum() < 0) {
            error.set("harness amount: expected 0 or more, got \"" + usdText.strip() + "\"");
            return;
        }
        perform(new HarnessAdd(new UnitQuery.HarnessItem(0, n, m, description.strip(), usd)));
    }

    public void removeHarness(UnitQuery.HarnessItem item) {
        if (item != null) {
            perform(new HarnessRemove(item));
        }
    }

    /**
     * Imports outcome counts from a CSV ({@code node,month,outcome,count}): all or nothing, the first errors shown
     * by file, line and column. Counts are set, not added, so the same file twice changes nothing. When the
     * screen's node and outcome are not in the file, it switches to the file's first.
     */
    public void importCsv(Path file) {
        work(() -> {
            UnitQuery.OutcomeFile read = query.readOutcomes(file);
            fx.accept(() -> {
                if (!read.errors().isEmpty()) {
                    List<String> errors = read.errors();
                    error.set(errors.stream().limit(5).collect(Collectors.joining("\n"))
                            + (errors.size() > 5 ? "\n… " + (errors.size() - 5) + " more" : "") + "\nNothing imported from " + read.file() + ".");
                    return;
                }
                if (read.counts().isEmpty()) {
                    error.set(read.file() + ": no outcome counts in the file");
                    return;
                }
                String warned = read.warnings().isEmpty() ? ""
                        : " (" + String.join("; ", read.warnings()) + ")";
                boolean covered = read.counts().stream().anyMatch(c -> c.node().toString().equals(node.get()) && c.outcome().equals(outcome.get()));
                if (!covered) {
                    node.set(read.counts().get(0).node().toString());
                    outcome.set(read.counts().get(0).outcome());
                }
                perform(new CountsEdit(read.counts(), read.counts().size() + " counts from " + read.file() + warned));
            });
        });
    }

    public void undo() {
        Edit e = undo.poll();
        if (e == null) {
            return;
        }
        stacksChanged();
        work(() -> {
            e.revert();
            fx.accept(() -> {
                redo.push(e);
                stacksChanged();
                status.set("Undone: " + e.describe());
                afterWrite();
            });
        });
    }

    public void redo() {
        Edit e = redo.poll();
        if (e == null) {
            return;
        }
        stacksChanged();
        work(() -> {
            e.apply();
            fx.accept(() -> {
                undo.push(e);
                stacksChanged();
                status.set("Redone: " + e.describe());
                afterWrite();
            });
        });
    }

    private void perform(Edit e) {
        work(() -> {
            boolean changed = e.apply();
            fx.accept(() -> {
                if (changed) {
                    undo.push(e);
                    redo.clear();
                    stacksChanged();
                    status.set(e.describe());
                } else {
                    status.set(e.describe() + ": nothing changed, the ledger already had these counts");
                }
                error.set("");
                afterWrite();
            });
        });
    }

    /** A write may add an outcome name or a node: the lists are reloaded with the months. */
    private void afterWrite() {
        refresh();
    }

    private void stacksChanged() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Runs on the background thread with the busy flag up; a failure becomes the error line. */
    private void work(Work w) {
        loading.execute(() -> {
            try {
                w.run();
            } catch (Exception e) {
                fx.accept(() -> error.set(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
    }

    /** A write that can be taken back and done again (both on the background thread, in order). */
    private interface Edit {
        /** Does the edit; false when it changed nothing (then it is not kept for undo). */
        boolean apply() throws Exception;

        void revert() throws Exception;

        String describe();
    }

    /** Counts written together (one typed cell or one imported file); undo writes back what each key held. */
    private final class CountsEdit implements Edit {
        private final List<OutcomeCount> after;
        private final String what;
        private List<OutcomeCount> before;

        CountsEdit(List<OutcomeCount> after, String what) {
            this.after = after;
            this.what = what;
        }

        @Override
        public boolean apply() throws Exception {
            before = query.putOutcomes(after);
            for (int i = 0; i < after.size(); i++) {
                if (!Objects.equals(before.get(i).count(), after.get(i).count())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void revert() throws Exception {
            query.putOutcomes(before);
        }

        @Override
        public String describe() {
            return what;
        }
    }

    /** A harness line added; undo removes it, redo adds it again (under a new id). */
    private final class HarnessAdd implements Edit {
        private final UnitQuery.HarnessItem item;
        private long id;

        HarnessAdd(UnitQuery.HarnessItem item) {
            this.item = item;
        }

        @Override
        public boolean apply() throws Exception {
            id = query.addHarness(item.node(), item.month(), item.description(), item.amount());
            return true;
        }

        @Override
        public void revert() throws Exception {
            query.removeHarness(id);
        }

        @Override
        public String describe() {
            return "harness " + item.description() + " " + item.month() + " " + com.aifinops.workbench.model.Usd.format(item.amount()) + " added to " + item.node();
        }
    }

    /** A harness line removed; undo adds it back (under a new id), redo removes that. */
    private final class HarnessRemove implements Edit {
        private final UnitQuery.HarnessItem item;
        private long id;

        HarnessRemove(UnitQuery.HarnessItem item) {
            this.item = item;
            this.id = item.id();
        }

        @Override
        public boolean apply() throws Exception {
            return query.removeHarness(id);
        }

        @Override
        public void revert() throws Exception {
            id = query.addHarness(item.node(), item.month(), item.description(), item.amount());
        }

        @Override
        public String describe() {
            return "harness " + item.description() + " " + item.month() + " removed from " + item.node();
        }
    }
}

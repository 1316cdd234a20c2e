package com.aifinops.workbench.views.budget;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.BudgetQuery;
import com.aifinops.workbench.model.analysis.Budgets;
import com.aifinops.workbench.model.analysis.Node;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * State of the Budgets screen: the month, its budgets with status, the selected one, and edits. Queries and writes
 * run on {@code background} and publish through {@code fx}; every edit can be undone (the previous amount, or no
 * budget, is written back).
 */
public final class BudgetViewModel {
    private final BudgetQuery query;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final AtomicLong generation = new AtomicLong();

    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObservableList<YearMonth> months = FXCollections.observableArrayList();
    private final ObservableList<BudgetQuery.BudgetLine> lines = FXCollections.observableArrayList();
    private final ObjectProperty<BudgetQuery.BudgetLine> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper proposal = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    /** Each edit's inverse: the budget as it was (amount null: there was none). */
    private final Deque<Edit> undo = new ArrayDeque<>();

    private record Edit(Node node, YearMonth month, BigDecimal previous) {
    }

    public BudgetViewModel(BudgetQuery query, Executor background, Consumer<Runnable> fx) {
        this.query = query;
        this.background = background;
        this.fx = fx;
    }

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ObservableList<YearMonth> months() {
        return months;
    }

    public ObservableList<BudgetQuery.BudgetLine> lines() {
        return lines;
    }

    public ObjectProperty<BudgetQuery.BudgetLine> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The last proposal, one line for people. */
    public ReadOnlyStringProperty proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** Reloads the months and the chosen month's budgets (the latest month with data when none is chosen). */
    public void refresh() {
        long gen = generation.incrementAndGet();
        YearMonth m = month.get();
        String keep = selected.get() == null ? null : selected.get().status().budget().node().toString();
        background.execute(() -> {
            try {
                List<YearMonth> all = query.months();
                YearMonth m2 = m != null ? m : all.isEmpty() ? YearMonth.now() : all.get(all.size() - 1);
                List<BudgetQuery.BudgetLine> found = query.budgets(m2);
                fx.accept(() -> {
                    if (gen != generation.get()) {
                        return;
                    }
                    if (!months.equals(all)) {
                        months.setAll(all);
                    }
                    if (!months.contains(m2)) {
                        months.add(m2);
                        FXCollections.sort(months);
                    }
                    month.set(m2);
                    lines.setAll(found);
                    selected.set(found.stream().filter(l -> l.status().budget().node().toString().equals(keep)).findFirst()
                            .orElse(found.isEmpty() ? null : found.get(0)));
                    error.set("");
                });
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    /** Sets {@code node}'s budget for the shown month to {@code amount} (text such as {@code 1200} or {@code $1,200.50}). */
    public void setBudget(String nodeText, String amountText) {
        YearMonth m = month.get();
        Node node;
        BigDecimal amount;
        try {
            node = Node.parse(nodeText);
            amount = parseAmount(amountText);
            new Budget(node, m, amount); // validates: positive
        } catch (RuntimeException e) {
            error.set(e.getMessage());
            return;
        }
        BigDecimal previous = lines.stream().filter(l -> l.status().budget().node().equals(node)).findFirst()
                .map(l -> l.status().budget().amount()).orElse(null);
        background.execute(() -> {
            try {
                query.put(new Budget(node, m, amount));
                fx.accept(() -> {
                    undo.push(new Edit(node, m, previous));
                    canUndo.set(true);
                    refresh();
                });
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    /** Writes back the budget as it was before the latest edit. */
    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Edit e = undo.pop();
        canUndo.set(!undo.isEmpty());
        background.execute(() -> {
            try {
                if (e.previous() == null) {
                    query.remove(e.node(), e.month());
                } else {
                    query.put(new Budget(e.node(), e.month(), e.previous()));
                }
                fx.accept(this::refresh);
            } catch (Exception ex) {
                fail(ex);
            }
        });
    }

    /**
     * Proposes a budget for {@code node} in the shown month; {@code onAmount} gets the midpoint (115 % of the baseline,
     * in cents) to put in the amount field, and {@link #proposalProperty} says how it was made.
     */
    public void propose(String nodeText, Consumer<String> onAmount) {
        YearMonth m = month.get();
        Node node;
        try {
            node = Node.parse(nodeText);
        } catch (RuntimeException e) {
            error.set(e.getMessage());
            return;
        }
        background.execute(() -> {
            try {
                Budgets.Proposal p = query.propose(node, m);
                fx.accept(() -> {
                    if (p == null) {
                        proposal.set("No spend for " + node + " in the " + Budgets.BASELINE_MONTHS + " months before " + m + " to propose from");
                        return;
                    }
                    BigDecimal mid = Usd.cents(p.low().add(p.high()).divide(BigDecimal.valueOf(2), 34, RoundingMode.HALF_UP));
                    proposal.set(node + ": " + Usd.format(p.low()) + " – " + Usd.format(p.high()) + " (110–120 % of the "
                            + p.months() + "-month mean " + Usd.format(p.baseline()) + ")");
                    onAmount.accept(mid.toPlainString());
                });
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    static BigDecimal parseAmount(String text) {
        String t = text == null ? "" : text.strip().replace("$", "").replace(",", "");
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("budget: expected an amount in USD such as 1200 or 1,200.50, got '" + text + "'");
        }
    }

    private void fail(Exception e) {
        fx.accept(() -> error.set(e.getMessage() == null ? e.toString() : e.getMessage()));
    }
}

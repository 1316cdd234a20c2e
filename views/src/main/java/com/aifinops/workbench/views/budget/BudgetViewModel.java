package com.aifinops.workbench.views.budget;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.BudgetPeriod;
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
import com.aifinops.workbench.views.common.Loading;
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
    private final Loading loading;
    private final AtomicLong generation = new AtomicLong();

    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObservableList<YearMonth> months = FXCollections.observableArrayList();
    private final ObservableList<BudgetQuery.BudgetLine> lines = FXCollections.observableArrayList();
    private final ObjectProperty<BudgetQuery.BudgetLine> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper proposal = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    /** Each edit's inverse: the budget written and the one it replaced (null: there was none). */
    private final Deque<Edit> undo = new ArrayDeque<>();

    private record Edit(Budget written, Budget previous) {
    }

    /** A line's identity across refreshes: node and period. */
    private static String key(Budget b) {
        return b.node() + " " + b.period();
    }

    public BudgetViewModel(BudgetQuery query, Executor background, Consumer<Runnable> fx) {
        this.query = query;
        this.background = background;
        this.fx = fx;
        this.loading = new Loading(background, fx);
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

    /** True while a refresh is running. */
    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return loading.activeProperty();
    }

    /** Reloads the months and the chosen month's budgets (the latest month with data when none is chosen). */
    public void refresh() {
        long gen = generation.incrementAndGet();
        YearMonth m = month.get();
        String keep = selected.get() == null ? null : key(selected.get().status().budget());
        loading.execute(() -> {
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
                    selected.set(found.stream().filter(l -> key(l.status().budget()).equals(keep)).findFirst()
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
        setBudget(nodeText, amountText, "month", "", "");
    }

    /**
     * Sets a budget from the editor: {@code period} "month" (the shown month) or "rolling" over {@code daysText}
     * days, with alert thresholds {@code thresholdsText} such as {@code 50,80,100} (blank: 80,100).
     */
    public void setBudget(String nodeText, String amountText, String period, String daysText, String thresholdsText) {
        Budget b;
        try {
            Node node = Node.parse(nodeText);
            BigDecimal amount = parseAmount(amountText);
            List<BigDecimal> thresholds = thresholdsText == null || thresholdsText.isBlank() ? Budgets.DEFAULT_THRESHOLDS
                    : Budgets.parsePercents(thresholdsText);
            b = new Budget(node, period(period, daysText), amount, thresholds); // validates: positive, rising thresholds
        } catch (RuntimeException e) {
            error.set(e.getMessage());
            return;
        }
        write(b);
    }

    /** A table edit of a line's amount: period and thresholds stay. */
    public void setAmount(BudgetQuery.BudgetLine line, String amountText) {
        Budget b;
        try {
            b = line.status().budget().withAmount(parseAmount(amountText));
        } catch (RuntimeException e) {
            error.set(e.getMessage());
            return;
        }
        write(b);
    }

    private BudgetPeriod period(String period, String daysText) {
        if ("rolling".equals(period)) {
            try {
                return new BudgetPeriod.Rolling(Integer.parseInt(daysText == null ? "" : daysText.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rolling budget: expected a number of days such as 30, got '" + daysText + "'");
            }
        }
        return new BudgetPeriod.Month(month.get());
    }

    private void write(Budget b) {
        Budget previous = lines.stream().map(l -> l.status().budget()).filter(x -> key(x).equals(key(b))).findFirst().orElse(null);
        background.execute(() -> {
            try {
                query.put(b);
                fx.accept(() -> {
                    undo.push(new Edit(b, previous));
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
                    query.remove(e.written());
                } else {
                    query.put(e.previous());
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
        propose(nodeText, "month", "", onAmount);
    }

    /** Proposes a monthly budget, or a rolling one over {@code daysText} days (from its last three windows). */
    public void propose(String nodeText, String period, String daysText, Consumer<String> onAmount) {
        YearMonth m = month.get();
        Node node;
        BudgetPeriod p0;
        try {
            node = Node.parse(nodeText);
            p0 = period(period, daysText);
        } catch (RuntimeException e) {
            error.set(e.getMessage());
            return;
        }
        background.execute(() -> {
            try {
                Budgets.Proposal p = p0 instanceof BudgetPeriod.Rolling r ? query.proposeRolling(node, r.days(), m) : query.propose(node, m);
                fx.accept(() -> {
                    if (p == null) {
                        proposal.set(p0 instanceof BudgetPeriod.Rolling r
                                ? "No spend for " + node + " in the " + Budgets.BASELINE_MONTHS + " windows of " + r.days() + " days to propose from"
                                : "No spend for " + node + " in the " + Budgets.BASELINE_MONTHS + " months before " + m + " to propose from");
                        return;
                    }
                    BigDecimal mid = Usd.cents(p.low().add(p.high()).divide(BigDecimal.valueOf(2), 34, RoundingMode.HALF_UP));
                    String base = p0 instanceof BudgetPeriod.Rolling r ? "mean of " + p.months() + " " + r.days() + "-day window" + (p.months() == 1 ? "" : "s")
                            : p.months() + "-month mean";
                    proposal.set(node + ": " + Usd.format(p.low()) + " – " + Usd.format(p.high()) + " (110–120 % of the "
                            + base + " " + Usd.format(p.baseline()) + ")");
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

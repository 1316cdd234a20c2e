package com.aifinops.workbench.views.allocation;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.analysis.AllocationBreakdown;
import com.aifinops.workbench.model.analysis.AllocationQuery;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.CentRounding;
import com.aifinops.workbench.model.analysis.CoveragePreview;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.SharedCostSplit;
import javafx.beans.property.ObjectProperty;
import com.aifinops.workbench.views.common.Loading;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * State of the Allocation screen: the month, its breakdown on the allocation path with the rules applied, the
 * drill path, the rules, the unallocated keys and workspaces, and the month's shared costs with their parts.
 * Queries and writes run on {@code background} and publish through {@code fx}; rule edits and added shared costs can
 * be undone and redone.
 */
public final class AllocationViewModel {
    private final AllocationQuery query;
    private final Consumer<Runnable> fx;
    private final Loading loading;
    private final AtomicLong generation = new AtomicLong();

    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObservableList<YearMonth> months = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AllocationBreakdown> breakdown = new ReadOnlyObjectWrapper<>();
    /** The drill path from the root (the root itself first). */
    private final ObservableList<AllocationBreakdown.TreeNode> path = FXCollections.observableArrayList();
    private final ObservableList<RuleLine> rules = FXCollections.observableArrayList();
    private final ObservableList<AllocationBreakdown.Source> sources = FXCollections.observableArrayList();
    private final ObservableList<SharedLine> shared = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BigDecimal> sharedTotal = new ReadOnlyObjectWrapper<>(BigDecimal.ZERO);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final Deque<Edit> undo = new ArrayDeque<>(), redo = new ArrayDeque<>();
    /** Each node's amount in cents, rounded level by level so that children add up to their parent's printed figure. */
    private Map<AllocationBreakdown.TreeNode, BigDecimal> printed = new IdentityHashMap<>();
    /** Team → palette index, largest team first, stable while the month is shown. */
    private final Map<String, Integer> teamColours = new LinkedHashMap<>();

    /** A rule and the month's spend it matches that the rows leave without a team or project. */
    public record RuleLine(AllocationRules.Rule rule, BigDecimal matched) {
    }

    /** One part of a shared cost: the cost, its method, the node, the weight behind the part, and the part in cents. */
    public record SharedLine(long costId, String cost, String method, String node, String weight, BigDecimal part, boolean first) {
    }

    private interface Write {
        void run() throws Exception;
    }

    /** An edit: what it did, how to do it again and how to take it back. */
    private record Edit(String description, Write forward, Write inverse) {
    }

    public AllocationViewModel(AllocationQuery query, Executor background, Consumer<Runnable> fx) {
        this.query = query;
        this.fx = fx;
        this.loading = new Loading(background, fx);
    }

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ObservableList<YearMonth> months() {
        return months;
    }

    public ReadOnlyObjectProperty<AllocationBreakdown> breakdownProperty() {
        return breakdown.getReadOnlyProperty();
    }

    public ObservableList<AllocationBreakdown.TreeNode> path() {
        return path;
    }

    public ObservableList<RuleLine> rules() {
        return rules;
    }

    public ObservableList<AllocationBreakdown.Source> unallocatedSources() {
        return sources;
    }

    public ObservableList<SharedLine> shared() {
        return shared;
    }

    public ReadOnlyObjectProperty<BigDecimal> sharedTotalProperty() {
        return sharedTotal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return loading.activeProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Reloads months, the chosen month (the ledger's latest when none is chosen), rules and shared costs. */
    public void refresh() {
        long gen = generation.incrementAndGet();
        YearMonth wanted = month.get();
        List<String> at = path.stream().skip(1).map(AllocationBreakdown.TreeNode::name).toList();
        loading.execute(() -> {
            try {
                List<YearMonth> all = query.months();
                YearMonth m = wanted != null ? wanted : all.isEmpty() ? null : all.get(all.size() - 1);
                AllocationRules r = query.rules();
                AllocationBreakdown b = AllocationBreakdown.of(m == null ? List.of() : query.cells(m), r);
                List<AllocationQuery.SharedCost> costs = m == null ? List.of() : query.sharedCosts(m);
                fx.accept(() -> {
                    if (gen != generation.get()) {
                        return;
                    }
                    if (!months.equals(all)) {
                        months.setAll(all);
                    }
                    if (m != null && !months.contains(m)) {
                        months.add(m);
                        FXCollections.sort(months);
                    }
                    boolean newMonth = !Objects.equals(m, month.get()) || breakdown.get() == null;
                    month.set(m);
                    show(b, costs, newMonth ? List.of() : at);
                    error.set("");
                });
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    private void show(AllocationBreakdown b, List<AllocationQuery.SharedCost> costs, List<String> at) {
        printed = new IdentityHashMap<>();
        round(b.root(), Usd.cents(b.total()));
        teamColours.clear();
        Map<String, BigDecimal> teams = new LinkedHashMap<>();
        b.root().children().forEach(org -> org.children().forEach(t -> teams.merge(t.name(), t.cost(), BigDecimal::add)));
        teams.entrySet().stream().filter(e -> !e.getKey().equals(Dimension.UNALLOCATED))
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).forEach(e -> teamColours.put(e.getKey(), teamColours.size()));
        breakdown.set(b);
        List<AllocationBreakdown.TreeNode> p = new ArrayList<>(List.of(b.root()));
        for (String name : at) {
            AllocationBreakdown.TreeNode next = p.get(p.size() - 1).children().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (next == null) {
                break;
            }
            p.add(next);
        }
        path.setAll(p);
        List<RuleLine> lines = new ArrayList<>();
        for (AllocationRules.Rule r : b.rules().rules()) {
            lines.add(new RuleLine(r, matched(b, r)));
        }
        rules.setAll(lines);
        sources.setAll(b.unallocatedSources());
        List<SharedLine> parts = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (AllocationQuery.SharedCost c : costs) {
            parts.addAll(sharedLines(b, c));
            total = total.add(c.amount());
        }
        shared.setAll(parts);
        sharedTotal.set(total);
    }

    /** The cost's parts, in cents that add up to its amount in cents. */
    static List<SharedLine> sharedLines(AllocationBreakdown b, AllocationQuery.SharedCost c) {
        Map<String, BigDecimal> split = b.split(c);
        List<BigDecimal> cents = CentRounding.round(new ArrayList<>(split.values()), c.amount());
        List<SharedLine> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, BigDecimal> e : split.entrySet()) {
            String weight = switch (c.method()) {
                case PROPORTIONAL -> e.getKey().equals(Dimension.UNALLOCATED) ? "" : "spend " + Usd.format(b.spendOf(Node.parse(e.getKey())));
                case EVEN -> "1/" + c.nodes().size();
                case FIXED -> {
                    BigDecimal pct = null;
                    for (Map.Entry<Node, BigDecimal> n : c.nodes().entrySet()) {
                        if (n.getKey().toString().equals(e.getKey())) {
                            pct = n.getValue();
                        }
                    }
                    yield pct == null ? "rest" : pct.stripTrailingZeros().toPlainString() + " %";
                }
            };
            out.add(new SharedLine(c.id(), c.name() + " (" + Usd.format(c.amount()) + ")", c.method().name().toLowerCase(Locale.ROOT),
                    e.getKey(), weight, cents.get(i), i == 0));
            i++;
        }
        return out;
    }

    private void round(AllocationBreakdown.TreeNode n, BigDecimal cents) {
        printed.put(n, cents);
        if (n.children().isEmpty()) {
            return;
        }
        List<BigDecimal> parts = CentRounding.roundTo(n.children().stream().map(AllocationBreakdown.TreeNode::cost).toList(), cents);
        for (int i = 0; i < parts.size(); i++) {
            round(n.children().get(i), parts.get(i));
        }
    }

    /** A node's amount as printed: in cents, so that siblings add up to their parent and the root to the month. */
    public BigDecimal printed(AllocationBreakdown.TreeNode n) {
        BigDecimal p = printed.get(n);
        return p == null ? Usd.cents(n.cost()) : p;
    }

    /** The palette index of a team (largest first), or -1 for unallocated and unknown teams. */
    public int colourOf(String team) {
        return team == null ? -1 : teamColours.getOrDefault(team, -1);
    }

    /** The teams of the month and of the rules, for the editor's suggestions. */
    public List<String> teams() {
        TreeSet<String> t = new TreeSet<>(teamColours.keySet());
        rules.forEach(r -> {
            if (r.rule().team() != null) {
                t.add(r.rule().team());
            }
        });
        return List.copyOf(t);
    }

    /** Nodes a shared cost can split over: the month's orgs, teams, projects and agents as {@code team:support}. */
    public List<String> nodeSuggestions() {
        TreeSet<String> out = new TreeSet<>();
        AllocationBreakdown b = breakdown.get();
        if (b != null) {
            collect(b.root(), out);
        }
        return List.copyOf(out);
    }

    private static void collect(AllocationBreakdown.TreeNode n, TreeSet<String> out) {
        for (AllocationBreakdown.TreeNode c : n.children()) {
            if (!c.unallocated()) {
                out.add(c.tier().label() + ":" + c.name());
            }
            collect(c, out);
        }
    }

    private static BigDecimal matched(AllocationBreakdown b, AllocationRules.Rule r) {
        BigDecimal sum = BigDecimal.ZERO;
        for (AllocationBreakdown.Cell c : b.cells()) {
            String v = r.field() == AllocationRules.Field.API_KEY ? c.raw().apiKey() : c.raw().workspace();
            if (r.value().equals(v) && (blank(c.raw().team()) || blank(c.raw().project()))) {
                sum = sum.add(c.cost());
            }
        }
        return sum;
    }

    // ---- drilling ----

    /** Drills into a child of the node shown (or any node below it on the path). */
    public void drill(AllocationBreakdown.TreeNode n) {
        AllocationBreakdown.TreeNode at = path.get(path.size() - 1);
        if (at.children().contains(n) && !n.children().isEmpty()) {
            path.add(n);
        }
    }

    /** Back up to the path's {@code depth}-th node (0: the whole month). */
    public void up(int depth) {
        if (depth >= 0 && depth < path.size() - 1) {
            path.remove(depth + 1, path.size());
        }
    }

    // ---- rules ----

    /**
     * The rule the editor's fields describe; throws with a message to show inline when they do not make one.
     */
    public static AllocationRules.Rule rule(AllocationRules.Field field, String value, String team, String project) {
        if (field == null) {
            throw new IllegalArgumentException("choose what the rule matches: api_key or workspace");
        }
        if (blank(value)) {
            throw new IllegalArgumentException("name the " + field.label() + " the rule matches");
        }
        if (blank(team) && blank(project)) {
            throw new IllegalArgumentException("a rule must give a team or a project");
        }
        return new AllocationRules.Rule(field, value.strip(), blank(team) ? null : team.strip(), blank(project) ? null : project.strip());
    }

    /** What saving {@code candidate} (in place of {@code replacing}, or null) would do to the shown month. */
    public CoveragePreview preview(AllocationRules.Rule candidate, AllocationRules.Rule replacing) {
        AllocationBreakdown b = breakdown.get();
        return b == null ? null : CoveragePreview.of(b.cells(), b.rules(), candidate, replacing);
    }

    /** Saves a rule, replacing {@code replacing} (the rule being edited, or null) and any rule on the same field and value. */
    public void saveRule(AllocationRules.Rule rule, AllocationRules.Rule replacing) {
        AllocationRules current = breakdown.get() == null ? AllocationRules.NONE : breakdown.get().rules();
        AllocationRules.Rule previous = current.rules().stream()
                .filter(r -> r.field() == rule.field() && r.value().equals(rule.value())).findFirst().orElse(null);
        if (rule.equals(previous)) {
            status.set("rule " + text(rule) + " is already saved");
            return;
        }
        AllocationRules.Rule dropped = replacing != null && !(replacing.field() == rule.field() && replacing.value().equals(rule.value()))
                ? replacing : null;
        write(new Edit("rule " + text(rule) + (previous != null || dropped != null ? " (replacing " + text(previous != null ? previous : dropped) + ")" : ""),
                () -> {
                    if (dropped != null) {
                        query.removeRule(dropped.field(), dropped.value());
                    }
                    query.putRule(rule);
                },
                () -> {
                    query.removeRule(rule.field(), rule.value());
                    if (previous != null) {
                        query.putRule(previous);
                    }
                    if (dropped != null) {
                        query.putRule(dropped);
                    }
                }), "Saved ");
    }

    public void removeRule(AllocationRules.Rule rule) {
        write(new Edit("removal of rule " + text(rule), () -> query.removeRule(rule.field(), rule.value()), () -> query.putRule(rule)), "");
    }

    static String text(AllocationRules.Rule r) {
        return r.field().label() + "=" + r.value() + " → " + (r.team() == null ? "—" : r.team()) + " / " + (r.project() == null ? "—" : r.project());
    }

    // ---- shared costs ----

    /** A shared cost as the dialog gives it. */
    public record SharedEntry(String name, BigDecimal amount, SharedCostSplit.Method method, Map<Node, BigDecimal> nodes) {
    }

    /**
     * Parses the dialog's fields; throws with a message naming the field when they do not make a shared cost.
     *
     * @param nodes node text ({@code team:support}) → percentage text (used for FIXED only); blank rows skipped
     */
    public static SharedEntry sharedEntry(String name, String amountText, SharedCostSplit.Method method, List<Map.Entry<String, String>> nodes) {
        if (blank(name)) {
            throw new IllegalArgumentException("name: give the shared cost a name (e.g. LLM gateway)");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(amountText.strip().replace("$", "").replace(",", ""));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("amount: expected a dollar amount such as 1200.00, got '" + (amountText == null ? "" : amountText.strip()) + "'");
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount: must be more than $0.00");
        }
        if (method == null) {
            throw new IllegalArgumentException("method: choose proportional, even or fixed");
        }
        Map<Node, BigDecimal> out = new LinkedHashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        int row = 0;
        for (Map.Entry<String, String> e : nodes) {
            row++;
            if (blank(e.getKey()) && blank(e.getValue())) {
                continue;
            }
            Node n;
            try {
                n = Node.parse(e.getKey() == null ? "" : e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("node " + row + ": " + ex.getMessage());
            }
            if (n.dimension().kind() == Dimension.Kind.TAG) {
                throw new IllegalArgumentException("node " + row + ": shared costs split over the allocation path, not tags");
            }
            if (out.containsKey(n)) {
                throw new IllegalArgumentException("node " + row + ": " + n + " is listed twice");
            }
            BigDecimal pct = null;
            if (method == SharedCostSplit.Method.FIXED) {
                try {
                    pct = new BigDecimal(e.getValue().strip().replace("%", "").strip());
                } catch (RuntimeException ex) {
                    throw new IllegalArgumentException("node " + row + " (" + n + "): a fixed split needs a percentage, got '"
                            + (e.getValue() == null ? "" : e.getValue().strip()) + "'");
                }
                if (pct.signum() < 0) {
                    throw new IllegalArgumentException("node " + row + " (" + n + "): a percentage cannot be negative");
                }
                sum = sum.add(pct);
            }
            out.put(n, pct);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("nodes: name at least one node to split over (e.g. team:support)");
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("percentages: fixed percentages sum to " + sum.stripTrailingZeros().toPlainString()
                    + " %, more than 100 %");
        }
        return new SharedEntry(name.strip(), amount, method, out);
    }

    /** The parts {@code e} would have in the shown month, as the Shared costs table would list them. */
    public List<SharedLine> previewShared(SharedEntry e) {
        AllocationBreakdown b = breakdown.get();
        return b == null ? List.of() : sharedLines(b, new AllocationQuery.SharedCost(0, e.name(), month.get(), e.amount(), e.method(), e.nodes()));
    }

    public void addShared(SharedEntry e) {
        YearMonth m = month.get();
        long[] id = {-1};
        write(new Edit("shared cost " + e.name() + " " + Usd.format(e.amount()) + " in " + m,
                () -> id[0] = query.addSharedCost(e.name(), m, e.amount(), e.method(), e.nodes()),
                () -> query.removeSharedCost(id[0])), "Added ");
    }

    // ---- undo ----

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Edit e = undo.pop();
        run(e.inverse(), () -> {
            redo.push(e);
            status.set("Undone: " + e.description());
        });
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Edit e = redo.pop();
        run(e.forward(), () -> {
            undo.push(e);
            status.set("Redone: " + e.description());
        });
    }

    private void write(Edit e, String verb) {
        run(e.forward(), () -> {
            undo.push(e);
            redo.clear();
            status.set(verb.isEmpty() ? "Done: " + e.description() : verb + e.description());
        });
    }

    private void run(Write w, Runnable then) {
        canUndo.set(false);
        canRedo.set(false);
        loading.execute(() -> {
            try {
                w.run();
                fx.accept(() -> {
                    then.run();
                    error.set("");
                    stacks();
                    refresh();
                });
            } catch (Exception ex) {
                fx.accept(this::stacks);
                fail(ex);
            }
        });
    }

    private void stacks() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void fail(Exception e) {
        fx.accept(() -> error.set(e.getMessage() == null ? e.toString() : e.getMessage()));
    }
}

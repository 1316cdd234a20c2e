package com.aifinops.workbench.model.analysis;

import com.aifinops.workbench.model.usage.Allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A month's spend on the allocation path (org → team → project → agent) with the rules applied: the tree, how much
 * of each node came there by a rule, and the API keys and workspaces whose spend no rule gives a team. Built from
 * {@link Cell}s (the ledger's month grouped by its raw allocation), so a candidate rule can be tried in memory.
 */
public final class AllocationBreakdown {
    /** The tiers of the tree, top down. */
    public static final List<Dimension.Kind> TIERS = List.of(Dimension.Kind.ORG, Dimension.Kind.TEAM, Dimension.Kind.PROJECT, Dimension.Kind.AGENT);

    /** Spend of one group of rows as stored (rules not applied): its allocation, model, provider and cost. */
    public record Cell(Allocation raw, String model, String provider, BigDecimal cost) {
        public Cell {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(cost, "cost");
        }
    }

    /**
     * A node of the tree: its tier, value ({@link Dimension#UNALLOCATED} when missing), spend, the part of it that
     * a rule or the key inventory attributed, and its children (largest first). {@code team} is the team the node
     * sits under (null above the team tier), for colouring.
     */
    public record TreeNode(Dimension.Kind tier, String name, String team, BigDecimal cost, BigDecimal viaRules, List<TreeNode> children) {
        public boolean unallocated() {
            return Dimension.UNALLOCATED.equals(name);
        }
    }

    /** An API key or workspace whose spend ends up without a team, with that spend. */
    public record Source(AllocationRules.Field field, String value, BigDecimal cost) {
    }

    private final List<Cell> cells;
    private final AllocationRules rules;
    private final TreeNode root;
    private final BigDecimal unallocated;
    private final List<Source> sources;

    private AllocationBreakdown(List<Cell> cells, AllocationRules rules) {
        this.cells = List.copyOf(cells);
        this.rules = rules;
        Builder top = new Builder(null, "All", null);
        BigDecimal un = BigDecimal.ZERO;
        Map<AllocationRules.Field, Map<String, BigDecimal>> bySource = new LinkedHashMap<>();
        for (Cell c : this.cells) {
            Allocation a = rules.apply(c.raw());
            boolean viaRule = !Objects.equals(blank(a.team()), blank(c.raw().team())) || !Objects.equals(blank(a.project()), blank(c.raw().project()));
            String team = value(a.team());
            Builder b = top;
            b.add(c.cost(), viaRule);
            for (Dimension.Kind tier : TIERS) {
                String v = value(switch (tier) {
                    case ORG -> a.org();
                    case TEAM -> a.team();
                    case PROJECT -> a.project();
                    default -> a.agent();
                });
                b = b.child(tier, v, tier == Dimension.Kind.ORG ? null : team);
                b.add(c.cost(), viaRule);
            }
            if (Dimension.UNALLOCATED.equals(team)) {
                un = un.add(c.cost());
                // a rule on either would give it a team: list both, the analyst picks
                if (present(c.raw().apiKey())) {
                    bySource.computeIfAbsent(AllocationRules.Field.API_KEY, k -> new HashMap<>()).merge(c.raw().apiKey(), c.cost(), BigDecimal::add);
                }
                if (present(c.raw().workspace())) {
                    bySource.computeIfAbsent(AllocationRules.Field.WORKSPACE, k -> new HashMap<>()).merge(c.raw().workspace(), c.cost(), BigDecimal::add);
                }
            }
        }
        this.root = top.build();
        this.unallocated = un;
        List<Source> s = new ArrayList<>();
        bySource.forEach((f, m) -> m.forEach((v, cost) -> s.add(new Source(f, v, cost))));
        s.sort(Comparator.comparing(Source::cost).reversed().thenComparing(x -> x.field().ordinal()).thenComparing(Source::value));
        this.sources = List.copyOf(s);
    }

    public static AllocationBreakdown of(List<Cell> cells, AllocationRules rules) {
        return new AllocationBreakdown(cells, rules);
    }

    public List<Cell> cells() {
        return cells;
    }

    public AllocationRules rules() {
        return rules;
    }

    /** The whole month: the children are the orgs. */
    public TreeNode root() {
        return root;
    }

    public BigDecimal total() {
        return root.cost();
    }

    /** The spend no rule, row or inventory entry gives a team. */
    public BigDecimal unallocated() {
        return unallocated;
    }

    /** API keys and workspaces of the unallocated spend, largest first (a cell with both counts under each). */
    public List<Source> unallocatedSources() {
        return sources;
    }

    /** The month's spend of a node (any allocation dimension, model or provider; not tags), the rules applied. */
    public BigDecimal spendOf(Node node) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Cell c : cells) {
            if (node.value().equals(valueOf(node.dimension().kind(), rules.apply(c.raw()), c))) {
                sum = sum.add(c.cost());
            }
        }
        return sum;
    }

    /**
     * A shared cost's parts this month: weights are each node's spend (proportional) or percentage (fixed); the parts
     * add up to the amount exactly (see {@link SharedCostSplit}), keyed by node text ({@code team:support}).
     */
    public Map<String, BigDecimal> split(AllocationQuery.SharedCost cost) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        cost.nodes().forEach((n, pct) -> weights.put(n.toString(), switch (cost.method()) {
            case PROPORTIONAL -> spendOf(n);
            case FIXED -> pct == null ? BigDecimal.ZERO : pct;
            case EVEN -> BigDecimal.ONE;
        }));
        return SharedCostSplit.split(cost.amount(), cost.method(), weights);
    }

    static String valueOf(Dimension.Kind kind, Allocation a, Cell c) {
        return value(switch (kind) {
            case ORG -> a.org();
            case TEAM -> a.team();
            case PROJECT -> a.project();
            case AGENT -> a.agent();
            case USER -> a.user();
            case API_KEY -> a.apiKey();
            case WORKSPACE -> a.workspace();
            case ENVIRONMENT -> a.environment();
            case FEATURE -> a.feature();
            case CUSTOMER -> a.customer();
            case MODEL -> c.model();
            case PROVIDER -> c.provider();
            case DAY, MONTH, TAG -> throw new IllegalArgumentException("not a node a month's cells can answer: " + kind.label());
        });
    }

    static String value(String v) {
        return present(v) ? v : Dimension.UNALLOCATED;
    }

    private static String blank(String v) {
        return present(v) ? v : null;
    }

    private static boolean present(String v) {
        return v != null && !v.isEmpty();
    }

    /** A node under construction: children by value in first-seen order. */
    private static final class Builder {
        final Dimension.Kind tier;
        final String name, team;
        BigDecimal cost = BigDecimal.ZERO, viaRules = BigDecimal.ZERO;
        final Map<String, Builder> children = new LinkedHashMap<>();

        Builder(Dimension.Kind tier, String name, String team) {
            this.tier = tier;
            this.name = name;
            this.team = team;
        }

        void add(BigDecimal c, boolean viaRule) {
            cost = cost.add(c);
            if (viaRule) {
                viaRules = viaRules.add(c);
            }
        }

        Builder child(Dimension.Kind t, String v, String team) {
            return children.computeIfAbsent(v, k -> new Builder(t, k, team));
        }

        TreeNode build() {
            List<TreeNode> kids = new ArrayList<>();
            children.values().forEach(b -> kids.add(b.build()));
            // largest first; unallocated last among equals so it never hides a named node
            kids.sort(Comparator.comparing(TreeNode::cost).reversed().thenComparing(TreeNode::unallocated).thenComparing(TreeNode::name));
            return new TreeNode(tier, name, team, cost, viaRules, List.copyOf(kids));
        }
    }
}

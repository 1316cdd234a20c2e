package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.catalog.CatalogService;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.SharedCostSplit;
import com.aifinops.workbench.model.analysis.Showback;
import com.aifinops.workbench.model.analysis.ShowbackBuilder;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.pricing.engine.ShowbackPricing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Showback statements over the H2 ledger. One query per part: the two months' rows of the team (or of every team)
 * grouped in SQL to day × provider × model × project with the allocation rules joined in, the month's ledger total,
 * the shared costs (and, for proportional splits, the spend of their nodes), the outcome counts and the harness
 * costs; {@link ShowbackBuilder} does the rest. The ledger is never loaded whole.
 */
public final class H2Showback {
    private final Database db;
    private final Connection c;

    public H2Showback(Database db) {
        this.db = db;
        this.c = db.connection();
    }

    /** The teams (after the rules) with spend in {@code month} or the month before, sorted. */
    public List<String> teams(YearMonth month) throws SQLException {
        String team = LedgerSql.expr(Dimension.of(Dimension.Kind.TEAM));
        TreeSet<String> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + team + LedgerSql.FROM
                + " WHERE u.usage_day >= ? AND u.usage_day <= ?")) {
            ps.setDate(1, Date.valueOf(month.minusMonths(1).atDay(1)));
            ps.setDate(2, Date.valueOf(month.atEndOfMonth()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The statement of one team; "(unallocated)" is the usage without a team, like "unallocated". */
    public Showback statement(String team, YearMonth month) throws Exception {
        String t = team.strip().equalsIgnoreCase("(" + Dimension.UNALLOCATED + ")") ? Dimension.UNALLOCATED : team.strip();
        return build(List.of(t), month, rows(month, t)).get(0);
    }

    /** One statement per team with spend in the month or the month before, in team order. */
    public List<Showback> statements(YearMonth month) throws Exception {
        List<DailyRollup> rows = rows(month, null);
        TreeSet<String> teams = new TreeSet<>();
        rows.forEach(r -> teams.add(r.allocation().team()));
        return build(List.copyOf(teams), month, rows);
    }

    private List<Showback> build(List<String> teams, YearMonth month, List<DailyRollup> rows) throws Exception {
        ShowbackPricing pricer = new ShowbackPricing(new CatalogService(db).catalog());
        BigDecimal ledger = ledgerCost(month);
        Map<String, List<Showback.SharedPart>> shared = sharedParts(month);
        List<ShowbackBuilder.Outcome> outcomes = outcomes(month);
        List<Showback> out = new ArrayList<>();
        for (String team : teams) {
            // the rows carry the team and project the rules gave them: no rules to apply again
            ShowbackBuilder b = new ShowbackBuilder(team, month, AllocationRules.NONE, pricer).rows(rows).ledgerCost(ledger);
            shared.getOrDefault(new Node(Dimension.of(Dimension.Kind.TEAM), team).toString(), List.of())
                    .forEach(p -> b.shared(p.name(), p.amount(), p.method(), p.part()));
            outcomes.forEach(o -> b.outcome(o.node(), o.outcome(), o.count(), o.harness()));
            out.add(b.build());
        }
        return out;
    }

    /**
     * The rows of {@code month} and the month before, of {@code team} (null: every team), grouped to day × provider ×
     * model × team × project. Rows that state a billed cost are grouped apart from those that do not, so each
     * group's best known cost stays billed-or-priced as it was row by row.
     */
    List<DailyRollup> rows(YearMonth month, String team) throws SQLException {
        String t = LedgerSql.expr(Dimension.of(Dimension.Kind.TEAM));
        String p = LedgerSql.expr(Dimension.of(Dimension.Kind.PROJECT));
        String sql = "SELECT " + t + " AS t, " + p + " AS p, u.usage_day, u.provider, u.model_raw, u.model_id,"
                + " CASE WHEN u.billed_cost IS NULL THEN 0 ELSE 1 END AS b, SUM(u.requests), SUM(u.uncached_input), SUM(u.cache_read),"
                + " SUM(u.cache_write_5m), SUM(u.cache_write_1h), SUM(u.output_tokens), SUM(u.reasoning_tokens), SUM(u.priced_cost),"
                + " SUM(u.billed_cost)" + LedgerSql.FROM + " WHERE u.usage_day >= ? AND u.usage_day <= ?"
                + (team == null ? "" : " AND " + t + " = ?")
                + " GROUP BY t, p, u.usage_day, u.provider, u.model_raw, u.model_id, b";
        List<DailyRollup> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(month.minusMonths(1).atDay(1)));
            ps.setDate(2, Date.valueOf(month.atEndOfMonth()));
            if (team != null) {
                ps.setString(3, team);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Allocation a = new Allocation(null, rs.getString(1), rs.getString(2), null, null, null, null, null, null, null, Map.of());
                    out.add(new DailyRollup(rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5), rs.getString(6), a,
                            rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14),
                            LedgerSql.amount(rs.getBigDecimal(15)), LedgerSql.amount(rs.getBigDecimal(16))));
                }
            }
        }
        return out;
    }

    /** The whole ledger's spend of the month, as the reports count it. */
    BigDecimal ledgerCost(YearMonth month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SUM(" + LedgerSql.COST + ") FROM usage_daily u"
                + " WHERE u.usage_day >= ? AND u.usage_day <= ?")) {
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            ps.setDate(2, Date.valueOf(month.atEndOfMonth()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                BigDecimal v = LedgerSql.amount(rs.getBigDecimal(1));
                return v == null ? BigDecimal.ZERO : v;
            }
        }
    }

    /**
     * The parts of the month's shared costs, by node ("team:search" → parts), split as {@code shared show} splits
     * them: proportional to each node's spend that month, evenly, or by the fixed percentages.
     */
    public Map<String, List<Showback.SharedPart>> sharedParts(YearMonth month) throws SQLException {
        H2SpendQuery q = new H2SpendQuery(db);
        Map<Dimension, Map<String, TreeMap<YearMonth, BigDecimal>>> spend = new HashMap<>();
        Map<String, List<Showback.SharedPart>> out = new LinkedHashMap<>();
        for (H2SpendSettings.SharedCost sc : new H2SpendSettings(db).sharedCosts(month)) {
            Map<String, BigDecimal> weights = new LinkedHashMap<>();
            for (Map.Entry<Node, BigDecimal> e : sc.nodes().entrySet()) {
                BigDecimal w = e.getValue();
                if (sc.method() == SharedCostSplit.Method.PROPORTIONAL) {
                    Dimension d = e.getKey().dimension();
                    if (!spend.containsKey(d)) {
                        spend.put(d, q.monthlyCost(d, month, month));
                    }
                    w = spend.get(d).getOrDefault(e.getKey().value(), new TreeMap<>()).getOrDefault(month, BigDecimal.ZERO);
                }
                weights.put(e.getKey().toString(), w == null ? BigDecimal.ZERO : w);
            }
            String method = sc.method().name().toLowerCase(Locale.ROOT);
            SharedCostSplit.split(sc.amount(), sc.method(), weights).forEach((node, part) ->
                    out.computeIfAbsent(node, k -> new ArrayList<>()).add(new Showback.SharedPart(sc.name(), sc.amount(), method, part)));
        }
        return out;
    }

    /** Every outcome count of the month, with the harness costs entered for its node that month. */
    List<ShowbackBuilder.Outcome> outcomes(YearMonth month) throws SQLException {
        Map<String, BigDecimal> harness = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT node, SUM(amount) FROM harness_cost WHERE cost_month = ? GROUP BY node")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    harness.put(rs.getString(1), LedgerSql.amount(rs.getBigDecimal(2)));
                }
            }
        }
        List<ShowbackBuilder.Outcome> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT node, outcome, outcome_count FROM outcome_count WHERE outcome_month = ?"
                + " ORDER BY node, outcome")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Node node;
                    try {
                        node = Node.parse(rs.getString(1));
                    } catch (IllegalArgumentException e) {
                        continue; // written by hand into the table: not a node a statement can match
                    }
                    out.add(new ShowbackBuilder.Outcome(node, rs.getString(2), rs.getLong(3), harness.get(rs.getString(1))));
                }
            }
        }
        return out;
    }
}

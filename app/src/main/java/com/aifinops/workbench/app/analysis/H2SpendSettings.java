package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.SharedCostSplit;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The smaller V4 tables: shared costs and their splits, outcome counts, harness costs, the API-key inventory and
 * the models approved per environment.
 */
public final class H2SpendSettings {
    private final Connection c;

    public H2SpendSettings(Database db) {
        this.c = db.connection();
    }

    /** A shared cost and how to split it: nodes with a weight (a percentage for FIXED, ignored otherwise). */
    public record SharedCost(long id, String name, YearMonth month, BigDecimal amount, SharedCostSplit.Method method,
                             Map<Node, BigDecimal> nodes) {
    }

    /** An entry of the key inventory. */
    public record ApiKeyEntry(String apiKey, String owner, String team, String costCentre, String declaredUse, String environment) {
    }

    public long addSharedCost(String name, YearMonth month, BigDecimal amount, SharedCostSplit.Method method, Map<Node, BigDecimal> nodes)
            throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO shared_cost (name, cost_month, amount, method) VALUES (?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement share = c.prepareStatement("INSERT INTO shared_cost_share (cost_id, node, percent) VALUES (?,?,?)")) {
            ps.setString(1, name);
            ps.setString(2, month.toString());
            ps.setBigDecimal(3, amount);
            ps.setString(4, method.name());
            ps.executeUpdate();
            long id;
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                id = k.getLong(1);
            }
            for (Map.Entry<Node, BigDecimal> e : nodes.entrySet()) {
                share.setLong(1, id);
                share.setString(2, e.getKey().toString());
                share.setBigDecimal(3, e.getValue());
                share.executeUpdate();
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Drops a shared cost and its shares (cascade); false when there was none. */
    public boolean removeSharedCost(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM shared_cost WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    public List<SharedCost> sharedCosts(YearMonth month) throws SQLException {
        Map<Long, Map<Node, BigDecimal>> shares = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.cost_id, s.node, s.percent FROM shared_cost_share s"
                + " JOIN shared_cost c ON c.id = s.cost_id WHERE c.cost_month = ? ORDER BY s.cost_id, s.node")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    shares.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(Node.parse(rs.getString(2)), LedgerSql.amount(rs.getBigDecimal(3)));
                }
            }
        }
        List<SharedCost> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, amount, method FROM shared_cost WHERE cost_month = ? ORDER BY id")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SharedCost(rs.getLong(1), rs.getString(2), month, LedgerSql.amount(rs.getBigDecimal(3)),
                            SharedCostSplit.Method.valueOf(rs.getString(4)), shares.getOrDefault(rs.getLong(1), Map.of())));
                }
            }
        }
        return out;
    }

    public void putOutcomes(Node node, YearMonth month, String outcome, long count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO outcome_count (node, outcome_month, outcome, outcome_count)"
                + " KEY (node, outcome_month, outcome) VALUES (?,?,?,?)")) {
            ps.setString(1, node.toString());
            ps.setString(2, month.toString());
            ps.setString(3, outcome);
            ps.setLong(4, count);
            ps.executeUpdate();
        }
    }

    /** Outcome counts of one node and outcome, by month. */
    public Map<YearMonth, Long> outcomes(Node node, String outcome) throws SQLException {
        Map<YearMonth, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT outcome_month, outcome_count FROM outcome_count WHERE node = ? AND outcome = ?")) {
            ps.setString(1, node.toString());
            ps.setString(2, outcome);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(YearMonth.parse(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return out;
    }

    public void addHarnessCost(Node node, YearMonth month, String description, BigDecimal amount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO harness_cost (node, cost_month, description, amount) VALUES (?,?,?,?)")) {
            ps.setString(1, node.toString());
            ps.setString(2, month.toString());
            ps.setString(3, description);
            ps.setBigDecimal(4, amount);
            ps.executeUpdate();
        }
    }

    /** Harness costs of one node, summed by month. */
    public Map<YearMonth, BigDecimal> harnessCosts(Node node) throws SQLException {
        Map<YearMonth, BigDecimal> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cost_month, SUM(amount) FROM harness_cost WHERE node = ? GROUP BY cost_month")) {
            ps.setString(1, node.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(YearMonth.parse(rs.getString(1)), LedgerSql.amount(rs.getBigDecimal(2)));
                }
            }
        }
        return out;
    }

    public void putApiKey(ApiKeyEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO api_key_inventory (api_key, owner, team, cost_centre, declared_use, environment)"
                + " KEY (api_key) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, e.apiKey());
            ps.setString(2, e.owner());
            ps.setString(3, e.team());
            ps.setString(4, e.costCentre());
            ps.setString(5, e.declaredUse());
            ps.setString(6, e.environment());
            ps.executeUpdate();
        }
    }

    public List<ApiKeyEntry> apiKeys() throws SQLException {
        List<ApiKeyEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT api_key, owner, team, cost_centre, declared_use, environment FROM api_key_inventory ORDER BY api_key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ApiKeyEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
        return out;
    }

    public void approveModel(String environment, String model) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO approved_model (environment, model) KEY (environment, model) VALUES (?,?)")) {
            ps.setString(1, environment);
            ps.setString(2, model);
            ps.executeUpdate();
        }
    }

    /** Approved models by environment. */
    public Map<String, Set<String>> approvedModels() throws SQLException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT environment, model FROM approved_model"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        return out;
    }
}

package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.importers.unit.OutcomeCsvReader;
import com.aifinops.workbench.importers.unit.OutcomeRead;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.OutcomeCount;
import com.aifinops.workbench.model.analysis.UnitEconomics;
import com.aifinops.workbench.model.analysis.UnitQuery;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cost per outcome over the H2 ledger: model spend per month from the monthly summary (allocation rules applied,
 * as {@code report} counts it), outcome counts and harness lines from their V4 tables.
 */
public final class H2UnitEconomics implements UnitQuery {
    /** The allocation path: the nodes outcomes are counted for. */
    private static final List<Dimension.Kind> PATH = List.of(Dimension.Kind.ORG, Dimension.Kind.TEAM, Dimension.Kind.PROJECT, Dimension.Kind.AGENT);
    private final Database db;
    private final Connection c;

    public H2UnitEconomics(Database db) {
        this.db = db;
        this.c = db.connection();
    }

    @Override
    public List<Node> nodesWithOutcomes() throws SQLException {
        List<Node> out = new ArrayList<>();
        for (String text : strings("SELECT DISTINCT node FROM outcome_count WHERE outcome_count > 0 ORDER BY node")) {
            try {
                out.add(Node.parse(text));
            } catch (IllegalArgumentException e) {
                // a node written by hand that no longer parses: not offered
            }
        }
        return out;
    }

    @Override
    public List<Node> nodes() throws SQLException {
        TreeSet<Node> out = new TreeSet<>(Comparator.comparing((Node n) -> n.dimension().kind()).thenComparing(Node::value));
        H2SpendQuery q = new H2SpendQuery(db);
        LocalDate[] span = q.span();
        if (span != null) {
            for (Dimension.Kind k : PATH) {
                for (String v : q.monthlyCost(Dimension.of(k), YearMonth.from(span[0]), YearMonth.from(span[1])).keySet()) {
                    if (v != null && !v.equals(Dimension.UNALLOCATED)) {
                        out.add(new Node(Dimension.of(k), v));
                    }
                }
            }
        }
        for (String text : strings("SELECT DISTINCT node FROM outcome_count UNION SELECT DISTINCT node FROM harness_cost")) {
            try {
                Node n = Node.parse(text);
                if (PATH.contains(n.dimension().kind())) {
                    out.add(n);
                }
            } catch (IllegalArgumentException e) {
                // a node written by hand that no longer parses: not offered
            }
        }
        return new ArrayList<>(out);
    }

    @Override
    public OutcomeFile readOutcomes(Path file) throws IOException {
        OutcomeRead r = OutcomeCsvReader.read(file);
        return new OutcomeFile(r.file(), r.counts(), r.errors().stream().map(OutcomeRead::describe).toList(),
                r.warnings().stream().map(OutcomeRead::describe).toList());
    }

    @Override
    public List<String> outcomeNames() throws SQLException {
        return strings("SELECT DISTINCT outcome FROM outcome_count ORDER BY outcome");
    }

    @Override
    public Result load(Node node, String outcome) throws SQLException {
        H2SpendSettings s = new H2SpendSettings(db);
        Map<YearMonth, Long> recorded = s.outcomes(node, outcome);
        Map<YearMonth, BigDecimal> harness = s.harnessCosts(node);
        H2SpendQuery q = new H2SpendQuery(db);
        LocalDate[] span = q.span();
        Map<YearMonth, BigDecimal> spend = span == null ? Map.of()
                : q.monthlyCost(node.dimension(), YearMonth.from(span[0]), YearMonth.from(span[1])).getOrDefault(node.value(), new TreeMap<>());
        return new Result(node, outcome, UnitEconomics.byMonth(spend, harness, recorded), recorded, harnessItems(node));
    }

    /** The harness lines of one node, by month then entry order. */
    public List<HarnessItem> harnessItems(Node node) throws SQLException {
        List<HarnessItem> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, cost_month, description, amount FROM harness_cost WHERE node = ?"
                + " ORDER BY cost_month, id")) {
            ps.setString(1, node.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HarnessItem(rs.getLong(1), node, YearMonth.parse(rs.getString(2)), rs.getString(3), LedgerSql.amount(rs.getBigDecimal(4))));
                }
            }
        }
        return out;
    }

    @Override
    public List<OutcomeCount> putOutcomes(List<OutcomeCount> counts) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement get = c.prepareStatement("SELECT outcome_count FROM outcome_count WHERE node = ? AND outcome_month = ? AND outcome = ?");
             PreparedStatement put = c.prepareStatement("MERGE INTO outcome_count (node, outcome_month, outcome, outcome_count)"
                     + " KEY (node, outcome_month, outcome) VALUES (?,?,?,?)");
             PreparedStatement del = c.prepareStatement("DELETE FROM outcome_count WHERE node = ? AND outcome_month = ? AND outcome = ?")) {
            List<OutcomeCount> before = new ArrayList<>();
            for (OutcomeCount oc : counts) {
                key(get, oc);
                try (ResultSet rs = get.executeQuery()) {
                    before.add(oc.withCount(rs.next() ? rs.getLong(1) : null));
                }
                if (oc.count() == null) {
                    key(del, oc);
                    del.executeUpdate();
                } else {
                    key(put, oc);
                    put.setLong(4, oc.count());
                    put.executeUpdate();
                }
            }
            c.commit();
            return before;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void key(PreparedStatement ps, OutcomeCount oc) throws SQLException {
        ps.setString(1, oc.node().toString());
        ps.setString(2, oc.month().toString());
        ps.setString(3, oc.outcome());
    }

    @Override
    public long addHarness(Node node, YearMonth month, String description, BigDecimal amount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO harness_cost (node, cost_month, description, amount) VALUES (?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, node.toString());
            ps.setString(2, month.toString());
            ps.setString(3, description);
            ps.setBigDecimal(4, amount);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    @Override
    public boolean removeHarness(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM harness_cost WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

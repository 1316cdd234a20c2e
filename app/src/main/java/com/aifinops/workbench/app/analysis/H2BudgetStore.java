package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.BudgetPeriod;
import com.aifinops.workbench.model.analysis.Budgets;
import com.aifinops.workbench.model.analysis.Node;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Budgets per node in H2 ({@code budget}, V4; periods and thresholds V6). A monthly budget is keyed by node and
 * month, a rolling one by node and window length ({@code budget_month} 'rolling'); setting one again replaces its
 * amount and thresholds.
 */
public final class H2BudgetStore {
    static final String ROLLING = "rolling";
    private final Connection c;

    public H2BudgetStore(Database db) {
        this.c = db.connection();
    }

    public void put(Budget b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO budget (node, budget_month, period_days, period_kind, amount, thresholds)"
                + " KEY (node, budget_month, period_days) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, b.node().toString());
            ps.setString(2, b.isRolling() ? ROLLING : b.month().toString());
            ps.setInt(3, b.rollingDays());
            ps.setString(4, b.isRolling() ? "rolling" : "month");
            ps.setBigDecimal(5, b.amount());
            ps.setString(6, Budgets.percents(b.thresholds()));
            ps.executeUpdate();
        }
    }

    public boolean remove(Node node, YearMonth month) throws SQLException {
        return remove(node, month.toString(), 0);
    }

    /** Removes a node's rolling budget of {@code days} days. */
    public boolean removeRolling(Node node, int days) throws SQLException {
        return remove(node, ROLLING, days);
    }

    /** Removes the budget of {@code b}'s node and period. */
    public boolean remove(Budget b) throws SQLException {
        return b.isRolling() ? removeRolling(b.node(), b.rollingDays()) : remove(b.node(), b.month());
    }

    private boolean remove(Node node, String month, int days) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM budget WHERE node = ? AND budget_month = ? AND period_days = ?")) {
            ps.setString(1, node.toString());
            ps.setString(2, month);
            ps.setInt(3, days);
            return ps.executeUpdate() > 0;
        }
    }

    /** The monthly budgets of one month, by node. */
    public List<Budget> forMonth(YearMonth month) throws SQLException {
        List<Budget> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT node, amount, thresholds FROM budget WHERE period_kind = 'month' AND budget_month = ? ORDER BY node")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Budget(Node.parse(rs.getString(1)), new BudgetPeriod.Month(month), LedgerSql.amount(rs.getBigDecimal(2)),
                            Budgets.parsePercents(rs.getString(3))));
                }
            }
        }
        return out;
    }

    /** Every rolling budget, by node and window length. */
    public List<Budget> rolling() throws SQLException {
        List<Budget> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT node, period_days, amount, thresholds FROM budget WHERE period_kind = 'rolling' ORDER BY node, period_days");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Budget(Node.parse(rs.getString(1)), new BudgetPeriod.Rolling(rs.getInt(2)), LedgerSql.amount(rs.getBigDecimal(3)),
                        Budgets.parsePercents(rs.getString(4))));
            }
        }
        return out;
    }

    /** The months that have a monthly budget, in order. */
    public List<YearMonth> months() throws SQLException {
        List<YearMonth> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT budget_month FROM budget WHERE period_kind = 'month' ORDER BY budget_month");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(YearMonth.parse(rs.getString(1)));
            }
        }
        return out;
    }

    /** The latest month that has a monthly budget, or null. */
    public YearMonth latestMonth() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(budget_month) FROM budget WHERE period_kind = 'month'"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1) == null ? null : YearMonth.parse(rs.getString(1));
        }
    }
}

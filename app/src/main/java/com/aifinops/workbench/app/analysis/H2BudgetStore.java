package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Budget;
import com.aifinops.workbench.model.analysis.Node;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Monthly budgets per node in H2 ({@code budget}, V4). Setting a node's month again replaces the amount. */
public final class H2BudgetStore {
    private final Connection c;

    public H2BudgetStore(Database db) {
        this.c = db.connection();
    }

    public void put(Budget b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO budget (node, budget_month, amount) KEY (node, budget_month) VALUES (?,?,?)")) {
            ps.setString(1, b.node().toString());
            ps.setString(2, b.month().toString());
            ps.setBigDecimal(3, b.amount());
            ps.executeUpdate();
        }
    }

    public boolean remove(Node node, YearMonth month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM budget WHERE node = ? AND budget_month = ?")) {
            ps.setString(1, node.toString());
            ps.setString(2, month.toString());
            return ps.executeUpdate() > 0;
        }
    }

    /** The budgets of one month, by node. */
    public List<Budget> forMonth(YearMonth month) throws SQLException {
        List<Budget> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT node, amount FROM budget WHERE budget_month = ? ORDER BY node")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Budget(Node.parse(rs.getString(1)), month, LedgerSql.amount(rs.getBigDecimal(2))));
                }
            }
        }
        return out;
    }

    /** The latest month that has a budget, or null. */
    public YearMonth latestMonth() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(budget_month) FROM budget"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1) == null ? null : YearMonth.parse(rs.getString(1));
        }
    }
}

package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.AllocationBreakdown;
import com.aifinops.workbench.model.analysis.AllocationQuery;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Node;
import com.aifinops.workbench.model.analysis.SharedCostSplit;
import com.aifinops.workbench.model.usage.Allocation;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Allocation screen's queries over the H2 ledger: a month of the monthly summary grouped by its raw allocation
 * (tags left out: shared costs and rules do not use them), the rule store and the shared costs.
 */
public final class H2Allocation implements AllocationQuery {
    private static final String DIMS = "u.org_name, u.team, u.project, u.agent, u.user_id, u.api_key, u.workspace, u.environment,"
            + " u.feature, u.customer, COALESCE(NULLIF(COALESCE(u.model_id, u.model_raw), ''), 'unallocated'), u.provider";
    private final Database db;
    private final Connection c;

    public H2Allocation(Database db) {
        this.db = db;
        this.c = db.connection();
    }

    @Override
    public List<YearMonth> months() throws SQLException {
        List<YearMonth> out = new ArrayList<>();
        LocalDate[] span = new H2SpendQuery(db).span();
        if (span != null) {
            for (YearMonth m = YearMonth.from(span[0]); !m.isAfter(YearMonth.from(span[1])); m = m.plusMonths(1)) {
                out.add(m);
            }
        }
        return out;
    }

    @Override
    public List<AllocationBreakdown.Cell> cells(YearMonth month) throws SQLException {
        SpendSummary.ensureFresh(c);
        List<AllocationBreakdown.Cell> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DIMS + ", SUM(u.cost) FROM usage_monthly u WHERE u.usage_month = ?"
                + " GROUP BY " + DIMS)) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Allocation a = new Allocation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), Map.of());
                    out.add(new AllocationBreakdown.Cell(a, rs.getString(11), rs.getString(12), LedgerSql.amount(rs.getBigDecimal(13))));
                }
            }
        }
        return out;
    }

    @Override
    public AllocationRules rules() throws SQLException {
        return new H2AllocationRuleStore(db).rules();
    }

    @Override
    public void putRule(AllocationRules.Rule rule) throws SQLException {
        new H2AllocationRuleStore(db).put(rule);
    }

    @Override
    public boolean removeRule(AllocationRules.Field field, String value) throws SQLException {
        return new H2AllocationRuleStore(db).remove(field, value);
    }

    @Override
    public List<SharedCost> sharedCosts(YearMonth month) throws SQLException {
        List<SharedCost> out = new ArrayList<>();
        for (H2SpendSettings.SharedCost s : new H2SpendSettings(db).sharedCosts(month)) {
            out.add(new SharedCost(s.id(), s.name(), s.month(), s.amount(), s.method(), s.nodes()));
        }
        return out;
    }

    @Override
    public long addSharedCost(String name, YearMonth month, BigDecimal amount, SharedCostSplit.Method method, Map<Node, BigDecimal> nodes)
            throws SQLException {
        return new H2SpendSettings(db).addSharedCost(name, month, amount, method, nodes);
    }

    @Override
    public boolean removeSharedCost(long id) throws SQLException {
        return new H2SpendSettings(db).removeSharedCost(id);
    }
}

package com.aifinops.workbench.app.ledger;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.ledger.DailyRollup;
import com.aifinops.workbench.model.usage.Allocation;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads of the ledger that reports start from. {@code usage_daily} rows are additive (one combination can have a
 * row per batch, or several for one long file), so every query sums them per combination.
 */
public final class LedgerQueries {
    private static final String DIMENSIONS = "usage_day, provider, model_raw, model_id, org_name, team, project, agent,"
            + " user_id, api_key, workspace, environment, feature, customer, tags";

    private final Database db;

    public LedgerQueries(Database db) {
        this.db = db;
    }

    /**
     * One {@link DailyRollup} per day and combination of dimensions, over every batch, for days in
     * [{@code from}, {@code toExclusive}), ordered by day, provider, model and the dimensions. Amounts stay exact;
     * a priced cost is {@code null} for an unpriced model, a billed cost {@code null} when no file stated one.
     */
    public List<DailyRollup> dailyRollups(LocalDate from, LocalDate toExclusive) throws SQLException {
        String sql = "SELECT " + DIMENSIONS + ", SUM(requests), SUM(uncached_input), SUM(cache_read), SUM(cache_write_5m),"
                + " SUM(cache_write_1h), SUM(output_tokens), SUM(reasoning_tokens), SUM(priced_cost), SUM(billed_cost)"
                + " FROM usage_daily WHERE usage_day >= ? AND usage_day < ? GROUP BY " + DIMENSIONS
                + " ORDER BY " + DIMENSIONS;
        List<DailyRollup> out = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
            ps.setObject(1, from);
            ps.setObject(2, toExclusive);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Allocation a = new Allocation(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getString(14), TagsJson.decode(rs.getString(15)));
                    out.add(new DailyRollup(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getString(4), a,
                            rs.getLong(16), rs.getLong(17), rs.getLong(18), rs.getLong(19), rs.getLong(20), rs.getLong(21),
                            rs.getLong(22), rs.getBigDecimal(23), rs.getBigDecimal(24)));
                }
            }
        }
        return out;
    }

    /** What the catalogue priced a batch's priced lines at, exact; {@code null} when none was priced or no such batch. */
    public BigDecimal batchPricedCost(long batchId) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT priced_cost FROM import_batch WHERE id = ?")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            }
        }
    }
}

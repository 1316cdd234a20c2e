package com.aifinops.workbench.app.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps {@code usage_monthly} (V4) in step with {@code usage_daily}: it is rebuilt, in one transaction, on the next
 * report after the ledger's stamp (row count, batch count, newest batch id) changed, so imports, replacements and
 * removed batches are seen at once. A writer that changes {@code usage_daily} rows in place (re-pricing them, say)
 * keeps the stamp and must call {@link #invalidate}.
 */
public final class SpendSummary {
    private static final String DIMS = "provider, model_raw, model_id, org_name, team, project, agent, user_id, api_key, workspace,"
            + " environment, feature, customer, tags";

    private SpendSummary() {
    }

    static String stamp(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM usage_daily), (SELECT COUNT(*) FROM import_batch),"
                     + " (SELECT COALESCE(MAX(id), 0) FROM import_batch)")) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3);
        }
    }

    /** Marks the summary stale: the next whole-month report rebuilds it. Call after updating usage_daily rows in place. */
    public static void invalidate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM usage_monthly_built");
        }
    }

    /** Rebuilds the summary when it is stale; returns true when it did. */
    static boolean ensureFresh(Connection c) throws SQLException {
        String now = stamp(c);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT stamp FROM usage_monthly_built WHERE id = 1")) {
            if (rs.next() && rs.getString(1).equals(now)) {
                return false;
            }
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM usage_monthly");
            s.executeUpdate("INSERT INTO usage_monthly (usage_month, " + DIMS + ", requests, uncached_input, cache_read, cache_write_5m,"
                    + " cache_write_1h, output_tokens, cost, billed_cost, priced_cost, unpriced_requests, priced_rows)"
                    + " SELECT SUBSTRING(CAST(usage_day AS VARCHAR) FROM 1 FOR 7) AS m, " + DIMS + ", SUM(requests), SUM(uncached_input),"
                    + " SUM(cache_read), SUM(cache_write_5m), SUM(cache_write_1h), SUM(output_tokens),"
                    + " SUM(COALESCE(billed_cost, priced_cost, CAST(0 AS DECFLOAT))), SUM(billed_cost),"
                    + " SUM(COALESCE(priced_cost, CAST(0 AS DECFLOAT))),"
                    + " SUM(CASE WHEN billed_cost IS NULL AND priced_cost IS NULL THEN requests ELSE 0 END),"
                    + " SUM(CASE WHEN priced_cost IS NOT NULL THEN 1 ELSE 0 END)"
                    + " FROM usage_daily GROUP BY m, " + DIMS);
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO usage_monthly_built (id, stamp) KEY (id) VALUES (1, ?)")) {
                ps.setString(1, now);
                ps.executeUpdate();
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}

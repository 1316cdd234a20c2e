package com.aifinops.workbench.app.bench;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.TagText;
import com.aifinops.workbench.model.ledger.DailyRollup;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes daily rollups straight into {@code usage_daily} under one import batch, bypassing the file importers: for
 * the analysis benchmark and tests (the import path proper is {@code ImportService}).
 */
public final class RollupWriter {
    private RollupWriter() {
    }

    public static long write(Database db, String file, List<DailyRollup> rows) throws SQLException {
        Connection c = db.connection();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long batch;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_batch (file_name, content_hash, format, source_key, row_count,"
                    + " rejected, warnings) VALUES (?,?,?,?,?,0,0)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, file);
                ps.setString(2, Integer.toHexString(file.hashCode()) + "-" + rows.size() + "-" + System.nanoTime());
                ps.setString(3, "generated");
                ps.setString(4, file);
                ps.setLong(5, rows.size());
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    batch = k.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO usage_daily (batch_id, usage_day, provider, model_raw, model_id,"
                    + " org_name, team, project, agent, user_id, api_key, workspace, environment, feature, customer, tags, requests,"
                    + " uncached_input, cache_read, cache_write_5m, cache_write_1h, output_tokens, reasoning_tokens, priced_cost,"
                    + " billed_cost, currency, source_rows) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'USD',1)")) {
                int n = 0;
                for (DailyRollup r : rows) {
                    var a = r.allocation();
                    ps.setLong(1, batch);
                    ps.setDate(2, Date.valueOf(r.day()));
                    ps.setString(3, r.provider());
                    ps.setString(4, r.modelRaw());
                    ps.setString(5, r.modelId());
                    ps.setString(6, a.org());
                    ps.setString(7, a.team());
                    ps.setString(8, a.project());
                    ps.setString(9, a.agent());
                    ps.setString(10, a.user());
                    ps.setString(11, a.apiKey());
                    ps.setString(12, a.workspace());
                    ps.setString(13, a.environment());
                    ps.setString(14, a.feature());
                    ps.setString(15, a.customer());
                    ps.setString(16, a.tags().isEmpty() ? null : TagText.write(new TreeMap<>(a.tags())));
                    ps.setLong(17, r.requests());
                    ps.setLong(18, r.uncachedInput());
                    ps.setLong(19, r.cacheRead());
                    ps.setLong(20, r.cacheWrite5m());
                    ps.setLong(21, r.cacheWrite1h());
                    ps.setLong(22, r.outputTokens());
                    ps.setLong(23, r.reasoningTokens());
                    ps.setBigDecimal(24, r.pricedCost());
                    ps.setBigDecimal(25, r.billedCost());
                    ps.addBatch();
                    if (++n % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            return batch;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}

package com.aifinops.workbench.app.bench;

import com.aifinops.workbench.app.store.Database;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Writes hourly series rows straight into {@code usage_hourly} (V5) under one import batch, bypassing the importers:
 * for the analysis benchmark and tests, as {@link RollupWriter} does for daily rows.
 */
public final class HourlyWriter implements AutoCloseable {
    /**
     * One row: an hour (UTC, whole) of one series. {@code dimension} is agent, team or model; a team row without a
     * team names its {@code apiKey} and {@code workspace} for the allocation rules.
     */
    public record Row(Instant hour, String dimension, String key, String apiKey, String workspace, long requests, long inputTokens,
                      long outputTokens, BigDecimal cost) {
        public Row {
            Objects.requireNonNull(hour, "hour");
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(cost, "cost");
        }

        public static Row of(Instant hour, String dimension, String key, long requests, long inputTokens, long outputTokens, BigDecimal cost) {
            return new Row(hour, dimension, key, null, null, requests, inputTokens, outputTokens, cost);
        }
    }

    private final Connection c;
    private final boolean auto;
    private final long batch;
    private final PreparedStatement insert;
    private int pending;

    /** Opens a batch named {@code file}; rows go in with {@link #add}, {@link #close} commits. */
    public HourlyWriter(Database db, String file) throws SQLException {
        c = db.connection();
        auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_batch (file_name, content_hash, format, source_key, row_count,"
                + " rejected, warnings) VALUES (?,?,?,?,0,0,0)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, file);
            ps.setString(2, Integer.toHexString(file.hashCode()) + "-hourly-" + System.nanoTime());
            ps.setString(3, "generated");
            ps.setString(4, file);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                batch = k.getLong(1);
            }
        }
        insert = c.prepareStatement("INSERT INTO usage_hourly (batch_id, usage_hour, dimension, dim_key, api_key, workspace, requests,"
                + " input_tokens, output_tokens, cost, unpriced_requests) VALUES (?,?,?,?,?,?,?,?,?,?,0)");
    }

    public long batch() {
        return batch;
    }

    public HourlyWriter add(Row r) throws SQLException {
        insert.setLong(1, batch);
        insert.setObject(2, LocalDateTime.ofInstant(r.hour(), ZoneOffset.UTC));
        insert.setString(3, r.dimension());
        insert.setString(4, r.key());
        insert.setString(5, r.apiKey());
        insert.setString(6, r.workspace());
        insert.setLong(7, r.requests());
        insert.setLong(8, r.inputTokens());
        insert.setLong(9, r.outputTokens());
        insert.setBigDecimal(10, r.cost());
        insert.addBatch();
        if (++pending % 10_000 == 0) {
            insert.executeBatch();
        }
        return this;
    }

    @Override
    public void close() throws SQLException {
        try {
            insert.executeBatch();
            insert.close();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}

package com.aifinops.workbench.app.bench;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.app.store.PackedHours;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes hourly series rows straight into {@code usage_hourly_day} (V7) under one import batch, bypassing the
 * importers: for the analysis benchmark and tests, as {@link RollupWriter} does for daily rows. Rows come in any
 * order; they are summed per day and series and packed ({@link PackedHours}) when many days are held and on close.
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

    /** A day of one series. */
    private record Day(long day, String dimension, String key, String apiKey, String workspace) {
    }

    /** Its hours' sums. */
    private static final class Hours {
        final long[] requests = new long[24], input = new long[24], output = new long[24];
        final BigDecimal[] cost = new BigDecimal[24];
    }

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Day> ORDER = Comparator.comparingLong(Day::day).thenComparing(Day::dimension)
            .thenComparing(Day::key, NULLS_FIRST).thenComparing(Day::apiKey, NULLS_FIRST).thenComparing(Day::workspace, NULLS_FIRST);
    private static final int HELD_DAYS = 20_000;

    private final Connection c;
    private final boolean auto;
    private final long batch;
    private final PreparedStatement insert;
    private final Map<Day, Hours> held = new HashMap<>();
    private final PackedHours.Writer points = new PackedHours.Writer();
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
        insert = c.prepareStatement("INSERT INTO usage_hourly_day (batch_id, usage_day, dimension, dim_key, api_key, workspace, hours,"
                + " points) VALUES (?,?,?,?,?,?,?,?)");
    }

    public long batch() {
        return batch;
    }

    public HourlyWriter add(Row r) throws SQLException {
        long hour = Math.floorDiv(r.hour().getEpochSecond(), 3_600L);
        Hours h = held.computeIfAbsent(new Day(Math.floorDiv(hour, 24), r.dimension(), r.key(), r.apiKey(), r.workspace()), k -> new Hours());
        int i = (int) Math.floorMod(hour, 24L);
        h.requests[i] += r.requests();
        h.input[i] += r.inputTokens();
        h.output[i] += r.outputTokens();
        h.cost[i] = h.cost[i] == null ? r.cost() : h.cost[i].add(r.cost());
        if (held.size() >= HELD_DAYS) {
            flush();
        }
        return this;
    }

    private void flush() throws SQLException {
        List<Day> days = new ArrayList<>(held.keySet());
        days.sort(ORDER);
        for (Day d : days) {
            Hours h = held.get(d);
            points.reset();
            for (int i = 0; i < 24; i++) {
                if (h.cost[i] != null) {
                    points.add(i, h.requests[i], h.input[i], h.output[i], 0, h.cost[i]);
                }
            }
            insert.setLong(1, batch);
            insert.setObject(2, LocalDate.ofEpochDay(d.day()));
            insert.setString(3, d.dimension());
            insert.setString(4, d.key());
            insert.setString(5, d.apiKey());
            insert.setString(6, d.workspace());
            insert.setInt(7, points.hours());
            insert.setBytes(8, points.bytes());
            insert.addBatch();
            if (++pending % 5_000 == 0) {
                insert.executeBatch();
            }
        }
        insert.executeBatch();
        held.clear();
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
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

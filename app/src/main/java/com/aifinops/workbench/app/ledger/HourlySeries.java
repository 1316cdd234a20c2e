package com.aifinops.workbench.app.ledger;

import com.aifinops.workbench.app.store.PackedHours;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.model.usage.UsageLine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hourly series one import keeps for anomaly detection ({@code usage_hourly_day}, V7): for every line finer than
 * a day (a request, an hourly bucket), its requests, tokens and best-known cost are added to the hour of its start in
 * three series, its agent, its team and its model. A line without a team goes to a team series keyed by its API key
 * and workspace instead, so allocation rules can still map it to a team when the detector reads it.
 *
 * <p>Sums are held per hour and series and written out in parts, a row per day and series with its hours packed
 * ({@link PackedHours}); rows are additive (readers sum per hour and series), so a day split between two parts is
 * still right, and memory stays bounded. Not thread-safe: the import worker alone calls it.
 */
final class HourlySeries {
    static final String AGENT = "agent";
    static final String TEAM = "team";
    static final String MODEL = "model";
    /** The widest bucket that still counts as hourly data. */
    static final long MAX_BUCKET_SECONDS = 3_600;
    static final String INSERT = "INSERT INTO usage_hourly_day (batch_id, usage_day, dimension, dim_key, api_key, workspace, hours,"
            + " points) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private record Key(long hour, String dimension, String key, String apiKey, String workspace) {
    }

    private static final class Sums {
        long requests;
        long input;
        long output;
        long unpriced;
        BigDecimal cost = BigDecimal.ZERO;
    }

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    /** By day and series, then hour: a day's hours of one series are neighbours. */
    private static final Comparator<Map.Entry<Key, Sums>> WRITE_ORDER = Comparator
            .comparingLong((Map.Entry<Key, Sums> e) -> Math.floorDiv(e.getKey().hour, 24))
            .thenComparing(e -> e.getKey().dimension)
            .thenComparing(e -> e.getKey().key, NULLS_FIRST)
            .thenComparing(e -> e.getKey().apiKey, NULLS_FIRST)
            .thenComparing(e -> e.getKey().workspace, NULLS_FIRST)
            .thenComparingLong(e -> e.getKey().hour);

    private final Map<Key, Sums> sums = new HashMap<>();
    private final PreparedStatement insert;
    private final long batchId;
    private final int jdbcBatch;

    HourlySeries(Connection c, long batchId, int jdbcBatch) throws SQLException {
        this.insert = c.prepareStatement(INSERT);
        this.batchId = batchId;
        this.jdbcBatch = jdbcBatch;
    }

    /** A single request, or a bucket of at most an hour. */
    static boolean finerThanADay(UsageLine l) {
        return l.end() == null || l.end().getEpochSecond() - l.start().getEpochSecond() <= MAX_BUCKET_SECONDS;
    }

    /** The hour (hours since the epoch, UTC) an instant falls in. */
    static long hourOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 3_600);
    }

    /**
     * Adds a line. {@code model} is the series' model (the catalogue id when priced, else the raw name);
     * {@code cost} the line's best-known cost, {@code null} when it has neither a billed nor a list price.
     */
    void add(UsageLine l, String model, BigDecimal cost) {
        long hour = hourOf(l.start());
        Allocation a = l.allocation();
        long input = l.inputTokens();
        boolean unpriced = cost == null && input + l.outputTokens() > 0;
        String agent = present(a.agent());
        String team = present(a.team());
        String apiKey = team == null ? present(a.apiKey()) : null;
        String workspace = team == null ? present(a.workspace()) : null;
        // consecutive lines often share an hour and a series (one agent's loop, one model): reuse the last sums
        Sums s = agent == lastAgent && hour == lastHour ? lastAgentSums : null;
        lastAgentSums = add(s != null ? s : sums(new Key(hour, AGENT, agent, null, null)), l, input, cost, unpriced);
        s = team == lastTeam && apiKey == lastKey && workspace == lastWorkspace && hour == lastHour ? lastTeamSums : null;
        lastTeamSums = add(s != null ? s : sums(new Key(hour, TEAM, team, apiKey, workspace)), l, input, cost, unpriced);
        s = model == lastModel && hour == lastHour ? lastModelSums : null;
        lastModelSums = add(s != null ? s : sums(new Key(hour, MODEL, model, null, null)), l, input, cost, unpriced);
        lastHour = hour;
        lastAgent = agent;
        lastTeam = team;
        lastKey = apiKey;
        lastWorkspace = workspace;
        lastModel = model;
    }

    // the last line's series, compared by identity (readers hand out one String per repeated value; a miss only
    // costs a lookup)
    private long lastHour = Long.MIN_VALUE;
    private String lastAgent, lastTeam, lastKey, lastWorkspace, lastModel;
    private Sums lastAgentSums, lastTeamSums, lastModelSums;

    private Sums sums(Key k) {
        Sums s = sums.get(k);
        if (s == null) {
            s = new Sums();
            sums.put(k, s);
        }
        return s;
    }

    private static Sums add(Sums s, UsageLine l, long input, BigDecimal cost, boolean unpriced) {
        s.requests += l.requests();
        s.input += input;
        s.output += l.outputTokens();
        if (cost != null) s.cost = s.cost.add(cost);
        if (unpriced) s.unpriced += l.requests();
        return s;
    }

    int size() {
        return sums.size();
    }

    /** Writes the hours before {@code beforeHour} (hours since the epoch; {@link Long#MAX_VALUE} for all). */
    void write(long beforeHour) throws SQLException {
        lastHour = Long.MIN_VALUE; // the cached sums may be written and removed below
        List<Map.Entry<Key, Sums>> out = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Sums>> it = sums.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Sums> e = it.next();
            if (e.getKey().hour >= beforeHour) continue;
            out.add(e);
            it.remove();
        }
        out.sort(WRITE_ORDER);
        Rows rows = new Rows(insert, batchId, jdbcBatch);
        for (Map.Entry<Key, Sums> e : out) {
            Key k = e.getKey();
            Sums s = e.getValue();
            rows.add(k.hour, k.dimension, k.key, k.apiKey, k.workspace, s.requests, s.input, s.output, s.unpriced, s.cost);
        }
        rows.flush();
    }

    /**
     * Packs hours given in {@link #WRITE_ORDER} (by day and series, then hour) into rows of {@code usage_hourly_day}:
     * the writer's, and the rebuild of a restated batch's days.
     */
    static final class Rows {
        private final PreparedStatement insert;
        private final long batchId;
        private final int jdbcBatch;
        private final PackedHours.Writer points = new PackedHours.Writer();
        private long day = Long.MIN_VALUE;
        private String dimension, key, apiKey, workspace;
        private int pending;

        Rows(PreparedStatement insert, long batchId, int jdbcBatch) {
            this.insert = insert;
            this.batchId = batchId;
            this.jdbcBatch = jdbcBatch;
        }

        void add(long hour, String dimension, String key, String apiKey, String workspace, long requests, long input, long output,
                 long unpriced, BigDecimal cost) throws SQLException {
            long d = Math.floorDiv(hour, 24);
            if (d != day || !dimension.equals(this.dimension) || !Objects.equals(key, this.key) || !Objects.equals(apiKey, this.apiKey)
                    || !Objects.equals(workspace, this.workspace)) {
                row();
                day = d;
                this.dimension = dimension;
                this.key = key;
                this.apiKey = apiKey;
                this.workspace = workspace;
            }
            points.add((int) Math.floorMod(hour, 24L), requests, input, output, unpriced, cost);
        }

        private void row() throws SQLException {
            if (points.isEmpty()) {
                return;
            }
            insert.setLong(1, batchId);
            insert.setObject(2, LocalDate.ofEpochDay(day));
            insert.setString(3, dimension);
            insert.setString(4, key);
            insert.setString(5, apiKey);
            insert.setString(6, workspace);
            insert.setInt(7, points.hours());
            insert.setBytes(8, points.bytes());
            insert.addBatch();
            points.reset();
            if (++pending >= jdbcBatch) {
                insert.executeBatch();
                pending = 0;
            }
        }

        void flush() throws SQLException {
            row();
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }
    }

    void close() {
        try {
            insert.close();
        } catch (SQLException ignored) {
            // closing after a rollback; nothing to save
        }
    }

    private static String present(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

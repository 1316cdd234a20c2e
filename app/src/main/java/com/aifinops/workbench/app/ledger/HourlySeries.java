package com.aifinops.workbench.app.ledger;

import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.model.usage.UsageLine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The hourly series one import keeps for anomaly detection ({@code usage_hourly}, V5): for every line finer than a
 * day (a request, an hourly bucket), its requests, tokens and best-known cost are added to the hour of its start in
 * three series, its agent, its team and its model. A line without a team goes to a team series keyed by its API key
 * and workspace instead, so allocation rules can still map it to a team when the detector reads it.
 *
 * <p>Sums are held per hour and series and written out in parts (rows are additive: readers sum per hour and
 * series), so memory stays bounded. Not thread-safe: the import worker alone calls it.
 */
final class HourlySeries {
    static final String AGENT = "agent";
    static final String TEAM = "team";
    static final String MODEL = "model";
    /** The widest bucket that still counts as hourly data. */
    static final long MAX_BUCKET_SECONDS = 3_600;
    static final String INSERT = "INSERT INTO usage_hourly (batch_id, usage_hour, dimension, dim_key, api_key, workspace,"
            + " requests, input_tokens, output_tokens, cost, unpriced_requests) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private record Key(long hour, String dimension, String key, String apiKey, String workspace) {
    }

    private static final class Sums {
        long requests;
        long input;
        long output;
        long unpriced;
        BigDecimal cost = BigDecimal.ZERO;
    }

    private static final Comparator<Map.Entry<Key, Sums>> WRITE_ORDER = Comparator
            .comparingLong((Map.Entry<Key, Sums> e) -> e.getKey().hour).thenComparing(e -> e.getKey().dimension);

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
        int pending = 0;
        for (Map.Entry<Key, Sums> e : out) {
            Key k = e.getKey();
            Sums s = e.getValue();
            insert.setLong(1, batchId);
            insert.setObject(2, LocalDateTime.ofEpochSecond(k.hour * 3_600, 0, ZoneOffset.UTC));
            insert.setString(3, k.dimension);
            insert.setString(4, k.key);
            insert.setString(5, k.apiKey);
            insert.setString(6, k.workspace);
            insert.setLong(7, s.requests);
            insert.setLong(8, s.input);
            insert.setLong(9, s.output);
            insert.setBigDecimal(10, s.cost);
            insert.setLong(11, s.unpriced);
            insert.addBatch();
            if (++pending >= jdbcBatch) {
                insert.executeBatch();
                pending = 0;
            }
        }
        if (pending > 0) insert.executeBatch();
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

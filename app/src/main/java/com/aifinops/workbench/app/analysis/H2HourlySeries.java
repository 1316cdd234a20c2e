package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.HourlyAnomalyDetector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The hourly series of {@code usage_hourly} (V5) for {@link HourlyAnomalyDetector}: one per agent, per model and per
 * team, a team-less key's rows given their team by the allocation rules at query time, as daily rows are.
 *
 * <p>A month of hourly rows for a thousand agents is three quarters of a million rows, which H2 takes a second or
 * more to hand over, so the series read for a window are kept per connection (the window's shared one, say) and
 * reused while the ledger's stamp (hourly row count, batch count, newest batch) is unchanged and the window covers
 * the one asked for; rules are applied afresh each time. A new connection (each CLI run) reads again.
 */
final class H2HourlySeries {
    /** Per connection, the last read window; weak, so a closed and dropped connection takes its series with it. */
    private static final Map<Connection, Raw> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /** A team row without a team: the key and workspace the rules map. */
    private record Teamless(String apiKey, String workspace) {
    }

    /** The series as stored, for hours {@code first} to {@code last} (inclusive, hours since the epoch). */
    private record Raw(String stamp, long first, long last, Map<String, HourlyAnomalyDetector.Series> agents,
                       Map<String, HourlyAnomalyDetector.Series> models, Map<String, HourlyAnomalyDetector.Series> teams,
                       Map<Teamless, HourlyAnomalyDetector.Series> teamless) {
        boolean covers(String stamp, long first, long last) {
            return this.stamp.equals(stamp) && this.first <= first && this.last >= last;
        }
    }

    private H2HourlySeries() {
    }

    /**
     * Every agent, team and model series with points from hour {@code first} to {@code last} (hours since the
     * epoch, inclusive); a cached read may hold more hours, which the detector's window leaves out.
     */
    static List<HourlyAnomalyDetector.Series> series(Connection c, long first, long last, AllocationRules rules) throws SQLException {
        String stamp = stamp(c);
        if (stamp.startsWith("0/")) {
            return List.of(); // no hourly rows at all: a ledger of daily or monthly exports
        }
        Raw raw = CACHE.get(c);
        if (raw == null || !raw.covers(stamp, first, last)) {
            raw = read(c, stamp, first, last);
            CACHE.put(c, raw);
        }
        List<HourlyAnomalyDetector.Series> out = new ArrayList<>(raw.agents().size() + raw.models().size() + raw.teams().size());
        out.addAll(raw.agents().values());
        out.addAll(raw.models().values());
        Map<String, List<HourlyAnomalyDetector.Series>> teams = new HashMap<>();
        raw.teams().forEach((team, s) -> teams.computeIfAbsent(team, k -> new ArrayList<>()).add(s));
        raw.teamless().forEach((k, s) -> teams.computeIfAbsent(orUnallocated(rules.team(null, k.apiKey(), k.workspace())),
                t -> new ArrayList<>()).add(s));
        teams.forEach((team, parts) -> out.add(HourlyAnomalyDetector.Series.sum("team", team, parts)));
        return out;
    }

    private static String stamp(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM usage_hourly), (SELECT COUNT(*) FROM import_batch),"
                     + " (SELECT COALESCE(MAX(id), 0) FROM import_batch)")) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3);
        }
    }

    private static LocalDateTime time(long hour) {
        return LocalDateTime.ofEpochSecond(hour * 3600, 0, ZoneOffset.UTC);
    }

    private static Raw read(Connection c, String stamp, long first, long last) throws SQLException {
        Map<String, HourlyAnomalyDetector.Builder> agents = new HashMap<>(), models = new HashMap<>(), teams = new HashMap<>();
        Map<Teamless, HourlyAnomalyDetector.Builder> teamless = new HashMap<>();
        // one dimension at a time, so each read is a range of the (dimension, usage_hour) index
        try (PreparedStatement ps = c.prepareStatement("SELECT usage_hour, dim_key, api_key, workspace, requests, input_tokens,"
                + " output_tokens, cost FROM usage_hourly WHERE dimension = ? AND usage_hour >= ? AND usage_hour <= ?")) {
            for (String dim : List.of("agent", "team", "model")) {
                ps.setString(1, dim);
                ps.setObject(2, time(first));
                ps.setObject(3, time(last));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long hour = Math.floorDiv(rs.getObject(1, LocalDateTime.class).toEpochSecond(ZoneOffset.UTC), 3600L);
                        String key = rs.getString(2);
                        HourlyAnomalyDetector.Builder b;
                        if (dim.equals("agent")) {
                            b = builder(agents, dim, orUnallocated(key));
                        } else if (dim.equals("model")) {
                            b = builder(models, dim, orUnallocated(key));
                        } else if (key == null || key.isEmpty()) {
                            b = teamless.computeIfAbsent(new Teamless(rs.getString(3), rs.getString(4)),
                                    k -> new HourlyAnomalyDetector.Builder("team", "(" + k + ")"));
                        } else {
                            b = builder(teams, dim, key);
                        }
                        b.add(hour, rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getBigDecimal(8));
                    }
                }
            }
        }
        return new Raw(stamp, first, last, build(agents), build(models), build(teams), build(teamless));
    }

    private static HourlyAnomalyDetector.Builder builder(Map<String, HourlyAnomalyDetector.Builder> m, String dim, String key) {
        HourlyAnomalyDetector.Builder b = m.get(key);
        if (b == null) {
            b = new HourlyAnomalyDetector.Builder(dim, key);
            m.put(key, b);
        }
        return b;
    }

    private static <K> Map<K, HourlyAnomalyDetector.Series> build(Map<K, HourlyAnomalyDetector.Builder> m) {
        Map<K, HourlyAnomalyDetector.Series> out = new HashMap<>();
        m.forEach((k, b) -> out.put(k, b.build()));
        return out;
    }

    private static String orUnallocated(String v) {
        return v == null || v.isEmpty() ? Dimension.UNALLOCATED : v;
    }
}

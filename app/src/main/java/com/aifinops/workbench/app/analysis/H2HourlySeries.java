package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.store.PackedHours;
import com.aifinops.workbench.model.analysis.AllocationRules;
import com.aifinops.workbench.model.analysis.Dimension;
import com.aifinops.workbench.model.analysis.HourlyAnomalyDetector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The hourly series of {@code usage_hourly_day} (V7) for {@link HourlyAnomalyDetector}: one per agent, per model and
 * per team, a team-less key's rows given their team by the allocation rules at query time, as daily rows are.
 *
 * <p>A month of a thousand agents' hours is 32,000 packed rows (a day of a series each), read in a few hundred
 * milliseconds on a fresh connection. The series read for a window are also kept per connection (the window's
 * shared one, say) and reused while the ledger's stamp (hourly row count, batch count, newest batch) is unchanged
 * and the window covers the one asked for; rules are applied afresh each time.
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

    /**
     * One key's series from hour {@code first} to {@code last} (inclusive), read afresh: a few days of one agent,
     * team or model for the screen's chart. A team's rows without a team count when the rules map them to it.
     */
    static HourlyAnomalyDetector.Series key(Connection c, String dimension, String key, long first, long last, AllocationRules rules)
            throws SQLException {
        boolean unallocated = Dimension.UNALLOCATED.equals(key);
        boolean team = dimension.equals("team");
        String which = unallocated || team ? "(dim_key IS NULL OR dim_key = ''" + (unallocated ? ")" : " OR dim_key = ?)") : "dim_key = ?";
        HourlyAnomalyDetector.Builder b = new HourlyAnomalyDetector.Builder(dimension, key);
        try (PreparedStatement ps = c.prepareStatement("SELECT usage_day, dim_key, api_key, workspace, hours, points FROM usage_hourly_day"
                + " WHERE dimension = ? AND usage_day >= ? AND usage_day <= ? AND " + which)) {
            ps.setString(1, dimension);
            ps.setObject(2, HourlyAnomalyDetector.day(first));
            ps.setObject(3, HourlyAnomalyDetector.day(last));
            if (!unallocated) {
                ps.setString(4, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String k = rs.getString(2);
                    if (team && (k == null || k.isEmpty()) && !key.equals(orUnallocated(rules.team(null, rs.getString(3), rs.getString(4))))) {
                        continue; // a key-only row the rules give to another team
                    }
                    long day0 = rs.getObject(1, LocalDate.class).toEpochDay() * 24;
                    PackedHours.read(rs.getInt(5), rs.getBytes(6), (h, req, in, out, unpriced, unscaled, scale, big) -> {
                        if (day0 + h >= first && day0 + h <= last) {
                            b.add(day0 + h, req, in, out, PackedHours.cost(unscaled, scale, big));
                        }
                    });
                }
            }
        }
        return b.build();
    }

    private static String stamp(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM usage_hourly_day), (SELECT COUNT(*) FROM import_batch),"
                     + " (SELECT COALESCE(MAX(id), 0) FROM import_batch)")) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3);
        }
    }

    private static Raw read(Connection c, String stamp, long first, long last) throws SQLException {
        Map<String, HourlyAnomalyDetector.Builder> agents = new HashMap<>(), models = new HashMap<>(), teams = new HashMap<>();
        Map<Teamless, HourlyAnomalyDetector.Builder> teamless = new HashMap<>();
        // one dimension at a time, so each read is a range of the (dimension, usage_day) index
        try (PreparedStatement ps = c.prepareStatement("SELECT usage_day, dim_key, api_key, workspace, hours, points FROM usage_hourly_day"
                + " WHERE dimension = ? AND usage_day >= ? AND usage_day <= ?")) {
            for (String dim : List.of("agent", "team", "model")) {
                ps.setString(1, dim);
                ps.setObject(2, HourlyAnomalyDetector.day(first));
                ps.setObject(3, HourlyAnomalyDetector.day(last));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long day0 = rs.getObject(1, LocalDate.class).toEpochDay() * 24;
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
                        PackedHours.read(rs.getInt(5), rs.getBytes(6), (h, req, in, out, unpriced, unscaled, scale, big) -> {
                            long hour = day0 + h;
                            if (hour < first || hour > last) {
                                return;
                            }
                            if (big == null) {
                                b.add(hour, req, in, out, unscaled, scale);
                            } else {
                                b.add(hour, req, in, out, big);
                            }
                        });
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

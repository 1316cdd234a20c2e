package com.aifinops.workbench.app.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V7 carries V5's hourly rows (one per hour and series, possibly in parts) into packed day rows, on a real H2 file
 * database migrated to V6 first.
 */
class HourlyPackingMigrationTest {
    @TempDir
    Path dir;

    private static void hour(Connection c, long batch, String at, String dim, String key, String apiKey, String workspace, long req,
                             long in, long out, String cost, long unpriced) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO usage_hourly (batch_id, usage_hour, dimension, dim_key, api_key,"
                + " workspace, requests, input_tokens, output_tokens, cost, unpriced_requests) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, batch);
            ps.setObject(2, LocalDateTime.parse(at));
            ps.setString(3, dim);
            ps.setString(4, key);
            ps.setString(5, apiKey);
            ps.setString(6, workspace);
            ps.setLong(7, req);
            ps.setLong(8, in);
            ps.setLong(9, out);
            ps.setBigDecimal(10, new BigDecimal(cost));
            ps.setLong(11, unpriced);
            ps.executeUpdate();
        }
    }

    @Test
    void existingHourlyRowsArePackedADayAndSeriesToARow() throws Exception {
        Path file = dir.resolve("ledger");
        long batch;
        try (Database v6 = Database.openAt(file, 6)) {
            assertEquals(6, v6.schemaVersion());
            Connection c = v6.connection();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO import_batch (file_name, content_hash, format, source_key, row_count, rejected, warnings)"
                        + " VALUES ('requests.csv', 'h1', 'litellm', 'requests.csv', 7, 0, 0)", Statement.RETURN_GENERATED_KEYS);
                try (ResultSet k = s.getGeneratedKeys()) {
                    k.next();
                    batch = k.getLong(1);
                }
            }
            hour(c, batch, "2026-06-01T09:00", "agent", "triage", null, null, 1, 1000, 100, "0.01", 0);
            hour(c, batch, "2026-06-01T09:00", "agent", "triage", null, null, 1, 2000, 200, "0.02", 0); // a second part of 09:00
            hour(c, batch, "2026-06-01T10:00", "agent", "triage", null, null, 1, 4000, 400, "0.04", 0);
            hour(c, batch, "2026-06-02T00:00", "agent", "triage", null, null, 5, 10, 1, "0.0000000000001", 2);
            hour(c, batch, "2026-06-01T09:00", "team", null, "hk-x", "w1", 1, 500, 50, "0.005", 0);
            hour(c, batch, "2026-06-01T23:00", "model", "gpt-5.5", null, null, 3, 3500, 350, "123456789012345678901234.5", 0);
            hour(c, batch, "2026-06-01T23:00", "model", null, null, null, 1, 1, 1, "0", 1);
        }
        try (Database v7 = Database.open(file)) {
            assertEquals(7, v7.schemaVersion());
            List<String> rows = new ArrayList<>();
            try (Statement s = v7.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT batch_id, usage_day, dimension, COALESCE(dim_key, '-'), COALESCE(api_key, '-'),"
                         + " COALESCE(workspace, '-'), hours, points FROM usage_hourly_day ORDER BY usage_day, dimension, dim_key")) {
                while (rs.next()) {
                    StringBuilder b = new StringBuilder((rs.getLong(1) == batch ? "b" : "?") + " " + rs.getString(2) + " " + rs.getString(3)
                            + " " + rs.getString(4) + " " + rs.getString(5) + " " + rs.getString(6) + ":");
                    PackedHours.read(rs.getInt(7), rs.getBytes(8), (h, req, in, o, unpriced, unscaled, scale, big) -> b.append(" ").append(h)
                            .append("h ").append(req).append('/').append(in).append('/').append(o).append('/').append(unpriced).append(" $")
                            .append(PackedHours.cost(unscaled, scale, big).toPlainString()));
                    rows.add(b.toString());
                }
            }
            // triage 09:00 = 1 + 1 requests, 1000 + 2000 in, 100 + 200 out, $0.01 + $0.02 = $0.03
            assertEquals(List.of(
                    "b 2026-06-01 agent triage - -: 9h 2/3000/300/0 $0.03 10h 1/4000/400/0 $0.04",
                    "b 2026-06-01 model - - -: 23h 1/1/1/1 $0",
                    "b 2026-06-01 model gpt-5.5 - -: 23h 3/3500/350/0 $123456789012345678901234.5",
                    "b 2026-06-01 team - hk-x w1: 9h 1/500/50/0 $0.005",
                    "b 2026-06-02 agent triage - -: 0h 5/10/1/2 $0.0000000000001"), rows);
            try (Statement s = v7.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'USAGE_HOURLY'")) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
        }
    }
}

package com.aifinops.workbench.app.ledger;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.app.store.PackedHours;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** Fixtures and database probes shared by the ledger tests. */
final class LedgerFixtures {
    private LedgerFixtures() {
    }

    /** Copies a fixture from {@code src/test/resources/fixtures/ledger} into {@code dir}. */
    static Path fixture(Path dir, String name) throws IOException {
        Path out = dir.resolve(name);
        try (InputStream in = LedgerFixtures.class.getResourceAsStream("/fixtures/ledger/" + name)) {
            if (in == null) throw new IOException("missing fixture " + name);
            Files.copy(in, out);
        }
        return out;
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path out = dir.resolve(name);
        Files.writeString(out, content, StandardCharsets.UTF_8);
        return out;
    }

    /** A digest of every row of every table (rows sorted), so "unchanged" means unchanged, not "same counts". */
    static String contentDigest(Database db) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        List<String> tables = new ArrayList<>();
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                     + " ORDER BY TABLE_NAME")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        for (String t : tables) {
            List<String> rows = new ArrayList<>();
            try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + t)) {
                ResultSetMetaData m = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= m.getColumnCount(); i++) b.append(rs.getString(i)).append('\u0001');
                    rows.add(b.toString());
                }
            }
            Collections.sort(rows);
            md.update((t + ":" + rows.size() + "\n").getBytes(StandardCharsets.UTF_8));
            rows.forEach(r -> md.update(r.getBytes(StandardCharsets.UTF_8)));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static long count(Database db, String sql) throws SQLException {
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static BigDecimal decimal(Database db, String sql) throws SQLException {
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    /** One hour of one series as {@code usage_hourly_day} holds it (a row of V5's {@code usage_hourly}). */
    record HourPoint(long batch, LocalDateTime hour, String dimension, String key, String apiKey, String workspace, long requests,
                     long inputTokens, long outputTokens, BigDecimal cost, long unpricedRequests) {
    }

    /** Every packed hour of {@code usage_hourly_day}, unpacked. */
    static List<HourPoint> hourPoints(Database db) throws SQLException {
        List<HourPoint> out = new ArrayList<>();
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT batch_id, usage_day, dimension, dim_key, api_key, workspace, hours, points"
                     + " FROM usage_hourly_day")) {
            while (rs.next()) {
                long batch = rs.getLong(1);
                LocalDate day = rs.getObject(2, LocalDate.class);
                String dim = rs.getString(3), key = rs.getString(4), apiKey = rs.getString(5), workspace = rs.getString(6);
                PackedHours.read(rs.getInt(7), rs.getBytes(8), (h, req, in, o, unpriced, unscaled, scale, big) -> out.add(new HourPoint(batch,
                        day.atTime(h, 0), dim, key, apiKey, workspace, req, in, o, PackedHours.cost(unscaled, scale, big), unpriced)));
            }
        }
        return out;
    }
}

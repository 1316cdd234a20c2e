package com.aifinops.workbench.app.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** File > Open Recent: workbook paths in the {@code recent_file} table, most recently opened first. */
public final class RecentFiles {
    static final int KEEP = 10;
    private final Database db;
    private java.time.OffsetDateTime last = java.time.OffsetDateTime.MIN;

    public RecentFiles(Database db) {
        this.db = db;
    }

    /** Records that {@code file} was opened or saved now, and forgets all but the {@value #KEEP} latest. */
    public synchronized void touch(Path file) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "MERGE INTO recent_file (path, opened_at) KEY (path) VALUES (?, ?)")) {
            // strictly increasing even when two files are touched within one clock tick
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                    .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            last = now.isAfter(last) ? now : last.plusNanos(1000);
            ps.setString(1, file.toAbsolutePath().normalize().toString());
            ps.setObject(2, last);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = db.connection().prepareStatement(
                "DELETE FROM recent_file WHERE path NOT IN (SELECT path FROM recent_file ORDER BY opened_at DESC, path LIMIT ?)")) {
            ps.setInt(1, KEEP);
            ps.executeUpdate();
        }
    }

    public synchronized List<Path> list() throws SQLException {
        List<Path> out = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT path FROM recent_file ORDER BY opened_at DESC, path");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(Path.of(rs.getString(1)));
            }
        }
        return out;
    }

    public synchronized void remove(Path file) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM recent_file WHERE path = ?")) {
            ps.setString(1, file.toAbsolutePath().normalize().toString());
            ps.executeUpdate();
        }
    }
}

package com.aifinops.workbench.app.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void firstOpenCreatesTheFileAndAppliesEveryMigration() throws Exception {
        Path file = dir.resolve("data/workbench");
        int expected = Database.migrationFiles().size();
        try (Database db = Database.open(file)) {
            assertEquals(expected, db.schemaVersion());
            try (Statement s = db.connection().createStatement()) {
                s.executeUpdate("INSERT INTO setting (name, setting_value) VALUES ('theme', 'light')");
            }
        }
        assertTrue(Files.exists(dir.resolve("data/workbench.mv.db")));
    }

    @Test
    void reopeningKeepsDataAndAppliesNothingTwice() throws Exception {
        Path file = dir.resolve("workbench");
        try (Database db = Database.open(file); Statement s = db.connection().createStatement()) {
            s.executeUpdate("INSERT INTO setting (name, setting_value) VALUES ('k', 'v')");
        }
        try (Database db = Database.open(file); Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(setting_value) FROM setting")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertEquals("v", rs.getString(2));
            try (ResultSet v = db.connection().createStatement().executeQuery("SELECT COUNT(*) FROM schema_version")) {
                v.next();
                assertEquals(Database.migrationFiles().size(), v.getInt(1));
            }
        }
    }

    @Test
    void aMigrationEditedAfterItWasAppliedIsRefused() throws Exception {
        Path file = dir.resolve("workbench");
        try (Database db = Database.open(file); Statement s = db.connection().createStatement()) {
            s.executeUpdate("UPDATE schema_version SET checksum = 'tampered' WHERE version = 1");
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("changed after it was applied"), e.getMessage());
    }

    @Test
    void anUpgradeSaysEachMigrationItAppliesAndANewDatabaseSaysNothing() throws Exception {
        java.util.List<String> steps = new java.util.ArrayList<>();
        int latest;
        try (Database db = Database.open(dir.resolve("new"), steps::add)) {
            latest = db.schemaVersion();
        }
        assertEquals(java.util.List.of(), steps, "a new database is created silently");
        try (Database db = Database.openAt(dir.resolve("old"), 6)) {
            assertEquals(6, db.schemaVersion());
        }
        try (Database db = Database.open(dir.resolve("old"), steps::add)) {
            assertEquals(latest, db.schemaVersion());
        }
        assertEquals(latest - 6, steps.size(), steps::toString);
        assertEquals("schema v7: usage hourly packed", steps.get(0));
    }
}

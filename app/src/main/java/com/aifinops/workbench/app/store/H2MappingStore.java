package com.aifinops.workbench.app.store;

import com.aifinops.workbench.importers.usage.mapped.ColumnMapping;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saved column mappings in the ledger's {@code column_mapping} table, one row per name, the definition being the
 * mapping's JSON ({@link ColumnMapping#toJson()}). Saving a name again replaces it. What {@code import --mapping
 * NAME} and the Imports screen's "mapping: NAME" formats read.
 */
public final class H2MappingStore {
    private final Database db;

    public H2MappingStore(Database db) {
        this.db = db;
    }

    /** One saved mapping and when it was (last) saved. */
    public record Saved(ColumnMapping mapping, OffsetDateTime savedAt) {
    }

    /** Saves {@code m} under its name (replacing one of the same name); an invalid mapping is refused with its problems. */
    public synchronized void save(ColumnMapping m) throws SQLException {
        m.validated();
        try (PreparedStatement ps = db.connection().prepareStatement(
                "MERGE INTO column_mapping (name, definition, saved_at) KEY (name) VALUES (?, ?, ?)")) {
            ps.setString(1, m.name());
            ps.setString(2, m.toJson());
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
            ps.executeUpdate();
        }
    }

    /**
     * The mapping saved as {@code name} (exact name), or {@code null} when there is none. A stored definition that
     * no longer reads (edited by hand, or from a newer version) fails with {@link IllegalArgumentException} naming it.
     */
    public synchronized ColumnMapping get(String name) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT definition FROM column_mapping WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(name, rs.getString(1)) : null;
            }
        }
    }

    /** {@link #get(String)} as an optional. */
    public Optional<ColumnMapping> find(String name) throws SQLException {
        return Optional.ofNullable(get(name));
    }

    /** Every saved mapping, by name. */
    public synchronized List<Saved> list() throws SQLException {
        List<Saved> out = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT name, definition, saved_at FROM column_mapping ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Saved(read(rs.getString(1), rs.getString(2)), rs.getObject(3, OffsetDateTime.class)));
            }
        }
        return out;
    }

    /** The saved names, sorted; cheaper than {@link #list()} and unaffected by a definition that no longer reads. */
    public synchronized List<String> names() throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT name FROM column_mapping ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Removes the mapping {@code name}; false when there was none. Batches imported with it keep their rows. */
    public synchronized boolean remove(String name) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM column_mapping WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() > 0;
        }
    }

    private static ColumnMapping read(String name, String json) {
        try {
            return ColumnMapping.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("saved mapping '" + name + "' cannot be read: " + e.getMessage(), e);
        }
    }
}

package com.aifinops.workbench.app.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The embedded H2 file database. Opening it applies any pending versioned migrations
 * ({@code db/migration/V<n>__<description>.sql}, listed in {@code db/migration/index.txt}), each in its own
 * transaction and recorded in {@code schema_version} with a checksum, so a half-applied migration never
 * persists and an edited one is detected.
 */
public final class Database implements AutoCloseable {
    private static final String INDEX = "/db/migration/index.txt";

    private final String url;
    private final Connection connection;

    private Database(String url) throws SQLException {
        this.url = url;
        this.connection = DriverManager.getConnection(url, "sa", "");
    }

    /** Opens (creating if needed) the database at {@code file} (without H2's {@code .mv.db} suffix) and migrates it. */
    public static Database open(Path file) throws SQLException, IOException {
        return open(file, step -> { });
    }

    /**
     * The same, telling {@code upgrading} each migration it applies to an existing database (e.g. "schema v7: usage
     * hourly day") before it runs, so a window can say why it takes long; a new database is created silently.
     */
    public static Database open(Path file, Consumer<String> upgrading) throws SQLException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Database db = new Database("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        db.upgrading = upgrading;
        db.migrate();
        return db;
    }

    private Consumer<String> upgrading = step -> { };

    /** Opens the database at {@code file} migrated up to {@code version} only: for tests of a later migration. */
    static Database openAt(Path file, int version) throws SQLException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Database db = new Database("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        db.migrate(version);
        return db;
    }

    /** Opens a private in-memory database, migrated; for tests and throw-away CLI runs. */
    public static Database inMemory(String name) throws SQLException, IOException {
        Database db = new Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        db.migrate();
        return db;
    }

    public Connection connection() {
        return connection;
    }

    /**
     * A second connection to the same database, for work that needs a transaction of its own (an import) while the
     * shared connection goes on serving the window. The caller closes it.
     */
    public Connection newConnection() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    public String url() {
        return url;
    }

    /** The highest applied migration version. */
    public int schemaVersion() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void migrate() throws SQLException, IOException {
        migrate(Integer.MAX_VALUE);
    }

    private void migrate(int upTo) throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, description VARCHAR(200) NOT NULL,"
                    + " checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        }
        boolean existing = schemaVersion() > 0;
        for (String file : migrationFiles()) {
            int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
            if (version > upTo) {
                break;
            }
            String description = file.substring(file.indexOf("__") + 2, file.lastIndexOf('.')).replace('_', ' ');
            String sql = resource("/db/migration/" + file);
            String checksum = sha256(sql);
            String applied = appliedChecksum(version);
            if (applied != null) {
                if (!applied.equals(checksum)) {
                    throw new SQLException("migration " + file + " was changed after it was applied; add a new migration instead");
                }
                continue;
            }
            if (existing) {
                upgrading.accept("schema v" + version + ": " + description);
            }
            apply(version, description, sql, checksum);
        }
    }

    private void apply(int version, String description, String sql, String checksum) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            for (String statement : sql.split(";\\s*(\\r?\\n|$)")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, checksum) VALUES (?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, description);
                ps.setString(3, checksum);
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("migration V" + version + " (" + description + ") failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    private String appliedChecksum(int version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT checksum FROM schema_version WHERE version = ?")) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static List<String> migrationFiles() throws IOException {
        List<String> files = new ArrayList<>();
        for (String line : resource(INDEX).split("\\R")) {
            String f = line.strip();
            if (!f.isEmpty() && !f.startsWith("#")) {
                if (!f.matches("V\\d+__\\w+\\.sql")) {
                    throw new IOException("bad migration name in " + INDEX + ": " + f);
                }
                files.add(f);
            }
        }
        return files;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = Database.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path);
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return String.join("\n", r.lines().toList());
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

package com.aifinops.workbench.app.ledger;

import com.aifinops.workbench.app.catalog.CatalogService;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.app.store.H2MappingStore;
import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.UsageReaders;
import com.aifinops.workbench.importers.usage.mapped.ColumnMapping;
import com.aifinops.workbench.model.ledger.ColumnMappings;
import com.aifinops.workbench.model.ledger.ImportBatch;
import com.aifinops.workbench.model.ledger.ImportResult;
import com.aifinops.workbench.model.ledger.ImportService;
import com.aifinops.workbench.model.price.PriceRow;
import com.aifinops.workbench.model.usage.Allocation;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;
import com.aifinops.workbench.pricing.catalog.Catalog;
import com.aifinops.workbench.pricing.engine.UsagePricer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The usage ledger in H2: one import batch per file, in one transaction (it lands whole or not at all).
 *
 * <ul>
 *   <li><b>Idempotent.</b> The SHA-256 of the content (streamed) identifies a file; a file already imported is a
 *       {@link ImportResult.Status#DUPLICATE} and adds nothing.</li>
 *   <li><b>Priced.</b> Every line is priced with the catalogue in force ({@link UsagePricer}, list price, the row in
 *       force on the line's day); a model the catalogue does not know keeps {@code model_id} and
 *       {@code priced_cost} NULL (unpriced, never $0) and is named in the result.</li>
 *   <li><b>Restated periods.</b> A batch has a source key (format, plus the org and project when every line names
 *       the same one) and a period [first start, last end). A new file of the same source replaces the earlier
 *       batches' rows inside its period; they count as {@code replaced}.</li>
 *   <li><b>Two cores.</b> The reader parses on the calling thread; a worker prices, rolls up and writes
 *       (chunks of 1,024 lines through a short queue).</li>
 *   <li><b>Streaming.</b> Rows go through JDBC batches; daily rollups are summed in memory per day and dimension
 *       combination (bounded: a long file is written in parts, usage_daily rows are additive) and written inside
 *       the same transaction, so memory stays flat however long the file is. A file in time order writes each day
 *       when the next one begins, on the worker, so little is left to write after the last line.</li>
 *   <li><b>Hourly series.</b> Lines finer than a day also feed {@link HourlySeries} (usage_hourly_day: per agent, team
 *       and model and hour) for anomaly detection within a day.</li>
 * </ul>
 *
 * Not thread-safe: one import at a time per database connection.
 */
public final class H2ImportService implements ImportService {
    private static final int MAX_PROBLEMS_IN_RESULT = 1_000;
    private static final long POINT_NANOS = 1_000; // a request without an end occupies [start, start + 1 µs)

    /**
     * @param keepRows     write every source row to {@code usage_row} (drill-down, exact restatement at any
     *                     instant); false keeps only the daily rollups (the fast path: restatement by whole day)
     * @param jdbcBatch    rows per JDBC batch
     * @param rollupKeys   rollup combinations held in memory before a part is written; a new day writes the days
     *                     before it once a 25th of this is held (a file in time order writes each day once)
     * @param progressRows rows between progress callbacks and cancel checks
     */
    public record Options(boolean keepRows, int jdbcBatch, int rollupKeys, int progressRows) {
        public static final Options DEFAULT = new Options(false, 5_000, 50_000, 5_000);

        public Options withKeepRows(boolean keep) {
            return new Options(keep, jdbcBatch, rollupKeys, progressRows);
        }
    }

    /**
     * A tag naming which of a format's streams a line comes from (e.g. the OpenAI usage API's completions and
     * embeddings endpoints): files of different streams never restate each other.
     */
    public static final String ENDPOINT_TAG = "endpoint";

    private final Database db;
    private final Options options;

    public H2ImportService(Database db) {
        this(db, Options.DEFAULT);
    }

    public H2ImportService(Database db, Options options) {
        this.db = db;
        this.options = options;
    }

    @Override
    public List<Format> formats() {
        return UsageReaders.all().stream().map(r -> new Format(r.format(), r.description())).toList();
    }

    @Override
    public String detect(Path file) throws IOException {
        return UsageReaders.detect(file).map(UsageReader::format).orElse(null);
    }

    /** @throws IllegalArgumentException for a {@code format} no reader has */
    @Override
    public ImportResult importFile(Path file, String format, RejectPolicy policy, ImportProgress progress) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
        String name = file.toString();
        UsageReader reader;
        if (format != null) {
            reader = readerFor(format);
        } else {
            reader = UsageReaders.detect(file).orElse(null);
            if (reader == null) {
                String priceFile = priceFileKind(UsageReaders.head(file));
                String why = priceFile != null
                        ? "this is " + priceFile + " (prices, not usage): load it into the catalogue with 'catalog import'"
                        : "not a usage format the workbench knows; name one with --format ("
                                + String.join(", ", formats().stream().map(Format::id).toList()) + ") or read it through a column mapping";
                return new ImportResult(name, null, ImportResult.Status.REJECTED, null, 0, 0, 0, 0, null, List.of(),
                        List.of(ImportProblem.error(name, 0, null, null, why)));
            }
        }
        progress = progress == null ? ImportProgress.NONE : progress;
        // The hash runs beside the import on a second thread (it is ~10x faster than parsing): a duplicate is
        // noticed as soon as it is known, and a new file pays no extra pass.
        CompletableFuture<FileStats> hashing = new CompletableFuture<>();
        Thread hasher = new Thread(() -> {
            try {
                hashing.complete(hash(file));
            } catch (Throwable e) {
                hashing.completeExceptionally(e);
            }
        }, "ledger-hash");
        hasher.setDaemon(true);
        hasher.start();
        try {
            Catalog catalog = new CatalogService(db).catalog();
            return new Run(name, reader, policy, progress, Files.size(file), hashing, catalog).execute();
        } catch (SQLException e) {
            throw new IOException("ledger: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("catalogue: " + e.getMessage(), e);
        } finally {
            hasher.interrupt();
        }
    }

    /** "a LiteLLM price map" or "a Langfuse model price list" when the head of a file is one, else null. */
    static String priceFileKind(String head) {
        if (head.contains("\"input_cost_per_token\"") || head.contains("\"sample_spec\"")) return "a LiteLLM price map";
        if (head.contains("\"matchPattern\"") && head.contains("\"modelName\"")) return "a Langfuse model price list";
        return null;
    }

    /**
     * The reader a format id names: a built-in format, or {@code mapping:NAME} for a saved column mapping (its batches
     * keep that id, so files read through different mappings are different sources).
     */
    private UsageReader readerFor(String format) throws IOException {
        if (format.startsWith(ColumnMappings.FORMAT_PREFIX)) {
            String mappingName = format.substring(ColumnMappings.FORMAT_PREFIX.length());
            ColumnMapping mapping;
            try {
                mapping = new H2MappingStore(db).get(mappingName);
            } catch (SQLException e) {
                throw new IOException("saved mapping '" + mappingName + "': " + e.getMessage(), e);
            }
            if (mapping == null) {
                throw new IllegalArgumentException("no saved mapping named '" + mappingName + "'");
            }
            return new RenamedReader(format, UsageReaders.mapped(mapping));
        }
        return UsageReaders.byFormat(format).orElseThrow(() -> new IllegalArgumentException(
                "unknown format '" + format + "' (known: " + String.join(", ", formats().stream().map(Format::id).toList()) + ")"));
    }

    /** A reader under another format id. */
    private record RenamedReader(String format, UsageReader reader) implements UsageReader {
        @Override
        public String description() {
            return reader.description();
        }

        @Override
        public int detect(String fileName, String head) {
            return 0;
        }

        @Override
        public void read(Path file, UsageSink sink) throws IOException {
            reader.read(file, sink);
        }
    }

    private Optional<ImportResult> duplicate(String name, String format, String sha256) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT id, row_count, billed_cost FROM import_batch WHERE content_hash = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long id = rs.getLong(1);
                return Optional.of(new ImportResult(name, format, ImportResult.Status.DUPLICATE, null, 0, 0, rs.getLong(2), 0,
                        rs.getBigDecimal(3), unpricedModels(id), List.of()));
            }
        }
    }

    private List<String> unpricedModels(long batchId) throws SQLException {
        List<String> models = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT DISTINCT model_raw FROM usage_daily WHERE batch_id = ? AND model_id IS NULL ORDER BY model_raw")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) models.add(rs.getString(1));
            }
        }
        return models;
    }

    @Override
    public List<ImportBatch> batches() {
        List<ImportBatch> out = new ArrayList<>();
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT id, file_name, format, row_count - replaced_rows, rejected, warnings,"
                     + " billed_cost, imported_at FROM import_batch ORDER BY id DESC")) {
            while (rs.next()) {
                out.add(new ImportBatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getBigDecimal(7), rs.getObject(8, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ledger: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public List<ImportProblem> problems(long batchId) {
        List<ImportProblem> out = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT b.file_name, p.line_no, p.column_name,"
                + " p.cell_value, p.message, p.severity FROM import_problem p JOIN import_batch b ON b.id = p.batch_id"
                + " WHERE p.batch_id = ? ORDER BY p.seq")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ImportProblem(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            ImportProblem.Severity.valueOf(rs.getString(6))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ledger: " + e.getMessage(), e);
        }
        return out;
    }

    /** Deletes the batch; its rows, rollups, problems and invoices go with it (ON DELETE CASCADE). */
    @Override
    public boolean removeBatch(long batchId) {
        Connection c = db.connection();
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM import_batch WHERE id = ?")) {
            ps.setLong(1, batchId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("ledger: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------ hashing

    private record FileStats(String sha256, long bytes) {
    }

    /** SHA-256 of the content, streamed. */
    static FileStats hash(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        long bytes = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
                bytes += n;
            }
        }
        return new FileStats(HexFormat.of().formatHex(md.digest()), bytes);
    }

    // ------------------------------------------------------------------------------------------------ one import

    /** Thrown out of the sink to stop the reader when the file turns out to be imported already. */
    private static final class Duplicate extends RuntimeException {
        final ImportResult result;

        Duplicate(ImportResult result) {
            super("duplicate", null, false, false);
            this.result = result;
        }
    }

    /** Thrown out of the sink to stop the reader when the user cancels. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** The hash could not be read (the file vanished or became unreadable mid-import). */
    private static final class HashFailed extends RuntimeException {
        HashFailed(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** A failed write, carried through the reader unchecked. */
    private static final class WriteFailed extends RuntimeException {
        WriteFailed(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * A rollup combination. {@code tierAbove} (the context tier's threshold, −1 for the base tier) and {@code batch}
     * keep lines priced at different rates apart, so a rollup can be priced once, exactly, from its token sums.
     */
    private record RollupKey(LocalDate day, String provider, String modelRaw, String modelId, String currency,
                             Allocation allocation, long tierAbove, boolean batch) {
    }

    private static final Comparator<Map.Entry<RollupKey, Totals>> WRITE_ORDER = Comparator
            .comparing((Map.Entry<RollupKey, Totals> e) -> e.getKey().day).thenComparing(e -> e.getKey().provider);

    private static final class Totals {
        long sourceRows;
        long requests;
        long uncached;
        long cacheRead;
        long write5m;
        long write1h;
        long output;
        long reasoning;
        long tierPrompt; // a prompt length in the key's tier: prices the sums at that tier
        BigDecimal priced;
        BigDecimal billed;
    }

    private final class Run implements UsageSink {
        final String file;
        final UsageReader reader;
        final RejectPolicy policy;
        final ImportProgress progress;
        final long size;
        final CompletableFuture<FileStats> hashing;
        FileStats stats;
        final UsagePricer pricer;
        final Catalog catalog;
        // a connection of its own: the file's transaction never mixes with what the window does meanwhile
        // (recent files, catalogue edits, reports run on the shared connection)
        final Connection c;
        final Map<String, Map<LocalDate, PriceRow>> resolved = new HashMap<>();
        final TreeSet<String> unpriced = new TreeSet<>();
        final List<ImportProblem> shown = new ArrayList<>();
        final Map<RollupKey, Totals> rollups = new HashMap<>();

        long batchId;
        PreparedStatement rowInsert;
        PreparedStatement dailyInsert;
        PreparedStatement problemInsert;
        HourlySeries hourly;
        int pendingRows;
        int pendingProblems;
        long rowNo;
        long imported;
        long rejected;
        long warnings;
        long lastErrorLine = -1;
        boolean fileError;
        int problemSeq;
        BigDecimal billed;
        BigDecimal priced;
        Instant first;
        Instant last;
        LocalDate latestDay;
        String org;
        String project;
        boolean orgMixed;
        boolean projectMixed;

        Run(String file, UsageReader reader, RejectPolicy policy, ImportProgress progress, long size,
            CompletableFuture<FileStats> hashing, Catalog catalog) throws SQLException {
            this.c = db.newConnection();
            this.file = file;
            this.reader = reader;
            this.policy = policy;
            this.progress = progress;
            this.size = size;
            this.hashing = hashing;
            this.catalog = catalog;
            this.pricer = new UsagePricer(catalog);
        }

        long avgLine;
        /** Set with the exception thrown through the reader, in case the reader catches it and reads on. */
        volatile ImportResult duplicateOf;
        volatile RuntimeException failure;

        long avgLineBytes() {
            if (avgLine == 0) {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    byte[] head = in.readNBytes(1 << 16);
                    long lines = 1;
                    for (byte x : head) if (x == '\n') lines++;
                    avgLine = Math.max(1, head.length / lines);
                } catch (IOException e) {
                    avgLine = 100;
                }
            }
            return avgLine;
        }

        /**
         * Once the content hash is known (at the end, {@code wait} for it): a file imported before stops the import
         * as a duplicate, else the batch takes its hash.
         */
        void checkDuplicate(boolean wait) {
            if (stats != null || (!wait && !hashing.isDone())) return;
            try {
                stats = hashing.get();
                Optional<ImportResult> dup = duplicate(file, reader.format(), stats.sha256);
                if (dup.isPresent()) {
                    duplicateOf = dup.get();
                    throw new Duplicate(duplicateOf);
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE import_batch SET content_hash = ? WHERE id = ?")) {
                    ps.setString(1, stats.sha256);
                    ps.setLong(2, batchId);
                    ps.executeUpdate();
                }
            } catch (SQLException e) {
                throw fail(new WriteFailed(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail(new Cancelled());
            } catch (ExecutionException e) {
                throw fail(new HashFailed(e.getCause()));
            }
        }

        RuntimeException fail(RuntimeException e) {
            if (failure == null) failure = e;
            return e;
        }

        /** Lines are written only while nothing rules the whole file out. */
        boolean writing() {
            return !(policy == RejectPolicy.ALL_OR_NOTHING && rejected > 0) && !fileError;
        }

        ImportResult execute() throws IOException, SQLException {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET TIME ZONE 'UTC'"); // timestamps cast to days and hours in SQL are UTC ones, as in Java
            }
            try {
                begin();
                try {
                    Pipeline pipe = new Pipeline();
                    try {
                        reader.read(Path.of(file), pipe);
                        pipe.finish();
                    } finally {
                        pipe.stop(); // the worker is done with the connection before anything else uses it
                    }
                    if (duplicateOf != null) throw new Duplicate(duplicateOf);
                    if (failure != null) throw failure;
                    checkDuplicate(true);
                } catch (Duplicate e) {
                    c.rollback();
                    return e.result;
                } catch (Cancelled e) {
                    c.rollback();
                    return result(ImportResult.Status.CANCELLED, null, 0, 0);
                } catch (WriteFailed e) {
                    throw (SQLException) e.getCause();
                } catch (HashFailed e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
                if (progress.cancelled()) {
                    c.rollback();
                    return result(ImportResult.Status.CANCELLED, null, 0, 0);
                }
                if (!writing() || (imported == 0 && rejected > 0)) {
                    c.rollback();
                    return result(ImportResult.Status.REJECTED, null, 0, 0);
                }
                flushRows();
                flushRollups(true);
                long replaced = restate();
                flushProblems();
                finish();
                c.commit();
                progress.progress(imported + rejected, size, size);
                return result(ImportResult.Status.IMPORTED, batchId, imported, replaced);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                closeQuietly(rowInsert);
                closeQuietly(dailyInsert);
                closeQuietly(problemInsert);
                if (hourly != null) hourly.close();
                c.close();
            }
        }

        ImportResult result(ImportResult.Status status, Long id, long rows, long replaced) {
            return new ImportResult(file, reader.format(), status, id, rows, replaced, 0, rejected, billed,
                    List.copyOf(unpriced), shown);
        }

        void begin() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_batch (file_name, content_hash, format, source_key,"
                    + " row_count, rejected, warnings, keeps_rows) VALUES (?, ?, ?, ?, 0, 0, 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, cut(file, 4000));
                ps.setString(2, "pending " + UUID.randomUUID()); // the hash is set when known
                ps.setString(3, reader.format());
                ps.setString(4, reader.format());
                ps.setBoolean(5, options.keepRows());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    batchId = keys.getLong(1);
                }
            }
            if (options.keepRows()) {
                rowInsert = c.prepareStatement("INSERT INTO usage_row (batch_id, row_no, source_line, bucket_start, bucket_end,"
                        + " provider, model_raw, model_id, uncached_input, cache_read, cache_write_5m, cache_write_1h, output_tokens,"
                        + " reasoning_tokens, requests, batch_api, billed_cost, priced_cost, currency, org_name, team, project, agent,"
                        + " user_id, api_key, workspace, environment, feature, customer, tags)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            dailyInsert = c.prepareStatement("INSERT INTO usage_daily (batch_id, usage_day, provider, model_raw, model_id,"
                    + " org_name, team, project, agent, user_id, api_key, workspace, environment, feature, customer, tags,"
                    + " requests, uncached_input, cache_read, cache_write_5m, cache_write_1h, output_tokens, reasoning_tokens,"
                    + " priced_cost, billed_cost, currency, source_rows)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            problemInsert = c.prepareStatement("INSERT INTO import_problem (batch_id, seq, severity, line_no, column_name,"
                    + " cell_value, message) VALUES (?, ?, ?, ?, ?, ?, ?)");
            hourly = new HourlySeries(c, batchId, options.jdbcBatch());
        }

        // ---------------------------------------------------------------- the sink

        @Override
        public void accept(UsageLine line) {
            if (duplicateOf != null) throw new Duplicate(duplicateOf); // the reader swallowed the first throw
            if (failure != null) throw failure;
            if ((imported + rejected + 1) % options.progressRows() == 0) checkDuplicate(false);
            String tooLong = tooLong(line);
            if (tooLong != null) {
                problem(ImportProblem.error(file, line.source() == null ? 0 : line.source().line(), tooLong, null,
                        "value longer than the ledger keeps (400 characters; tags 4,000)"));
                return;
            }
            imported++;
            if (line.billedCost() != null) billed = billed == null ? line.billedCost() : billed.add(line.billedCost());
            Instant start = line.start();
            Instant end = line.end() != null && line.end().isAfter(start) ? line.end() : start.plusNanos(POINT_NANOS);
            if (first == null || start.isBefore(first)) first = start;
            if (last == null || end.isAfter(last)) last = end;
            trackSource(line.allocation());
            LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
            PriceRow row = resolve(line.model(), day);
            BigDecimal cost = null;
            if (row == null) {
                // lines that bill no tokens (cost-only exports, a FOCUS compute row without a model) need no price
                if (!line.model().isBlank() && line.inputTokens() + line.outputTokens() > 0) unpriced.add(line.model());
            } else if (rowInsert != null) {
                // each kept row carries its own price; without rows the rollups are priced when written (exactly
                // the same sum: the price is linear in the tokens at one tier and basis)
                cost = pricer.price(line, row, false).cost();
                priced = priced == null ? cost : priced.add(cost);
            }
            if (!writing()) return;
            try {
                if (rowInsert != null) addRow(line, row, cost);
                addRollup(day, line, row, cost);
                if (HourlySeries.finerThanADay(line)) {
                    BigDecimal best = line.billedCost() != null ? line.billedCost()
                            : row == null ? null : cost != null ? cost : pricer.price(line, row, false).cost();
                    hourly.add(line, row == null ? line.model() : row.modelId(), best);
                    if (hourly.size() > options.rollupKeys()) hourly.write(Long.MAX_VALUE);
                }
            } catch (SQLException e) {
                throw fail(new WriteFailed(e));
            }
        }

        @Override
        public void problem(ImportProblem p) {
            if (duplicateOf != null) throw new Duplicate(duplicateOf);
            if (failure != null) throw failure;
            if (p.severity() == ImportProblem.Severity.ERROR) {
                if (p.line() == 0) fileError = true; // the file as a whole: nothing of it can be trusted
                if (p.line() != lastErrorLine || p.line() == 0) {
                    rejected++;
                    lastErrorLine = p.line();
                }
            } else {
                warnings++;
            }
            if (shown.size() < MAX_PROBLEMS_IN_RESULT) shown.add(p);
            if (policy == RejectPolicy.ALL_OR_NOTHING && p.severity() == ImportProblem.Severity.ERROR) return;
            try {
                problemInsert.setLong(1, batchId);
                problemInsert.setInt(2, ++problemSeq);
                problemInsert.setString(3, p.severity().name());
                problemInsert.setLong(4, p.line());
                problemInsert.setString(5, cut(p.column(), 400));
                problemInsert.setString(6, cut(p.value(), 4000));
                problemInsert.setString(7, cut(p.message(), 4000));
                problemInsert.addBatch();
                if (++pendingProblems >= options.jdbcBatch()) flushProblems();
            } catch (SQLException e) {
                throw fail(new WriteFailed(e));
            }
        }

        /**
         * Hands what the reader reads to a worker thread in chunks, so that parsing (the reader, on the importing
         * thread) and pricing, rolling up and writing (the worker) use two cores. Order is kept; the queue is short
         * (memory stays flat); progress and cancel stay on the importing thread; an error on either side stops both.
         */
        final class Pipeline implements UsageSink {
            private static final int CHUNK = 1024;
            private final Object[] end = new Object[0];
            private final ArrayBlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(8);
            private final Thread worker = new Thread(this::work, "ledger-import");
            private Object[] chunk = new Object[CHUNK];
            private int n;
            private long seen;
            private volatile RuntimeException workerError;
            private volatile boolean aborted;

            Pipeline() {
                worker.setDaemon(true);
                worker.start();
            }

            private void work() {
                try {
                    while (true) {
                        Object[] c = queue.take();
                        if (c == end || aborted) return;
                        for (Object o : c) {
                            if (o == null) break;
                            if (o instanceof UsageLine l) Run.this.accept(l);
                            else Run.this.problem((ImportProblem) o);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) { // an Error too: the importing thread must never wait on a dead worker
                    workerError = e instanceof RuntimeException r ? r : new IllegalStateException("import worker failed: " + e, e);
                }
            }

            @Override
            public void accept(UsageLine line) {
                check();
                if (++seen % options.progressRows() == 0) {
                    if (progress.cancelled()) throw fail(new Cancelled());
                    long at = line.source() == null ? seen : line.source().line();
                    // bytes consumed, estimated from the line the reader is at and the average line of the file's head
                    progress.progress(seen, Math.min(size - 1, at * avgLineBytes()), size);
                }
                add(line);
            }

            @Override
            public void problem(ImportProblem p) {
                check();
                add(p);
            }

            private void add(Object o) {
                chunk[n++] = o;
                if (n == CHUNK) hand();
            }

            private void hand() {
                Object[] c = chunk;
                chunk = new Object[CHUNK];
                n = 0;
                put(c);
            }

            private void put(Object[] c) {
                try {
                    while (!queue.offer(c, 50, TimeUnit.MILLISECONDS)) {
                        check();
                        if (!worker.isAlive()) throw fail(new IllegalStateException("the import worker stopped"));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw fail(new Cancelled());
                }
            }

            /** Rethrows, on the importing thread, what stopped the worker (also after a reader swallowed it once). */
            private void check() {
                RuntimeException e = workerError;
                if (e != null) throw e;
                if (failure != null) throw failure;
            }

            /** The reader is done: hand over the rest and wait until the worker has processed it. */
            void finish() {
                if (n > 0) hand();
                put(end);
                join();
                check();
            }

            /** Stops the worker (idempotent); after it returns the worker no longer touches the connection. */
            void stop() {
                aborted = true;
                queue.clear();
                queue.offer(end);
                join();
            }

            private void join() {
                boolean interrupted = false;
                while (worker.isAlive()) {
                    try {
                        worker.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) Thread.currentThread().interrupt();
            }
        }

        String endpoint;
        boolean endpointMixed;
        boolean seenLine;

        /** The source's identity: the format, plus the org, project and API endpoint when every line names the same one. */
        void trackSource(Allocation a) {
            if (!orgMixed) {
                if (org == null) org = a.org();
                else if (!org.equals(a.org())) orgMixed = true;
            }
            if (!projectMixed) {
                if (project == null) project = a.project();
                else if (!project.equals(a.project())) projectMixed = true;
            }
            if (a.org() == null && org != null) orgMixed = true;
            if (a.project() == null && project != null) projectMixed = true;
            String e = a.tags().get(ENDPOINT_TAG);
            if (!seenLine) endpoint = e;
            else if (!Objects.equals(endpoint, e)) endpointMixed = true;
            seenLine = true;
        }

        String sourceKey() {
            StringBuilder b = new StringBuilder(reader.format());
            if (org != null && !orgMixed) b.append(" org=").append(org);
            if (project != null && !projectMixed) b.append(" project=").append(project);
            if (endpoint != null && !endpointMixed) b.append(" endpoint=").append(endpoint);
            return cut(b.toString(), 400);
        }

        /** The row in force for the model on the day; a provider prefix ("openai/gpt-5.5") is tried without it. */
        PriceRow resolve(String model, LocalDate day) {
            Map<LocalDate, PriceRow> byDay = resolved.computeIfAbsent(model, k -> new HashMap<>());
            if (byDay.containsKey(day)) return byDay.get(day);
            PriceRow row = null;
            if (!model.isBlank()) {
                row = catalog.resolve(model, day).map(Catalog.Resolution::row).orElse(null);
                int slash = model.lastIndexOf('/');
                if (row == null && slash >= 0 && slash < model.length() - 1) {
                    row = catalog.resolve(model.substring(slash + 1), day).map(Catalog.Resolution::row).orElse(null);
                }
            }
            byDay.put(day, row);
            return row;
        }

        // ---------------------------------------------------------------- writing

        void addRow(UsageLine l, PriceRow row, BigDecimal cost) throws SQLException {
            PreparedStatement ps = rowInsert;
            Allocation a = l.allocation();
            ps.setLong(1, batchId);
            ps.setLong(2, ++rowNo);
            ps.setLong(3, l.source() == null ? rowNo : l.source().line());
            ps.setObject(4, OffsetDateTime.ofInstant(l.start(), ZoneOffset.UTC));
            if (l.end() == null) ps.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
            else ps.setObject(5, OffsetDateTime.ofInstant(l.end(), ZoneOffset.UTC));
            ps.setString(6, l.provider());
            ps.setString(7, l.model());
            ps.setString(8, row == null ? null : row.modelId());
            ps.setLong(9, l.uncachedInputTokens());
            ps.setLong(10, l.cacheReadTokens());
            ps.setLong(11, l.cacheWrite5mTokens());
            ps.setLong(12, l.cacheWrite1hTokens());
            ps.setLong(13, l.outputTokens());
            ps.setLong(14, l.reasoningTokens());
            ps.setLong(15, l.requests());
            ps.setBoolean(16, l.batch());
            ps.setBigDecimal(17, l.billedCost());
            ps.setBigDecimal(18, cost);
            ps.setString(19, l.currency());
            setDimensions(ps, 20, a);
            ps.addBatch();
            if (++pendingRows >= options.jdbcBatch()) flushRows();
        }

        /** The prompt length that picks a line's context tier, as {@link UsagePricer} reads it. */
        static long promptLength(UsageLine line, PriceRow row) {
            if (line.promptTokensPerRequest() != null) return line.promptTokensPerRequest();
            String label = line.contextTierLabel();
            if (label != null && label.strip().startsWith(">")) return row.tiers().get(0).aboveTokens() + 1;
            if (label != null && (label.strip().startsWith("≤") || label.strip().startsWith("<"))) return 0;
            return line.requests() > 0 ? line.inputTokens() / line.requests() : line.inputTokens();
        }

        /** org … customer and tags into 11 parameters from {@code i}. */
        void setDimensions(PreparedStatement ps, int i, Allocation a) throws SQLException {
            ps.setString(i, a.org());
            ps.setString(i + 1, a.team());
            ps.setString(i + 2, a.project());
            ps.setString(i + 3, a.agent());
            ps.setString(i + 4, a.user());
            ps.setString(i + 5, a.apiKey());
            ps.setString(i + 6, a.workspace());
            ps.setString(i + 7, a.environment());
            ps.setString(i + 8, a.feature());
            ps.setString(i + 9, a.customer());
            ps.setString(i + 10, tags(a.tags()));
        }

        final Map<Map<String, String>, String> tagText = new HashMap<>();
        /** Readers share one tag map among the lines that carry it: found by identity, a map's hash is not recomputed. */
        final Map<Map<String, String>, String> tagTextByInstance = new IdentityHashMap<>();

        String tags(Map<String, String> tags) {
            if (tags.isEmpty()) return null;
            String s = tagTextByInstance.get(tags);
            if (s != null) return s;
            s = tagText.get(tags);
            if (s == null) {
                s = TagsJson.encode(tags);
                if (tagText.size() < 10_000) tagText.put(tags, s);
            }
            if (tagTextByInstance.size() < 10_000) tagTextByInstance.put(tags, s);
            return s;
        }

        void flushRows() throws SQLException {
            if (pendingRows > 0) {
                rowInsert.executeBatch();
                pendingRows = 0;
            }
        }

        void flushProblems() throws SQLException {
            if (pendingProblems > 0) {
                problemInsert.executeBatch();
                pendingProblems = 0;
            }
        }

        void addRollup(LocalDate day, UsageLine l, PriceRow row, BigDecimal cost) throws SQLException {
            if (latestDay == null || day.isAfter(latestDay)) {
                // a new day in a file in time order: the days before it are complete, write them now (on this worker,
                // beside the parsing) instead of all at the end
                boolean flush = latestDay != null && rollups.size() >= Math.max(1, options.rollupKeys() / 25);
                latestDay = day;
                if (flush) flushRollups(false);
            }
            long prompt = row == null || row.tiers().isEmpty() ? 0 : promptLength(l, row);
            PriceRow.Tiered tier = row == null || row.tiers().isEmpty() ? null : row.tierFor(prompt);
            long tierAbove = tier == null || tier.tier() == null ? -1 : tier.tier().aboveTokens();
            RollupKey key = new RollupKey(day, l.provider(), l.model(), row == null ? null : row.modelId(), l.currency(),
                    l.allocation(), tierAbove, l.batch());
            Totals t = rollups.get(key);
            if (t == null) {
                t = new Totals();
                rollups.put(key, t);
                if (rollups.size() > options.rollupKeys()) {
                    flushRollups(false);
                    t = rollups.computeIfAbsent(key, k -> new Totals());
                }
            }
            t.sourceRows++;
            t.requests += l.requests();
            t.uncached += l.uncachedInputTokens();
            t.cacheRead += l.cacheReadTokens();
            t.write5m += l.cacheWrite5mTokens();
            t.write1h += l.cacheWrite1hTokens();
            t.output += l.outputTokens();
            t.reasoning += l.reasoningTokens();
            t.tierPrompt = prompt;
            if (cost != null) t.priced = t.priced == null ? cost : t.priced.add(cost);
            if (l.billedCost() != null) t.billed = t.billed == null ? l.billedCost() : t.billed.add(l.billedCost());
        }

        /**
         * Writes rollups out. At the end everything; mid-file (a new day began, or too many combinations held) the
         * days before the latest one seen, as files are mostly in time order, and everything when that frees too
         * little. Rows go out sorted by day and provider so that consecutive index inserts, and the commit's pass
         * over them, touch the same B-tree pages.
         */
        void flushRollups(boolean all) throws SQLException {
            int pending = 0;
            boolean everything = all;
            if (!all) {
                long older = rollups.keySet().stream().filter(k -> k.day.isBefore(latestDay)).count();
                everything = older < rollups.size() / 2;
            }
            List<Map.Entry<RollupKey, Totals>> out = new ArrayList<>(rollups.size());
            for (Iterator<Map.Entry<RollupKey, Totals>> it = rollups.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<RollupKey, Totals> e = it.next();
                if (!everything && !e.getKey().day.isBefore(latestDay)) continue;
                out.add(e);
                it.remove();
            }
            out.sort(WRITE_ORDER);
            hourly.write(everything ? Long.MAX_VALUE : HourlySeries.hourOf(latestDay.atStartOfDay().toInstant(ZoneOffset.UTC)));
            for (Map.Entry<RollupKey, Totals> e : out) {
                RollupKey k = e.getKey();
                Totals t = e.getValue();
                if (rowInsert == null && k.modelId != null) {
                    PriceRow row = resolve(k.modelRaw, k.day);
                    UsageLine sums = new UsageLine(k.day.atStartOfDay().toInstant(ZoneOffset.UTC), null, k.provider, k.modelRaw,
                            t.uncached, t.cacheRead, t.write5m, t.write1h, t.output, t.reasoning, t.requests, k.batch,
                            t.tierPrompt, null, null, k.currency, null, null);
                    t.priced = pricer.price(sums, row, false).cost();
                    priced = priced == null ? t.priced : priced.add(t.priced);
                }
                PreparedStatement ps = dailyInsert;
                ps.setLong(1, batchId);
                ps.setObject(2, k.day);
                ps.setString(3, k.provider);
                ps.setString(4, k.modelRaw);
                ps.setString(5, k.modelId);
                setDimensions(ps, 6, k.allocation);
                ps.setLong(17, t.requests);
                ps.setLong(18, t.uncached);
                ps.setLong(19, t.cacheRead);
                ps.setLong(20, t.write5m);
                ps.setLong(21, t.write1h);
                ps.setLong(22, t.output);
                ps.setLong(23, t.reasoning);
                ps.setBigDecimal(24, t.priced);
                ps.setBigDecimal(25, t.billed);
                ps.setString(26, k.currency);
                ps.setLong(27, t.sourceRows);
                ps.addBatch();
                if (++pending >= options.jdbcBatch()) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) dailyInsert.executeBatch();
        }

        /**
         * Earlier batches of the same source whose period overlaps this file's lose their rows inside it. With
         * source rows kept, the rows of the two boundary days outside the period are summed again into rollups;
         * a rollups-only batch loses whole days.
         */
        long restate() throws SQLException {
            if (first == null) return 0;
            String key = sourceKey();
            OffsetDateTime from = OffsetDateTime.ofInstant(first, ZoneOffset.UTC);
            OffsetDateTime to = OffsetDateTime.ofInstant(last, ZoneOffset.UTC);
            LocalDate firstDay = from.toLocalDate();
            LocalDate lastDay = LocalDate.ofInstant(last.minusNanos(1), ZoneOffset.UTC);
            record Old(long id, boolean keepsRows, OffsetDateTime start, OffsetDateTime end) {
            }
            List<Old> overlapping = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, keeps_rows, period_start, period_end FROM import_batch"
                    + " WHERE source_key = ? AND id <> ? AND period_start < ? AND period_end > ? ORDER BY id")) {
                ps.setString(1, key);
                ps.setLong(2, batchId);
                ps.setObject(3, to);
                ps.setObject(4, from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        overlapping.add(new Old(rs.getLong(1), rs.getBoolean(2), rs.getObject(3, OffsetDateTime.class),
                                rs.getObject(4, OffsetDateTime.class)));
                    }
                }
            }
            long replaced = 0;
            for (Old b : overlapping) {
                long id = b.id();
                long n;
                if (b.keepsRows()) {
                    n = update("DELETE FROM usage_row WHERE batch_id = ? AND bucket_start >= ? AND bucket_start < ?", id, from, to);
                    update("DELETE FROM usage_daily WHERE batch_id = ? AND usage_day BETWEEN ? AND ?", id, firstDay, lastDay);
                    update("INSERT INTO usage_daily (batch_id, usage_day, provider, model_raw, model_id, org_name, team, project,"
                            + " agent, user_id, api_key, workspace, environment, feature, customer, tags, requests, uncached_input,"
                            + " cache_read, cache_write_5m, cache_write_1h, output_tokens, reasoning_tokens, priced_cost, billed_cost,"
                            + " currency, source_rows)"
                            + " SELECT batch_id, CAST(bucket_start AS DATE), provider, model_raw, model_id, org_name, team, project,"
                            + " agent, user_id, api_key, workspace, environment, feature, customer, tags, SUM(requests),"
                            + " SUM(uncached_input), SUM(cache_read), SUM(cache_write_5m), SUM(cache_write_1h), SUM(output_tokens),"
                            + " SUM(reasoning_tokens), SUM(priced_cost), SUM(billed_cost), currency, COUNT(*)"
                            + " FROM usage_row WHERE batch_id = ? AND bucket_start >= ? AND bucket_start < ?"
                            + " GROUP BY batch_id, CAST(bucket_start AS DATE), provider, model_raw, model_id, org_name, team, project,"
                            + " agent, user_id, api_key, workspace, environment, feature, customer, tags, currency",
                            id, firstDay.atStartOfDay().atOffset(ZoneOffset.UTC), lastDay.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
                    deleteHours(id, firstDay, lastDay);
                    rebuildHours(id, firstDay, lastDay);
                } else {
                    // only daily rollups: whole days are replaced; say so when the earlier file had rows on a
                    // boundary day outside this file's period (they go with the day)
                    boolean startsMidDay = !from.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && b.start().isBefore(from);
                    boolean endsMidDay = !to.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && b.end().isAfter(to);
                    if (startsMidDay || endsMidDay) {
                        problem(ImportProblem.warning(file, 0, null, "restated whole UTC day(s) " + (startsMidDay ? firstDay : "")
                                + (startsMidDay && endsMidDay && !firstDay.equals(lastDay) ? " and " : "")
                                + (endsMidDay && !(startsMidDay && firstDay.equals(lastDay)) ? lastDay : "")
                                + ": batch " + id + " may have had rows on it outside this file's period " + from.toInstant() + " to "
                                + to.toInstant() + ", replaced with the day (it keeps no source rows; import with --keep-rows"
                                + " to restate to the instant)"));
                    }
                    n = 0;
                    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(source_rows), 0) FROM usage_daily"
                            + " WHERE batch_id = ? AND usage_day BETWEEN ? AND ?")) {
                        ps.setLong(1, id);
                        ps.setObject(2, firstDay);
                        ps.setObject(3, lastDay);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) n = rs.getLong(1);
                        }
                    }
                    update("DELETE FROM usage_daily WHERE batch_id = ? AND usage_day BETWEEN ? AND ?", id, firstDay, lastDay);
                    deleteHours(id, firstDay, lastDay);
                }
                update("UPDATE import_batch SET replaced_rows = replaced_rows + ? WHERE id = ?", n, id);
                replaced += n;
            }
            return replaced;
        }

        void deleteHours(long id, LocalDate firstDay, LocalDate lastDay) throws SQLException {
            update("DELETE FROM usage_hourly_day WHERE batch_id = ? AND usage_day BETWEEN ? AND ?", id, firstDay, lastDay);
        }

        /** The hourly series of a batch's kept rows on those days, summed again (as {@link HourlySeries} does). */
        void rebuildHours(long id, LocalDate firstDay, LocalDate lastDay) throws SQLException {
            String rows = " FROM (SELECT u.*, DATE_TRUNC(HOUR, CAST(u.bucket_start AS TIMESTAMP)) AS h,"
                    + " u.uncached_input + u.cache_read + u.cache_write_5m + u.cache_write_1h AS input_tokens FROM usage_row u"
                    + " WHERE u.batch_id = ? AND u.bucket_start >= ? AND u.bucket_start < ?"
                    + " AND (u.bucket_end IS NULL OR DATEDIFF(SECOND, u.bucket_start, u.bucket_end) <= " + HourlySeries.MAX_BUCKET_SECONDS
                    + ")) r";
            String sums = ", SUM(requests), SUM(input_tokens), SUM(output_tokens), SUM(COALESCE(billed_cost, priced_cost, 0)),"
                    + " SUM(CASE WHEN billed_cost IS NULL AND priced_cost IS NULL AND input_tokens + output_tokens > 0"
                    + " THEN requests ELSE 0 END)";
            String team = "NULLIF(team, '')";
            String keyIfNoTeam = "CASE WHEN " + team + " IS NULL THEN NULLIF(%s, '') END";
            String apiKey = String.format(keyIfNoTeam, "api_key");
            String workspace = String.format(keyIfNoTeam, "workspace");
            String model = "COALESCE(model_id, model_raw)";
            Object from = firstDay.atStartOfDay().atOffset(ZoneOffset.UTC);
            Object to = lastDay.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
            String sql = "SELECT * FROM (SELECT h, '" + HourlySeries.AGENT + "' AS dim, NULLIF(agent, '') AS k, NULL AS ak, NULL AS ws" + sums + rows
                    + " GROUP BY h, NULLIF(agent, '')"
                    + " UNION ALL SELECT h, '" + HourlySeries.TEAM + "', " + team + ", " + apiKey + ", " + workspace + sums
                    + rows + " GROUP BY h, " + team + ", " + apiKey + ", " + workspace
                    + " UNION ALL SELECT h, '" + HourlySeries.MODEL + "', " + model + ", NULL, NULL" + sums + rows
                    + " GROUP BY h, " + model + ") s"
                    + " ORDER BY CAST(h AS DATE), dim, k, ak, ws, h"; // a day's hours of a series together, in order
            try (PreparedStatement insert = c.prepareStatement(HourlySeries.INSERT); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < 3; i++) {
                    ps.setLong(3 * i + 1, id);
                    ps.setObject(3 * i + 2, from);
                    ps.setObject(3 * i + 3, to);
                }
                HourlySeries.Rows out = new HourlySeries.Rows(insert, id, options.jdbcBatch());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long hour = Math.floorDiv(rs.getObject(1, LocalDateTime.class).toEpochSecond(ZoneOffset.UTC), 3_600L);
                        out.add(hour, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7),
                                rs.getLong(8), rs.getLong(10), rs.getBigDecimal(9));
                    }
                }
                out.flush();
            }
        }

        long update(String sql, Object... params) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
                return ps.executeLargeUpdate();
            }
        }

        void finish() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_batch SET source_key = ?, period_start = ?, period_end = ?,"
                    + " row_count = ?, rejected = ?, warnings = ?, billed_cost = ?, priced_cost = ? WHERE id = ?")) {
                ps.setString(1, sourceKey());
                ps.setObject(2, first == null ? null : OffsetDateTime.ofInstant(first, ZoneOffset.UTC));
                ps.setObject(3, last == null ? null : OffsetDateTime.ofInstant(last, ZoneOffset.UTC));
                ps.setLong(4, imported);
                ps.setLong(5, rejected);
                ps.setLong(6, warnings);
                ps.setBigDecimal(7, billed);
                ps.setBigDecimal(8, priced);
                ps.setLong(9, batchId);
                ps.executeUpdate();
            }
        }

        String tooLong(UsageLine l) {
            Allocation a = l.allocation();
            if (l.provider().length() > 100) return "provider";
            if (l.model().length() > 400) return "model";
            if (over(a.org())) return "org";
            if (over(a.team())) return "team";
            if (over(a.project())) return "project";
            if (over(a.agent())) return "agent";
            if (over(a.user())) return "user";
            if (over(a.apiKey())) return "api_key";
            if (over(a.workspace())) return "workspace";
            if (over(a.environment())) return "environment";
            if (over(a.feature())) return "feature";
            if (over(a.customer())) return "customer";
            String t = tags(a.tags());
            return t != null && t.length() > 4000 ? "tags" : null;
        }

        private static boolean over(String s) {
            return s != null && s.length() > 400;
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void closeQuietly(Statement s) {
        if (s == null) return;
        try {
            s.close();
        } catch (SQLException ignored) {
            // closing after a rollback; nothing to save
        }
    }
}

package com.aifinops.workbench.views.imports;

import com.aifinops.workbench.model.ledger.ImportBatch;
import com.aifinops.workbench.model.ledger.ImportResult;
import com.aifinops.workbench.model.ledger.ImportService;
import com.aifinops.workbench.model.usage.ImportProblem;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A small but real {@link ImportService} for the screen's tests: one CSV format ({@code day,model,requests,cost_usd}),
 * read line by line into a list kept in memory. One file is one transaction (rows are collected, then added under
 * the lock, or dropped on cancel or rejection); the same content twice is a duplicate.
 * {@link #holdAtRow} lets a test stop an import half way to look at the progress and cancel it.
 */
final class InMemoryImportService implements ImportService {
    static final String HEADER = "day,model,requests,cost_usd";
    private static final Set<String> PRICED = Set.of("gpt-5.5", "gpt-5-mini");

    record Row(long batch, LocalDate day, String model, long requests, BigDecimal cost) {
    }

    private final List<ImportBatch> batches = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final Map<Long, List<ImportProblem>> problems = new ConcurrentHashMap<>();
    private final Map<Long, String> contentHashes = new ConcurrentHashMap<>();
    private long nextId = 1;

    /** When > 0, the import waits after reading this many rows until {@link #release} is counted down. */
    volatile long holdAtRow;
    final CountDownLatch reachedHold = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public List<Format> formats() {
        return List.of(new Format("tiny-usage", "Tiny usage CSV (day, model, requests, cost)"),
                new Format("other", "A format nobody writes"));
    }

    @Override
    public String detect(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return HEADER.equals(r.readLine()) ? "tiny-usage" : null;
        }
    }

    @Override
    public ImportResult importFile(Path file, String format, RejectPolicy policy, ImportProgress progress) throws IOException {
        String name = file.getFileName().toString();
        String fmt = format == null ? detect(file) : format;
        if (!"tiny-usage".equals(fmt)) {
            throw new IOException(name + ": not a " + (fmt == null ? "known" : fmt) + " file");
        }
        String hash = sha256(file);
        synchronized (this) {
            if (contentHashes.containsValue(hash)) {
                return new ImportResult(file.toString(), fmt, ImportResult.Status.DUPLICATE, null, 0, 0, 0, 0, null, List.of(), List.of());
            }
        }
        long total = Files.size(file);
        List<Row> read = new ArrayList<>();
        List<ImportProblem> found = new ArrayList<>();
        Set<String> unpriced = new LinkedHashSet<>();
        BigDecimal billed = BigDecimal.ZERO;
        long bytes = 0;
        long rejected = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            bytes += header.length() + 1;
            long line = 1;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                bytes += s.getBytes(StandardCharsets.UTF_8).length + 1;
                if (progress.cancelled()) {
                    return cancelled(file, fmt);
                }
                String[] f = s.split(",", -1);
                ImportProblem p = check(name, line, f);
                if (p != null) {
                    found.add(p);
                    rejected++;
                } else {
                    BigDecimal cost = new BigDecimal(f[3]);
                    read.add(new Row(0, LocalDate.parse(f[0]), f[1], Long.parseLong(f[2]), cost));
                    billed = billed.add(cost);
                    if (!PRICED.contains(f[1])) {
                        unpriced.add(f[1]);
                    }
                }
                progress.progress(line - 1, bytes, total);
                if (line - 1 == holdAtRow) {
                    reachedHold.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
        if (progress.cancelled()) {
            return cancelled(file, fmt);
        }
        if (rejected > 0 && policy == RejectPolicy.ALL_OR_NOTHING) {
            return new ImportResult(file.toString(), fmt, ImportResult.Status.REJECTED, null, 0, 0, 0, rejected, null,
                    List.copyOf(unpriced), found);
        }
        synchronized (this) {
            long id = nextId++;
            read.forEach(x -> rows.add(new Row(id, x.day(), x.model(), x.requests(), x.cost())));
            batches.add(0, new ImportBatch(id, name, fmt, read.size(), rejected, 0, billed, Instant.now()));
            problems.put(id, List.copyOf(found));
            contentHashes.put(id, hash);
            return new ImportResult(file.toString(), fmt, ImportResult.Status.IMPORTED, id, read.size(), 0, 0, rejected,
                    billed, List.copyOf(unpriced), found);
        }
    }

    private static ImportResult cancelled(Path file, String fmt) {
        return new ImportResult(file.toString(), fmt, ImportResult.Status.CANCELLED, null, 0, 0, 0, 0, null, List.of(), List.of());
    }

    private static ImportProblem check(String file, long line, String[] f) {
        if (f.length != 4) {
            return ImportProblem.error(file, line, null, null, "expected 4 fields, found " + f.length);
        }
        try {
            LocalDate.parse(f[0]);
        } catch (DateTimeParseException e) {
            return ImportProblem.error(file, line, "day", f[0], "expected a date YYYY-MM-DD");
        }
        try {
            if (Long.parseLong(f[2]) < 0) {
                return ImportProblem.error(file, line, "requests", f[2], "expected a request count ≥ 0");
            }
        } catch (NumberFormatException e) {
            return ImportProblem.error(file, line, "requests", f[2], "expected a whole number of requests");
        }
        try {
            new BigDecimal(f[3]);
        } catch (NumberFormatException e) {
            return ImportProblem.error(file, line, "cost_usd", f[3], "expected an amount in US dollars");
        }
        return null;
    }

    @Override
    public synchronized List<ImportBatch> batches() {
        return List.copyOf(batches);
    }

    @Override
    public List<ImportProblem> problems(long batchId) {
        return problems.getOrDefault(batchId, List.of());
    }

    @Override
    public synchronized boolean removeBatch(long batchId) {
        rows.removeIf(r -> r.batch() == batchId);
        problems.remove(batchId);
        contentHashes.remove(batchId);
        return batches.removeIf(b -> b.id() == batchId);
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

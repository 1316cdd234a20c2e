package com.aifinops.workbench.importers.usage;

import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageSink;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A CSV file read record by record (Commons CSV over a {@link Reader}, never the whole file) with its header
 * looked up loosely ({@link FieldParsers#headerKey}: case, BOM and spaces ignored) and, for every record, the
 * physical line it starts on, so a problem can say where to look.
 */
public final class HeaderedCsv implements Closeable {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    /** Column names as readers spell them → index (or -1), so a lookup per cell costs one hash probe. */
    private final Map<String, Integer> resolved = new HashMap<>();
    private long linesBefore;
    private long lastStart;

    private HeaderedCsv(Reader reader) throws IOException {
        // Empty lines are kept (and skipped below) so that line numbers stay physical.
        this.parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).build().parse(reader);
        this.records = parser.iterator();
        CSVRecord first = nextOrNull();
        if (first != null) {
            for (int i = 0; i < first.size(); i++) {
                String name = first.get(i).replace("\uFEFF", "").strip();
                header.add(name);
                index.putIfAbsent(FieldParsers.headerKey(name), i);
            }
        }
    }

    /** Opens a UTF-8 file, dropping a leading byte-order mark. */
    public static HeaderedCsv open(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        PushbackReader reader = new PushbackReader(in, 1);
        int c = reader.read();
        if (c != -1 && c != '\uFEFF') reader.unread(c);
        return new HeaderedCsv(reader);
    }

    /** The header cells as written (BOM and surrounding spaces removed). */
    public List<String> header() {
        return List.copyOf(header);
    }

    /** The header names as written whose key passes {@code keyFilter}. */
    public List<String> columns(Predicate<String> keyFilter) {
        return header.stream().filter(h -> keyFilter.test(FieldParsers.headerKey(h))).toList();
    }

    public boolean has(String column) {
        return index.containsKey(FieldParsers.headerKey(column));
    }

    /** Warns once (line 1) about each header column that is neither known nor ignorable. */
    public void warnUnknownColumns(Set<String> knownKeys, Predicate<String> ignorable, String fileName, UsageSink sink) {
        for (String name : header) {
            String key = FieldParsers.headerKey(name);
            if (!key.isEmpty() && !knownKeys.contains(key) && !ignorable.test(key)) {
                sink.problem(ImportProblem.warning(fileName, 1, name, "unknown column, ignored"));
            }
        }
    }

    /**
     * The next non-empty record, or {@code null} at the end.
     *
     * @throws MalformedCsvException when the CSV itself is broken (e.g. an unterminated quote)
     */
    public Row next() {
        while (true) {
            CSVRecord r = nextOrNull();
            if (r == null) return null;
            long line = lastStart;
            if (r.size() == 1 && r.get(0).isBlank()) continue;
            return new Row(r, line);
        }
    }

    private CSVRecord nextOrNull() {
        try {
            if (!records.hasNext()) return null;
            CSVRecord r = records.next();
            lastStart = linesBefore + 1;
            linesBefore = parser.getCurrentLineNumber();
            return r;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedCsvException(linesBefore + 1, e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** One record and the line it starts on. */
    public final class Row {
        private final CSVRecord record;
        private final long line;

        private Row(CSVRecord record, long line) {
            this.record = record;
            this.line = line;
        }

        public long line() {
            return line;
        }

        /** The raw cell under {@code column}, or {@code null} when the file has no such column or the row is short. */
        public String get(String column) {
            int i = resolved.computeIfAbsent(column, c -> index.getOrDefault(FieldParsers.headerKey(c), -1));
            if (i < 0 || i >= record.size()) return null;
            return record.get(i);
        }

        /** The first column of {@code columns} whose cell is not blank, or {@code null}. */
        public String first(String... columns) {
            for (String c : columns) {
                String v = get(c);
                if (!FieldParsers.isBlank(v)) return v.strip();
            }
            return null;
        }

        /** Cells under the given header names (from {@link #columns}), e.g. a FOCUS file's {@code x_} columns. */
        public Map<String, String> cells(List<String> columns) {
            Map<String, String> out = new HashMap<>();
            for (String c : columns) {
                String v = get(c);
                if (v != null) out.put(c, v);
            }
            return out;
        }
    }

    /** The file is not well-formed CSV from {@code line} on; reading cannot go on. */
    public static final class MalformedCsvException extends RuntimeException {
        private final long line;

        public MalformedCsvException(long line, String detail) {
            super(detail);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }
}

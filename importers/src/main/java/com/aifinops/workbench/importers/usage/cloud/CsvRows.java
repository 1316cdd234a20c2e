package com.aifinops.workbench.importers.usage.cloud;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A CSV file read record by record with Commons CSV: the first record is the header, every later record comes
 * with the physical line it starts on (so a quoted multi-line cell does not shift the line numbers that errors
 * name). A leading BOM is dropped and the delimiter (comma, semicolon or tab) is taken from the header line.
 * Nothing is held beyond the current record.
 */
public final class CsvRows implements AutoCloseable {
    /** One record: its cells and the 1-based line it starts on. */
    public record Row(long line, List<String> cells) {
        /** The cell at {@code index}, or {@code null} when the record is shorter (or the index is -1). */
        public String get(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : null;
        }

        /** True for a line with no content at all (blank lines are skipped, not errors). */
        public boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final char delimiter;

    private CsvRows(Reader reader, Character delimiterOrNull) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        in.mark(1 << 20);
        int first = in.read();
        if (first != '\uFEFF') in.reset();
        in.mark(1 << 20);
        String headerLine = in.readLine();
        in.reset();
        this.delimiter = delimiterOrNull != null ? delimiterOrNull : sniff(headerLine);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .build();
        this.parser = CSVParser.parse(in, format);
        this.records = parser.iterator();
        try {
            this.header = records.hasNext() ? values(records.next()) : List.of();
        } catch (UncheckedIOException | IllegalStateException e) {
            parser.close();
            throw new MalformedCsvException(1, e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
    }

    public static CsvRows open(Path file) throws IOException {
        return open(file, null);
    }

    /** @param delimiterOrNull a fixed delimiter, or {@code null} to take it from the header line */
    public static CsvRows open(Path file, Character delimiterOrNull) throws IOException {
        return new CsvRows(Files.newBufferedReader(file, StandardCharsets.UTF_8), delimiterOrNull);
    }

    public static CsvRows open(Reader reader, Character delimiterOrNull) throws IOException {
        return new CsvRows(reader, delimiterOrNull);
    }

    /** The header cells as written (BOM removed). Empty for an empty file. */
    public List<String> header() {
        return header;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The file breaks CSV quoting from {@code line} on: a content problem, reported and the rest not read. */
    public static final class MalformedCsvException extends IOException {
        private final long line;

        MalformedCsvException(long line, String message) {
            super(message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    /** The next non-blank record, or {@code null} at the end; a broken quote throws {@link MalformedCsvException}. */
    public Row next() throws IOException {
        while (true) {
            long start = parser.getCurrentLineNumber() + 1;
            boolean more;
            try {
                more = records.hasNext();
            } catch (UncheckedIOException e) {
                throw new MalformedCsvException(start, e.getCause().getMessage());
            } catch (IllegalStateException e) {
                throw new MalformedCsvException(start, e.getMessage());
            }
            if (!more) return null;
            Row row = new Row(start, values(records.next()));
            if (!row.blank()) return row;
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static List<String> values(CSVRecord r) {
        List<String> out = new ArrayList<>(r.size());
        for (String v : r) out.add(v);
        return out;
    }

    /** The cells of the first line of {@code head} (for detection), BOM dropped; empty when it is not CSV. */
    public static List<String> headerCells(String head) {
        try (CsvRows rows = open(new StringReader(head), null)) {
            return rows.header();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The delimiter that splits the header line into the most cells outside quotes. */
    static char sniff(String headerLine) {
        if (headerLine == null) return ',';
        int comma = 0, semi = 0, tab = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') comma++;
            else if (!quoted && c == ';') semi++;
            else if (!quoted && c == '\t') tab++;
        }
        if (tab > comma && tab > semi) return '\t';
        if (semi > comma) return ';';
        return ',';
    }
}

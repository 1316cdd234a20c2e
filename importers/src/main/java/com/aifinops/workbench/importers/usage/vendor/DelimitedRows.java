package com.aifinops.workbench.importers.usage.vendor;

import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageSink;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams a vendor CSV or TSV export record by record, by header name: the delimiter is detected from the
 * header line, a BOM is dropped, header names are compared loosely ({@link FieldParsers#headerKey}), columns
 * the reader does not know are one warning each, and blank lines are skipped. Every record carries the
 * physical line it starts on, so problems point at the place a user can open.
 */
public final class DelimitedRows {
    /** What a reader does with one record. */
    @FunctionalInterface
    public interface RowHandler {
        void row(Row row);
    }

    private DelimitedRows() {
    }

    /**
     * @param known the header keys (lower case) the reader understands; any other column is a warning
     */
    public static void read(Path file, Set<String> known, UsageSink sink, RowHandler handler) throws IOException {
        String name = file.getFileName().toString();
        String first;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = in.readLine();
        } catch (CharacterCodingException e) {
            sink.problem(ImportProblem.error(name, 1, null, null, "the file is not UTF-8 text (" + e + ")"));
            return;
        }
        if (first == null) {
            return;
        }
        char delimiter = delimiterOf(first);
        // opened again rather than marked and reset: a header line may be longer than any mark limit
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).build();
            try (CSVParser parser = CSVParser.parse(in, format)) {
                Iterator<CSVRecord> it = parser.iterator();
                long before = parser.getCurrentLineNumber();
                try {
                    if (!it.hasNext()) {
                        return;
                    }
                    Map<String, Integer> header = header(it.next(), known, name, sink);
                    before = parser.getCurrentLineNumber();
                    while (it.hasNext()) {
                        CSVRecord record = it.next();
                        // the record starts on the line after the previous record's last line break
                        long line = before + 1;
                        before = parser.getCurrentLineNumber();
                        if (isBlank(record)) {
                            continue;
                        }
                        if (record.size() > header.size()) {
                            sink.problem(ImportProblem.warning(name, line, null, "the record has " + record.size()
                                    + " cells but the header only " + header.size() + " columns; extra cells ignored"));
                        }
                        handler.row(new Row(name, line, header, record, sink));
                    }
                } catch (UncheckedIOException e) {
                    if (!isContentProblem(e.getCause())) {
                        throw e.getCause();
                    }
                    String message = e.getCause() instanceof CharacterCodingException
                            ? "not UTF-8 text at or after this line (re-save the export as UTF-8); reading stopped"
                            : "unreadable CSV from here on (" + e.getCause().getMessage()
                                    + "); expected well-formed comma- or tab-separated values";
                    sink.problem(ImportProblem.error(name, before + 1, null, null, message));
                }
            }
        }
    }

    /** Tab when the header line has more tabs than commas, else comma. */
    public static char delimiterOf(String headerLine) {
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        return tabs > commas ? '\t' : ',';
    }

    /** The loosened header keys of the first line of {@code head} (for detection). */
    public static List<String> headerKeys(String head) {
        if (head == null || head.isEmpty()) {
            return List.of();
        }
        int end = head.indexOf('\n');
        String first = end < 0 ? head : head.substring(0, end);
        if (first.endsWith("\r")) {
            first = first.substring(0, first.length() - 1);
        }
        String delimiter = delimiterOf(first) == '\t' ? "\t" : ",";
        List<String> keys = new ArrayList<>();
        for (String cell : first.split(delimiter, -1)) {
            keys.add(FieldParsers.headerKey(cell));
        }
        return keys;
    }

    private static Map<String, Integer> header(CSVRecord record, Set<String> known, String name, UsageSink sink) {
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String key = FieldParsers.headerKey(record.get(i));
            if (key.isEmpty()) {
                continue;
            }
            if (header.putIfAbsent(key, i) != null) {
                sink.problem(ImportProblem.warning(name, 1, record.get(i), "duplicate column; the first one is used"));
            } else if (!known.contains(key)) {
                sink.problem(ImportProblem.warning(name, 1, record.get(i).strip(), "unknown column, ignored"));
            }
        }
        return header;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isContentProblem(IOException e) {
        // Commons CSV reports malformed quoting as a plain IOException; bad UTF-8 as a coding exception
        return e.getClass() == IOException.class || e instanceof CharacterCodingException;
    }
}

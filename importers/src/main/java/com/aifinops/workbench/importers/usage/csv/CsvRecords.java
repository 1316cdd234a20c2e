package com.aifinops.workbench.importers.usage.csv;

import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A CSV (or TSV, or semicolon) file read record by record with Commons CSV, the one way every usage reader
 * streams delimited text: a leading BOM is dropped, the delimiter is fixed or taken from the header line
 * ({@link Delimiter}), the first record is the header, and every later record comes with the physical line it
 * starts on (a quoted multi-line cell does not shift the line numbers that problems name). Header names are
 * looked up loosely through {@link CsvColumns}. Nothing is held beyond the current record.
 */
public final class CsvRecords implements AutoCloseable {
    /** How the delimiter is chosen from the header line. */
    @FunctionalInterface
    public interface Delimiter {
        /** Always a comma (FOCUS, LiteLLM). */
        Delimiter COMMA = headerLine -> ',';
        /** Tab when the header line has more tabs than commas (counted over the whole line), else comma. */
        Delimiter COMMA_OR_TAB = CsvRecords::commaOrTab;
        /** The one of comma, semicolon and tab that splits the header line into the most cells outside quotes. */
        Delimiter SNIFFED = CsvRecords::sniff;

        char of(String headerLine);

        static Delimiter fixed(char c) {
            return headerLine -> c;
        }

        /** A fixed delimiter, or {@link #SNIFFED} when {@code null}. */
        static Delimiter fixedOrSniffed(Character c) {
            return c == null ? SNIFFED : fixed(c);
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final char delimiter;
    private final CsvColumns columns;

    private CsvRecords(BufferedReader in, char delimiter) throws IOException {
        this.delimiter = delimiter;
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false) // empty lines are kept (and skipped in next) so line numbers stay physical
                .setIgnoreSurroundingSpaces(false)
                .build();
        this.parser = CSVParser.parse(in, format);
        this.records = parser.iterator();
        try {
            this.header = records.hasNext() ? values(records.next()) : List.of();
        } catch (UncheckedIOException | IllegalStateException e) {
            parser.close();
            throw MalformedCsvException.of(1, e);
        }
        this.columns = new CsvColumns(header, FieldParsers::headerKey);
    }

    /** Opens a UTF-8 file with the delimiter {@link Delimiter#SNIFFED}. */
    public static CsvRecords open(Path file) throws IOException {
        return open(file, Delimiter.SNIFFED);
    }

    /**
     * Opens a UTF-8 file. The header line is read by a first reader to choose the delimiter and the file is opened
     * again rather than marked and reset: a header line may be longer than any mark limit. Text that is not UTF-8
     * in the first buffer throws a {@link CharacterCodingException} here; later it is a {@link MalformedCsvException}.
     */
    public static CsvRecords open(Path file, Delimiter delimiter) throws IOException {
        String headerLine;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            headerLine = withoutBom(in.readLine());
        }
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            dropBom(in);
            return new CsvRecords(in, delimiter.of(headerLine));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Reads from {@code reader} (e.g. a file head), which must support mark/reset over its first line. */
    public static CsvRecords open(Reader reader, Delimiter delimiter) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        dropBom(in);
        in.mark(1 << 20);
        String headerLine = in.readLine();
        in.reset();
        return new CsvRecords(in, delimiter.of(headerLine));
    }

    /** The cells of the first line of {@code head} (for detection), BOM dropped; empty when it is not CSV. */
    public static List<String> headerCells(String head, Delimiter delimiter) {
        try (CsvRecords rows = open(new StringReader(head), delimiter)) {
            return rows.header();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** {@link #headerCells(String, Delimiter)} with {@link Delimiter#SNIFFED}. */
    public static List<String> headerCells(String head) {
        return headerCells(head, Delimiter.SNIFFED);
    }

    /**
     * The loosened header keys ({@link FieldParsers#headerKey}) of the first line of {@code head}, split on the
     * delimiter without regard to quotes: cheap enough for detection.
     */
    public static List<String> headerKeys(String head, Delimiter delimiter) {
        if (head == null || head.isEmpty()) {
            return List.of();
        }
        int end = head.indexOf('\n');
        String first = end < 0 ? head : head.substring(0, end);
        if (first.endsWith("\r")) {
            first = first.substring(0, first.length() - 1);
        }
        String d = String.valueOf(delimiter.of(first));
        List<String> keys = new ArrayList<>();
        for (String cell : first.split(java.util.regex.Pattern.quote(d), -1)) {
            keys.add(FieldParsers.headerKey(cell));
        }
        return keys;
    }

    /** The header cells as written (BOM removed). Empty for an empty file. */
    public List<String> header() {
        return header;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The header looked up by {@link FieldParsers#headerKey} (case, BOM, spaces and quotes ignored). */
    public CsvColumns columns() {
        return columns;
    }

    /** The header looked up by another key, e.g. one that folds {@code lineItem/UsageType} into {@code line_item_usage_type}. */
    public CsvColumns columns(Function<String, String> keyOf) {
        return new CsvColumns(header, keyOf);
    }

    /** The next record with a non-blank cell, or {@code null} at the end; a broken quote throws {@link MalformedCsvException}. */
    public CsvRecord next() throws MalformedCsvException {
        return next(CsvRecord::blank);
    }

    /** The next record that is not an empty line (a record of blank cells, {@code ,,,}, is returned), or {@code null}. */
    public CsvRecord nextNonEmptyLine() throws MalformedCsvException {
        return next(CsvRecord::emptyLine);
    }

    private CsvRecord next(Predicate<CsvRecord> skip) throws MalformedCsvException {
        while (true) {
            // the record starts on the line after the previous record's last line break
            long start = parser.getCurrentLineNumber() + 1;
            boolean more;
            try {
                more = records.hasNext();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw MalformedCsvException.of(start, e);
            }
            if (!more) return null;
            CsvRecord row = new CsvRecord(start, values(records.next()), columns);
            if (!skip.test(row)) return row;
        }
    }

    /**
     * Sends the line {@code line} builds from each remaining record (none when it returns {@code null}). A
     * {@link BadCell} it throws rejects the record with an error at its line; broken quoting is an error
     * ({@code broken CSV quoting: …}) after which reading stops.
     */
    public void readLines(String file, UsageSink sink, Function<CsvRecord, UsageLine> line) throws IOException {
        try {
            for (CsvRecord row = next(); row != null; row = next()) {
                try {
                    UsageLine built = line.apply(row);
                    if (built != null) sink.accept(built);
                } catch (BadCell bad) {
                    sink.problem(bad.problem(file, row.line()));
                }
            }
        } catch (MalformedCsvException e) {
            sink.problem(brokenQuoting(file, e));
        }
    }

    /** What a reader does with an open file. */
    @FunctionalInterface
    public interface Body {
        void read(CsvRecords csv) throws IOException;
    }

    /**
     * Opens {@code file}, hands it to {@code body} and closes it; broken quoting met while opening (in the header)
     * or thrown out of {@code body} is an error ({@code broken CSV quoting: …}), not an exception.
     */
    public static void read(Path file, Delimiter delimiter, UsageSink sink, Body body) throws IOException {
        try (CsvRecords csv = open(file, delimiter)) {
            body.read(csv);
        } catch (MalformedCsvException e) {
            sink.problem(brokenQuoting(file.getFileName().toString(), e));
        }
    }

    /** The error for broken quoting met while opening or reading a file. */
    public static ImportProblem brokenQuoting(String file, MalformedCsvException e) {
        return ImportProblem.error(file, e.line(), null, null, "broken CSV quoting: " + e.getMessage());
    }

    /**
     * Streams {@code file} ({@link Delimiter#COMMA_OR_TAB}) to {@code handler} as {@link CheckedRecord}s, reporting
     * as the vendor dashboard readers do: a header column not in {@code known} (header keys) or repeated is one
     * warning, a record with more cells than the header a warning, text that is not UTF-8 or broken quoting an
     * error at its line after which reading stops.
     */
    public static void forEachChecked(Path file, Set<String> known, UsageSink sink, Consumer<CheckedRecord> handler)
            throws IOException {
        String name = file.getFileName().toString();
        CsvRecords csv;
        try {
            csv = open(file, Delimiter.COMMA_OR_TAB);
        } catch (CharacterCodingException e) {
            sink.problem(ImportProblem.error(name, 1, null, null, "the file is not UTF-8 text (" + e + ")"));
            return;
        } catch (MalformedCsvException e) {
            reportUnreadable(name, e, sink);
            return;
        }
        try (csv) {
            if (csv.header().isEmpty()) {
                return;
            }
            // the width is the distinct named columns, so a repeated or unnamed header cell makes every full record
            // "too wide" (kept as it was; see the clean-up report)
            int width = csv.columns().warnUnknownOrDuplicate(name, known, sink);
            try {
                for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
                    if (record.size() > width) {
                        sink.problem(ImportProblem.warning(name, record.line(), null, "the record has " + record.size()
                                + " cells but the header only " + width + " columns; extra cells ignored"));
                    }
                    handler.accept(new CheckedRecord(name, record, sink));
                }
            } catch (MalformedCsvException e) {
                reportUnreadable(name, e, sink);
            }
        }
    }

    /**
     * {@link #forEachChecked} for readers of one usage line per record: a record {@code skip} accepts (an empty
     * period) is passed over, and the line {@code line} builds is sent when it is not {@code null} and no cell of
     * the record was malformed.
     */
    public static void readLines(Path file, Set<String> known, UsageSink sink, Predicate<CheckedRecord> skip,
                                 Function<CheckedRecord, UsageLine> line) throws IOException {
        forEachChecked(file, known, sink, row -> {
            if (skip.test(row)) {
                return;
            }
            UsageLine built = line.apply(row);
            if (built != null && row.ok()) {
                sink.accept(built);
            }
        });
    }

    private static void reportUnreadable(String name, MalformedCsvException e, UsageSink sink) throws IOException {
        if (!e.isContentProblem()) {
            throw e.getCause();
        }
        String message = e.getCause() instanceof CharacterCodingException
                ? "not UTF-8 text at or after this line (re-save the export as UTF-8); reading stopped"
                : "unreadable CSV from here on (" + e.getCause().getMessage()
                        + "); expected well-formed comma- or tab-separated values";
        sink.problem(ImportProblem.error(name, e.line(), null, null, message));
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

    private static void dropBom(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') in.reset();
    }

    private static String withoutBom(String line) {
        return line != null && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Tab when the header line has more tabs than commas, else comma. */
    static char commaOrTab(String headerLine) {
        if (headerLine == null) return ',';
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        return tabs > commas ? '\t' : ',';
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

    /**
     * The file is not readable CSV from {@code line} on (broken quoting, or text that is not UTF-8): a content
     * problem, reported and the rest not read. The cause is what the parser met.
     */
    public static final class MalformedCsvException extends IOException {
        private final long line;
        private final String parserMessage;

        private MalformedCsvException(long line, String message, String parserMessage, IOException cause) {
            super(message, cause);
            this.line = line;
            this.parserMessage = parserMessage;
        }

        static MalformedCsvException of(long line, RuntimeException e) {
            IOException cause = e.getCause() instanceof IOException io ? io : null;
            String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            return new MalformedCsvException(line, message, e.getMessage(), cause);
        }

        public long line() {
            return line;
        }

        /** The parser's own wording, e.g. {@code IOException reading next record: java.io.IOException: (line 3) …}. */
        public String parserMessage() {
            return parserMessage;
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }

        /** Malformed text (Commons CSV reports bad quoting as a plain IOException) or a coding error, not a failing disk. */
        boolean isContentProblem() {
            IOException c = getCause();
            return c == null || c.getClass() == IOException.class || c instanceof CharacterCodingException;
        }
    }
}

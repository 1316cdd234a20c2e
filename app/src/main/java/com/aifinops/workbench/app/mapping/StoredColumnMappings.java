package com.aifinops.workbench.app.mapping;

import com.aifinops.workbench.app.store.H2MappingStore;
import com.aifinops.workbench.importers.usage.UsageReaders;
import com.aifinops.workbench.importers.usage.csv.CsvRecord;
import com.aifinops.workbench.importers.usage.csv.CsvRecords;
import com.aifinops.workbench.importers.usage.mapped.ColumnMapping;
import com.aifinops.workbench.model.ledger.ColumnMappings;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mapping dialog's {@link ColumnMappings} over the importers' {@link ColumnMapping} (suggestions, validation,
 * reading the preview rows) and the ledger's {@link H2MappingStore}.
 */
public final class StoredColumnMappings implements ColumnMappings {
    private static final List<Field> FIELDS = List.of(
            new Field("startTime", "Start time", true),
            new Field("endTime", "End time", false),
            new Field("provider", "Provider", true),
            new Field("model", "Model", false),
            new Field("input", "Input tokens", false),
            new Field("cacheRead", "Cache-read tokens", false),
            new Field("cacheWrite5m", "Cache-write tokens (5 min)", false),
            new Field("cacheWrite1h", "Cache-write tokens (1 h)", false),
            new Field("output", "Output tokens", false),
            new Field("reasoning", "Reasoning tokens", false),
            new Field("requests", "Requests", false),
            new Field("billedCost", "Billed cost", false),
            new Field("currency", "Currency", false),
            new Field("org", "Organisation", false),
            new Field("team", "Team", false),
            new Field("project", "Project", false),
            new Field("agent", "Agent", false),
            new Field("user", "User", false),
            new Field("apiKey", "API key", false),
            new Field("workspace", "Workspace", false),
            new Field("environment", "Environment", false),
            new Field("feature", "Feature", false),
            new Field("customer", "Customer", false));

    private final H2MappingStore store;

    public StoredColumnMappings(H2MappingStore store) {
        this.store = store;
    }

    @Override
    public List<Field> fields() {
        return FIELDS;
    }

    @Override
    public Preview preview(Path file, int rows) throws IOException {
        try (CsvRecords csv = open(file)) {
            List<List<String>> out = new ArrayList<>();
            for (CsvRecord r = csv.next(); r != null && out.size() < rows; r = csv.next()) {
                if (!r.blank()) out.add(r.cells().stream().map(c -> c == null ? "" : c).toList());
            }
            return new Preview(file, csv.header(), out, String.valueOf(csv.delimiter()));
        }
    }

    /** Opens a CSV for mapping: the delimiter sniffed from the header line (comma, semicolon, tab, or pipe). */
    public static CsvRecords open(Path file) throws IOException {
        return CsvRecords.open(file, CsvRecords.Delimiter.fixedOrSniffed(pipeDelimited(file) ? '|' : null));
    }

    /**
     * True when the header line splits on {@code |} only: the CSV sniffer knows comma, semicolon and tab, and a
     * mapping may also read pipe-delimited files.
     */
    private static boolean pipeDelimited(Path file) throws IOException {
        String head = UsageReaders.head(file);
        int nl = head.indexOf('\n');
        String first = nl < 0 ? head : head.substring(0, nl);
        return first.indexOf('|') >= 0 && first.indexOf(',') < 0 && first.indexOf(';') < 0 && first.indexOf('\t') < 0;
    }

    @Override
    public Draft suggest(String name, Preview preview) {
        return draft(ColumnMapping.suggest(name, preview.header()).withDelimiter(preview.delimiter()));
    }

    @Override
    public List<String> problems(Draft draft, Preview preview) {
        List<String> p = new ArrayList<>();
        Long multiplier = multiplier(draft.tokenMultiplier());
        if (multiplier == null) p.add("the token multiplier must be a whole number, not '" + draft.tokenMultiplier() + "'");
        ColumnMapping m = mapping(draft, multiplier == null ? 1 : multiplier);
        p.addAll(m.problems());
        m.missingHeaders(preview.header()).forEach((field, header) ->
                p.add("column '" + header + "' (" + field + ") is not in this file"));
        if (p.isEmpty()) p.addAll(readErrors(m, preview));
        return p;
    }

    /** The errors of reading the preview's records (only those: the reader stops after them) with {@code m}. */
    private static List<String> readErrors(ColumnMapping m, Preview preview) {
        int limit = preview.rows().size();
        List<String> errors = new ArrayList<>();
        final class Enough extends RuntimeException {
            Enough() {
                super(null, null, false, false);
            }
        }
        UsageSink sink = new UsageSink() {
            int records;

            @Override
            public void accept(UsageLine line) {
                count();
            }

            @Override
            public void problem(ImportProblem problem) {
                if (problem.severity() != ImportProblem.Severity.ERROR) return;
                errors.add("line " + problem.line() + (problem.column() == null ? "" : ", column " + problem.column())
                        + (problem.value() == null ? "" : ", value '" + problem.value() + "'") + ": " + problem.message());
                if (problem.line() > 1) count();
            }

            private void count() {
                if (++records >= limit) throw new Enough();
            }
        };
        try {
            UsageReaders.mapped(m).read(preview.file(), sink);
        } catch (Enough done) {
            // read as far as the preview shows
        } catch (IOException | RuntimeException e) {
            errors.add(preview.file().getFileName() + " cannot be read: " + e.getMessage());
        }
        return errors;
    }

    @Override
    public void save(Draft draft) throws IOException {
        Long multiplier = multiplier(draft.tokenMultiplier());
        if (multiplier == null) {
            throw new IllegalArgumentException("the token multiplier must be a whole number, not '" + draft.tokenMultiplier() + "'");
        }
        try {
            store.save(mapping(draft, multiplier));
        } catch (SQLException e) {
            throw new IOException("the mapping could not be saved: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> names() throws IOException {
        try {
            return store.names();
        } catch (SQLException e) {
            throw new IOException("the saved mappings could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Draft> load(String name) throws IOException {
        try {
            return store.find(name).map(StoredColumnMappings::draft);
        } catch (SQLException e) {
            throw new IOException("the mapping '" + name + "' could not be read: " + e.getMessage(), e);
        }
    }

    // ---- draft <-> mapping ----

    static Draft draft(ColumnMapping m) {
        Map<String, String> cols = new LinkedHashMap<>();
        put(cols, "startTime", m.startTime());
        put(cols, "endTime", m.endTime());
        put(cols, "provider", m.provider());
        put(cols, "model", m.model());
        put(cols, "input", m.input());
        put(cols, "cacheRead", m.cacheRead());
        put(cols, "cacheWrite5m", m.cacheWrite5m());
        put(cols, "cacheWrite1h", m.cacheWrite1h());
        put(cols, "output", m.output());
        put(cols, "reasoning", m.reasoning());
        put(cols, "requests", m.requests());
        put(cols, "billedCost", m.billedCost());
        put(cols, "currency", m.currency());
        m.allocation().forEach((k, v) -> put(cols, k, v));
        return new Draft(m.name(), cols, m.delimiter(), m.providerConstant(), m.currencyConstant(), m.timeFormat(),
                m.inputIncludesCached(), m.outputIncludesReasoning(), Long.toString(m.tokenMultiplier()), m.tags());
    }

    static ColumnMapping mapping(Draft d, long multiplier) {
        Map<String, String> c = d.columns();
        Map<String, String> allocation = new LinkedHashMap<>();
        c.forEach((k, v) -> {
            if (ColumnMapping.ALLOCATION_FIELDS.contains(k) && !blank(v)) allocation.put(k, v);
        });
        return new ColumnMapping(trim(d.name()), d.delimiter(), get(c, "startTime"), get(c, "endTime"), get(c, "provider"),
                trim(d.providerConstant()), get(c, "model"), get(c, "input"), d.inputIncludesCached(),
                get(c, "cacheRead"), get(c, "cacheWrite5m"), get(c, "cacheWrite1h"), get(c, "output"),
                d.outputIncludesReasoning(), get(c, "reasoning"), get(c, "requests"), get(c, "billedCost"),
                get(c, "currency"), trim(d.currencyConstant()), allocation, d.tags(), trim(d.timeFormat()), multiplier);
    }

    private static Long multiplier(String s) {
        if (blank(s)) return 1L;
        try {
            return Long.parseLong(s.strip().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (!blank(v)) m.put(k, v);
    }

    private static String get(Map<String, String> c, String k) {
        return trim(c.get(k));
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package com.aifinops.workbench.importers.usage.csv;

import com.aifinops.workbench.importers.usage.FieldParsers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One CSV record: its cells, the 1-based physical line it starts on, and its file's header, so a cell can be read
 * by index ({@link CsvColumns#find}) or by a loosely compared column name.
 */
public final class CsvRecord {
    private final long line;
    private final List<String> cells;
    private final CsvColumns columns;

    CsvRecord(long line, List<String> cells, CsvColumns columns) {
        this.line = line;
        this.cells = cells;
        this.columns = columns;
    }

    public long line() {
        return line;
    }

    public List<String> cells() {
        return cells;
    }

    public int size() {
        return cells.size();
    }

    /** The cell at {@code index}, or {@code null} when the record is shorter (or the index is -1). */
    public String get(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : null;
    }

    /** The raw cell under {@code column} (compared as a header key), or {@code null} when absent or the record is short. */
    public String get(String column) {
        return get(columns.find(column));
    }

    /** True when the header has {@code column} (compared as a header key). */
    public boolean has(String column) {
        return columns.find(column) >= 0;
    }

    /** The first of {@code columns} whose cell is not blank ({@link FieldParsers#isBlank}), stripped; or {@code null}. */
    public String first(String... names) {
        for (String c : names) {
            String v = get(c);
            if (!FieldParsers.isBlank(v)) return v.strip();
        }
        return null;
    }

    /** Cells under the given header names (e.g. a FOCUS file's {@code x_} columns); absent ones are left out. */
    public Map<String, String> cells(List<String> names) {
        Map<String, String> out = new HashMap<>();
        for (String c : names) {
            String v = get(c);
            if (v != null) out.put(c, v);
        }
        return out;
    }

    /** True when no cell has content (such records are skipped, not errors). */
    public boolean blank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    /** True for an empty (or whitespace-only) physical line: one blank cell. */
    public boolean emptyLine() {
        return cells.size() == 1 && cells.get(0).isBlank();
    }
}

package com.aifinops.workbench.importers.usage.csv;

import com.aifinops.workbench.importers.usage.FieldParsers;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.SourceRef;
import com.aifinops.workbench.model.usage.UsageSink;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/**
 * One CSV record read by header name. Typed getters turn a malformed cell into an error naming the file, line,
 * column, value and what was expected, and remember it: a reader checks {@link #ok()} and drops the record
 * rather than importing half of it.
 */
public final class CheckedRecord {
    private final String file;
    private final CsvRecord record;
    private final UsageSink sink;
    private boolean ok = true;

    CheckedRecord(String file, CsvRecord record, UsageSink sink) {
        this.file = file;
        this.record = record;
        this.sink = sink;
    }

    public long line() {
        return record.line();
    }

    public SourceRef source() {
        return new SourceRef(file, record.line());
    }

    /** False once any getter met a malformed value (already reported). */
    public boolean ok() {
        return ok;
    }

    public boolean has(String column) {
        return record.has(column);
    }

    /** The cell stripped, or {@code null} when the column is absent or the cell blank. */
    public String text(String column) {
        String raw = raw(column);
        return FieldParsers.isBlank(raw) ? null : raw.strip();
    }

    /** True when none of {@code columns} has a value (e.g. a period without usage). */
    public boolean allBlank(java.util.List<String> columns) {
        return columns.stream().allMatch(c -> text(c) == null);
    }

    /** The first of the columns that has a value. */
    public String firstText(String... columns) {
        for (String c : columns) {
            String t = text(c);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    public Long count(String column) {
        return parse(column, FieldParsers::count, "a whole number of tokens or requests");
    }

    public long countOrZero(String column) {
        Long v = count(column);
        return v == null ? 0 : v;
    }

    public BigDecimal money(String column) {
        return parse(column, FieldParsers::money, "an amount such as 0.25");
    }

    public Instant instant(String column) {
        return parse(column, FieldParsers::instant, "a date or time such as 2025-10-05, 2025-10-05T00:00:00+00:00 or Unix seconds");
    }

    /** True/False in any case (spreadsheets write {@code FALSE}), 1/0; blank is {@code null}. */
    public Boolean bool(String column) {
        return parse(column, CheckedRecord::parseBool, "True or False");
    }

    /** Reports an error on this row's column and marks the row bad. */
    public void error(String column, String value, String expected) {
        ok = false;
        sink.problem(ImportProblem.error(file, record.line(), column, value, expected));
    }

    private String raw(String column) {
        return record.get(column);
    }

    private <T> T parse(String column, Function<String, T> parser, String expected) {
        String raw = raw(column);
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "expected " + expected : e.getMessage();
            error(column, raw, message);
            return null;
        }
    }

    /** {@link #bool}'s reading of a text. */
    public static Boolean parseBool(String s) {
        if (FieldParsers.isBlank(s)) {
            return null;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected True or False");
        };
    }
}

package com.aifinops.workbench.importers.usage.csv;

import com.aifinops.workbench.model.usage.ImportProblem;

import java.util.function.Function;

/**
 * A cell that cannot be read: thrown while a reader builds one line, caught by its loop and turned into an
 * {@link ImportProblem} that names the file, line, column, value and what was expected; the line is rejected.
 */
public final class BadCell extends RuntimeException {
    private final String column;
    private final String value;

    public BadCell(String column, String value, String expected) {
        super(expected, null, false, false);
        this.column = column;
        this.value = value;
    }

    /** Parses the cell at {@code index} with {@code parser}; a parse failure becomes a {@code BadCell}. */
    public static <T> T parse(CsvRecord row, CsvColumns columns, int index, Function<String, T> parser) {
        if (index < 0) return null;
        String v = row.get(index);
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BadCell(columns.name(index), v, e.getMessage() == null ? "unreadable value" : e.getMessage());
        }
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }

    public ImportProblem problem(String file, long line) {
        return ImportProblem.error(file, line, column, value, getMessage());
    }
}

package com.aifinops.workbench.model.usage;

/**
 * Something wrong with one place in an input file, said so a user can find and fix it.
 *
 * @param file     the file's name or path
 * @param line     1-based line, or 0 when the problem is the file as a whole
 * @param column   the column's header name (or JSON field path), or {@code null}
 * @param value    the offending value as read, or {@code null}
 * @param message  what was expected, e.g. "expected a whole number of tokens"
 * @param severity {@link Severity#ERROR} rejects the line; {@link Severity#WARNING} (e.g. an unknown column) does not
 */
public record ImportProblem(String file, long line, String column, String value, String message, Severity severity) {

    public enum Severity { WARNING, ERROR }

    public static ImportProblem error(String file, long line, String column, String value, String message) {
        return new ImportProblem(file, line, column, value, message, Severity.ERROR);
    }

    public static ImportProblem warning(String file, long line, String column, String message) {
        return new ImportProblem(file, line, column, null, message, Severity.WARNING);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) b.append(':').append(line);
        if (column != null) b.append(", column ").append(column);
        if (value != null) b.append(", value '").append(value).append('\'');
        return b.append(": ").append(message).toString();
    }
}
